// `ping` (AIX): ICMP echo requests through the partition's IP stack, one line per reply, then the
// statistics. Output as in the AIX documentation's example (`PING host: (ip): 56 data bytes`, `64 bytes
// from ip: icmp_seq=0 ttl=255 time=2 ms`, `----host PING Statistics----`). Times come from the latency
// model (config.network) along the path the frames really took, printed in whole milliseconds unless
// network.pingTimeDecimals says otherwise. SIM: requests are sent back to back without waiting one
// second between them (the command runs synchronously, simulated time does not move); `ping HOST`
// without -c sends network.pingDefaultCount requests instead of running until interrupted.
import { err, type ClientCommand, type ClientCtx } from '../../shell/client-command.ts';
import { formatIpv4, parseIpv4 } from '../../../../platform/hypervisor/ethernet/ipv4-address.ts';
import type { EchoReply } from '../../../../platform/hypervisor/ethernet/ip-endpoint.ts';
import { netStack } from './net-context.ts';
import { NET_MSG } from './net-messages.ts';

const MAX_COUNT = 100_000; // SIM: a bound, since the command runs to completion at once
const MAX_SIZE = 65507; // 65535 - IPv4 header - ICMP header
const TIMEVAL = 8; // ping puts a timestamp first; shorter data means no round-trip times

interface PingArgs { host: string; count: number | null; size: number }

function parseArgs(argv: string[]): PingArgs | string {
  let count: number | null = null;
  let size = 56;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-c' || a === '-s') {
      const v = argv[++i];
      if (v === undefined) return NET_MSG.pingUsage();
      if (!/^\d+$/.test(v)) return a === '-c' ? NET_MSG.pingBadCount(v) : NET_MSG.pingBadSize(v);
      if (a === '-c') count = Number(v); else size = Number(v);
    } else if (a === '-n' || a === '-q') continue;
    else if (a.startsWith('-')) return NET_MSG.pingUsage();
    else rest.push(a);
  }
  if (rest.length < 1 || rest.length > 3) return NET_MSG.pingUsage();
  if (rest[1] !== undefined) { if (!/^\d+$/.test(rest[1])) return NET_MSG.pingBadSize(rest[1]); size = Number(rest[1]); }
  if (rest[2] !== undefined) { if (!/^\d+$/.test(rest[2])) return NET_MSG.pingBadCount(rest[2]); count = Number(rest[2]); }
  if (count !== null && (count < 1 || count > MAX_COUNT)) return NET_MSG.pingBadCount(String(count));
  if (size > MAX_SIZE) return NET_MSG.pingBadSize(String(size));
  return { host: rest[0], count, size };
}

/** Dotted addresses, `localhost` and the partition's own host name (no /etc/hosts or DNS is modelled). */
function resolve(ctx: ClientCtx, host: string, ownHostname: string, ownAddress: number): number {
  const ip = parseIpv4(host);
  if (!Number.isNaN(ip)) return ip;
  if (host === 'localhost') return parseIpv4('127.0.0.1');
  if (host === ownHostname || host === ctx.p.def.name) return ownAddress || parseIpv4('127.0.0.1');
  return NaN;
}

/** The echo data: a timestamp (seconds, microseconds of simulated time) then the bytes 8, 9, 10, … */
function echoData(size: number, nowMs: number): Uint8Array {
  const d = new Uint8Array(size);
  for (let i = 0; i < size; i++) d[i] = i & 0xff;
  if (size >= TIMEVAL) {
    const v = new DataView(d.buffer);
    v.setUint32(0, Math.floor(nowMs / 1000) >>> 0);
    v.setUint32(4, Math.floor((nowMs % 1000) * 1000));
  }
  return d;
}

export const ping: ClientCommand = (ctx, argv) => {
  const args = parseArgs(argv);
  if (typeof args === 'string') return err(args);
  const stack = netStack(ctx);
  const net = ctx.sys.config.network;
  const en0 = stack.interfaces()[0]?.endpoint;
  const dst = resolve(ctx, args.host, stack.odm().hostname, en0?.configured ? en0.ip : 0);
  if (Number.isNaN(dst)) return err(NET_MSG.pingUnknownHost(args.host));
  const count = args.count ?? net.pingDefaultCount;
  const out = [`PING ${args.host}: (${formatIpv4(dst)}): ${args.size} data bytes`];
  const errors: string[] = [];
  const times: number[] = [];
  const timed = args.size >= TIMEVAL;
  const ms = (us: number): string => (net.pingTimeDecimals === 0 ? String(Math.floor(us / 1000)) : (us / 1000).toFixed(net.pingTimeDecimals));
  const local = stack.isLocal(dst);
  const via = local ? undefined : stack.route(dst);
  const id = stack.nextEchoId();
  for (let seq = 0; seq < count; seq++) {
    let r: EchoReply | null = null;
    if (local) {
      stack.loopbackPackets += 2;
      r = { id, seq, from: dst, ttl: stack.ttl, bytes: args.size + 8, latencyUs: net.loopbackUs };
    } else if (!via) {
      errors.push(NET_MSG.pingUnreachable());
      continue;
    } else {
      r = stack.echo(via, dst, id, seq & 0xffff, echoData(args.size, ctx.now()));
    }
    if (!r) continue;
    times.push(r.latencyUs);
    out.push(`${r.bytes} bytes from ${formatIpv4(r.from)}: icmp_seq=${seq} ttl=${r.ttl}${timed ? ` time=${ms(r.latencyUs)} ms` : ''}`);
  }
  const lost = Math.floor(((count - times.length) * 100) / count);
  out.push('', `----${args.host} PING Statistics----`, `${count} packets transmitted, ${times.length} packets received, ${lost}% packet loss`);
  if (times.length && timed) {
    const avg = times.reduce((a, b) => a + b, 0) / times.length;
    out.push(`round-trip min/avg/max = ${ms(times.reduce((a, b) => Math.min(a, b)))}/${ms(avg)}/${ms(times.reduce((a, b) => Math.max(a, b)))} ms`);
  }
  return { stdout: out.map((l) => `${l}\n`).join(''), stderr: errors.map((l) => `${l}\n`).join(''), exit: times.length ? 0 : 1 };
};
