// Input model of the processor dispatcher (platform.md §6, DESIGN.md "Performance rules"): partitions,
// pools and the system in structure-of-arrays typed arrays so one dispatch window is a few linear passes
// with no per-partition objects or closures. All capacities are in processing units (PU, 1.0 = one core).

/** proc_mode (platform.md §6.1). */
export const MODE_SHARED = 0;
export const MODE_DEDICATED = 1;

/** Dedicated sharing_mode (platform.md §6.1): when idle cycles of dedicated cores are donated. */
export const SHARE_KEEP_IDLE_PROCS = 0; // never
export const SHARE_IDLE_PROCS = 1; // only while the partition is inactive (HMC default)
export const SHARE_IDLE_PROCS_ACTIVE = 2; // only while active
export const SHARE_IDLE_PROCS_ALWAYS = 3; // both

/** Highest pool id is 63 (platform.md §6.3: 64 pools, ids 0–63). */
export const MAX_POOLS = 64;

export interface DispatcherModel {
  /** Number of partitions. */
  readonly n: number;
  /** Number of shared processor pools (ids 0 .. poolCount-1); pool 0 is DefaultPool. */
  readonly poolCount: number;
  /** Physical cores in the shared physical pool (every core not held by a dedicated partition). */
  sharedCores: number;
  /** MODE_SHARED or MODE_DEDICATED. */
  readonly mode: Uint8Array;
  /** shared_proc_pool_id (shared partitions only). */
  readonly pool: Int32Array;
  /** Shared: entitled PU (curr_proc_units). Dedicated: the cores it holds (curr_procs). */
  readonly entitlement: Float64Array;
  /** Virtual processors (shared); each VP consumes at most 1.0 PU (platform.md §6.1). */
  readonly vps: Int32Array;
  /** 1 = capped (sharing_mode=cap). */
  readonly capped: Uint8Array;
  /** uncap_weight 0–255; 0 behaves like capped (platform.md §6.1). */
  readonly weight: Uint8Array;
  /** Dedicated sharing mode, SHARE_* constants. */
  readonly sharingMode: Uint8Array;
  /** 1 = the partition is running (Running / Open Firmware ...); inactive partitions consume nothing. */
  readonly active: Uint8Array;
  /** PU the OS would use in the current window if unlimited (≥ 0). */
  readonly demand: Float64Array;
  /** max_pool_proc_units per pool; pool 0 = the whole shared physical pool (platform.md §6.3). */
  readonly poolMax: Float64Array;
  /** reserved_pool_proc_units per pool (pool 0: 0, it cannot change). */
  readonly poolReserved: Float64Array;
}

export function createModel(n: number, poolCount: number, sharedCores: number): DispatcherModel {
  if (poolCount < 1 || poolCount > MAX_POOLS) throw new RangeError(`poolCount ${poolCount} not in 1..${MAX_POOLS}`);
  const poolMax = new Float64Array(poolCount);
  poolMax[0] = sharedCores;
  return {
    n, poolCount, sharedCores,
    mode: new Uint8Array(n), pool: new Int32Array(n), entitlement: new Float64Array(n), vps: new Int32Array(n),
    capped: new Uint8Array(n), weight: new Uint8Array(n).fill(128), sharingMode: new Uint8Array(n).fill(SHARE_IDLE_PROCS),
    active: new Uint8Array(n), demand: new Float64Array(n), poolMax, poolReserved: new Float64Array(poolCount),
  };
}

const EPS = 1e-9;

/**
 * The invariants the hypervisor enforces at activation and DLPAR time (platform.md §6.1–6.3), which the
 * dispatcher relies on to guarantee entitlement: shared entitlement ≤ VPs; each configured pool's entitled
 * capacity (reserved + Σ entitlements of its active partitions) ≤ its maximum; and the entitled capacity of
 * all pools fits in the shared physical pool. Returns the first violation, or null.
 */
export function validateModel(m: DispatcherModel): string | null {
  const ec = new Float64Array(m.poolCount);
  for (let p = 0; p < m.poolCount; p++) ec[p] = m.poolReserved[p];
  for (let i = 0; i < m.n; i++) {
    if (!(m.demand[i] >= 0)) return `partition ${i}: demand must be ≥ 0`;
    if (m.mode[i] === MODE_DEDICATED) continue;
    const p = m.pool[i];
    if (p < 0 || p >= m.poolCount) return `partition ${i}: pool ${p} does not exist`;
    if (m.entitlement[i] > m.vps[i] + EPS) return `partition ${i}: entitlement ${m.entitlement[i]} exceeds ${m.vps[i]} VPs`;
    if (m.active[i]) ec[p] += m.entitlement[i];
  }
  let total = 0;
  for (let p = 0; p < m.poolCount; p++) {
    if (p > 0 && ec[p] > m.poolMax[p] + EPS) return `pool ${p}: entitled capacity ${ec[p]} exceeds maximum ${m.poolMax[p]}`;
    total += ec[p];
  }
  if (total > m.sharedCores + EPS) return `entitled capacity ${total} exceeds ${m.sharedCores} shared cores`;
  return null;
}
