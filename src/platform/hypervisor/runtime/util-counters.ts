// The utilization counters as the HMC reads them (util.counters, types/utilization.ts): the runtime's
// cumulative cycles brought up to now, with the running configuration of each partition and pool.
import type { ManagedSystem } from '../../managed-system.ts';
import type { LparUtilCounters, UtilCounters } from '../../types/utilization.ts';
import { defaultPoolName } from '../../types/pool-names.ts';
import { LparCounters } from './cycle-counters.ts';

export function utilCounters(sys: ManagedSystem): UtilCounters {
  const rt = sys.runtime;
  rt.advance();
  const cps = sys.config.runtime.procCyclesPerSecond;
  const res = sys.resources();
  const { model } = rt.runtimeModel();
  const poolName = (id: number): string => sys.pools.find((x) => x.shared_proc_pool_id === id)?.name ?? defaultPoolName(id);
  let sharedEntitled = 0;
  for (let i = 0; i < model.n; i++) if (model.mode[i] === 0) sharedEntitled += model.entitlement[i];
  // Every partition active now or since the counters started (inactive ones keep their last counters).
  const ids = new Set([...rt.counters.lpars.keys(), ...rt.runtimeModel().parts.map((p) => p.def.lpar_id)]);
  const lpars: LparUtilCounters[] = [...ids].filter((id) => sys.partitions.has(id)).sort((a, b) => a - b)
    .map((id) => lparRow(sys, id, rt.counters.lpars.get(id) ?? new LparCounters()));
  const phys = rt.counters.physical;
  // Entitled capacity of the shared physical pool: shared partitions' entitlements and configured pools' reserves.
  let reserved = 0;
  for (const pool of sys.pools) if (pool.shared_proc_pool_id > 0 && pool.max_pool_proc_units > 0) reserved += pool.curr_reserved_pool_proc_units;
  return {
    time: sys.clock.now(),
    state: sys.cfg.state,
    proc_cycles_per_second: cps,
    time_cycles: Math.round((rt.elapsedMs / 1000) * cps),
    configurable_sys_proc_units: res.configurable_sys_proc_units,
    configurable_sys_mem: res.configurable_sys_mem,
    curr_avail_sys_proc_units: res.curr_avail_sys_proc_units,
    curr_avail_sys_mem: res.curr_avail_sys_mem,
    sys_firmware_mem: res.sys_firmware_mem,
    pool: {
      configurable_pool_proc_units: model.sharedCores,
      curr_avail_pool_proc_units: round2(Math.max(0, model.sharedCores - sharedEntitled - reserved)),
      borrowed_pool_proc_units: round2(rt.lastDonatedPU),
      total_pool_cycles: Math.round(phys.total),
      utilized_pool_cycles: Math.round(phys.utilized),
    },
    procpools: [...rt.counters.pools].sort((a, b) => a[0] - b[0]).map(([id, c]) => {
      const pool = sys.pools.find((x) => x.shared_proc_pool_id === id);
      return {
        shared_proc_pool_id: id,
        shared_proc_pool_name: poolName(id),
        total_pool_cycles: Math.round(c.total),
        utilized_pool_cycles: Math.round(c.utilized),
        max_pool_capacity: id === 0 ? model.sharedCores : pool?.max_pool_proc_units ?? 0,
        curr_reserved_pool_proc_units: pool?.curr_reserved_pool_proc_units ?? 0,
      };
    }),
    mempool: mempoolRow(sys),
    lpars,
  };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The shared memory pool's counters: page faults and delays summed over its partitions. */
function mempoolRow(sys: ManagedSystem): UtilCounters['mempool'] {
  const pool = sys.cfg.mempool;
  if (!pool) return null;
  const step = sys.runtime.memory.last;
  // The pool's own totals: what partitions that have since stopped paged still counts.
  const faults = sys.runtime.counters.memPool.pageFaults, delay = sys.runtime.counters.memPool.pageInDelayUs;
  return {
    curr_pool_mem: pool.pool_mem,
    lpar_curr_io_entitled_mem: step?.ioEntitledMB ?? 0,
    lpar_mapped_io_entitled_mem: step?.ioEntitledMB ?? 0,
    lpar_run_mem: step?.logicalMB ?? 0,
    sys_firmware_pool_mem: step?.firmwareMB ?? sys.resources().sys_firmware_pool_mem ?? 0,
    page_faults: Math.round(faults),
    page_in_delay: Math.round(delay),
  };
}

function lparRow(sys: ManagedSystem, id: number, c: LparCounters): LparUtilCounters {
  const p = sys.partitions.get(id)!;
  const a = p.run.alloc;
  const shared = a?.proc_mode === 'shared';
  const poolId = shared ? a!.shared_proc_pool_id : 0;
  return {
    lpar_id: id,
    lpar_name: p.def.name,
    // A stopped partition keeps its counters; its mode is then the one its profile would activate with.
    curr_proc_mode: a?.proc_mode ?? (p.def.profiles.find((x) => x.name === (p.def.curr_profile || p.def.default_profile))?.proc_mode ?? 'shared'),
    curr_procs: a?.procs ?? 0,
    curr_proc_units: shared ? a!.proc_units : 0,
    curr_sharing_mode: a?.sharing_mode ?? '',
    curr_uncap_weight: shared && a!.sharing_mode === 'uncap' ? a!.uncap_weight : 0,
    curr_shared_proc_pool_id: poolId,
    curr_shared_proc_pool_name: shared ? sys.pools.find((x) => x.shared_proc_pool_id === poolId)?.name ?? defaultPoolName(poolId) : '',
    mem_mode: a?.mem_mode ?? 'ded',
    curr_mem: a?.mem ?? 0,
    entitled_cycles: Math.round(c.entitled),
    capped_cycles: Math.round(c.capped),
    uncapped_cycles: Math.round(c.uncapped),
    shared_cycles_while_active: Math.round(c.sharedWhileActive),
    idle_cycles: Math.round(c.idle),
    // What backs the partition's memory now: resident pages in the pool (AMS), else its dedicated memory.
    phys_run_mem: a?.mem_mode === 'shared' ? Math.round(sys.runtime.memory.resident.get(id) ?? a.mem) : a?.mem ?? 0,
    curr_io_entitled_mem: a?.io_entitled_mem ?? 0,
    mapped_io_entitled_mem: a?.io_entitled_mem ?? 0, // SIM: all of it mapped (no I/O mapping model)
    run_mem_weight: a?.mem_mode === 'shared' ? a.mem_weight ?? 0 : 0,
    page_faults: Math.round(c.pageFaults),
    page_in_delay: Math.round(c.pageInDelayUs),
    curr_mem_expansion: a?.mem_expansion ?? 0,
    ame_cycles: Math.round(c.ame),
  };
}
