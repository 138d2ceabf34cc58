// Partition-level attributes (platform.md §7.2: chsyscfg -r lpar) and system attributes (chsyscfg -r sys),
// each with its value kind.
import * as k from './value-kinds.ts';

export const PARTITION_ATTRS: Record<string, k.Kind<any>> = { // eslint-disable-line @typescript-eslint/no-explicit-any
  new_name: k.text,
  default_profile: k.text,
  description: k.text,
  msp: k.bit,
  lpar_avail_priority: k.int,
  time_ref: k.bit,
  migration_disabled: k.bit,
  remote_restart_capable: k.bit,
  sync_curr_profile: k.bit,
  allow_perf_collection: k.bit,
  shared_proc_pool_util_auth: k.bit,
  lpar_proc_compat_mode: k.text,
};

/** Partition-level attributes mksyscfg -r lpar accepts besides the profile's. */
export const CREATE_PARTITION_ATTRS = ['description', 'msp', 'lpar_avail_priority', 'time_ref', 'migration_disabled',
  'remote_restart_capable', 'sync_curr_profile', 'allow_perf_collection', 'shared_proc_pool_util_auth'] as const;

export const SYSTEM_ATTRS: Record<string, k.Kind<any>> = { // eslint-disable-line @typescript-eslint/no-explicit-any
  new_name: k.text,
  power_off_policy: k.bit,
  power_on_lpar_start_policy: k.text,
};
