// The ODM attributes of the network interfaces (enN) and of inet0, for `lsattr -El` and `chdev -l`
// (the client shell's chdev and lsattr delegate here for these devices). One table row per attribute: its
// description (as AIX lists it; UNCERTAIN wording), how its value is read from the stored configuration
// (net-config.ts) and, for the attributes the simulator models, how a new value is checked. chdev stores
// the change and applies it to the running interface, as AIX's chgif method does.
import { err, ok, type ClientCtx, type ClientResult } from '../../shell/client-command.ts';
import { maskBits, parseIpv4 } from '../../../../platform/hypervisor/ethernet/ipv4-address.ts';
import type { ClientNetConfig, InterfaceConfig } from '../../net/net-config.ts';
import { unconfigured } from '../../net/net-config.ts';
import { netStack } from './net-context.ts';
import { NET_MSG } from './net-messages.ts';

interface Row<C> {
  name: string;
  description: string;
  value: (c: C) => string;
  /** A valid new value is applied to the draft; anything else returns false. Absent: not modelled. */
  set?: (v: string, draft: C) => boolean;
}

const fixed = <C>(name: string, description: string, value = ''): Row<C> => ({ name, description, value: () => value });

const EN_ROWS: Row<InterfaceConfig>[] = [
  fixed('alias4', 'IPv4 Alias including Subnet Mask'),
  fixed('alias6', 'IPv6 Alias including Prefix Length'),
  fixed('arp', 'Address Resolution Protocol (ARP)', 'on'),
  fixed('authority', 'Authorized Users'),
  fixed('broadcast', 'Broadcast Address'),
  { name: 'mtu', description: 'Maximum IP Packet Size for This Device', value: (c) => String(c.mtu),
    set: (v, d) => /^\d+$/.test(v) && Number(v) >= 60 && Number(v) <= 65394 && ((d.mtu = Number(v)), true) }, // vios.md §7: AIX virtual MTU ≤ 65394
  { name: 'netaddr', description: 'Internet Address', value: (c) => c.netaddr,
    set: (v, d) => (v === '' || !Number.isNaN(parseIpv4(v))) && ((d.netaddr = v), true) },
  fixed('netaddr6', 'IPv6 Internet Address'),
  { name: 'netmask', description: 'Subnet Mask', value: (c) => c.netmask,
    set: (v, d) => (v === '' || maskBits(parseIpv4(v)) >= 0) && ((d.netmask = v), true) },
  fixed('prefixlen', 'Prefix Length for IPv6 Internet Address'),
  fixed('remmtu', 'Maximum IP Packet Size for REMOTE Networks', '576'),
  fixed('rfc1323', 'Enable/Disable TCP RFC 1323 Window Scaling'),
  fixed('security', 'Security Level', 'none'),
  { name: 'state', description: 'Current Interface Status', value: (c) => c.state,
    set: (v, d) => (v === 'up' || v === 'down' || v === 'detach') && ((d.state = v), true) },
  fixed('tcp_mssdflt', 'Set TCP Maximum Segment Size'),
  fixed('tcp_nodelay', 'Enable/Disable TCP_NODELAY Option'),
  fixed('tcp_recvspace', 'Set Socket Buffer Space for Receiving'),
  fixed('tcp_sendspace', 'Set Socket Buffer Space for Sending'),
];

const INET0_ROWS: Row<ClientNetConfig>[] = [
  fixed('authm', 'Authentication Methods', '65536'),
  fixed('bootup_option', 'Use BSD-style Network Configuration', 'no'),
  fixed('gateway', 'Gateway'),
  { name: 'hostname', description: 'Host Name', value: (c) => c.hostname,
    set: (v, d) => /^[A-Za-z0-9][A-Za-z0-9.-]{0,254}$/.test(v) && ((d.hostname = v), true) },
  fixed('rout6', 'IPv6 Route'),
  fixed('route', 'Route'),
];

function table<C>(rows: Row<C>[], c: C, only?: readonly string[]): string {
  const shown = only?.length ? rows.filter((r) => only.includes(r.name)) : rows;
  const values = shown.map((r) => r.value(c));
  const w1 = Math.max(13, ...shown.map((r) => r.name.length)) + 1;
  const w2 = Math.max(13, ...values.map((v) => v.length)) + 1;
  const w3 = Math.max(...shown.map((r) => r.description.length)) + 1;
  return shown.map((r, i) => `${r.name.padEnd(w1)}${values[i].padEnd(w2)}${r.description.padEnd(w3)}True\n`).join('');
}

/** Check every attribute before changing anything (a refused chdev changes nothing). */
function apply<C>(rows: Row<C>[], draft: C, attrs: Record<string, string>, method: string): ClientResult | null {
  const bad: string[] = [];
  for (const [k, v] of Object.entries(attrs)) {
    const row = rows.find((r) => r.name === k);
    if (row && !row.set) return err(NET_MSG.notSimulated(`Changing the ${k} attribute`));
    if (!row || !row.set!(v, draft)) bad.push(k);
  }
  return bad.length ? err(NET_MSG.badAttributes(method, bad)) : null;
}

const isInterface = (ctx: ClientCtx, device: string): boolean =>
  /^en\d+$/.test(device) && netStack(ctx, false).interface(device) !== undefined;

/** `lsattr -El enN|inet0 [-a attr …]`. */
export function lsattrNetwork(ctx: ClientCtx, device: string, only?: readonly string[]): ClientResult {
  const stack = netStack(ctx, false);
  if (device === 'inet0') return ok(table(INET0_ROWS, stack.odm(), only));
  if (!isInterface(ctx, device)) return err(NET_MSG.notFound('lsattr', device));
  return ok(table(EN_ROWS, stack.odm().interfaces[device] ?? unconfigured(), only));
}

/** `chdev -l enN|inet0 -a attr=value …`. */
export function chdevNetwork(ctx: ClientCtx, device: string, attrs: Record<string, string>): ClientResult {
  const stack = netStack(ctx);
  if (device === 'inet0') {
    const draft = structuredClone(stack.odm());
    const refused = apply(INET0_ROWS, draft, attrs, 'chginet');
    if (refused) return refused;
    stack.setHostname(draft.hostname);
    return ok(`${device} changed\n`);
  }
  if (!isInterface(ctx, device)) return err(NET_MSG.notFound('chdev', device));
  const draft = structuredClone(stack.odm().interfaces[device] ?? unconfigured());
  const refused = apply(EN_ROWS, draft, attrs, 'chgif');
  if (refused) return refused;
  stack.setOdm(device, draft);
  return ok(`${device} changed\n`);
}
