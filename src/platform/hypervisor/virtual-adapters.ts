// Virtual adapters as the hypervisor holds them (platform.md §7.3, vios.md §3, §4, §7): typed records
// parsed from, and printed back to, the profile's element syntax. Slots 0 and 1 are the two virtual
// serial server adapters every partition has.

import type { VirtualEthAdapter, VirtualFcAdapter, VirtualIo, VirtualScsiAdapter } from '../types/virtual-io.ts';
export type { VirtualEthAdapter, VirtualFcAdapter, VirtualIo, VirtualScsiAdapter };

const num = (s: string): number => Number(s);
const anyOrNum = (s: string): number | null => (s === '' || s === 'any' ? null : Number(s));

/** `slot/is_ieee/port_vlan_id/[addl_vlan_ids]/[trunk_priority]/is_required[/[vswitch]/[mac_addr]/[allowed_os_mac_addrs]/[qos_priority]]` */
export function parseEth(el: string): VirtualEthAdapter {
  const f = el.split('/');
  return {
    slot: num(f[0]), is_ieee: num(f[1]) as 0 | 1, port_vlan_id: num(f[2]),
    addl_vlan_ids: f[3] ? f[3].split(',').map(num) : [], trunk_priority: f[4] ? num(f[4]) : 0, is_required: num(f[5]) as 0 | 1,
    vswitch: f[6] || 'ETHERNET0', mac_addr: (f[7] ?? '').toUpperCase(), allowed_os_mac_addrs: f[8] || 'all', qos_priority: f[9] || 'none',
  };
}
export const formatEth = (a: VirtualEthAdapter): string =>
  [a.slot, a.is_ieee, a.port_vlan_id, a.addl_vlan_ids.join(','), a.trunk_priority, a.is_required, a.vswitch, a.mac_addr.toLowerCase(), a.allowed_os_mac_addrs, a.qos_priority].join('/');

/** `slot/client|server/[remote_lpar_id]/[remote_lpar_name]/[remote_slot]/is_required` */
export function parseScsi(el: string): VirtualScsiAdapter {
  const f = el.split('/');
  return { slot: num(f[0]), adapter_type: f[1] as 'client' | 'server', remote_lpar_id: anyOrNum(f[2]), remote_lpar_name: f[3], remote_slot_num: anyOrNum(f[4]), is_required: num(f[5]) as 0 | 1 };
}
export const formatScsi = (a: VirtualScsiAdapter): string =>
  [a.slot, a.adapter_type, a.remote_lpar_id ?? 'any', a.remote_lpar_name, a.remote_slot_num ?? 'any', a.is_required].join('/');

/** `slot/client|server/remote_lpar_id/[remote_lpar_name]/remote_slot/[wwpn1,wwpn2]/is_required` */
export function parseFc(el: string): VirtualFcAdapter {
  const f = el.split('/');
  const w = f[5] ? (f[5].toLowerCase().split(',') as [string, string]) : null;
  return { slot: num(f[0]), adapter_type: f[1] as 'client' | 'server', remote_lpar_id: anyOrNum(f[2]), remote_lpar_name: f[3], remote_slot_num: anyOrNum(f[4]), wwpns: w, is_required: num(f[6]) as 0 | 1 };
}
export const formatFc = (a: VirtualFcAdapter): string =>
  [a.slot, a.adapter_type, a.remote_lpar_id ?? 'any', a.remote_lpar_name, a.remote_slot_num ?? 'any', a.wwpns ? a.wwpns.join(',') : '', a.is_required].join('/');

export function parseVirtualIo(p: { virtual_eth_adapters: string[]; virtual_scsi_adapters: string[]; virtual_fc_adapters: string[] }): VirtualIo {
  return { eth: p.virtual_eth_adapters.map(parseEth), scsi: p.virtual_scsi_adapters.map(parseScsi), fc: p.virtual_fc_adapters.map(parseFc) };
}

export const virtualAdapterCount = (v: VirtualIo): number => v.eth.length + v.scsi.length + v.fc.length + 2;

export function usedSlots(v: VirtualIo): Set<number> {
  return new Set([0, 1, ...v.eth.map((a) => a.slot), ...v.scsi.map((a) => a.slot), ...v.fc.map((a) => a.slot)]);
}
