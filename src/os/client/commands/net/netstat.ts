// `netstat -in` (AIX): one row per interface and address family, the link row first (`link#N` with the
// MAC in dotted hex), then the IPv4 row (network = the address's network part); lo0 last, with its IPv6
// row. Counters are the adapter's packets and errors; AIX does not count collisions on Ethernet. Column
// widths follow the usual AIX layout (UNCERTAIN: no captured sample in the reference).
import { err, ok, type ClientCommand } from '../../shell/client-command.ts';
import { formatIpv4, maskBits } from '../../../../platform/hypervisor/ethernet/ipv4-address.ts';
import { macDotted } from '../../../../platform/hypervisor/ethernet/mac.ts';
import { linkIndex, LOOPBACK, netStack } from './net-context.ts';
import { NET_MSG } from './net-messages.ts';

const row = (name: string, mtu: number, network: string, address: string, ipkts: number, ierrs: number, opkts: number, oerrs: number): string =>
  `${name.padEnd(6)} ${String(mtu).padEnd(5)} ${network.padEnd(11)} ${address.padEnd(18)}${String(ipkts).padStart(11)}${String(ierrs).padStart(10)}${String(opkts).padStart(13)}${String(oerrs).padStart(10)}${'0'.padStart(6)}`;

export const HEADER = 'Name   Mtu   Network     Address                 Ipkts     Ierrs        Opkts     Oerrs  Coll';

/** The network part of an address, as many octets as the mask covers (`10.10.1` for a /24). */
function networkOf(ip: number, mask: number): string {
  const bits = maskBits(mask);
  const octets = formatIpv4((ip & mask) >>> 0).split('.');
  return octets.slice(0, bits < 0 ? 4 : Math.max(1, Math.ceil(bits / 8))).join('.');
}

export const netstat: ClientCommand = (ctx, argv) => {
  const flags = argv.join('');
  if (!/^-(in|ni)$/.test(flags) && !(argv.length === 2 && argv.includes('-i') && argv.includes('-n'))) return err(NET_MSG.netstatUsage());
  const stack = netStack(ctx);
  const lines = [HEADER];
  for (const i of stack.interfaces()) {
    const e = i.endpoint;
    if (e.ip === 0) continue; // only configured interfaces are attached to the IP layer
    const c = e.counters;
    const name = e.up ? i.name : `${i.name}*`;
    lines.push(row(name, e.mtu, `link#${linkIndex(i.name)}`, macDotted(e.mac), c.rxPackets, c.rxErrors, c.txPackets, c.txErrors));
    lines.push(row(name, e.mtu, networkOf(e.ip, e.mask), formatIpv4(e.ip), c.rxPackets, c.rxErrors, c.txPackets, c.txErrors));
  }
  const lo = stack.loopbackPackets;
  lines.push(row('lo0', LOOPBACK.mtu, `link#${linkIndex('lo0')}`, '', lo, 0, lo, 0));
  lines.push(row('lo0', LOOPBACK.mtu, '127', LOOPBACK.ip, lo, 0, lo, 0));
  lines.push(row('lo0', LOOPBACK.mtu, '::1%1', '', lo, 0, lo, 0));
  return ok(lines.map((l) => `${l}\n`).join(''));
};
