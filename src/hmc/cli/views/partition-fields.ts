// `lssyscfg -r lpar` (platform.md §7.3): the VERIFIED V7R7.9 field order (VIOS rows omit boot_mode), as in
// the hmc-cli.md §7 sample session. Newer fields (uuid, description, msp, compat modes, …) are selectable
// with -F; their positions in the plain listing are UNCERTAIN, so the plain listing keeps the verified set.
import { base36LparIdSuffix, hexLparIdSuffix, logicalSerialNum } from '../../../platform/naming.ts';
import type { PartitionSnapshot } from '../../../platform/types/partition.ts';
import type { Profile } from '../../../platform/types/profile.ts';
import type { SystemView } from '../../system-view.ts';
import type { FieldTable, Getter } from '../fields.ts';

export type LparRow = { v: SystemView; p: PartitionSnapshot };

export const activeOrDefaultProfile = (p: PartitionSnapshot): Profile | undefined =>
  p.def.profiles.find((x) => x.name === (p.run.alloc?.profile ?? (p.def.curr_profile || p.def.default_profile))) ?? p.def.profiles[0];

const prof = (r: LparRow) => activeOrDefaultProfile(r.p);
const running = (r: LparRow): boolean => r.v.partitionState(r.p) === 'Running';
const rmcActive = (r: LparRow): boolean => running(r) && r.p.run.rmc_state === 'active';

const FIELDS: Record<string, Getter<LparRow>> = {
  name: (r) => r.p.def.name,
  lpar_id: (r) => r.p.def.lpar_id,
  lpar_env: (r) => r.p.def.lpar_env,
  state: (r) => r.v.partitionState(r.p),
  resource_config: (r) => (r.p.run.alloc ? '1' : '0'),
  os_version: (r) => (r.p.def.os_version && rmcActive(r) ? r.p.def.os_version : 'Unknown'),
  logical_serial_num: (r) => {
    const strategy = r.v.logicalSerialStrategy === 'base36' ? base36LparIdSuffix : hexLparIdSuffix;
    return r.v.system ? logicalSerialNum(r.v.system.hw.serial, r.p.def.lpar_id, strategy) : '';
  },
  default_profile: (r) => r.p.def.default_profile,
  curr_profile: (r) => r.p.def.curr_profile,
  work_group_id: (r) => prof(r)?.work_group_id ?? 'none',
  shared_proc_pool_util_auth: (r) => String(r.p.def.shared_proc_pool_util_auth),
  allow_perf_collection: (r) => String(r.p.def.allow_perf_collection),
  power_ctrl_lpar_ids: (r) => prof(r)?.power_ctrl_lpar_ids ?? [],
  boot_mode: (r) => (r.p.def.lpar_env === 'vioserver' ? undefined : r.p.run.alloc?.boot_mode ?? prof(r)?.boot_mode ?? 'norm'),
  lpar_keylock: () => 'norm',
  auto_start: (r) => String(prof(r)?.auto_start ?? 0),
  redundant_err_path_reporting: (r) => String(prof(r)?.redundant_err_path_reporting ?? 0),
  rmc_state: (r) => (rmcActive(r) ? 'active' : 'inactive'),
  rmc_ipaddr: (r) => (rmcActive(r) ? r.p.def.rmc_ipaddr : ''),
  sync_curr_profile: (r) => String(r.p.def.sync_curr_profile),
  // Newer fields (V8+), -F only.
  uuid: (r) => r.p.def.uuid,
  description: (r) => r.p.def.description,
  msp: (r) => (r.p.def.lpar_env === 'vioserver' ? String(r.p.def.msp) : undefined),
  lpar_avail_priority: (r) => String(r.p.def.lpar_avail_priority),
  time_ref: (r) => String(r.p.def.time_ref),
  migration_disabled: (r) => String(r.p.def.migration_disabled),
  remote_restart_capable: (r) => String(r.p.def.remote_restart_capable),
  desired_lpar_proc_compat_mode: (r) => prof(r)?.lpar_proc_compat_mode ?? 'default',
  curr_lpar_proc_compat_mode: (r) => r.p.run.alloc?.compat_mode ?? 'default',
  refcode: (r) => r.p.run.refcode,
  /** Seconds since activation (REST reports uptime; -F only here). */
  uptime: (r) => (r.p.run.alloc ? String(Math.floor((r.v.now() - r.p.run.alloc.activated_at) / 1000)) : '0'),
};

const DEFAULTS = ['name', 'lpar_id', 'lpar_env', 'state', 'resource_config', 'os_version', 'logical_serial_num', 'default_profile',
  'curr_profile', 'work_group_id', 'shared_proc_pool_util_auth', 'allow_perf_collection', 'power_ctrl_lpar_ids', 'boot_mode',
  'lpar_keylock', 'auto_start', 'redundant_err_path_reporting', 'rmc_state', 'rmc_ipaddr', 'sync_curr_profile'];

export const PARTITION_FIELDS: FieldTable<LparRow> = { fields: FIELDS, defaults: () => DEFAULTS };
