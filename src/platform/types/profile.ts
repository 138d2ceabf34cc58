// A partition profile, field names exactly as the HMC CLI names the attributes (reference/platform.md
// §7.2, §7.3), so that reading the model teaches PowerVM. Memory in MB, processing units as numbers.

export type LparEnv = 'aixlinux' | 'vioserver' | 'os400';
export type ProcMode = 'ded' | 'shared';
export type MemMode = 'ded' | 'shared';
export const DEDICATED_SHARING_MODES = ['keep_idle_procs', 'share_idle_procs', 'share_idle_procs_active', 'share_idle_procs_always'] as const;
export const SHARED_SHARING_MODES = ['cap', 'uncap'] as const;
export type SharingMode = (typeof DEDICATED_SHARING_MODES)[number] | (typeof SHARED_SHARING_MODES)[number];
export const BOOT_MODES = ['norm', 'sms', 'dd', 'ds', 'of'] as const;
export type BootMode = (typeof BOOT_MODES)[number];

/** `io_slots` element `drc_index/[slot_io_pool_id]/is_required` (platform.md §7.3). */
export interface IoSlotRef {
  drc_index: string;
  slot_io_pool_id: string; // 'none' when not in an I/O pool
  is_required: 0 | 1;
}

export interface Profile {
  name: string;
  all_resources: 0 | 1;
  min_mem: number;
  desired_mem: number;
  max_mem: number;
  mem_mode: MemMode;
  hpt_ratio: string;
  mem_expansion: number;
  /** AME through the POWER8+/POWER9 compression accelerator (platform.md §5.5): 1 on, 0 off; absent: on where the model has it. */
  hardware_mem_expansion?: 0 | 1;
  min_num_huge_pages: number;
  desired_num_huge_pages: number;
  max_num_huge_pages: number;
  mem_weight: number;
  desired_io_entitled_mem: string; // 'auto' or MB
  primary_paging_vios_id: number | null;
  secondary_paging_vios_id: number | null;
  proc_mode: ProcMode;
  min_procs: number;
  desired_procs: number;
  max_procs: number;
  min_proc_units: number | null;
  desired_proc_units: number | null;
  max_proc_units: number | null;
  sharing_mode: SharingMode;
  uncap_weight: number;
  shared_proc_pool_id: number;
  affinity_group_id: string; // 'none' or an id
  bsr_arrays: number;
  io_slots: IoSlotRef[];
  lpar_io_pool_ids: string[];
  max_virtual_slots: number;
  // Virtual adapters are kept as their element strings (syntax checked); the VIOS issue types them.
  virtual_serial_adapters: string[];
  virtual_scsi_adapters: string[];
  virtual_eth_adapters: string[];
  virtual_fc_adapters: string[];
  vnic_adapters: string[];
  sriov_eth_logical_ports: string[];
  hca_adapters: string[];
  boot_mode: BootMode;
  conn_monitoring: 0 | 1;
  auto_start: 0 | 1;
  power_ctrl_lpar_ids: string[];
  work_group_id: string;
  redundant_err_path_reporting: 0 | 1;
  lpar_proc_compat_mode: string;
  electronic_err_reporting: string; // 'null' on systems without it
  // IBM i only
  console_slot: string;
  alt_console_slot: string;
  load_source_slot: string;
  alt_restart_device_slot: string;
  ipl_source: string;
}

/** The two system-created virtual serial server adapters every partition has (platform.md §7.3). */
export const DEFAULT_SERIAL_ADAPTERS = ['0/server/1/any//any/1', '1/server/1/any//any/1'];
