// `lshwres -r virtualio` (hmc-cli.md §6.5, vios.md §7): VERIFIED field orders for scsi, serial and slot;
// eth after the VERIFIED POWER5 order with the newer vswitch, allowed_os_mac_addrs and qos_priority
// inserted (positions UNCERTAIN); fc and vswitch UNCERTAIN. Running partitions show what the hypervisor
// holds (state=1 when both ends of a client/server pair run); others their current profile (state=0).
import { generatedMac, macPrefix } from '../../../platform/hypervisor/addresses.ts';
import { parseVirtualIo } from '../../../platform/hypervisor/virtual-adapters.ts';
import type { PartitionSnapshot } from '../../../platform/types/partition.ts';
import type { VirtualEthAdapter, VirtualFcAdapter, VirtualIo, VirtualScsiAdapter } from '../../../platform/types/virtual-io.ts';
import type { SystemView } from '../../system-view.ts';
import type { FieldTable } from '../fields.ts';
import { activeOrDefaultProfile } from './partition-fields.ts';

export function adaptersOf(p: PartitionSnapshot): { io: VirtualIo; running: boolean } {
  if (p.run.alloc) return { io: p.run.alloc.virtual_io ?? { eth: [], scsi: [], fc: [] }, running: true };
  const prof = activeOrDefaultProfile(p);
  return { io: prof ? parseVirtualIo(prof) : { eth: [], scsi: [], fc: [] }, running: false };
}

type Base = { v: SystemView; p: PartitionSnapshot; running: boolean };
const base = { lpar_name: (r: Base) => r.p.def.name, lpar_id: (r: Base) => r.p.def.lpar_id };
const remoteName = (v: SystemView, id: number | null): string => (id === null ? '' : v.partitions.get(id)?.def.name ?? '');
const anyOr = (n: number | null): string => (n === null ? 'any' : String(n));

/** A client/server adapter is connected when both partitions run and the two ends name each other. */
function pairState(r: Base, a: VirtualScsiAdapter, type: 'scsi' | 'fc'): string {
  if (!r.running || a.remote_lpar_id === null) return r.running && a.adapter_type === 'server' ? '1' : '0';
  const other = r.v.partitions.get(a.remote_lpar_id);
  const io = other?.run.alloc?.virtual_io;
  const peer = io?.[type].find((x) => x.slot === a.remote_slot_num);
  if (!peer) return '0';
  const ok = (peer.remote_lpar_id === null || peer.remote_lpar_id === r.p.def.lpar_id) && (peer.remote_slot_num === null || peer.remote_slot_num === a.slot);
  return ok ? '1' : '0';
}

export type ScsiRow = Base & { a: VirtualScsiAdapter };
export const SCSI_FIELDS: FieldTable<ScsiRow> = {
  fields: {
    ...base,
    slot_num: (r) => String(r.a.slot),
    state: (r) => pairState(r, r.a, 'scsi'),
    is_required: (r) => String(r.a.is_required),
    adapter_type: (r) => r.a.adapter_type,
    remote_lpar_id: (r) => anyOr(r.a.remote_lpar_id),
    remote_lpar_name: (r) => remoteName(r.v, r.a.remote_lpar_id),
    remote_slot_num: (r) => anyOr(r.a.remote_slot_num),
  },
  defaults: () => ['lpar_name', 'lpar_id', 'slot_num', 'state', 'is_required', 'adapter_type', 'remote_lpar_id', 'remote_lpar_name', 'remote_slot_num'],
};

export type FcRow = Base & { a: VirtualFcAdapter };
export const FC_FIELDS: FieldTable<FcRow> = {
  fields: {
    ...base,
    slot_num: (r) => String(r.a.slot),
    adapter_type: (r) => r.a.adapter_type,
    state: (r) => pairState(r, r.a, 'fc'),
    is_required: (r) => String(r.a.is_required),
    remote_lpar_id: (r) => anyOr(r.a.remote_lpar_id),
    remote_lpar_name: (r) => remoteName(r.v, r.a.remote_lpar_id),
    remote_slot_num: (r) => anyOr(r.a.remote_slot_num),
    wwpns: (r) => (r.a.wwpns ? [...r.a.wwpns] : undefined),
  },
  defaults: () => ['lpar_name', 'lpar_id', 'slot_num', 'adapter_type', 'state', 'is_required', 'remote_lpar_id', 'remote_lpar_name', 'remote_slot_num', 'wwpns'],
};

export type EthRow = Base & { a: VirtualEthAdapter };
export const ETH_FIELDS: FieldTable<EthRow> = {
  fields: {
    ...base,
    slot_num: (r) => String(r.a.slot),
    state: (r) => (r.running ? '1' : '0'),
    is_required: (r) => String(r.a.is_required),
    is_trunk: (r) => (r.a.trunk_priority > 0 ? '1' : '0'),
    trunk_priority: (r) => (r.a.trunk_priority > 0 ? String(r.a.trunk_priority) : undefined),
    ieee_virtual_eth: (r) => String(r.a.is_ieee),
    port_vlan_id: (r) => String(r.a.port_vlan_id),
    vswitch: (r) => r.a.vswitch,
    addl_vlan_ids: (r) => r.a.addl_vlan_ids.map(String).join(','),
    mac_addr: (r) => r.a.mac_addr || (r.v.system ? generatedMac(macPrefix(r.v.system.hw.serial), r.p.def.lpar_id, r.a.slot) : ''),
    allowed_os_mac_addrs: (r) => r.a.allowed_os_mac_addrs,
    qos_priority: (r) => r.a.qos_priority,
  },
  defaults: () => ['lpar_name', 'lpar_id', 'slot_num', 'state', 'is_required', 'is_trunk', 'trunk_priority', 'ieee_virtual_eth', 'port_vlan_id',
    'vswitch', 'addl_vlan_ids', 'mac_addr', 'allowed_os_mac_addrs', 'qos_priority'],
};

export type SerialRow = Base & { slot: number };
export const SERIAL_FIELDS: FieldTable<SerialRow> = {
  fields: {
    ...base,
    slot_num: (r) => String(r.slot),
    state: (r) => (r.running ? '1' : '0'),
    is_required: () => '1',
    connect_status: () => 'unavailable',
    adapter_type: () => 'server',
    supports_hmc: () => '1',
    remote_lpar_id: () => 'any',
    remote_lpar_name: () => '',
    remote_slot_num: () => 'any',
  },
  defaults: () => ['lpar_name', 'lpar_id', 'slot_num', 'state', 'is_required', 'connect_status', 'adapter_type', 'supports_hmc', 'remote_lpar_id', 'remote_lpar_name', 'remote_slot_num'],
};

export type SlotLevelRow = Base & { used: Set<number>; pendMax: number; currMax: number };
export const SLOT_LEVEL_FIELDS: FieldTable<SlotLevelRow> = {
  fields: {
    ...base,
    curr_max_virtual_slots: (r) => String(r.currMax),
    pend_max_virtual_slots: (r) => String(r.pendMax),
    next_avail_virtual_slot: (r) => { let s = 2; while (r.used.has(s)) s++; return String(s); },
  },
  defaults: () => ['lpar_name', 'lpar_id', 'curr_max_virtual_slots', 'pend_max_virtual_slots', 'next_avail_virtual_slot'],
};

export type VswitchRow = { name: string; mode: string; vlans: number[] };
export const VSWITCH_FIELDS: FieldTable<VswitchRow> = {
  fields: { vswitch: (r) => r.name, switch_mode: (r) => r.mode, vlan_ids: (r) => r.vlans.map(String) },
  defaults: () => ['vswitch', 'switch_mode', 'vlan_ids'],
};
