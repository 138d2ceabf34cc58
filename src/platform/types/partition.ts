import type { LparEnv, Profile, ProcMode, MemMode, SharingMode, BootMode } from './profile.ts';
import type { PartitionState, RmcState } from './states.ts';
import type { VirtualIo } from './virtual-io.ts';

/** Partition-level attributes, kept by the FSP in NVRAM (platform.md §7.1, §7.2 chsyscfg -r lpar). */
export interface PartitionDef {
  lpar_id: number;
  name: string;
  lpar_env: LparEnv;
  uuid: string;
  default_profile: string;
  curr_profile: string; // '' until first activation
  description: string;
  msp: 0 | 1;
  lpar_avail_priority: number;
  time_ref: 0 | 1;
  migration_disabled: 0 | 1;
  remote_restart_capable: 0 | 1;
  sync_curr_profile: 0 | 1;
  allow_perf_collection: 0 | 1;
  shared_proc_pool_util_auth: 0 | 1;
  /** The OS installed on the partition's boot disk, reported through RMC when running. */
  os_version: string;
  rmc_ipaddr: string;
  profiles: Profile[];
}

/** What the hypervisor holds for an active partition: the running allocation (platform.md §6.1, §5.3). */
export interface RunningAllocation {
  profile: string;
  boot_mode: BootMode;
  proc_mode: ProcMode;
  min_proc_units: number; proc_units: number; max_proc_units: number;
  min_procs: number; procs: number; max_procs: number;
  sharing_mode: SharingMode;
  uncap_weight: number;
  shared_proc_pool_id: number;
  mem_mode: MemMode;
  min_mem: number; mem: number; max_mem: number;
  hpt_ratio: string;
  hpt_mb: number;
  mem_expansion: number;
  /** The profile's hardware_mem_expansion at activation (platform.md §5.5); absent: the model's capability decides. */
  hardware_mem_expansion?: 0 | 1;
  num_huge_pages: number;
  io_slots: string[]; // DRC indexes owned
  required_slots: string[];
  max_virtual_slots: number;
  compat_mode: string; // resolved mode
  /** The running virtual adapters: the profile's at activation, then DLPAR changes. */
  virtual_io: VirtualIo;
  /** Virtual adapters the hypervisor set up at activation (their TCE space is hypervisor memory). */
  virtual_adapters: number;
  /** When the partition was activated (ms since the epoch, simulated time): its uptime's origin. */
  activated_at: number;
  /** Active Memory Sharing (mem_mode=shared, platform.md §5.4): memory weight, I/O entitled memory (MB) and the paging device the hypervisor pages this partition to. */
  mem_weight?: number;
  io_entitled_mem?: number;
  paging_device?: { paging_vios_id: number; device_name: string };
}

export interface PartitionRuntime {
  state: PartitionState;
  refcode: string;
  refcode_time: number;
  rmc_state: RmcState;
  alloc: RunningAllocation | null;
  /** The last reference codes, most recent first (lsrefcode -n). */
  refcode_history?: { refcode: string; time: number }[];
}

export interface PartitionSnapshot {
  def: PartitionDef;
  run: PartitionRuntime;
}
