// Long-horizon mode of the dispatcher (DESIGN.md "Time": 10 ms windows for short spans, long-horizon
// steps for long ones): each step applies the window allocation (dispatcher.ts) to the mean demand over the
// step — exact when demand is constant over the step, an approximation otherwise (allocation is non-linear
// in demand), see the agreement test.
//
// integrateSteps runs a whole span of steps in one call. Its result is integrate()'s, step by step; it is
// faster because it reads the model's static part (mode, state, entitlement, VPs, cap, weight, pool: seven
// arrays) once for the span into one packed array, so that each step reads two arrays per partition (the
// packed record and the demand) instead of eight, and writes no per-partition head (the few that stage 3
// needs are recomputed, candidates.ts). In V8 every distinct typed array a loop touches costs a check per
// iteration, which is what dominates the entitlement pass (a year at one-minute steps is 525,600 steps).
// The model must not change during the call; that is why the packing is scoped to the call.
import type { DispatcherModel } from './dispatcher-model.ts';
import { assertFits, type DispatchOutput } from './dispatch-output.ts';
import { EC, entitlementPass, foldLanes, otherPartition } from './entitlement-pass.ts';
import { shareIdle } from './idle-share.ts';

/**
 * One step of stepMs on the mean demand over the step. out.consumed = mean PU over the step; if coreSeconds
 * is given, each partition's core-seconds for the step are added to it.
 */
export function integrate(
  m: DispatcherModel, stepMs: number, demandAverage: Float64Array, out: DispatchOutput, coreSeconds?: Float64Array,
): void {
  shareIdle(m, out, entitlementPass(m, demandAverage, out), out.noAccum, 0);
  if (coreSeconds) accumulate(out.consumed, coreSeconds, m.n, stepMs / 1000);
}

/**
 * `steps` consecutive steps of stepMs; demandAt(s) gives the mean demand of step s (an array the caller may
 * reuse from step to step). Adds core-seconds to coreSeconds if given; after each step out.consumed holds
 * that step's mean PU and onStep(s) is called if given. Neither callback may change the model.
 */
export function integrateSteps(
  m: DispatcherModel, stepMs: number, steps: number, demandAt: (step: number) => Float64Array, out: DispatchOutput,
  coreSeconds?: Float64Array, onStep?: (step: number) => void,
): void {
  const accum = coreSeconds ?? out.noAccum, scale = coreSeconds ? stepMs / 1000 : 0;
  const shared = packStatic(m, out);
  out.spanEligible = true;
  try {
    for (let s = 0; s < steps; s++) {
      const used = packedPass(m, demandAt(s), out, shared, accum, scale);
      shareIdle(m, out, used, accum, scale);
      if (onStep) onStep(s);
    }
  } finally {
    out.spanEligible = false;
  }
}

/** Partition i, packed at r: entitlementPass()'s arithmetic (sums in lane `lane`), also adding consumed·scale to accum. */
function packedOne(
  i: number, r: number, lane: number, demand: Float64Array, packed: Float64Array, consumed: Float64Array,
  accum: Float64Array, scale: number, poolSums: Float64Array,
): number {
  const e = packed[r], v = packed[r | 1], d = demand[i], lim = d < v ? d : v;
  const k = +(lim < e), g = k * lim + (1 - k) * e, h = (lim - g) * packed[r | 2], c = g + h;
  consumed[i] = c; // no out.head: in a span, candidates.ts recomputes the few heads it needs
  accum[i] += c * scale;
  const o = (packed[r | 3] | 0) + lane; // | 0: an int32 index, not a double converted at each access
  poolSums[o + 1] += g; poolSums[o + 2] += h;
  return g;
}

/** Adds consumed·scale to `into`. */
export function accumulate(consumed: Float64Array, into: Float64Array, n: number, scale: number): void {
  for (let i = 0; i < n; i++) into[i] += consumed[i] * scale;
}

/** Packs the active shared partitions' static part (see DispatchOutput.packed); returns their number. */
function packStatic(m: DispatcherModel, out: DispatchOutput): number {
  assertFits(m, out);
  const { n, mode, active, entitlement, vps, capped, weight, pool } = m;
  const { packed, packedIdx, otherIdx, poolStaticEC } = out;
  for (let p = 0; p < m.poolCount; p++) poolStaticEC[p] = m.poolReserved[p];
  let shared = 0, others = 0;
  for (let i = 0; i < n; i++) {
    if (mode[i] !== 0 || active[i] === 0) { otherIdx[others++] = i; continue; }
    const r = shared << 2;
    packed[r] = entitlement[i]; packed[r | 1] = vps[i];
    packed[r | 2] = capped[i] === 0 && weight[i] !== 0 ? 1 : 0; packed[r | 3] = pool[i] << 4;
    packedIdx[shared++] = i;
    poolStaticEC[pool[i]] += entitlement[i];
  }
  eligibleByPool(m, out, shared);
  return shared;
}

/** out.eligIdx / eligStart: the packed partitions (their packed index) that can be candidates, pool by pool. */
function eligibleByPool(m: DispatcherModel, out: DispatchOutput, shared: number): void {
  const { packed, packedIdx, eligIdx, eligStart } = out, pools = m.poolCount;
  eligStart.fill(0, 0, pools + 1);
  for (let j = 0; j < shared; j++) if (packed[(j << 2) | 2] !== 0) eligStart[(packed[(j << 2) | 3] >> 4) + 1]++;
  for (let p = 0; p < pools; p++) eligStart[p + 1] += eligStart[p];
  const next = out.laneCursor; // scratch here: allocations lay it out afresh
  for (let p = 0; p < pools; p++) next[p] = eligStart[p];
  for (let j = 0; j < shared; j++) if (packed[(j << 2) | 2] !== 0) eligIdx[next[packed[(j << 2) | 3] >> 4]++] = j;
}

/** entitlementPass() over the packed record, also adding consumed·scale to accum. */
function packedPass(
  m: DispatcherModel, demand: Float64Array, out: DispatchOutput, shared: number, accum: Float64Array, stepScale: number,
): number {
  const scale = stepScale + 0; // + 0: an unboxed double here rather than the tagged parameter at every use
  const { consumed, poolSums, packed, packedIdx, otherIdx, poolStaticEC } = out;
  out.spanDemand = demand;
  poolSums.fill(0, 0, m.poolCount * 16);
  let used = 0;
  if (shared === m.n) { // every partition is an active shared one (the common case): no index to look up
    let i = 0;
    for (; i + 4 <= shared; i += 4) { // four per iteration: V8's typed-array checks once per iteration
      used += packedOne(i, i << 2, 0, demand, packed, consumed, accum, scale, poolSums)
        + packedOne(i + 1, (i + 1) << 2, 4, demand, packed, consumed, accum, scale, poolSums)
        + packedOne(i + 2, (i + 2) << 2, 8, demand, packed, consumed, accum, scale, poolSums)
        + packedOne(i + 3, (i + 3) << 2, 12, demand, packed, consumed, accum, scale, poolSums);
    }
    for (; i < shared; i++) used += packedOne(i, i << 2, (i & 3) << 2, demand, packed, consumed, accum, scale, poolSums);
  } else {
    for (let j = 0; j < shared; j++) {
      const i = packedIdx[j];
      used += packedOne(i, j << 2, (i & 3) << 2, demand, packed, consumed, accum, scale, poolSums);
    }
  }
  let donated = 0;
  for (let q = 0, others = m.n - shared; q < others; q++) {
    const i = otherIdx[q];
    donated += otherPartition(m, i, demand[i], consumed, out.head);
    accum[i] += consumed[i] * scale;
  }
  out.donated = donated;
  foldLanes(m, out);
  for (let p = 0; p < m.poolCount; p++) out.poolTotals[4 * p + EC] = poolStaticEC[p];
  return used;
}
