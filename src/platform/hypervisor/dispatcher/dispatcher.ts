// The hypervisor's processor dispatcher (platform.md §6; DESIGN.md "The dispatcher works per 10 ms dispatch
// window for exact short-term behaviour and integrates over longer steps ... both must agree where they
// overlap"). Pure computation over the typed arrays of DispatcherModel; the caller owns time.
//
// Allocation of one interval, given each partition's demand d_i (PU) for it:
//  1. Entitlement first. An active shared partition gets g_i = min(d_i, E_i, VP_i) — guaranteed, since the
//     hypervisor only admits entitlements that fit (validateModel). A capped partition, or an uncapped one
//     with weight 0 (§6.1 "weight 0 behaves like capped"), stops here: it never exceeds its entitlement.
//     Its unmet demand is at most min(d_i, VP_i) − g_i: "each VP consumes at most 1.0 PU" (§6.1).
//  2. Dedicated partitions run on their own cores: min(d_i, cores) while active, 0 while inactive. Their
//     idle cores (cores − used) are donated when sharing_mode allows it in the current state (§6.1:
//     keep_idle_procs never; share_idle_procs only while inactive; share_idle_procs_active only while active;
//     share_idle_procs_always both). Donation goes to the default pool only (§6.3, UNCERTAIN).
//  3. Idle capacity to uncapped partitions by weight, in three stages (water-filling, water-fill.ts):
//     a. Pool-local: each pool's unused entitled capacity, EC_p − Σ g_i over its partitions, where
//        EC_p = reserved_p + Σ E_i of its active partitions (§6.3 "pool entitled capacity"), goes first to
//        that pool's uncapped partitions. This is what makes reserved_pool_proc_units mean something: it is
//        capacity set aside for the pool's uncapped partitions. (Two-level order: UNCERTAIN, not in §6.)
//     b. Donated dedicated cycles go to the default pool's uncapped partitions (before the physical idle
//        capacity, so that physical idle capacity stretches further for the other pools).
//     c. Physical idle capacity I = sharedCores − Σ (PU used so far by shared partitions, excluding the
//        donated cycles of stage b), shared by weight among all remaining uncapped partitions of all pools,
//        each configured pool p ≥ 1 limited to poolMax_p in total (pool 0's limit is the whole shared
//        physical pool, which I already enforces).
//
// Window mode (dispatchWindow) applies this to the demand of one 10 ms window. Long-horizon mode
// (integrate) applies the very same allocation to the mean demand over a longer step: exact when demand is
// constant over the step, an approximation otherwise (allocation is non-linear in demand: min() and pool
// limits), see the agreement test.
//
// Cost (DESIGN.md "Performance rules"): one pass over the partitions does stages 1–2 and writes every
// candidate's consumption optimistically as entitlement + whole head; stage 3 (idle-share.ts) then works
// per pool and touches candidates again only in pools that cannot give them everything. The pass has no
// branch that depends on the demand: demand against entitlement flips unpredictably from window to window,
// and a mispredicted branch costs more than the arithmetic it would save.
import {
  MODE_DEDICATED, MODE_SHARED, SHARE_IDLE_PROCS, SHARE_IDLE_PROCS_ACTIVE, SHARE_IDLE_PROCS_ALWAYS,
  type DispatcherModel, type DispatchOutput,
} from './dispatcher-model.ts';
import { shareIdle } from './idle-share.ts';

export {
  createModel, createOutput, validateModel, MODE_SHARED, MODE_DEDICATED, SHARE_KEEP_IDLE_PROCS, SHARE_IDLE_PROCS,
  SHARE_IDLE_PROCS_ACTIVE, SHARE_IDLE_PROCS_ALWAYS, type DispatcherModel, type DispatchOutput,
} from './dispatcher-model.ts';

/** The 10 ms dispatch window (platform.md §6.1). */
export const DISPATCH_WINDOW_MS = 10;

/** Allocate PU for one interval from the given per-partition demand; writes out.consumed and the totals. */
export function allocate(m: DispatcherModel, demand: Float64Array, out: DispatchOutput): void {
  const { n, mode, pool, entitlement, vps, capped, weight, sharingMode, active } = m;
  const { consumed, head, poolEC, poolUsed, poolHead } = out;
  for (let p = 0; p < m.poolCount; p++) { poolEC[p] = m.poolReserved[p]; poolUsed[p] = 0; poolHead[p] = 0; }
  let donated = 0, sharedUsed = 0;

  // Stages 1 and 2: entitlement first; dedicated partitions on their own cores, donating idle cores.
  for (let i = 0; i < n; i++) {
    const e = entitlement[i];
    if (mode[i] !== MODE_SHARED || active[i] === 0) {
      head[i] = 0;
      if (mode[i] !== MODE_DEDICATED) { consumed[i] = 0; continue; }
      const sm = sharingMode[i];
      if (active[i]) {
        const d = demand[i], c = d < e ? d : e;
        consumed[i] = c;
        if (sm === SHARE_IDLE_PROCS_ACTIVE || sm === SHARE_IDLE_PROCS_ALWAYS) donated += e - c;
      } else {
        consumed[i] = 0;
        if (sm === SHARE_IDLE_PROCS || sm === SHARE_IDLE_PROCS_ALWAYS) donated += e;
      }
      continue;
    }
    const d = demand[i], v = vps[i], lim = d < v ? d : v;
    // g = min(lim, e) as k·lim + (1 − k)·e: exact (one term is 0) and branch-free.
    const k = +(lim < e), g = k * lim + (1 - k) * e;
    // Unmet demand of an uncapped partition with weight > 0; 0 for capped ones (and weight 0, §6.1).
    const h = (lim - g) * +(capped[i] === 0) * +(weight[i] !== 0);
    consumed[i] = g + h;
    head[i] = h;
    const p = pool[i];
    poolEC[p] += e; poolUsed[p] += g; poolHead[p] += h;
    sharedUsed += g;
  }
  out.donated = donated;

  // Stage 3: idle capacity to uncapped partitions by weight.
  shareIdle(m, out, sharedUsed);
}

/** One 10 ms dispatch window on model.demand; out.consumed = PU used by each partition in the window. */
export function dispatchWindow(m: DispatcherModel, out: DispatchOutput): void {
  allocate(m, m.demand, out);
}

/**
 * Long-horizon mode: one step of stepMs on the mean demand over the step. out.consumed = mean PU over the
 * step; if coreSeconds is given, each partition's core-seconds for the step are added to it.
 */
export function integrate(
  m: DispatcherModel, stepMs: number, demandAverage: Float64Array, out: DispatchOutput, coreSeconds?: Float64Array,
): void {
  allocate(m, demandAverage, out);
  if (coreSeconds) accumulate(out.consumed, coreSeconds, m.n, stepMs / 1000);
}

/**
 * `windows` consecutive 10 ms windows with the given per-partition demand (copied into m.demand): adds each
 * partition's consumption in PU·ms to consumedAccum. The dispatcher keeps no state from one window to the
 * next, so windows of equal demand allocate identically and one allocation stands for all of them.
 */
export function runWindows(
  m: DispatcherModel, out: DispatchOutput, windows: number, demand: Float64Array, consumedAccum: Float64Array,
): void {
  if (!Number.isInteger(windows) || windows < 0) throw new RangeError(`windows must be a whole number ≥ 0, got ${windows}`);
  m.demand.set(demand);
  if (windows === 0) return;
  allocate(m, m.demand, out);
  accumulate(out.consumed, consumedAccum, m.n, windows * DISPATCH_WINDOW_MS);
}

function accumulate(consumed: Float64Array, into: Float64Array, n: number, scale: number): void {
  for (let i = 0; i < n; i++) into[i] += consumed[i] * scale;
}
