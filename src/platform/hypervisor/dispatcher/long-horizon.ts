// Long-horizon mode of the dispatcher (DESIGN.md "Time": 10 ms windows for short spans, long-horizon
// steps for long ones): each step applies the window allocation (dispatcher.ts) to the mean demand over the
// step — exact when demand is constant over the step, an approximation otherwise (allocation is non-linear
// in demand), see the agreement test.
//
// integrateSteps runs a whole span of steps in one call. Its result is integrate()'s, step by step; it is
// faster because it reads the model's static part (mode, state, entitlement, VPs, cap, weight, pool: seven
// arrays) once for the span into one packed array, sorted by pool. Each step then reads two arrays per
// partition (the packed record and the demand) instead of eight, sums each pool's partitions in registers
// instead of adding into per-pool arrays, and writes no per-partition head (stage 3 recomputes the few it
// needs from the pool's range of the packed array, candidates.ts). In V8 every typed array a loop touches
// costs checks per iteration, which is what dominates the entitlement pass (a year at one-minute steps is
// 525,600 steps). The model must not change during the call; that is why the packing is scoped to the call.
import type { DispatcherModel } from './dispatcher-model.ts';
import { assertFits, type DispatchOutput } from './dispatch-output.ts';
import { EC, entitlementPass, HEAD, otherPartition, USED } from './entitlement-pass.ts';
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
  out.inSpan = true;
  try {
    for (let s = 0; s < steps; s++) {
      const used = packedPass(m, demandAt(s), out, shared, accum, scale);
      shareIdle(m, out, used, accum, scale);
      if (onStep) onStep(s);
    }
  } finally {
    out.inSpan = false;
  }
}

/** Adds consumed·scale to `into`. */
export function accumulate(consumed: Float64Array, into: Float64Array, n: number, scale: number): void {
  for (let i = 0; i < n; i++) into[i] += consumed[i] * scale;
}

/** Packs the active shared partitions' static part pool by pool (see DispatchOutput.packed); returns their number. */
function packStatic(m: DispatcherModel, out: DispatchOutput): number {
  assertFits(m, out);
  const { n, mode, active, entitlement, vps, capped, weight, pool } = m, pools = m.poolCount;
  const { packed, otherIdx, poolStaticEC, packStart: start, laneCursor: next } = out;
  start.fill(0, 0, pools + 1);
  for (let p = 0; p < pools; p++) poolStaticEC[p] = m.poolReserved[p];
  let others = 0;
  for (let i = 0; i < n; i++) {
    if (mode[i] !== 0 || active[i] === 0) otherIdx[others++] = i;
    else { start[pool[i] + 1]++; poolStaticEC[pool[i]] += entitlement[i]; }
  }
  for (let p = 0; p < pools; p++) { start[p + 1] += start[p]; next[p] = start[p]; }
  for (let i = 0; i < n; i++) {
    if (mode[i] !== 0 || active[i] === 0) continue;
    const r = next[pool[i]]++ << 2;
    packed[r] = entitlement[i]; packed[r | 1] = vps[i];
    packed[r | 2] = capped[i] === 0 && weight[i] !== 0 ? 1 : 0; packed[r | 3] = i;
  }
  return n - others;
}

/** entitlementPass() over the packed record, also adding consumed·scale to accum. */
function packedPass(
  m: DispatcherModel, demand: Float64Array, out: DispatchOutput, shared: number, accum: Float64Array, stepScale: number,
): number {
  const scale = stepScale + 0; // + 0: an unboxed double here rather than the tagged parameter at every use
  const { consumed, packed, otherIdx, poolStaticEC, poolTotals, packStart: start } = out;
  out.spanDemand = demand;
  let used = 0;
  for (let p = 0; p < m.poolCount; p++) {
    let gSum = 0, hSum = 0;
    let j = start[p];
    const end = start[p + 1];
    // Four partitions per iteration, V8 checking each typed array once per iteration. Written out rather than
    // as a helper, which could return only one of the two sums.
    for (; j + 4 <= end; j += 4) {
      {
        const r = j << 2, i = packed[r | 3] | 0;
        const e = packed[r], v = packed[r | 1], d = demand[i], lim = d < v ? d : v;
        const k = +(lim < e), g = k * lim + (1 - k) * e, h = (lim - g) * packed[r | 2], c = g + h;
        consumed[i] = c;
        accum[i] += c * scale;
        gSum += g; hSum += h;
      }
      {
        const r = (j + 1) << 2, i = packed[r | 3] | 0;
        const e = packed[r], v = packed[r | 1], d = demand[i], lim = d < v ? d : v;
        const k = +(lim < e), g = k * lim + (1 - k) * e, h = (lim - g) * packed[r | 2], c = g + h;
        consumed[i] = c;
        accum[i] += c * scale;
        gSum += g; hSum += h;
      }
      {
        const r = (j + 2) << 2, i = packed[r | 3] | 0;
        const e = packed[r], v = packed[r | 1], d = demand[i], lim = d < v ? d : v;
        const k = +(lim < e), g = k * lim + (1 - k) * e, h = (lim - g) * packed[r | 2], c = g + h;
        consumed[i] = c;
        accum[i] += c * scale;
        gSum += g; hSum += h;
      }
      {
        const r = (j + 3) << 2, i = packed[r | 3] | 0;
        const e = packed[r], v = packed[r | 1], d = demand[i], lim = d < v ? d : v;
        const k = +(lim < e), g = k * lim + (1 - k) * e, h = (lim - g) * packed[r | 2], c = g + h;
        consumed[i] = c;
        accum[i] += c * scale;
        gSum += g; hSum += h;
      }
    }
    for (; j < end; j++) {
      const r = j << 2, i = packed[r | 3] | 0;
      const e = packed[r], v = packed[r | 1], d = demand[i], lim = d < v ? d : v;
      const k = +(lim < e), g = k * lim + (1 - k) * e, h = (lim - g) * packed[r | 2], c = g + h;
      consumed[i] = c;
      accum[i] += c * scale;
      gSum += g; hSum += h;
    }
    poolTotals[4 * p + EC] = poolStaticEC[p]; poolTotals[4 * p + USED] = gSum; poolTotals[4 * p + HEAD] = hSum;
    used += gSum;
  }
  let donated = 0;
  for (let q = 0, others = m.n - shared; q < others; q++) {
    const i = otherIdx[q];
    donated += otherPartition(m, i, demand[i], consumed, out.head);
    accum[i] += consumed[i] * scale;
  }
  out.donated = donated;
  return used;
}
