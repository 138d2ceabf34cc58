// Weighted water-filling of idle capacity among uncapped partitions (platform.md §6.1: "Uncapped LPARs
// compete for idle pool capacity in proportion to their weights"; §6.3: "Uncapped LPARs in a pool together
// use at most max_pool_proc_units").
//
// Every candidate i has a weight w_i > 0 and a headroom h_i > 0 (unmet demand, already clipped to its VPs).
// The fair share at water level λ is min(λ·w_i, h_i). Each round computes λ = capacity / Σ w of the open
// candidates; a candidate whose headroom fits under λ·w_i is saturated: it gets exactly h_i and drops out.
// Because a saturated candidate takes at most λ·w_i, the level for the others can only rise, so a candidate
// saturated at this round's λ is saturated at the final level too — the result is exact, and each round
// removes at least one candidate or ends the fill. Weight sums are kept incrementally (weights are
// integers, so exactly). Typical workloads need a handful of rounds.
//
// Candidate lists are Int32Array index lists compacted in place; all state lives in DispatchOutput scratch.

const EPS = 1e-12;

/**
 * Independent fills, one per group (group = the candidate's pool id): group g shares gCap[g] among its
 * candidates. Adds grants to consumed, subtracts them from head and gCap. Destroys `list`. Returns Σ granted.
 */
export function fillGroups(
  list: Int32Array, count: number, group: Int32Array, weight: Uint8Array, head: Float64Array, consumed: Float64Array,
  gCap: Float64Array, gW: Float64Array, gLam: Float64Array, gFlag: Uint8Array, groups: number,
): number {
  // gFlag per group: OPEN, FROZE (someone saturated this round, so the level must be recomputed) or
  // SETTLED (nobody saturated at gLam: the remaining candidates get gLam·w in the next pass). Weights are
  // kept per group incrementally, so each round is a single pass over the open candidates.
  let total = 0;
  for (let g = 0; g < groups; g++) { gW[g] = 0; gFlag[g] = OPEN; }
  for (let k = 0; k < count; k++) { const i = list[k]; gW[group[i]] += weight[i]; }
  while (count > 0) {
    for (let g = 0; g < groups; g++) if (gFlag[g] === OPEN) gLam[g] = gW[g] > 0 && gCap[g] > EPS ? gCap[g] / gW[g] : 0;
    let kept = 0;
    for (let k = 0; k < count; k++) {
      const i = list[k], g = group[i], w = weight[i];
      if (gFlag[g] === SETTLED) {
        const a = gLam[g] * w;
        consumed[i] += a; head[i] -= a; gCap[g] -= a; total += a;
        continue;
      }
      const h = head[i];
      if (h <= gLam[g] * w) {
        consumed[i] += h; head[i] = 0; gCap[g] -= h; gW[g] -= w; total += h; gFlag[g] = FROZE;
      } else list[kept++] = i;
    }
    count = kept;
    for (let g = 0; g < groups; g++) gFlag[g] = gFlag[g] === FROZE ? OPEN : SETTLED;
  }
  return total;
}

const OPEN = 0, FROZE = 1, SETTLED = 2;

/** Scratch needed by fillGlobal (a DispatchOutput satisfies it). */
export interface FillScratch {
  readonly head: Float64Array; readonly consumed: Float64Array; readonly sat: Int32Array;
  readonly poolHead: Float64Array; readonly gCap: Float64Array; readonly gW: Float64Array; readonly gLam: Float64Array;
  readonly gFlag: Uint8Array; readonly pFlag: Uint8Array; readonly pW: Float64Array;
}

/**
 * One fill of `capacity` over all candidates of all pools, with each pool's remaining room poolHead[p]
 * (Infinity = unlimited) as a second constraint. In a round at level λ, a pool whose candidates would take
 * Σ min(λ·w_i, h_i) ≥ poolHead[p] is saturated at every higher level too; its candidates then share exactly
 * poolHead[p] among themselves (fillGroups) and leave the global fill. Destroys `list`. Returns Σ granted.
 */
export function fillGlobal(
  capacity: number, list: Int32Array, count: number, group: Int32Array, weight: Uint8Array, groups: number, s: FillScratch,
): number {
  const { head, consumed, sat, poolHead, gCap, gW, gLam, gFlag, pFlag, pW } = s;
  let rest = capacity, w = 0;
  for (let g = 0; g < groups; g++) pW[g] = 0;
  for (let k = 0; k < count; k++) { const i = list[k]; w += weight[i]; pW[group[i]] += weight[i]; }
  while (count > 0 && rest > EPS) {
    const lam = rest / w;
    // A pool can only saturate if λ·(its open weight) reaches its room; skip the exact pass otherwise.
    let maybe = false;
    for (let g = 0; g < groups; g++) { gW[g] = 0; if (pW[g] > 0 && lam * pW[g] >= poolHead[g] - EPS) maybe = true; }
    // What each pool would take at this level.
    if (maybe) {
      for (let k = 0; k < count; k++) {
        const i = list[k], a = lam * weight[i], h = head[i];
        gW[group[i]] += a < h ? a : h;
      }
    }
    let anySat = false;
    for (let g = 0; g < groups; g++) {
      // Only pools with open candidates (gW > 0) can saturate; otherwise no round would make progress.
      pFlag[g] = gW[g] > 0 && gW[g] >= poolHead[g] - EPS ? 1 : 0;
      if (pFlag[g]) anySat = true;
    }
    let kept = 0, ns = 0, froze = false;
    for (let k = 0; k < count; k++) {
      const i = list[k], g = group[i], h = head[i];
      if (pFlag[g]) { sat[ns++] = i; w -= weight[i]; pW[g] -= weight[i]; }
      else if (h <= lam * weight[i]) {
        consumed[i] += h; head[i] = 0; poolHead[g] -= h; rest -= h; froze = true; w -= weight[i]; pW[g] -= weight[i];
      } else list[kept++] = i;
    }
    count = kept;
    if (anySat) {
      for (let g = 0; g < groups; g++) gCap[g] = pFlag[g] && poolHead[g] > 0 ? poolHead[g] : 0;
      rest -= fillGroups(sat, ns, group, weight, head, consumed, gCap, gW, gLam, gFlag, groups);
      for (let g = 0; g < groups; g++) if (pFlag[g]) poolHead[g] = gCap[g];
    } else if (!froze) {
      // Nobody saturated: everyone settles at λ, the capacity is used up.
      for (let k = 0; k < count; k++) {
        const i = list[k], a = lam * weight[i];
        consumed[i] += a; head[i] -= a; poolHead[group[i]] -= a;
      }
      rest = 0;
      count = 0;
    }
  }
  return capacity - rest;
}
