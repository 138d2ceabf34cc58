// `lssyscfg -r prof` (platform.md §7.3): the VERIFIED field order of the full profile line. VIOS profiles
// omit the huge-page fields; dedicated-processor profiles omit processing units and uncap_weight (both as in
// the VERIFIED samples). Fields newer HMCs add (positions UNCERTAIN) are selectable with -F.
import type { PartitionSnapshot } from '../../../platform/types/partition.ts';
import type { Profile } from '../../../platform/types/profile.ts';
import type { SystemView } from '../../system-view.ts';
import { PROFILE_ATTRS } from '../attributes/profile-attributes.ts';
import type { FieldTable, Getter } from '../fields.ts';

export type ProfRow = { v: SystemView; p: PartitionSnapshot; prof: Profile };

const attr = (name: keyof Profile): Getter<ProfRow> => (r) => {
  const v = r.prof[name];
  if (v === null) return undefined;
  return PROFILE_ATTRS[name]!.format(v);
};

const FIELDS: Record<string, Getter<ProfRow>> = {
  name: (r) => r.prof.name,
  lpar_name: (r) => r.p.def.name,
  lpar_id: (r) => r.p.def.lpar_id,
  lpar_env: (r) => r.p.def.lpar_env,
  ...Object.fromEntries(Object.keys(PROFILE_ATTRS).filter((n) => n !== 'name').map((n) => [n, attr(n as keyof Profile)])),
  shared_proc_pool_name: (r) => (r.prof.proc_mode === 'shared' ? r.v.pools[r.prof.shared_proc_pool_id]?.name ?? '' : undefined),
  // The paging VIOS by name as well as by id (Active Memory Sharing, platform.md §5.4); -F only.
  primary_paging_vios_name: (r) => (r.prof.primary_paging_vios_id === null ? '' : r.v.partitions.get(r.prof.primary_paging_vios_id)?.def.name ?? ''),
  secondary_paging_vios_name: (r) => (r.prof.secondary_paging_vios_id === null ? '' : r.v.partitions.get(r.prof.secondary_paging_vios_id)?.def.name ?? ''),
};
// Processing units print only for shared profiles; the weight only for shared ones too.
for (const f of ['min_proc_units', 'desired_proc_units', 'max_proc_units', 'uncap_weight', 'shared_proc_pool_id']) {
  const get = FIELDS[f];
  FIELDS[f] = (r) => (r.prof.proc_mode === 'shared' ? get(r) : undefined);
}

const HEAD = ['name', 'lpar_name', 'lpar_id', 'lpar_env', 'all_resources', 'min_mem', 'desired_mem', 'max_mem'];
const HUGE = ['min_num_huge_pages', 'desired_num_huge_pages', 'max_num_huge_pages'];
const MID = ['mem_mode', 'hpt_ratio', 'proc_mode', 'min_proc_units', 'desired_proc_units', 'max_proc_units', 'min_procs',
  'desired_procs', 'max_procs', 'sharing_mode', 'uncap_weight', 'io_slots', 'lpar_io_pool_ids', 'max_virtual_slots',
  'virtual_serial_adapters', 'virtual_scsi_adapters', 'virtual_eth_adapters', 'hca_adapters', 'boot_mode',
  'conn_monitoring', 'auto_start', 'power_ctrl_lpar_ids', 'work_group_id', 'redundant_err_path_reporting'];
const WITH_HUGE = [...HEAD, ...HUGE, ...MID];
const VIOS = [...HEAD, ...MID];

export const PROFILE_FIELDS: FieldTable<ProfRow> = {
  fields: FIELDS,
  defaults: (r) => (r.p.def.lpar_env === 'vioserver' ? VIOS : WITH_HUGE),
};
