// A new profile's defaults when mksyscfg leaves attributes out (platform.md §6.1, §7.2, §7.3). The
// UNCERTAIN ones come from SimConfig.profileDefaults.
import type { SimConfig } from '../sim/config.ts';
import { DEFAULT_SERIAL_ADAPTERS, type LparEnv, type Profile, type SharingMode } from './types/profile.ts';

export function newProfile(env: LparEnv, given: Partial<Profile> & { name: string }, cfg: SimConfig): Profile {
  const d = cfg.profileDefaults;
  const proc_mode = given.proc_mode ?? 'ded';
  const sharing_mode: SharingMode = given.sharing_mode ?? (proc_mode === 'ded' ? (d.dedicatedSharingMode as SharingMode) : 'cap');
  // Capped profiles show uncap_weight=0 (platform.md §6.1); uncapped default to 128.
  const uncap_weight = sharing_mode === 'uncap' ? given.uncap_weight ?? d.uncap_weight : 0;
  const base: Profile = {
    name: given.name,
    all_resources: 0,
    min_mem: 0, desired_mem: 0, max_mem: 0,
    mem_mode: 'ded',
    hpt_ratio: d.hpt_ratio,
    mem_expansion: 0,
    min_num_huge_pages: 0, desired_num_huge_pages: 0, max_num_huge_pages: 0,
    mem_weight: given.mem_mode === 'shared' ? d.mem_weight : 0,
    desired_io_entitled_mem: 'auto',
    primary_paging_vios_id: null, secondary_paging_vios_id: null,
    proc_mode,
    min_procs: 0, desired_procs: 0, max_procs: 0,
    min_proc_units: null, desired_proc_units: null, max_proc_units: null,
    sharing_mode,
    uncap_weight,
    shared_proc_pool_id: 0,
    affinity_group_id: 'none',
    bsr_arrays: 0,
    io_slots: [],
    lpar_io_pool_ids: [],
    max_virtual_slots: d.max_virtual_slots,
    virtual_serial_adapters: [...DEFAULT_SERIAL_ADAPTERS],
    virtual_scsi_adapters: [],
    virtual_eth_adapters: [],
    virtual_fc_adapters: [],
    vnic_adapters: [],
    sriov_eth_logical_ports: [],
    hca_adapters: [],
    boot_mode: 'norm',
    conn_monitoring: 0,
    auto_start: 0,
    power_ctrl_lpar_ids: [],
    work_group_id: 'none',
    redundant_err_path_reporting: 0,
    lpar_proc_compat_mode: 'default',
    electronic_err_reporting: 'null',
    console_slot: 'none', alt_console_slot: 'none', load_source_slot: 'none', alt_restart_device_slot: 'none',
    ipl_source: env === 'os400' ? 'b' : 'none',
  };
  const p = { ...base, ...stripUndefined(given), uncap_weight };
  if (env === 'vioserver') p.max_num_huge_pages = p.min_num_huge_pages = p.desired_num_huge_pages = 0;
  return p;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Attributes every non-all_resources profile must be given (the HMC refuses a profile without them). */
export const REQUIRED_PROFILE_ATTRS = ['min_mem', 'desired_mem', 'max_mem', 'min_procs', 'desired_procs', 'max_procs'] as const;
export const REQUIRED_SHARED_ATTRS = ['min_proc_units', 'desired_proc_units', 'max_proc_units'] as const;
