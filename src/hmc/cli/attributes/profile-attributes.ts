// The profile attribute table (platform.md §7.2, §7.3): for each CLI attribute, its value kind (parser and
// formatter in one row, STYLE.md "tables over branches"). mksyscfg/chsyscfg parse with it and
// lssyscfg -r prof prints with it, so the two can never disagree.
import type { Profile } from '../../../platform/types/profile.ts';
import { BOOT_MODES, DEDICATED_SHARING_MODES, SHARED_SHARING_MODES } from '../../../platform/types/profile.ts';
import * as k from './value-kinds.ts';

export const PROFILE_ATTRS: Partial<Record<keyof Profile, k.Kind<any>>> /* eslint-disable-line @typescript-eslint/no-explicit-any */ = {
  all_resources: k.bit,
  min_mem: k.int, desired_mem: k.int, max_mem: k.int,
  mem_mode: k.oneOf(['ded', 'shared']),
  hpt_ratio: k.ratio,
  mem_expansion: k.factor,
  min_num_huge_pages: k.int, desired_num_huge_pages: k.int, max_num_huge_pages: k.int,
  mem_weight: k.int,
  desired_io_entitled_mem: k.text,
  primary_paging_vios_id: k.optionalId, secondary_paging_vios_id: k.optionalId,
  proc_mode: k.oneOf(['ded', 'shared']),
  min_procs: k.int, desired_procs: k.int, max_procs: k.int,
  min_proc_units: k.units, desired_proc_units: k.units, max_proc_units: k.units,
  sharing_mode: k.oneOf([...DEDICATED_SHARING_MODES, ...SHARED_SHARING_MODES]),
  uncap_weight: k.int,
  shared_proc_pool_id: k.int,
  affinity_group_id: k.text,
  bsr_arrays: k.int,
  io_slots: k.ioSlots,
  lpar_io_pool_ids: k.strList,
  max_virtual_slots: k.int,
  virtual_serial_adapters: k.strList, virtual_scsi_adapters: k.strList, virtual_eth_adapters: k.strList,
  virtual_fc_adapters: k.strList, vnic_adapters: k.strList, sriov_eth_logical_ports: k.strList, hca_adapters: k.strList,
  boot_mode: k.oneOf(BOOT_MODES),
  conn_monitoring: k.bit, auto_start: k.bit, redundant_err_path_reporting: k.bit,
  power_ctrl_lpar_ids: k.strList,
  work_group_id: k.text,
  lpar_proc_compat_mode: k.text,
  electronic_err_reporting: k.text,
  console_slot: k.text, alt_console_slot: k.text, load_source_slot: k.text, alt_restart_device_slot: k.text,
  ipl_source: k.oneOf(['a', 'b', 'c', 'd']),
};

/** Attributes named by name instead of id: resolved to the id attribute by the caller. */
export const PROFILE_NAME_ALIASES = {
  shared_proc_pool_name: 'shared_proc_pool_id',
  primary_paging_vios_name: 'primary_paging_vios_id',
  secondary_paging_vios_name: 'secondary_paging_vios_id',
  power_ctrl_lpar_names: 'power_ctrl_lpar_ids',
} as const;

/** Real HMC attributes this simulator does not model yet: refused as not supported, never ignored. */
export const UNSUPPORTED_ATTRS = new Set([
  'ppt_ratio', 'hardware_mem_expansion', 'hardware_mem_encryption', 'lhea_logical_ports', 'lhea_capabilities',
  'virtual_eth_vsi_profiles', 'sriov_roce_logical_ports', 'vtpm_enabled', 'vtpm_version', 'vtpm_encryption',
  'secure_boot', 'keystore_kbytes', 'simplified_remote_restart_capable', 'primary_rs_vios_name', 'primary_rs_vios_id',
  'secondary_rs_vios_name', 'secondary_rs_vios_id', 'rs_device_name', 'suspend_capable', 'powervm_mgmt_capable',
  'op_console_slot', 'hsl_pool_id', 'virtual_opti_pool_id', 'os400_restricted_io_mode', 'virtual_serial_num',
]);
