// Utilization counters a managed system reports to its HMCs (the data behind lslparutil, hmc-cli.md §6.13;
// field names follow the real lslparutil listings, exact field sets UNCERTAIN). Counters are cumulative
// processor cycles since the system was powered on (time_cycles = proc_cycles_per_second × seconds), so a
// tool computes utilization from the difference of two samples, as with the real HMC:
//   physical processors consumed = Δ(capped_cycles + uncapped_cycles) / Δtime_cycles.
// The HMC reads them with the `util.counters` request at its sample rate and keeps the samples.

export interface LparUtilCounters {
  lpar_id: number;
  lpar_name: string;
  /** The running configuration when read (what lslparutil prints as curr_*). */
  curr_proc_mode: 'ded' | 'shared';
  curr_procs: number;
  curr_proc_units: number;
  curr_sharing_mode: string;
  curr_uncap_weight: number;
  curr_shared_proc_pool_id: number;
  curr_shared_proc_pool_name: string;
  mem_mode: 'ded' | 'shared';
  curr_mem: number;
  /** Cycles the partition was entitled to (its entitlement × time while active). */
  entitled_cycles: number;
  /** Cycles used within the entitlement. */
  capped_cycles: number;
  /** Cycles used above the entitlement (uncapped partitions only). */
  uncapped_cycles: number;
  /** Dedicated partitions: cycles of their cores given to the shared pool while active. */
  shared_cycles_while_active: number;
  /** Entitled (or dedicated) cycles left unused. */
  idle_cycles: number;
  /** Active Memory Sharing (mem_mode=shared): physical memory backing the partition now (MB). */
  phys_run_mem: number;
  curr_io_entitled_mem: number;
  mapped_io_entitled_mem: number;
  run_mem_weight: number;
  /** Cumulative hypervisor page faults and page-in delay (µs) of a shared-memory partition. */
  page_faults: number;
  page_in_delay: number;
  /** Active Memory Expansion factor in effect (0 = off) and the cycles its compression cost (part of capped+uncapped). */
  curr_mem_expansion: number;
  ame_cycles: number;
}

export interface ProcPoolUtilCounters {
  shared_proc_pool_id: number;
  shared_proc_pool_name: string;
  /** Cycles the pool could have used: its maximum (pool 0: the shared physical pool) × time. */
  total_pool_cycles: number;
  utilized_pool_cycles: number;
  max_pool_capacity: number;
  curr_reserved_pool_proc_units: number;
}

export interface MemPoolUtilCounters {
  curr_pool_mem: number;
  lpar_curr_io_entitled_mem: number;
  lpar_mapped_io_entitled_mem: number;
  /** Σ logical memory of the running shared-memory partitions (MB): above curr_pool_mem means overcommit. */
  lpar_run_mem: number;
  sys_firmware_pool_mem: number;
  page_faults: number;
  page_in_delay: number;
}

export interface UtilCounters {
  /** Simulated time the counters were read (ms since the epoch). */
  time: number;
  state: string;
  proc_cycles_per_second: number;
  /** Cycles of one processor since the system powered on. */
  time_cycles: number;
  configurable_sys_proc_units: number;
  configurable_sys_mem: number;
  curr_avail_sys_proc_units: number;
  curr_avail_sys_mem: number;
  sys_firmware_mem: number;
  /** The physical shared processor pool (lslparutil -r pool). */
  pool: {
    configurable_pool_proc_units: number;
    curr_avail_pool_proc_units: number;
    borrowed_pool_proc_units: number;
    total_pool_cycles: number;
    utilized_pool_cycles: number;
  };
  procpools: ProcPoolUtilCounters[];
  /** null when the system has no shared memory pool. */
  mempool: MemPoolUtilCounters | null;
  /** Every partition that has been active since power on (inactive ones keep their last counters). */
  lpars: LparUtilCounters[];
}
