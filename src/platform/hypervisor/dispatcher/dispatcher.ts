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
import {
  MODE_DEDICATED, SHARE_IDLE_PROCS, SHARE_IDLE_PROCS_ACTIVE, SHARE_IDLE_PROCS_ALWAYS,
  type DispatcherModel, type DispatchOutput,
} from './dispatcher-model.ts';
import { fillGlobal, fillGroups } from './water-fill.ts';

export {
  createModel, createOutput, validateModel, MODE_SHARED, MODE_DEDICATED, SHARE_KEEP_IDLE_PROCS, SHARE_IDLE_PROCS,
  SHARE_IDLE_PROCS_ACTIVE, SHARE_IDLE_PROCS_ALWAYS, type DispatcherModel, type DispatchOutput,
} from './dispatcher-model.ts';

/** The 10 ms dispatch window (platform.md §6.1). */
export const DISPATCH_WINDOW_MS = 10;

const EPS = 1e-12;

/** Allocate PU for one interval from the given per-partition demand; writes out.consumed and the totals. */
export function allocate(m: DispatcherModel, demand: Float64Array, out: DispatchOutput): void {
  const n = m.n, groups = m.poolCount;
  const { mode, pool, entitlement, vps, capped, weight, sharingMode, active } = m;
  const { consumed, head, cand, work, poolEC, poolUsed, poolHead, gCap, gW, gLam, gFlag } = out;
  for (let p = 0; p < groups; p++) { poolEC[p] = m.poolReserved[p]; poolUsed[p] = 0; }
  let donated = 0, sharedUsed = 0, nc = 0;

  // Stages 1 and 2: entitlement first; dedicated partitions on their own cores, donating idle cores.
  for (let i = 0; i < n; i++) {
    const d = demand[i], e = entitlement[i];
    head[i] = 0;
    if (mode[i] === MODE_DEDICATED) {
      const sm = sharingMode[i];
      if (active[i]) {
        const c = d < e ? d : e;
        consumed[i] = c;
        if (sm === SHARE_IDLE_PROCS_ACTIVE || sm === SHARE_IDLE_PROCS_ALWAYS) donated += e - c;
      } else {
        consumed[i] = 0;
        if (sm === SHARE_IDLE_PROCS || sm === SHARE_IDLE_PROCS_ALWAYS) donated += e;
      }
      continue;
    }
    if (!active[i]) { consumed[i] = 0; continue; }
    const v = vps[i], lim = d < v ? d : v;
    const c = lim < e ? lim : e;
    consumed[i] = c;
    const p = pool[i];
    poolEC[p] += e; poolUsed[p] += c; sharedUsed += c;
    if (capped[i] === 0 && weight[i] > 0 && lim - c > EPS) { head[i] = lim - c; cand[nc++] = i; }
  }
  out.donated = donated;
  out.donatedUsed = 0;

  // Stage 3a: each pool's unused entitled capacity to its own uncapped partitions.
  if (nc > 0) {
    for (let p = 0; p < groups; p++) {
      const ec = p > 0 && poolEC[p] > m.poolMax[p] ? m.poolMax[p] : poolEC[p];
      const room = ec - poolUsed[p];
      gCap[p] = room > 0 ? room : 0;
      poolHead[p] = gCap[p];
    }
    work.set(cand.subarray(0, nc));
    sharedUsed += fillGroups(work, nc, pool, weight, head, consumed, gCap, gW, gLam, gFlag, groups);
    for (let p = 0; p < groups; p++) poolUsed[p] += poolHead[p] - gCap[p];
    nc = compact(cand, nc, head);
  }

  // Stage 3b: donated dedicated cycles to the default pool's uncapped partitions.
  if (nc > 0 && donated > EPS) {
    let k0 = 0;
    for (let k = 0; k < nc; k++) if (pool[cand[k]] === 0) work[k0++] = cand[k];
    if (k0 > 0) {
      gCap.fill(0);
      gCap[0] = donated;
      out.donatedUsed = fillGroups(work, k0, pool, weight, head, consumed, gCap, gW, gLam, gFlag, groups);
      nc = compact(cand, nc, head);
    }
  }

  // Stage 3c: physical idle capacity across pools, within each configured pool's maximum.
  let idle = m.sharedCores - sharedUsed;
  if (nc > 0 && idle > EPS) {
    poolHead[0] = Infinity;
    for (let p = 1; p < groups; p++) poolHead[p] = m.poolMax[p] - poolUsed[p];
    work.set(cand.subarray(0, nc));
    idle -= fillGlobal(idle, work, nc, pool, weight, groups, out);
  }
  out.sharedIdle = idle > 0 ? idle : 0;
}

/** Keep only candidates with unmet demand left. */
function compact(list: Int32Array, count: number, head: Float64Array): number {
  let kept = 0;
  for (let k = 0; k < count; k++) { const i = list[k]; if (head[i] > EPS) list[kept++] = i; }
  return kept;
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
  if (coreSeconds) {
    const s = stepMs / 1000, c = out.consumed;
    for (let i = 0; i < m.n; i++) coreSeconds[i] += c[i] * s;
  }
}
