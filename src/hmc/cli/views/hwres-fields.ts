// `lshwres` listings (platform.md §5.3, §6.1, §6.3, §8): VERIFIED field orders for proc and mem at system
// and partition level and for I/O slots; pool listing fields UNCERTAIN (hmc-cli.md §6.5).
import { findModel } from '../../../platform/catalog/model-catalog.ts';
import { formatProcUnits } from '../../../platform/hypervisor/units.ts';
import type { PartitionSnapshot } from '../../../platform/types/partition.ts';
import type { ProcPoolSnapshot, SlotSpec } from '../../../platform/types/system.ts';
import type { SystemView } from '../../system-view.ts';
import type { FieldTable, Getter } from '../fields.ts';
import { activeOrDefaultProfile, type LparRow } from './partition-fields.ts';
import { AMS_LPAR_FIELDS, AMS_LPAR_ORDER } from './mempool-fields.ts';

const pu = formatProcUnits;
const s = (n: number): string => String(n);

// --- processors, system level -------------------------------------------------------------------
const res = (v: SystemView) => v.system!.res;
const model = (v: SystemView) => findModel(v.system!.hw.mtm)!;
const PROC_SYS: Record<string, Getter<SystemView>> = {
  configurable_sys_proc_units: (v) => pu(res(v).configurable_sys_proc_units),
  curr_avail_sys_proc_units: (v) => pu(res(v).curr_avail_sys_proc_units),
  pend_avail_sys_proc_units: (v) => pu(res(v).curr_avail_sys_proc_units),
  installed_sys_proc_units: (v) => pu(res(v).installed_sys_proc_units),
  deconfig_sys_proc_units: (v) => s(res(v).deconfig_sys_proc_units),
  min_proc_units_per_virtual_proc: (v) => pu(model(v).minProcUnitsPerVirtualProc),
  max_virtual_procs_per_lpar: (v) => s(model(v).maxVirtualProcsPerLpar),
  max_procs_per_lpar: (v) => s(res(v).configurable_sys_proc_units),
  max_curr_virtual_procs_per_aixlinux_lpar: (v) => s(model(v).maxVirtualProcsPerLpar),
  max_curr_virtual_procs_per_vios_lpar: (v) => s(model(v).maxVirtualProcsPerLpar),
  max_curr_virtual_procs_per_os400_lpar: (v) => s(Math.min(model(v).maxVirtualProcsPerLpar, 64)),
  max_curr_procs_per_aixlinux_lpar: (v) => s(res(v).configurable_sys_proc_units),
  max_curr_procs_per_vios_lpar: (v) => s(res(v).configurable_sys_proc_units),
  max_curr_procs_per_os400_lpar: (v) => s(res(v).configurable_sys_proc_units),
  max_shared_proc_pools: (v) => s(model(v).maxSharedProcPools),
};
export const PROC_SYS_FIELDS: FieldTable<SystemView> = { fields: PROC_SYS, defaults: () => Object.keys(PROC_SYS) };

// --- memory, system level --------------------------------------------------------------------------
const MEM_SYS: Record<string, Getter<SystemView>> = {
  configurable_sys_mem: (v) => s(res(v).configurable_sys_mem),
  curr_avail_sys_mem: (v) => s(res(v).curr_avail_sys_mem),
  pend_avail_sys_mem: (v) => s(res(v).curr_avail_sys_mem),
  installed_sys_mem: (v) => s(res(v).installed_sys_mem),
  deconfig_sys_mem: (v) => s(res(v).deconfig_sys_mem),
  sys_firmware_mem: (v) => s(res(v).sys_firmware_mem),
  mem_region_size: (v) => s(res(v).mem_region_size),
  configurable_num_sys_huge_pages: () => '0',
  curr_avail_num_sys_huge_pages: () => '0',
  pend_avail_num_sys_huge_pages: () => '0',
  max_num_sys_huge_pages: (v) => s(Math.floor(res(v).configurable_sys_mem / 16384 / 2)),
  requested_num_sys_huge_pages: (v) => s(v.system!.cfg.requested_num_sys_huge_pages),
  huge_page_size: () => '16384',
  max_mem_pools: (v) => (model(v).capabilities.ams ? '1' : '0'),
  default_hpt_ratios: () => '1:64',
  possible_hpt_ratios: () => ['1:32', '1:64', '1:128', '1:256', '1:512'],
  // Newer levels (Ansible reads these; positions UNCERTAIN, appended).
  curr_mem_mirroring_mode: (v) => v.system!.cfg.mem_mirroring_mode,
  pend_mem_mirroring_mode: (v) => v.system!.cfg.mem_mirroring_mode,
  pend_mem_region_size: (v) => s(v.system!.cfg.pend_mem_region_size),
};
export const MEM_SYS_FIELDS: FieldTable<SystemView> = { fields: MEM_SYS, defaults: () => Object.keys(MEM_SYS) };

// --- processors, partition level -------------------------------------------------------------------
const alloc = (r: LparRow) => r.p.run.alloc;
const procMode = (r: LparRow) => alloc(r)?.proc_mode ?? activeOrDefaultProfile(r.p)?.proc_mode ?? 'ded';
const a0 = (get: (a: NonNullable<PartitionSnapshot['run']['alloc']>) => string, zero: string): Getter<LparRow> =>
  (r) => { const a = alloc(r); return a ? get(a) : zero; };
const sharing = (r: LparRow) => alloc(r)?.sharing_mode ?? activeOrDefaultProfile(r.p)?.sharing_mode ?? 'share_idle_procs';
const PROC_LPAR: Record<string, Getter<LparRow>> = {
  lpar_name: (r) => r.p.def.name,
  lpar_id: (r) => r.p.def.lpar_id,
  curr_shared_proc_pool_id: a0((a) => s(a.shared_proc_pool_id), '0'),
  curr_shared_proc_pool_name: (r) => r.v.pools[alloc(r)?.shared_proc_pool_id ?? 0]?.name ?? 'DefaultPool',
  curr_proc_mode: procMode,
  curr_min_proc_units: a0((a) => pu(a.min_proc_units), '0.0'),
  curr_proc_units: a0((a) => pu(a.proc_units), '0.0'),
  curr_max_proc_units: a0((a) => pu(a.max_proc_units), '0.0'),
  curr_min_procs: a0((a) => s(a.min_procs), '0'),
  curr_procs: a0((a) => s(a.procs), '0'),
  curr_max_procs: a0((a) => s(a.max_procs), '0'),
  curr_sharing_mode: sharing,
  curr_uncap_weight: a0((a) => s(a.uncap_weight), '0'),
  pend_shared_proc_pool_id: a0((a) => s(a.shared_proc_pool_id), '0'),
  pend_proc_mode: procMode,
  pend_min_proc_units: a0((a) => pu(a.min_proc_units), '0.0'),
  pend_proc_units: a0((a) => pu(a.proc_units), '0.0'),
  pend_max_proc_units: a0((a) => pu(a.max_proc_units), '0.0'),
  pend_min_procs: a0((a) => s(a.min_procs), '0'),
  pend_procs: a0((a) => s(a.procs), '0'),
  pend_max_procs: a0((a) => s(a.max_procs), '0'),
  pend_sharing_mode: sharing,
  pend_uncap_weight: a0((a) => s(a.uncap_weight), '0'),
  run_proc_units: a0((a) => pu(a.proc_units), '0.0'),
  run_procs: a0((a) => s(a.procs), '0'),
  run_uncap_weight: a0((a) => s(a.uncap_weight), '0'),
};
const SHARED_ONLY = new Set(['curr_shared_proc_pool_id', 'curr_min_proc_units', 'curr_proc_units', 'curr_max_proc_units',
  'curr_uncap_weight', 'pend_shared_proc_pool_id', 'pend_min_proc_units', 'pend_proc_units', 'pend_max_proc_units',
  'pend_uncap_weight', 'run_proc_units', 'run_uncap_weight']);
const PROC_LPAR_ORDER = Object.keys(PROC_LPAR).filter((k) => k !== 'curr_shared_proc_pool_name');
export const PROC_LPAR_FIELDS: FieldTable<LparRow> = {
  fields: PROC_LPAR,
  defaults: (r) => (procMode(r) === 'shared' ? PROC_LPAR_ORDER : PROC_LPAR_ORDER.filter((k) => !SHARED_ONLY.has(k))),
};

// --- memory, partition level ------------------------------------------------------------------------
const MEM_LPAR: Record<string, Getter<LparRow>> = {
  lpar_name: (r) => r.p.def.name,
  lpar_id: (r) => r.p.def.lpar_id,
  curr_min_mem: a0((a) => s(a.min_mem), '0'),
  curr_mem: a0((a) => s(a.mem), '0'),
  curr_max_mem: a0((a) => s(a.max_mem), '0'),
  pend_min_mem: a0((a) => s(a.min_mem), '0'),
  pend_mem: a0((a) => s(a.mem), '0'),
  pend_max_mem: a0((a) => s(a.max_mem), '0'),
  run_min_mem: a0((a) => s(a.min_mem), '0'),
  run_mem: a0((a) => s(a.mem), '0'),
  curr_min_num_huge_pages: () => '0',
  curr_num_huge_pages: a0((a) => s(a.num_huge_pages), '0'),
  curr_max_num_huge_pages: () => '0',
  pend_min_num_huge_pages: () => '0',
  pend_num_huge_pages: a0((a) => s(a.num_huge_pages), '0'),
  pend_max_num_huge_pages: () => '0',
  run_num_huge_pages: a0((a) => s(a.num_huge_pages), '0'),
  mem_mode: (r) => alloc(r)?.mem_mode ?? activeOrDefaultProfile(r.p)?.mem_mode ?? 'ded',
  curr_hpt_ratio: (r) => alloc(r)?.hpt_ratio ?? activeOrDefaultProfile(r.p)?.hpt_ratio ?? '1:64',
  curr_mem_expansion: a0((a) => pu(a.mem_expansion), '0.0'),
  ...AMS_LPAR_FIELDS,
};
const MEM_LPAR_ORDER = Object.keys(MEM_LPAR).filter((k) => k !== 'curr_mem_expansion' && !AMS_LPAR_ORDER.includes(k));
const MEM_LPAR_VIOS = MEM_LPAR_ORDER.filter((k) => !k.includes('huge_pages'));
// Shared-memory partitions add their Active Memory Sharing fields after the VERIFIED ones (UNCERTAIN).
const MEM_LPAR_AMS = [...MEM_LPAR_ORDER, ...AMS_LPAR_ORDER];
export const MEM_LPAR_FIELDS: FieldTable<LparRow> = {
  fields: MEM_LPAR,
  defaults: (r) => (r.p.def.lpar_env === 'vioserver' ? MEM_LPAR_VIOS : MEM_LPAR.mem_mode(r) === 'shared' ? MEM_LPAR_AMS : MEM_LPAR_ORDER),
};

// --- I/O slots -----------------------------------------------------------------------------------------
export type SlotRow = { v: SystemView; slot: SlotSpec; owner: PartitionSnapshot | undefined };
const ad = (r: SlotRow) => r.slot.adapter;
const SLOT: Record<string, Getter<SlotRow>> = {
  unit_phys_loc: (r) => r.slot.unit_phys_loc,
  bus_id: (r) => s(r.slot.bus_id),
  phys_loc: (r) => r.slot.phys_loc,
  drc_index: (r) => r.slot.drc_index,
  lpar_name: (r) => r.owner?.def.name,
  lpar_id: (r) => (r.owner ? s(r.owner.def.lpar_id) : 'none'),
  slot_io_pool_id: () => 'none',
  description: (r) => ad(r).description,
  feature_codes: (r) => (ad(r).feature_codes.length ? ad(r).feature_codes : ['0']),
  pci_vendor_id: (r) => ad(r).pci_vendor_id,
  pci_device_id: (r) => ad(r).pci_device_id,
  pci_subs_vendor_id: (r) => ad(r).pci_subs_vendor_id,
  pci_subs_device_id: (r) => ad(r).pci_subs_device_id,
  pci_class: (r) => ad(r).pci_class,
  pci_revision_id: (r) => ad(r).pci_revision_id,
  bus_grouping: () => '0',
  iop: () => '0',
  parent_slot_drc_index: () => 'none',
  drc_name: (r) => r.slot.drc_name,
  interposer_present: () => '0',
  interposer_pcie: () => '0',
};
export const SLOT_FIELDS: FieldTable<SlotRow> = { fields: SLOT, defaults: () => Object.keys(SLOT) };

// --- shared processor pools -------------------------------------------------------------------------------
export type PoolRow = { v: SystemView; pool: ProcPoolSnapshot };
const members = (r: PoolRow) => r.v.sortedPartitions().filter((p) => p.run.alloc?.proc_mode === 'shared' && p.run.alloc.shared_proc_pool_id === r.pool.shared_proc_pool_id);
const POOL: Record<string, Getter<PoolRow>> = {
  name: (r) => r.pool.name,
  shared_proc_pool_id: (r) => s(r.pool.shared_proc_pool_id),
  max_pool_proc_units: (r) => (r.pool.shared_proc_pool_id === 0 ? undefined : s(r.pool.max_pool_proc_units)),
  curr_reserved_pool_proc_units: (r) => (r.pool.shared_proc_pool_id === 0 ? undefined : pu(r.pool.curr_reserved_pool_proc_units)),
  pend_reserved_pool_proc_units: (r) => (r.pool.shared_proc_pool_id === 0 ? undefined : pu(r.pool.pend_reserved_pool_proc_units)),
  lpar_names: (r) => members(r).map((p) => p.def.name),
  lpar_ids: (r) => members(r).map((p) => s(p.def.lpar_id)),
};
export const POOL_FIELDS: FieldTable<PoolRow> = { fields: POOL, defaults: () => Object.keys(POOL) };

// --- the physical shared processor pool (`lshwres -r proc --level pool`; fields UNCERTAIN) ----------------
export const PROC_POOL_LEVEL_FIELDS: FieldTable<SystemView> = {
  fields: {
    configurable_pool_proc_units: (v) => pu(res(v).configurable_sys_proc_units - dedicatedHeld(v)),
    curr_avail_pool_proc_units: (v) => pu(res(v).curr_avail_sys_proc_units),
    pend_avail_pool_proc_units: (v) => pu(res(v).curr_avail_sys_proc_units),
  },
  defaults: () => ['configurable_pool_proc_units', 'curr_avail_pool_proc_units', 'pend_avail_pool_proc_units'],
};
function dedicatedHeld(v: SystemView): number {
  let n = 0;
  for (const p of v.partitions.values()) if (p.run.alloc?.proc_mode === 'ded') n += p.run.alloc.procs;
  return n;
}

// --- slot children: the ports and disks that go with a slot (platform.md §8: a card goes whole) -----------
export type ChildRow = { slot: SlotRow; loc: string; description: string };
export function slotChildren(r: SlotRow): ChildRow[] {
  const a = r.slot.adapter;
  if (a.kind === 'sas') return (a.disks ?? []).map((d) => ({ slot: r, loc: d.location, description: `SAS Disk Drive (${d.sizeMB} MB) ${d.name}` }));
  const what = a.kind === 'eth' ? 'Ethernet Port' : a.kind === 'fc' ? 'Fibre Channel Port' : a.kind === 'other' ? 'Port' : '';
  return what ? Array.from({ length: a.ports }, (_, i) => ({ slot: r, loc: `${r.slot.drc_name}-T${i + 1}`, description: what })) : [];
}
export const CHILD_FIELDS: FieldTable<ChildRow> = {
  fields: {
    phys_loc: (c) => c.loc,
    description: (c) => c.description,
    parent_drc_index: (c) => c.slot.slot.drc_index,
    parent_phys_loc: (c) => c.slot.slot.drc_name,
    lpar_name: (c) => c.slot.owner?.def.name,
    lpar_id: (c) => (c.slot.owner ? s(c.slot.owner.def.lpar_id) : 'none'),
  },
  defaults: () => ['phys_loc', 'description', 'parent_drc_index', 'parent_phys_loc', 'lpar_name', 'lpar_id'],
};
