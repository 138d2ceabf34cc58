// Output and scratch space of the dispatcher: what one allocation writes (consumption per partition and a
// few totals) and the typed arrays its passes work in, allocated once per model so that dispatching
// allocates nothing (DESIGN.md "Performance rules").
import type { DispatcherModel } from './dispatcher-model.ts';

/** Result and scratch space of one allocation; create once per model and reuse (no allocation per window). */
export interface DispatchOutput {
  /** PU consumed per partition (in window mode: in this 10 ms window; in long-horizon mode: average over the step). */
  readonly consumed: Float64Array;
  /** Idle dedicated capacity offered to the default pool (PU). */
  donated: number;
  /** Part of `donated` that pool-0 partitions used. */
  donatedUsed: number;
  /** Shared physical pool capacity nobody used (PU). */
  sharedIdle: number;
  // Scratch. Per partition: the unmet demand of an uncapped candidate after its entitlement (0 otherwise);
  // not kept up to date during a long-horizon span.
  readonly head: Float64Array;
  // Per pool (layout in entitlement-pass.ts): entitled capacity EC_p, PU used by entitlements, Σ candidate
  // heads, candidates; per lane (window mode only) and in total.
  readonly poolSums: Float64Array;
  readonly poolTotals: Float64Array;
  // Per pool, stage 3: PU granted beyond entitlement so far, water level, room left under the pool
  // maximum; the pool's candidates in the dense arrays (laneCursor: while they are placed), and in the
  // cross-pool list; its cross-pool state and open weight.
  readonly poolTake: Float64Array;
  readonly poolLevel: Float64Array;
  readonly poolRoom: Float64Array;
  readonly segStart: Int32Array;
  readonly segEnd: Int32Array;
  readonly laneCursor: Int32Array;
  readonly xStart: Int32Array;
  readonly xEnd: Int32Array;
  readonly poolState: Uint8Array;
  readonly poolXW: Float64Array;
  // Dense candidate arrays, one segment per pool (filled only for pools that need a water level; slots of
  // slack after each, candidates.ts), a second dense list for the cross-pool stage and the solver's own
  // scratch; each n + 4·pools long (branch-free compaction writes one slot past the last kept element).
  readonly candH: Float64Array;
  readonly candW: Float64Array;
  readonly candI: Int32Array;
  readonly xH: Float64Array;
  readonly xW: Float64Array;
  readonly solveH: Float64Array;
  readonly solveW: Float64Array;
  /** Whether the segments are laid out for this allocation (segEnd[p] < 0: pool p not filled yet). */
  dense: boolean;
  /** Stand-in for a consumption accumulator when the caller wants none. */
  readonly noAccum: Float64Array;
  // Long-horizon spans (long-horizon.ts), while one runs: the model's static part packed once, pool by
  // pool: per active shared partition j, entitlement, VPs, 1 if uncapped with weight > 0 else 0, and its
  // index, at 4j; pool p's partitions from packStart[p] to packStart[p + 1]; the other partitions' indices;
  // each pool's entitled capacity; the current step's demand.
  inSpan: boolean;
  readonly packed: Float64Array;
  readonly packStart: Int32Array;
  readonly otherIdx: Int32Array;
  readonly poolStaticEC: Float64Array;
  spanDemand: Float64Array;
}

/** An output for models of m's size (partitions and pools). */
export function createOutput(m: DispatcherModel): DispatchOutput {
  const n = m.n, p = m.poolCount, f = () => new Float64Array(p), d = () => new Float64Array(n + 4 * p);
  return {
    consumed: new Float64Array(n), donated: 0, donatedUsed: 0, sharedIdle: 0, head: new Float64Array(n),
    poolSums: new Float64Array(16 * p), poolTotals: new Float64Array(4 * p), poolTake: f(), poolLevel: f(), poolRoom: f(),
    segStart: new Int32Array(p), segEnd: new Int32Array(p), laneCursor: new Int32Array(4 * p), xStart: new Int32Array(p), xEnd: new Int32Array(p),
    poolState: new Uint8Array(p), poolXW: f(), candH: d(), candW: d(), candI: new Int32Array(n + 4 * p), xH: d(), xW: d(), solveH: d(), solveW: d(), dense: false, noAccum: new Float64Array(n),
    inSpan: false, packed: new Float64Array(4 * n), packStart: new Int32Array(p + 1), otherIdx: new Int32Array(n),
    poolStaticEC: f(), spanDemand: new Float64Array(0),
  };
}

/** Internal assertion: an output made for a model of another size would silently drop writes. */
export function assertFits(m: DispatcherModel, out: DispatchOutput): void {
  if (out.consumed.length !== m.n || out.poolTake.length < m.poolCount) {
    throw new Error(`dispatcher output sized for ${out.consumed.length} partitions / ${out.poolTake.length} pools used with ${m.n} / ${m.poolCount}`);
  }
}
