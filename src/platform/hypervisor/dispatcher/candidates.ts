// The candidates of the pools that need a water level (idle-share.ts), gathered into dense per-pool
// segments: head and weight as Float64 and the partition's index, so that the solver's rounds stream over
// contiguous memory. Only pools whose candidates do not all get what they want need this, so it runs in
// the minority of windows, but then it is a pass over all partitions, and in V8 such a pass costs a few ns
// per partition for every typed array it touches. Three ways, cheapest first:
//  - in a long-horizon span, the pool's active shared partitions are one range of the span's packed
//    array (long-horizon.ts): recompute their heads from it;
//  - one pool: one pass keeping the pool's candidates;
//  - several pools: one pass placing every candidate at its pool's cursor.
// All without data-dependent branches: a partition is written at the cursor, which advances only if it is
// a candidate, so one write may land in the slot of slack after the segment.
import type { DispatcherModel } from './dispatcher-model.ts';
import type { DispatchOutput } from './dispatch-output.ts';
import { COUNT } from './entitlement-pass.ts';

/** Makes pool p's segment [segStart[p], segEnd[p]) hold its candidates; `several`: more pools will want theirs. */
export function poolCandidates(m: DispatcherModel, out: DispatchOutput, p: number, several: boolean): void {
  const { segStart, segEnd, poolTotals, packStart } = out;
  if (!out.dense) { // this allocation's layout: room for each pool's candidates plus a slot of slack per lane
    out.dense = true;
    if (!out.inSpan) countCandidates(m, out);
    let off = 0;
    for (let q = 0; q < m.poolCount; q++) {
      segStart[q] = off; segEnd[q] = -1;
      off += (out.inSpan ? packStart[q + 1] - packStart[q] : poolTotals[4 * q + COUNT]) + 4;
    }
  }
  if (segEnd[p] >= 0) return;
  if (out.inSpan) fromSpan(m, out, p);
  else if (several) allPools(m, out);
  else onePool(m, out, p);
}

/**
 * Candidates per pool and lane (partition index mod 4) into out.poolSums' COUNT, per pool into
 * out.poolTotals' COUNT. Counted here rather than in the entitlement pass, which would pay for it in every
 * window. Lanes, so that consecutive partitions do not add into the same counter (entitlement-pass.ts).
 */
function countCandidates(m: DispatcherModel, out: DispatchOutput): void {
  const { n, pool } = m, { head, poolSums, poolTotals } = out;
  for (let b = COUNT; b < 16 * m.poolCount; b += 4) poolSums[b] = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    count(i, 0, pool, head, poolSums); count(i + 1, 4, pool, head, poolSums);
    count(i + 2, 8, pool, head, poolSums); count(i + 3, 12, pool, head, poolSums);
  }
  for (; i < n; i++) count(i, (i & 3) << 2, pool, head, poolSums);
  for (let p = 0; p < m.poolCount; p++) {
    const o = (p << 4) | COUNT;
    poolTotals[4 * p + COUNT] = poolSums[o] + poolSums[o + 4] + poolSums[o + 8] + poolSums[o + 12];
  }
}

/** Counts partition i (lane offset `lane`) if it is a candidate; others (any pool id) add 0 to pool 0. */
function count(i: number, lane: number, pool: Int32Array, head: Float64Array, poolSums: Float64Array): void {
  const k = +(head[i] > 0);
  poolSums[((pool[i] & (0 - k)) << 4) | lane | COUNT] += k;
}

/**
 * Pool p from its range of the span's packed array. A span does not store every partition's head each step
 * (long-horizon.ts); the pool's are recomputed here, with the same arithmetic as there.
 */
function fromSpan(m: DispatcherModel, out: DispatchOutput, p: number): void {
  const { weight } = m, { candH, candW, candI, segStart, segEnd, packStart, packed, spanDemand: d } = out;
  let k = segStart[p], j = packStart[p];
  const end = packStart[p + 1];
  for (; j + 4 <= end; j += 4) {
    k = spanKeep(j, k, packed, d, weight, candH, candW, candI);
    k = spanKeep(j + 1, k, packed, d, weight, candH, candW, candI);
    k = spanKeep(j + 2, k, packed, d, weight, candH, candW, candI);
    k = spanKeep(j + 3, k, packed, d, weight, candH, candW, candI);
  }
  for (; j < end; j++) k = spanKeep(j, k, packed, d, weight, candH, candW, candI);
  segEnd[p] = k;
}

/** Packed partition j at slot k; returns the next slot: k + 1 if it has a head, else k. */
function spanKeep(
  j: number, k: number, packed: Float64Array, demand: Float64Array, weight: Uint8Array,
  candH: Float64Array, candW: Float64Array, candI: Int32Array,
): number {
  const r = j << 2, i = packed[r | 3] | 0;
  const e = packed[r], v = packed[r | 1], d = demand[i], lim = d < v ? d : v;
  const c = +(lim < e), h = (lim - (c * lim + (1 - c) * e)) * packed[r | 2];
  candH[k] = h; candW[k] = weight[i]; candI[k] = i;
  return k + +(h > 0);
}

/** Pool p in one pass over the partitions, four per iteration (V8 checks each typed array once per iteration). */
function onePool(m: DispatcherModel, out: DispatchOutput, p: number): void {
  const { n, pool, weight } = m, { head, candH, candW, candI, segStart, segEnd } = out;
  let k = segStart[p], i = 0;
  for (; i + 4 <= n; i += 4) {
    k = keep(i, p, k, pool, head, weight, candH, candW, candI);
    k = keep(i + 1, p, k, pool, head, weight, candH, candW, candI);
    k = keep(i + 2, p, k, pool, head, weight, candH, candW, candI);
    k = keep(i + 3, p, k, pool, head, weight, candH, candW, candI);
  }
  for (; i < n; i++) k = keep(i, p, k, pool, head, weight, candH, candW, candI);
  segEnd[p] = k;
}

/** Partition i at slot k; returns the next slot: k + 1 if i is a candidate of pool p, else k. */
function keep(
  i: number, p: number, k: number, pool: Int32Array, head: Float64Array, weight: Uint8Array,
  candH: Float64Array, candW: Float64Array, candI: Int32Array,
): number {
  const h = head[i];
  candH[k] = h; candW[k] = weight[i]; candI[k] = i;
  return k + (+(h > 0) & +(pool[i] === p));
}

/**
 * Every pool in one pass. Each pool's segment is split by lane (partition index mod 4), sized by the
 * entitlement pass's per-lane counts, so that consecutive partitions never advance the same cursor (see
 * entitlement-pass.ts). A non-candidate (whose pool id may be anything: dedicated partitions) is masked to
 * pool 0. The slot after each lane is cleared, so a segment may hold such empty candidates.
 */
function allPools(m: DispatcherModel, out: DispatchOutput): void {
  const { n, pool, weight } = m, pools = m.poolCount;
  const { head, poolSums, candH, candW, candI, segStart, segEnd, laneCursor: cur } = out;
  for (let p = 0; p < pools; p++) {
    let off = segStart[p];
    for (let l = 0; l < 4; l++) { cur[(p << 2) | l] = off; off += poolSums[(p << 4) | (l << 2) | COUNT] + 1; }
    segEnd[p] = off;
  }
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    place(i, 0, pool, head, weight, cur, candH, candW, candI);
    place(i + 1, 1, pool, head, weight, cur, candH, candW, candI);
    place(i + 2, 2, pool, head, weight, cur, candH, candW, candI);
    place(i + 3, 3, pool, head, weight, cur, candH, candW, candI);
  }
  for (; i < n; i++) place(i, i & 3, pool, head, weight, cur, candH, candW, candI);
  for (let b = 0; b < 4 * pools; b++) { const j = cur[b]; candH[j] = 0; candW[j] = 0; candI[j] = 0; }
}

/** Partition i (lane l) to its pool's lane cursor; the cursor advances only if it is a candidate. */
function place(
  i: number, l: number, pool: Int32Array, head: Float64Array, weight: Uint8Array, cur: Int32Array,
  candH: Float64Array, candW: Float64Array, candI: Int32Array,
): void {
  const h = head[i], k = +(h > 0), b = ((pool[i] & (0 - k)) << 2) | l, j = cur[b];
  candH[j] = h; candW[j] = weight[i]; candI[j] = i;
  cur[b] = j + k;
}
