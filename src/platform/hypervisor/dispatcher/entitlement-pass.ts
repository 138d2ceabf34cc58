// Stages 1 and 2 of the dispatcher (the rules are in dispatcher.ts's header) as one pass over the
// partitions: entitlement first for shared partitions, dedicated partitions on their own cores (donating
// idle cores per sharing mode). The pass also writes every uncapped partition's consumption optimistically
// as entitlement + its whole unmet demand ("head"), which stage 3 (idle-share.ts) keeps unless the pool
// cannot give it all, and sums per pool what stage 3 needs.
//
// Cost (DESIGN.md "Performance rules"): this pass is most of a dispatch, and in V8 two things cost more
// than its arithmetic (measured on bench/dispatcher.ts):
//  - a branch that depends on the demand: demand against entitlement flips unpredictably from window to
//    window. So min(lim, e) is k·lim + (1 − k)·e with k = +(lim < e), exact since one term is 0;
//  - V8 checks a typed array (map, bounds, data pointer) at every access in a loop; within one iteration
//    it checks each array once. So four partitions go through one iteration.
// Also, adding into the same few per-pool counters from consecutive partitions makes each load wait for
// the previous store to the same address (three times slower on the candidate count, candidates.ts); so
// each of the four partitions of an iteration adds into its own lane of the sums, and the lanes are added
// up once at the end (no measurable gain here, but the layout is shared with candidates.ts).
import type { DispatcherModel } from './dispatcher-model.ts';
import { assertFits, type DispatchOutput } from './dispatch-output.ts';

/**
 * Per-pool sums: out.poolTotals holds 4 numbers per pool p from 4p: entitled capacity EC_p (with its
 * reserved capacity), PU used by entitlements, Σ heads, and the number of candidates (partitions with a
 * head), which only candidates.ts counts, when it needs them. out.poolSums holds the same per lane
 * (partition index mod 4): 16 numbers per pool from 16p, lane l from 16p + 4l.
 */
export const EC = 0, USED = 1, HEAD = 2, COUNT = 3;
const LANES = 4, STRIDE = 16;

/**
 * Stages 1–2 for the given demand: writes out.consumed (optimistic), out.head, out.poolSums and out.donated;
 * returns the PU that shared partitions use for their entitlement.
 */
export function entitlementPass(m: DispatcherModel, demand: Float64Array, out: DispatchOutput): number {
  // Local constants: an imported binding is a property load in the compiled module, too slow in the loop.
  const SHARED = 0; // MODE_SHARED
  assertFits(m, out);
  const { n, mode, pool, entitlement, vps, capped, weight, active } = m;
  const { consumed, head, poolSums } = out;
  poolSums.fill(0, 0, m.poolCount * STRIDE);
  let donated = 0, sharedUsed = 0, i = 0;
  for (; i + 4 <= n; i += 4) {
    if ((mode[i] | mode[i + 1] | mode[i + 2] | mode[i + 3]) === SHARED && (active[i] & active[i + 1] & active[i + 2] & active[i + 3]) !== 0) {
      sharedUsed += sharedOne(i, 0, demand, entitlement, vps, capped, weight, pool, consumed, head, poolSums)
        + sharedOne(i + 1, 4, demand, entitlement, vps, capped, weight, pool, consumed, head, poolSums)
        + sharedOne(i + 2, 8, demand, entitlement, vps, capped, weight, pool, consumed, head, poolSums)
        + sharedOne(i + 3, 12, demand, entitlement, vps, capped, weight, pool, consumed, head, poolSums);
      continue;
    }
    for (let j = i; j < i + 4; j++) {
      if (mode[j] === SHARED && active[j] !== 0) sharedUsed += sharedOne(j, (j & 3) << 2, demand, entitlement, vps, capped, weight, pool, consumed, head, poolSums);
      else donated += otherPartition(m, j, demand[j], consumed, head);
    }
  }
  for (; i < n; i++) {
    if (mode[i] === SHARED && active[i] !== 0) sharedUsed += sharedOne(i, (i & 3) << 2, demand, entitlement, vps, capped, weight, pool, consumed, head, poolSums);
    else donated += otherPartition(m, i, demand[i], consumed, head);
  }
  out.donated = donated;
  foldLanes(m, out);
  return sharedUsed;
}

/**
 * Active shared partition i: writes its consumption (optimistic) and head, adds to its pool's sums in the
 * lane at offset `lane`; returns the PU it uses for its entitlement.
 */
function sharedOne(
  i: number, lane: number, demand: Float64Array, entitlement: Float64Array, vps: Int32Array, capped: Uint8Array,
  weight: Uint8Array, pool: Int32Array, consumed: Float64Array, head: Float64Array, poolSums: Float64Array,
): number {
  const e = entitlement[i], d = demand[i], v = vps[i], lim = d < v ? d : v;
  const k = +(lim < e), g = k * lim + (1 - k) * e;
  // Unmet demand of an uncapped partition with weight > 0; 0 for capped ones (and weight 0, §6.1).
  const h = (lim - g) * +(capped[i] === 0) * +(weight[i] !== 0);
  consumed[i] = g + h;
  head[i] = h;
  const o = (pool[i] << 4) | lane;
  poolSums[o] += e; poolSums[o | 1] += g; poolSums[o | 2] += h;
  return g;
}

/** out.poolTotals from the lanes of out.poolSums, with each pool's reserved capacity in its EC. */
export function foldLanes(m: DispatcherModel, out: DispatchOutput): void {
  const { poolSums, poolTotals } = out;
  for (let p = 0; p < m.poolCount; p++) {
    for (let f = EC; f <= HEAD; f++) {
      let s = 0;
      for (let l = 0; l < LANES; l++) s += poolSums[p * STRIDE + 4 * l + f];
      poolTotals[4 * p + f] = s;
    }
    poolTotals[4 * p + EC] += m.poolReserved[p];
  }
}

/**
 * A partition that is not an active shared one: a dedicated partition uses min(d, cores) while active, an
 * inactive one nothing. Writes its consumption; returns the PU of idle dedicated cores it donates.
 */
export function otherPartition(m: DispatcherModel, i: number, d: number, consumed: Float64Array, head: Float64Array): number {
  const DEDICATED = 1, IDLE = 1, ACTIVE = 2, ALWAYS = 3; // MODE_DEDICATED, SHARE_IDLE_PROCS…: see entitlementPass
  const e = m.entitlement[i], sm = m.sharingMode[i];
  head[i] = 0;
  consumed[i] = 0;
  if (m.mode[i] !== DEDICATED) return 0;
  if (m.active[i] === 0) return sm === IDLE || sm === ALWAYS ? e : 0;
  const c = d < e ? d : e;
  consumed[i] = c;
  return sm === ACTIVE || sm === ALWAYS ? e - c : 0;
}
