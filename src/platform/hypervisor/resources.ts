// What is free on a managed system (platform.md §5.3, §6.1 `--level sys` fields). Only active partitions
// hold processors and memory; configured shared processor pools hold their reserved capacity, and the shared
// memory pool holds its whole size (§5.4).
import type { ManagedSystem } from '../managed-system.ts';
import type { ResourceSummary } from '../types/system.ts';
import { firmwareMemoryMB } from './hypervisor-memory.ts';
import { fromCenti, toCenti } from './units.ts';
import { virtualAdapterCount } from './virtual-adapters.ts';
import { memPoolOf, poolUsage } from './memory/pool-memory.ts';

export interface Usage {
  procCenti: number;   // processing units held, in hundredths (dedicated cores count 100 each)
  memMB: number;       // dedicated memory held by active partitions, and the shared memory pool
  hptMB: number;       // hardware page tables of active partitions
  virtualAdapters: number;
}

export function usage(sys: ManagedSystem): Usage {
  let procCenti = 0, memMB = 0, hptMB = 0, virtualAdapters = 0;
  for (const p of sys.partitions.values()) {
    const a = p.run.alloc;
    if (!a) continue;
    procCenti += a.proc_mode === 'ded' ? a.procs * 100 : toCenti(a.proc_units);
    // A shared-memory partition's logical memory and page table come out of the shared memory pool (§5.4).
    if (a.mem_mode === 'ded') { memMB += a.mem; hptMB += a.hpt_mb; }
    // What was set up at activation, not what the (editable) profile says now.
    virtualAdapters += a.virtual_io ? virtualAdapterCount(a.virtual_io) : a.virtual_adapters ?? 2;
  }
  for (const pool of sys.pools) if (pool.shared_proc_pool_id > 0) procCenti += toCenti(pool.curr_reserved_pool_proc_units);
  memMB += memPoolOf(sys)?.pool_mem ?? 0;
  return { procCenti, memMB, hptMB, virtualAdapters };
}

export function firmwareFor(sys: ManagedSystem, u: Usage): number {
  return firmwareMemoryMB({
    cfg: sys.config.hypervisor, installedMemMB: sys.hw.installedMemMB, lmbMB: sys.hw.lmbMB,
    hptTotalMB: u.hptMB, virtualAdapters: u.virtualAdapters,
  });
}

export function computeResources(sys: ManagedSystem): ResourceSummary {
  const u = usage(sys);
  const fw = firmwareFor(sys, u);
  const configurableCenti = sys.hw.configurableCores * 100;
  const mempool = memPoolOf(sys);
  const pool = mempool ? poolUsage(sys, mempool) : null;
  return {
    configurable_sys_proc_units: sys.hw.configurableCores,
    curr_avail_sys_proc_units: fromCenti(configurableCenti - u.procCenti),
    installed_sys_proc_units: sys.hw.installedCores,
    deconfig_sys_proc_units: 0,
    configurable_sys_mem: sys.hw.configurableMemMB,
    curr_avail_sys_mem: sys.hw.configurableMemMB - fw - u.memMB,
    installed_sys_mem: sys.hw.installedMemMB,
    deconfig_sys_mem: 0,
    sys_firmware_mem: fw,
    mem_region_size: sys.hw.lmbMB,
    ...(pool ? { sys_firmware_pool_mem: pool.firmwareMB, curr_avail_pool_mem: pool.availMB } : {}),
  };
}

/** Free memory if, in addition, `extraHptMB` of page table and `extraAdapters` adapters were held. */
export function availMemWith(sys: ManagedSystem, extraHptMB: number, extraAdapters: number): number {
  const u = usage(sys);
  const fw = firmwareFor(sys, { ...u, hptMB: u.hptMB + extraHptMB, virtualAdapters: u.virtualAdapters + extraAdapters });
  return sys.hw.configurableMemMB - fw - u.memMB;
}
