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
// Window mode (dispatchWindow, runWindows) applies this to the demand of one 10 ms window. Long-horizon
// mode (integrate, integrateSteps) applies the very same allocation to the mean demand over a longer step:
// exact when demand is constant over the step, an approximation otherwise (allocation is non-linear in
// demand: min() and pool limits), see the agreement test.
//
// Where (DESIGN.md "Performance rules"; the benchmark is bench/dispatcher.ts): stages 1–2 in
// entitlement-pass.ts, one pass that writes every partition's consumption as if its pool could give all
// it wants; stage 3 in idle-share.ts, per pool, touching partitions again only in pools that cannot
// (candidates.ts gathers them, water-fill.ts finds their level); long-horizon spans in long-horizon.ts.
import type { DispatcherModel } from './dispatcher-model.ts';
import type { DispatchOutput } from './dispatch-output.ts';
import { entitlementPass } from './entitlement-pass.ts';
import { shareIdle } from './idle-share.ts';
import { accumulate } from './long-horizon.ts';

export {
  createModel, validateModel, MODE_SHARED, MODE_DEDICATED, SHARE_KEEP_IDLE_PROCS, SHARE_IDLE_PROCS,
  SHARE_IDLE_PROCS_ACTIVE, SHARE_IDLE_PROCS_ALWAYS, type DispatcherModel,
} from './dispatcher-model.ts';
export { createOutput, type DispatchOutput } from './dispatch-output.ts';
export { integrate, integrateSteps } from './long-horizon.ts';

/** The 10 ms dispatch window (platform.md §6.1). */
export const DISPATCH_WINDOW_MS = 10;

/** Allocate PU for one interval from the given per-partition demand; writes out.consumed and the totals. */
export function allocate(m: DispatcherModel, demand: Float64Array, out: DispatchOutput): void {
  shareIdle(m, out, entitlementPass(m, demand, out), out.noAccum, 0);
}

/** One 10 ms dispatch window on model.demand; out.consumed = PU used by each partition in the window. */
export function dispatchWindow(m: DispatcherModel, out: DispatchOutput): void {
  allocate(m, m.demand, out);
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
