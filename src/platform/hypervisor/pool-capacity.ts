// Shared processor pool capacity (platform.md §6.3): a configured pool's entitled capacity is its reserved
// capacity plus the entitlements of its active partitions, and must stay within max_pool_proc_units.
// The default pool (0) is bounded only by the free physical processors.
import type { ManagedSystem } from '../managed-system.ts';
import { toCenti } from './units.ts';

export function poolEntitledCenti(sys: ManagedSystem, poolId: number): number {
  let c = toCenti(sys.pools[poolId]?.curr_reserved_pool_proc_units ?? 0);
  for (const p of sys.partitions.values()) {
    const a = p.run.alloc;
    if (a && a.proc_mode === 'shared' && a.shared_proc_pool_id === poolId) c += toCenti(a.proc_units);
  }
  return c;
}

/** How many more processing units (hundredths) the pool can entitle; unbounded for the default pool. */
export function poolRoomCenti(sys: ManagedSystem, poolId: number): number {
  if (poolId === 0) return Number.MAX_SAFE_INTEGER;
  const pool = sys.pools[poolId];
  if (!pool) return 0;
  return pool.max_pool_proc_units * 100 - poolEntitledCenti(sys, poolId);
}
