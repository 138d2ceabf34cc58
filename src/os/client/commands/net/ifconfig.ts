// `ifconfig` (AIX): show interfaces, or change an interface's live settings (address, mask, up/down,
// detach, MTU). As on AIX, ifconfig changes do not reach the ODM: the next activation starts from what
// `chdev -l enN` stored (net-config.ts). Assigning an address brings the interface up (BSD rule); without
// a netmask the classful mask of the address applies.
import { err, ok, type ClientCommand, type ClientResult } from '../../shell/client-command.ts';
import type { InterfaceView } from '../../net/ip-stack.ts';
import { broadcastOf, formatIpv4, hexMask, parseIpv4 } from '../../../../platform/hypervisor/ethernet/ipv4-address.ts';
import { LOOPBACK, netStack } from './net-context.ts';
import { NET_MSG } from './net-messages.ts';

// Interface flags as AIX prints them for a virtual Ethernet interface and for the loopback (UNCERTAIN bits).
const EN_FLAGS = ['UP', 'BROADCAST', 'NOTRAILERS', 'RUNNING', 'SIMPLEX', 'MULTICAST', 'GROUPRT', '64BIT', 'CHECKSUM_OFFLOAD(ACTIVE)', 'CHAIN'];
const EN_BITS = 0x1e084863;
const UP_RUNNING = 0x41;
const LO_LINE = 'lo0: flags=e08084b,c0<UP,BROADCAST,LOOPBACK,RUNNING,SIMPLEX,MULTICAST,GROUPRT,64BIT,LARGESEND,CHAIN>';
const EN_ISNO = '\t tcp_sendspace 262144 tcp_recvspace 262144 rfc1323 1';
const LO_ISNO = '\t tcp_sendspace 131072 tcp_recvspace 131072 rfc1323 1';

function showEn(i: InterfaceView): string[] {
  const e = i.endpoint;
  const up = e.up;
  const bits = up ? EN_BITS : EN_BITS & ~UP_RUNNING;
  const names = up ? EN_FLAGS : EN_FLAGS.filter((f) => f !== 'UP' && f !== 'RUNNING');
  const lines = [`${i.name}: flags=${bits.toString(16)},480<${names.join(',')}>`];
  if (e.ip !== 0) lines.push(`\tinet ${formatIpv4(e.ip)} netmask ${hexMask(e.mask)} broadcast ${formatIpv4(broadcastOf(e.ip, e.mask))}`);
  lines.push(EN_ISNO);
  return lines;
}

const showLo = (): string[] => [LO_LINE, `\tinet ${LOOPBACK.ip} netmask ${hexMask(LOOPBACK.mask)} broadcast 127.255.255.255`, '\tinet6 ::1%1/0', LO_ISNO];
const text = (lines: string[]): string => lines.map((l) => `${l}\n`).join('');

/** The classful mask of an address (A /8, B /16, C /24), used when ifconfig gets no netmask. */
const classfulMask = (ip: number): number => (ip >>> 31 === 0 ? 0xff000000 : ip >>> 30 === 2 ? 0xffff0000 : 0xffffff00);

/** A netmask as AIX ifconfig accepts it: dotted quad or 0x-hex. */
function parseMask(s: string): number {
  if (/^0x[0-9a-f]{1,8}$/i.test(s)) return parseInt(s, 16) >>> 0;
  return parseIpv4(s);
}

export const ifconfig: ClientCommand = (ctx, argv) => {
  if (argv.length === 0) return err(NET_MSG.ifconfigUsage());
  const stack = netStack(ctx);
  if (argv[0] === '-a') {
    if (argv.length > 1 && !['inet', '-u', '-d'].includes(argv[1])) return err(NET_MSG.ifconfigUsage());
    const shown = stack.interfaces().filter((i) => i.endpoint.ip !== 0 && (argv[1] !== '-u' || i.endpoint.up) && (argv[1] !== '-d' || !i.endpoint.up));
    return ok(text([...shown.flatMap(showEn), ...(argv[1] === '-d' ? [] : showLo())]));
  }
  const name = argv[0];
  if (name === LOOPBACK.name) return argv.length === 1 ? ok(text(showLo())) : err(NET_MSG.notSimulated('Changing lo0'));
  const i = /^en\d+$/.test(name) ? stack.interface(name) : undefined;
  if (!i) return err(NET_MSG.ifconfigNoDevice());
  if (argv.length === 1) return ok(text(showEn(i)));
  return change(stack, i, argv.slice(1));
};

function change(stack: ReturnType<typeof netStack>, i: InterfaceView, words: string[]): ClientResult {
  const set: Parameters<typeof stack.setLive>[1] = {};
  let mask: number | undefined;
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    const next = (): string | undefined => words[++k];
    if (w === 'inet' && k === 0) continue;
    if (w === 'up') set.up = true;
    else if (w === 'down') set.up = false;
    else if (w === 'detach') { set.ip = 0; set.mask = 0; set.up = false; }
    else if (w === 'netmask') {
      const v = next() ?? '';
      mask = parseMask(v);
      if (Number.isNaN(mask)) return err(NET_MSG.ifconfigBadAddress(v));
    } else if (w === 'mtu') {
      const v = next() ?? '';
      if (!/^\d+$/.test(v) || Number(v) < 60 || Number(v) > 65394) return err(NET_MSG.ifconfigBadAddress(v));
      set.mtu = Number(v);
    } else if (w === 'broadcast') {
      next(); // the broadcast address follows from address and mask here
    } else if (set.ip === undefined) {
      const ip = parseIpv4(w);
      if (Number.isNaN(ip) || ip === 0) return err(NET_MSG.ifconfigBadAddress(w));
      set.ip = ip;
      set.up ??= true;
    } else return err(NET_MSG.ifconfigUsage());
  }
  if (mask !== undefined) set.mask = mask;
  else if (set.ip) set.mask = classfulMask(set.ip);
  if (set.up && !set.ip && i.endpoint.ip === 0) set.up = false; // nothing to bring up without an address
  stack.setLive(i.name, set);
  return ok();
}
