// Weighted water-filling of idle capacity among uncapped partitions (platform.md §6.1: "Uncapped LPARs
// compete for idle pool capacity in proportion to their weights"; §6.3: "Uncapped LPARs in a pool together
// use at most max_pool_proc_units").
//
// Every candidate j has a weight w_j > 0 and a headroom h_j > 0 (unmet demand, already clipped to its VPs).
// Filling capacity C to water level λ gives each min(h_j, λ·w_j); the level is the λ with
// F(λ) = Σ min(h_j, λ·w_j) = C. F is concave and piecewise linear, so Newton's method from below is exact
// and finite: each round takes λ = (C − Σ h of the saturated) / (Σ w of the open), saturates every open
// candidate whose head fits under λ·w (it is saturated at the final level too, since λ only rises), and
// stops when a round saturates nobody. Random workloads need a handful of rounds; each round streams over
// dense Float64 arrays with no indirection and no data-dependent branch (saturation is a 0/1 factor, so a
// 50/50 comparison costs no mispredicted branch), compacting the open candidates as it goes.
//
// Because the fill at level λ is min(h_j, λ·w_j), successive fills of the same candidates add levels:
// filling C1 and then C2 more equals filling C1 + C2 at once. The dispatcher relies on this to express
// every stage as one water level per pool (dispatcher.ts).

/**
 * Level meaning "every candidate gets its whole head". Finite, so that level·weight (weights ≤ 255) is never
 * Infinity and level·0 never NaN.
 */
export const SATURATED = 1e300;

/**
 * The level λ ≥ 0 at which Σ min(h[j], λ·w[j]) over j in [from, to) equals `capacity`; SATURATED when the
 * capacity covers every head. Reads h and w without changing them; sh and sw are scratch (≥ to − from long).
 */
export function waterLevel(
  h: Float64Array, w: Float64Array, from: number, to: number, capacity: number, sh: Float64Array, sw: Float64Array,
): number {
  let wOpen = 0;
  for (let j = from; j < to; j++) wOpen += w[j];
  if (wOpen <= 0) return SATURATED;
  let rest = capacity, lam = rest / wOpen;
  // Round 1 reads the input and leaves the open candidates in sh/sw; later rounds compact sh/sw in place.
  let open = 0, satH = 0, satW = 0;
  for (let j = from; j < to; j++) {
    const hj = h[j], wj = w[j], s = +(hj <= lam * wj);
    satH += s * hj; satW += s * wj;
    sh[open] = hj; sw[open] = wj; open += 1 - s;
  }
  while (satW > 0) {
    if (open === 0) return SATURATED;
    rest -= satH; wOpen -= satW;
    lam = rest / wOpen;
    let kept = 0;
    satH = 0; satW = 0;
    for (let j = 0; j < open; j++) {
      const hj = sh[j], wj = sw[j], s = +(hj <= lam * wj);
      satH += s * hj; satW += s * wj;
      sh[kept] = hj; sw[kept] = wj; kept += 1 - s;
    }
    open = kept;
  }
  return lam > 0 ? lam : 0;
}

/** Σ min(h[j], level·w[j]) over j in [from, to): what a fill at `level` gives these candidates. */
export function fillAt(h: Float64Array, w: Float64Array, from: number, to: number, level: number): number {
  let sum = 0;
  for (let j = from; j < to; j++) {
    const hj = h[j], a = level * w[j], k = +(hj < a);
    sum += k * hj + (1 - k) * a;
  }
  return sum;
}
