// Dynamic virtual adapters and virtual switches (platform.md §9: chhwres -r virtualio; vios.md §3, §4,
// §7). A running partition gains or loses a virtual adapter in a free slot below its maximum; client
// adapters must point at a VIOS, and where the VIOS already has the server slot it must accept this client.
import { fail } from '../../errors/hmc-error.ts';
import type { ManagedSystem, Partition } from '../managed-system.ts';
import { generatedMac, macPrefix, wwpnPair, wwpnPrefix } from '../hypervisor/addresses.ts';
import { formatEth, formatFc, formatScsi, usedSlots } from '../hypervisor/virtual-adapters.ts';
import type { VirtualEthAdapter, VirtualFcAdapter, VirtualScsiAdapter } from '../types/virtual-io.ts';
import { PartitionState } from '../types/states.ts';
import { findPartition, requireConfigurable, requireRunning } from './gates.ts';
import { availMemWith } from '../hypervisor/resources.ts';
import type { Tx } from '../tx.ts';

type Ref = { name?: string; id?: number };
export type VirtualType = 'eth' | 'scsi' | 'fc';
export type NewAdapter =
  | { type: 'eth'; adapter: Omit<VirtualEthAdapter, 'slot'> }
  | { type: 'scsi'; adapter: Omit<VirtualScsiAdapter, 'slot'> }
  | { type: 'fc'; adapter: Omit<VirtualFcAdapter, 'slot'> };

/** Hook from the partitions' operating systems: does this adapter back a VIOS mapping or SEA? */
export type AdapterUseCheck = (lparId: number, slot: number) => string | null;

function running(sys: ManagedSystem, ref: Ref): Partition {
  const p = findPartition(sys, ref);
  if (p.run.state !== PartitionState.Running || !p.run.alloc) fail('WRONG_PARTITION_STATE');
  if (p.def.lpar_env !== 'os400' && p.run.rmc_state !== 'active') fail('NO_RMC_DLPAR', { name: p.def.name });
  return p;
}

function checkClient(sys: ManagedSystem, p: Partition, slot: number, a: Omit<VirtualScsiAdapter, 'slot'>, type: 'scsi' | 'fc'): void {
  if (a.adapter_type !== 'client') return;
  const vios = a.remote_lpar_id === null ? undefined : sys.partitions.get(a.remote_lpar_id);
  if (!vios || vios.def.lpar_env !== 'vioserver') fail('VIRTUAL_IO_RULE', { why: `A client adapter must name a Virtual I/O Server partition (remote partition ${a.remote_lpar_id ?? 'any'}).` });
  const server = vios!.run.alloc?.virtual_io[type].find((x) => x.slot === a.remote_slot_num);
  if (!server) {
    if (type === 'fc') fail('VFC_SERVER_MISSING', { server: a.remote_slot_num ?? 'any', client: slot, vios: vios!.def.lpar_id });
    return; // vSCSI: the client may be created first; it connects once the server exists (vios.md §3 SIM-RULE)
  }
  const accepts = (server.remote_lpar_id === null || server.remote_lpar_id === p.def.lpar_id) && (server.remote_slot_num === null || server.remote_slot_num === slot);
  if (server.adapter_type !== 'server' || !accepts) {
    if (type === 'fc') fail('VFC_MAPPING_INVALID', { client: slot, server: a.remote_slot_num ?? 'any', vios: vios!.def.lpar_id });
    fail('VIRTUAL_IO_RULE', { why: `Virtual SCSI server adapter ${a.remote_slot_num} on ${vios!.def.name} serves another client.` });
  }
}

export function addVirtualAdapter(sys: ManagedSystem, ref: Ref, slot: number, n: NewAdapter): void {
  requireRunning(sys, false);
  const p = running(sys, ref);
  const v = p.run.alloc!.virtual_io;
  const max = p.run.alloc!.max_virtual_slots;
  if (!(Number.isInteger(slot) && slot >= 2 && slot < max)) fail('VIRTUAL_SLOT_INVALID', { slot, why: slot < 2 ? 'slots 0 and 1 are reserved for the virtual serial adapters' : `it is not below the maximum number of virtual slots (${max})`, max: max - 1 });
  if (usedSlots(v).has(slot)) fail('VIRTUAL_SLOT_INVALID', { slot, why: 'it is already in use', max: max - 1 });
  if (n.type === 'eth') {
    const a = n.adapter;
    if (!(a.port_vlan_id >= 1 && a.port_vlan_id <= 4094)) fail('INVALID_VALUE', { attr: 'port_vlan_id', value: a.port_vlan_id, hint: 'VLAN IDs must be from 1 to 4094.' });
    for (const id of a.addl_vlan_ids) if (!(id >= 1 && id <= 4094) || id === a.port_vlan_id) fail('INVALID_VALUE', { attr: 'addl_vlan_ids', value: id, hint: 'Additional VLAN IDs are from 1 to 4094 and differ from the port VLAN ID.' });
    if (a.addl_vlan_ids.length && !a.is_ieee) fail('INVALID_VALUE', { attr: 'addl_vlan_ids', value: a.addl_vlan_ids.join(','), hint: 'Additional VLAN IDs need an IEEE 802.1Q adapter (ieee_virtual_eth=1).' });
    if (a.trunk_priority > 0 && p.def.lpar_env !== 'vioserver') fail('VIRTUAL_IO_RULE', { why: 'Only Virtual I/O Server partitions can have trunk adapters.' });
    if (!(a.trunk_priority >= 0 && a.trunk_priority <= 15)) fail('INVALID_VALUE', { attr: 'trunk_priority', value: a.trunk_priority, hint: 'Specify a trunk priority from 1 to 15.' });
    if (!sys.cfg.vswitches.some((s) => s.name === a.vswitch)) fail('INVALID_VALUE', { attr: 'vswitch', value: a.vswitch, hint: 'The virtual switch does not exist.' });
  } else {
    if (n.type === 'fc' && !sys.model.capabilities.virtualFc) fail('NO_VFC');
    if (n.type === 'fc' && n.adapter.adapter_type === 'server' && n.adapter.wwpns) fail('INVALID_VALUE', { attr: 'wwpns', value: n.adapter.wwpns.join(','), hint: 'Server adapters have no WWPNs.' });
    if (n.adapter.adapter_type === 'server' && p.def.lpar_env !== 'vioserver') fail('VIRTUAL_IO_RULE', { why: 'Only Virtual I/O Server partitions can have server adapters.' });
    checkClient(sys, p, slot, n.adapter, n.type);
  }
  // Each adapter's TCE space comes out of free memory (platform.md §5.2).
  const avail = availMemWith(sys, 0, 1);
  if (avail < 0) fail('INSUFFICIENT_RESOURCES', { resource: 'memory', system: sys.name, requested: 'hypervisor memory for one more virtual adapter', available: `${sys.resources().curr_avail_sys_mem} MB` });
  sys.change((tx) => {
    sys.invalidateResources();
    if (n.type === 'eth') v.eth.push({ ...n.adapter, slot, mac_addr: n.adapter.mac_addr || generatedMac(macPrefix(sys.hw.serial), p.def.lpar_id, slot) });
    else if (n.type === 'scsi') v.scsi.push({ ...n.adapter, slot });
    else {
      const a: VirtualFcAdapter = { ...n.adapter, slot };
      if (a.adapter_type === 'client' && !a.wwpns) { a.wwpns = wwpnPair(wwpnPrefix(sys.hw.serial), sys.cfg.next_wwpn); sys.cfg.next_wwpn += 2; tx.touchSystem(); }
      v.fc.push(a);
    }
    syncAdapters(p, tx);
  });
}

export function removeVirtualAdapter(sys: ManagedSystem, ref: Ref, slot: number, inUse: AdapterUseCheck): void {
  requireRunning(sys, false);
  const p = running(sys, ref);
  const v = p.run.alloc!.virtual_io;
  const type = (['eth', 'scsi', 'fc'] as const).find((t) => v[t].some((a) => a.slot === slot));
  if (!type) fail('VIRTUAL_SLOT_INVALID', { slot, why: 'there is no virtual adapter in it', max: p.run.alloc!.max_virtual_slots - 1 });
  const what = inUse(p.def.lpar_id, slot);
  if (what) fail('ADAPTER_IN_USE', { slot, name: p.def.name, what });
  sys.change((tx) => {
    sys.invalidateResources();
    (v[type!] as { slot: number }[]).splice(v[type!].findIndex((a) => a.slot === slot), 1);
    syncAdapters(p, tx);
  });
}

/** DLPAR-changeable on an existing virtual Ethernet adapter: addl_vlan_ids, ieee_virtual_eth (platform.md §9 rule 10). */
export function setVirtualEth(sys: ManagedSystem, ref: Ref, slot: number, change: { addl?: { op: '=' | '+=' | '-='; ids: number[] }; is_ieee?: 0 | 1; qos_priority?: string }): void {
  requireRunning(sys, false);
  const p = running(sys, ref);
  const a = p.run.alloc!.virtual_io.eth.find((x) => x.slot === slot);
  if (!a) fail('VIRTUAL_SLOT_INVALID', { slot, why: 'there is no virtual Ethernet adapter in it', max: p.run.alloc!.max_virtual_slots - 1 });
  let ids = [...a!.addl_vlan_ids];
  if (change.addl) {
    const { op, ids: given } = change.addl;
    for (const id of given) if (!(id >= 1 && id <= 4094) || id === a!.port_vlan_id) fail('INVALID_VALUE', { attr: 'addl_vlan_ids', value: id, hint: 'Additional VLAN IDs are from 1 to 4094 and differ from the port VLAN ID.' });
    if (op === '=') ids = [...given];
    if (op === '+=') for (const id of given) { if (ids.includes(id)) fail('INVALID_VALUE', { attr: 'addl_vlan_ids', value: id, hint: 'The VLAN is already on the adapter.' }); ids.push(id); }
    if (op === '-=') for (const id of given) { if (!ids.includes(id)) fail('INVALID_VALUE', { attr: 'addl_vlan_ids', value: id, hint: 'The VLAN is not on the adapter.' }); ids = ids.filter((x) => x !== id); }
  }
  const ieee = change.is_ieee ?? a!.is_ieee;
  if (ids.length && !ieee) fail('INVALID_VALUE', { attr: 'addl_vlan_ids', value: ids.join(','), hint: 'Additional VLAN IDs need an IEEE 802.1Q adapter (ieee_virtual_eth=1).' });
  if (ids.length > 20) fail('INVALID_VALUE', { attr: 'addl_vlan_ids', value: ids.length, hint: 'An adapter carries at most 20 additional VLAN IDs.' });
  sys.change((tx) => {
    a!.addl_vlan_ids = ids;
    a!.is_ieee = ieee;
    if (change.qos_priority !== undefined) a!.qos_priority = change.qos_priority;
    syncAdapters(p, tx);
  });
}

function syncAdapters(p: Partition, tx: Tx): void {
  tx.touchPartition(p.def.lpar_id);
  if (p.def.sync_curr_profile !== 1 || !p.run.alloc) return;
  const prof = p.def.profiles.find((x) => x.name === p.run.alloc!.profile);
  if (!prof) return;
  const v = p.run.alloc.virtual_io;
  prof.virtual_eth_adapters = v.eth.map(formatEth);
  prof.virtual_scsi_adapters = v.scsi.map(formatScsi);
  prof.virtual_fc_adapters = v.fc.map(formatFc);
}

export function changeVswitch(sys: ManagedSystem, op: 'a' | 'r' | 's', name: string, mode?: 'VEB' | 'VEPA'): void {
  requireConfigurable(sys);
  const list = sys.cfg.vswitches;
  const at = list.findIndex((s) => s.name === name);
  if (op === 'a') {
    if (!/^[A-Za-z0-9_.-]{1,31}$/.test(name)) fail('INVALID_VALUE', { attr: '--vswitch', value: name, hint: 'A virtual switch name is 1 to 31 letters, digits, periods, hyphens or underscores.' });
    if (at >= 0) fail('VIRTUAL_IO_RULE', { why: `The virtual switch ${name} already exists.` });
    if (list.length >= 16) fail('VIRTUAL_IO_RULE', { why: 'A managed system has at most 16 virtual switches.' });
  } else {
    if (at < 0) fail('INVALID_VALUE', { attr: '--vswitch', value: name, hint: 'The virtual switch does not exist.' });
    if (op === 'r') {
      if (name === 'ETHERNET0') fail('VIRTUAL_IO_RULE', { why: 'The default virtual switch ETHERNET0 cannot be removed.' });
      const user = [...sys.partitions.values()].find((p) =>
        p.def.profiles.some((x) => x.virtual_eth_adapters.some((el) => (el.split('/')[6] || 'ETHERNET0') === name)) ||
        p.run.alloc?.virtual_io.eth.some((a) => a.vswitch === name));
      if (user) fail('VIRTUAL_IO_RULE', { why: `The virtual switch ${name} is used by partition ${user.def.name}.` });
    }
  }
  sys.change((tx) => {
    if (op === 'a') list.push({ name, switch_mode: mode ?? 'VEB' });
    else if (op === 'r') list.splice(at, 1);
    else if (mode) list[at].switch_mode = mode;
    tx.touchSystem();
  });
}
