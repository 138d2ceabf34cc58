import type { SystemState } from './states.ts';

/** An adapter in a slot, as data (the lab's hardware inventory). */
export interface AdapterSpec {
  kind: 'eth' | 'fc' | 'sas' | 'empty' | 'other';
  description: string;
  feature_codes: string[];
  pci_vendor_id: string; pci_device_id: string; pci_subs_vendor_id: string; pci_subs_device_id: string;
  pci_class: string; pci_revision_id: string;
  ports: number;
  /** FC ports: NPIV capable. */
  npiv?: boolean;
  /** SAS/RAID controllers: the internal disks behind it (they go with the slot, platform.md §8). */
  disks?: { name: string; sizeMB: number; location: string }[];
}

export interface SlotSpec {
  drc_index: string;
  drc_name: string; // full location code
  unit_phys_loc: string;
  phys_loc: string; // C6
  bus_id: number;
  adapter: AdapterSpec;
}

export interface SystemHardware {
  mtm: string;
  serial: string;
  installedCores: number;
  configurableCores: number;
  installedMemMB: number;
  configurableMemMB: number;
  lmbMB: number;
  fspIp: string;
  slots: SlotSpec[];
}

export interface ProcPoolSnapshot {
  shared_proc_pool_id: number;
  name: string;
  max_pool_proc_units: number; // 0 = not configured (pool 0: whole physical pool)
  curr_reserved_pool_proc_units: number;
  pend_reserved_pool_proc_units: number;
}

/**
 * A paging space device of the shared memory pool (platform.md §5.4): a whole disk (`phys`) or a logical
 * volume (`logical`) on a paging VIOS. Its size is what the VIOS reported when it was added. Which partition
 * uses it is not stored here: it is the active partition whose allocation names it (RunningAllocation).
 */
export interface PagingDeviceConfig {
  device_name: string;
  paging_vios_id: number;
  size: number; // MB
  type: 'phys' | 'logical';
  /** The device's location code on the VIOS ('' for a logical volume). */
  phys_loc: string;
}

/** The one shared memory pool of a system (Active Memory Sharing, platform.md §5.4), sizes in MB. */
export interface MemPoolConfig {
  pool_mem: number;
  max_pool_mem: number;
  /** 1 or 2 paging VIOS partitions, in the order given. */
  paging_vios_ids: number[];
  paging_devices: PagingDeviceConfig[];
}

export interface SysProfSnapshot {
  name: string;
  lpar_names: string[];
  profile_names: string[];
}

/** System-level configuration kept in NVRAM (user-changeable policies and pending settings). */
export interface SystemConfig {
  name: string;
  power_off_policy: 0 | 1;
  power_on_lpar_start_policy: string; // autostart | userinit | inherit | autorecovery
  pend_mem_region_size: number;
  requested_num_sys_huge_pages: number;
  mem_mirroring_mode: string;
  /** Virtual switches (vios.md §7): ETHERNET0 always exists. */
  vswitches: { name: string; switch_mode: 'VEB' | 'VEPA' }[];
  /** Next unused WWPN counter: pairs are never reused (vios.md §4). */
  next_wwpn: number;
  /** Power state as the FSP knows it. */
  state: SystemState;
  detailed_state: string;
  powered_on_at: number;
  /** The shared memory pool; absent or null when the system has none (chhwres -r mempool). */
  mempool?: MemPoolConfig | null;
}

/** Derived resource summary (platform.md §5.3, §6.1 --level sys fields). */
export interface ResourceSummary {
  configurable_sys_proc_units: number;
  curr_avail_sys_proc_units: number;
  installed_sys_proc_units: number;
  deconfig_sys_proc_units: number;
  configurable_sys_mem: number;
  curr_avail_sys_mem: number;
  installed_sys_mem: number;
  deconfig_sys_mem: number;
  sys_firmware_mem: number;
  mem_region_size: number;
  /** With a shared memory pool: the hypervisor memory reserved in it, and what is left for logical memory after that and the I/O entitlements. */
  sys_firmware_pool_mem?: number;
  curr_avail_pool_mem?: number;
}

export interface SystemSnapshot {
  hw: SystemHardware;
  cfg: SystemConfig;
  res: ResourceSummary;
  uuid: string;
}
