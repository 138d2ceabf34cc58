// The dispatcher's view of a managed system's running partitions (platform.md §6): one typed-array model
// rebuilt whenever the system's configuration changes (activation, DLPAR, pools), so that advancing time
// is pure arithmetic over arrays (DESIGN.md "Performance rules").
import type { ManagedSystem, Partition } from '../../managed-system.ts';
import {
  createModel, MODE_DEDICATED, MODE_SHARED, SHARE_IDLE_PROCS, SHARE_IDLE_PROCS_ACTIVE, SHARE_IDLE_PROCS_ALWAYS,
  SHARE_KEEP_IDLE_PROCS, type DispatcherModel,
} from '../dispatcher/dispatcher.ts';

const SHARING: Record<string, number> = {
  keep_idle_procs: SHARE_KEEP_IDLE_PROCS,
  share_idle_procs: SHARE_IDLE_PROCS,
  share_idle_procs_active: SHARE_IDLE_PROCS_ACTIVE,
  share_idle_procs_always: SHARE_IDLE_PROCS_ALWAYS,
};

export interface RuntimeModel {
  model: DispatcherModel;
  /** Partitions holding an allocation, in model index order. */
  parts: Partition[];
  /** Cores held by active dedicated partitions (the rest form the shared physical pool). */
  dedicatedCores: number;
}

export function buildRuntimeModel(sys: ManagedSystem): RuntimeModel {
  const parts = [...sys.partitions.values()].filter((p) => p.run.alloc !== null).sort((a, b) => a.def.lpar_id - b.def.lpar_id);
  let poolCount = 1;
  for (const pool of sys.pools) if (pool.max_pool_proc_units > 0 || pool.shared_proc_pool_id === 0) poolCount = Math.max(poolCount, pool.shared_proc_pool_id + 1);
  for (const p of parts) if (p.run.alloc!.proc_mode === 'shared') poolCount = Math.max(poolCount, p.run.alloc!.shared_proc_pool_id + 1);
  let dedicatedCores = 0;
  for (const p of parts) if (p.run.alloc!.proc_mode === 'ded') dedicatedCores += p.run.alloc!.procs;
  const sharedCores = Math.max(0, sys.hw.configurableCores - dedicatedCores);
  const m = createModel(parts.length, poolCount, sharedCores);
  parts.forEach((p, i) => {
    const a = p.run.alloc!;
    m.active[i] = 1;
    if (a.proc_mode === 'ded') {
      m.mode[i] = MODE_DEDICATED;
      m.entitlement[i] = a.procs;
      m.vps[i] = a.procs;
      m.sharingMode[i] = SHARING[a.sharing_mode] ?? SHARE_IDLE_PROCS;
      m.capped[i] = 1;
      m.weight[i] = 0;
      return;
    }
    m.mode[i] = MODE_SHARED;
    m.pool[i] = a.shared_proc_pool_id;
    m.entitlement[i] = a.proc_units;
    m.vps[i] = a.procs;
    m.capped[i] = a.sharing_mode === 'cap' ? 1 : 0;
    m.weight[i] = a.sharing_mode === 'cap' ? 0 : a.uncap_weight;
  });
  for (const pool of sys.pools) {
    const id = pool.shared_proc_pool_id;
    if (id === 0 || id >= poolCount) continue;
    m.poolMax[id] = pool.max_pool_proc_units;
    m.poolReserved[id] = pool.curr_reserved_pool_proc_units;
  }
  return { model: m, parts, dedicatedCores };
}
