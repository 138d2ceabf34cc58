// Stage 3 of the dispatcher (the rules are in dispatcher.ts's header): idle capacity to the uncapped
// candidates by weight — a. each pool's unused entitled capacity, b. donated dedicated cycles to the
// default pool, c. the physical idle capacity across pools within their maxima.
//
// How: every stage is a water-fill of the same candidates of a pool, and fills add levels (water-fill.ts),
// so a pool's candidates end up with min(h_i, Λ_p·w_i) where Λ_p is the level at which the pool's fill
// F_p(Λ) = Σ min(h_i, Λ·w_i) equals its total grant T_p. The stages therefore only need to decide how much
// each pool gets, which is plain per-pool arithmetic except when the physical idle capacity is too small
// for what the pools still want (then the split between pools depends on their levels: crossPool below).
// A pool that gets everything it wants needs no level at all. Levels are computed at the end, only for the
// pools that fell short, over dense per-pool arrays built only then; when everybody gets what they want
// (an under-committed system), stage 3 costs a few operations per pool.
import type { DispatcherModel, DispatchOutput } from './dispatcher-model.ts';
import { fillAt, SATURATED, waterLevel } from './water-fill.ts';

const EPS = 1e-12;
/** poolLevel value: not known yet (computed from the pool's total grant at the end). */
const UNKNOWN = -1;
/** poolState values in the cross-pool stage. */
const OUT = 0, OPEN = 1, FULL = 2;

/**
 * Shares idle capacity among the candidates left by the entitlement pass (out.head, out.pool*), lowering
 * out.consumed of the candidates that do not get their whole head, and sets out.donatedUsed and
 * out.sharedIdle. sharedUsed: PU the shared partitions used for their entitlement.
 */
export function shareIdle(m: DispatcherModel, out: DispatchOutput, sharedUsed: number): void {
  const pools = m.poolCount, { poolMax } = m;
  const { poolEC, poolUsed, poolHead, poolTake, poolLevel, poolRoom } = out;
  out.donatedUsed = 0;
  out.dense = false;
  let wanted = 0;
  for (let p = 0; p < pools; p++) {
    poolTake[p] = 0; poolLevel[p] = UNKNOWN;
    wanted += poolHead[p];
  }
  if (wanted <= 0) { out.sharedIdle = idleLeft(m.sharedCores - sharedUsed); return; }

  // a. Each pool's unused entitled capacity (EC_p, at most its maximum) to its own candidates.
  for (let p = 0; p < pools; p++) {
    const h = poolHead[p];
    const ec = p > 0 && poolEC[p] > poolMax[p] ? poolMax[p] : poolEC[p];
    const room = ec - poolUsed[p];
    const take = h <= 0 || room <= 0 ? 0 : room < h ? room : h;
    poolTake[p] = take;
    sharedUsed += take;
    const left = poolMax[p] - poolUsed[p] - take;
    poolRoom[p] = p === 0 ? SATURATED : left > 0 ? left : 0;
  }
  // b. Donated dedicated cycles to the default pool (not counted as shared physical pool use).
  if (out.donated > EPS) {
    const rest = poolHead[0] - poolTake[0];
    if (rest > 0) {
      const a = rest < out.donated ? rest : out.donated;
      poolTake[0] += a;
      out.donatedUsed = a;
    }
  }
  // c. Physical idle capacity: if it covers what every pool still wants (within its maximum), each pool
  // simply gets that; otherwise the pools compete by level.
  let idle = m.sharedCores - sharedUsed;
  if (idle > EPS) {
    let want = 0;
    for (let p = 0; p < pools; p++) {
      const rest = poolHead[p] - poolTake[p], room = poolRoom[p];
      if (rest > 0) want += rest < room ? rest : room;
    }
    if (want <= idle) {
      for (let p = 0; p < pools; p++) {
        const rest = poolHead[p] - poolTake[p], room = poolRoom[p];
        if (rest > 0) poolTake[p] += rest < room ? rest : room;
      }
      idle -= want;
    } else if (want > 0) {
      idle = crossPool(m, out, idle);
    }
  }
  out.sharedIdle = idleLeft(idle);
  settleLevels(m, out);
}

const idleLeft = (idle: number): number => (idle > 0 ? idle : 0);

/**
 * Stage c when the idle capacity is short: one level λ above each pool's level so far, shared by all
 * pools, except that a pool whose maximum binds at λ is held at its maximum (it is then held at every
 * higher level too, so fixing it is final) and λ is found again for the rest. Returns the idle left.
 */
function crossPool(m: DispatcherModel, out: DispatchOutput, idle: number): number {
  const pools = m.poolCount;
  const { poolHead, poolTake, poolLevel, poolRoom, poolState, candH, candW, segStart, segEnd, xH, xW, xStart, xEnd } = out;
  buildDense(m, out);
  for (let p = 0; p < pools; p++) {
    const rest = poolHead[p] - poolTake[p];
    poolState[p] = rest > 0 && poolRoom[p] > 0 ? OPEN : OUT;
    if (poolState[p] === OPEN) poolLevel[p] = levelOf(out, p);
  }
  let lam = 0;
  for (;;) {
    let capacity = idle, k = 0;
    for (let p = 0; p < pools; p++) {
      if (poolState[p] === FULL) capacity -= poolRoom[p];
      if (poolState[p] !== OPEN) continue;
      // What each candidate still wants above the pool's level so far (compacted without branches).
      const lev = poolLevel[p];
      xStart[p] = k;
      for (let j = segStart[p], e = segEnd[p]; j < e; j++) {
        const w = candW[j], h = candH[j] - lev * w;
        xH[k] = h; xW[k] = w; k += +(h > 0);
      }
      xEnd[p] = k;
    }
    if (k === 0 || capacity <= 0) { lam = 0; break; }
    lam = waterLevel(xH, xW, 0, k, capacity, out.solveH, out.solveW);
    let fixed = false;
    for (let p = 0; p < pools; p++) {
      if (poolState[p] !== OPEN || poolRoom[p] >= poolHead[p] - poolTake[p]) continue;
      if (fillAt(xH, xW, xStart[p], xEnd[p], lam) > poolRoom[p]) { poolState[p] = FULL; fixed = true; }
    }
    if (!fixed) break;
  }
  for (let p = 0; p < pools; p++) {
    if (poolState[p] === FULL) { poolTake[p] += poolRoom[p]; poolLevel[p] = UNKNOWN; idle -= poolRoom[p]; }
    if (poolState[p] !== OPEN) continue;
    const got = lam >= SATURATED ? poolHead[p] - poolTake[p] : fillAt(xH, xW, xStart[p], xEnd[p], lam);
    poolTake[p] += got; idle -= got;
    poolLevel[p] = lam >= SATURATED ? SATURATED : poolLevel[p] + lam;
  }
  return lam >= SATURATED ? idle : 0;
}

/** Every pool that got less than its candidates want: find its level and cut its candidates down to it. */
function settleLevels(m: DispatcherModel, out: DispatchOutput): void {
  const pools = m.poolCount, { poolHead, poolTake, poolLevel, consumed, candH, candW, candI, segStart, segEnd } = out;
  let short = false;
  for (let p = 0; p < pools; p++) if (poolTake[p] < poolHead[p] && poolLevel[p] < SATURATED) short = true;
  if (!short) return;
  buildDense(m, out);
  for (let p = 0; p < pools; p++) {
    if (!(poolTake[p] < poolHead[p]) || poolLevel[p] >= SATURATED) continue;
    const lev = poolLevel[p] === UNKNOWN ? levelOf(out, p) : poolLevel[p];
    // consumed was written optimistically as entitlement + whole head; take back what is above the level.
    for (let j = segStart[p], e = segEnd[p]; j < e; j++) {
      const over = candH[j] - lev * candW[j];
      consumed[candI[j]] -= +(over > 0) * over;
    }
  }
}

/** Pool p's level for its grant so far (0 when nothing was granted). Needs buildDense. */
function levelOf(out: DispatchOutput, p: number): number {
  const take = out.poolTake[p];
  if (take <= 0) return 0;
  return waterLevel(out.candH, out.candW, out.segStart[p], out.segEnd[p], take, out.solveH, out.solveW);
}

/** Dense per-pool arrays of the candidates (head, weight as Float64, index), pool by pool; once per allocation. */
function buildDense(m: DispatcherModel, out: DispatchOutput): void {
  const { n, pool, weight } = m, pools = m.poolCount;
  const { head, candH, candW, candI, segStart, segEnd } = out;
  if (out.dense) return;
  out.dense = true;
  for (let p = 0; p < pools; p++) segEnd[p] = 0;
  for (let i = 0; i < n; i++) if (head[i] > 0) segEnd[pool[i]]++;
  let off = 0;
  for (let p = 0; p < pools; p++) { const c = segEnd[p]; segStart[p] = off; segEnd[p] = off; off += c; }
  for (let i = 0; i < n; i++) {
    const h = head[i];
    if (h > 0) { const j = segEnd[pool[i]]++; candH[j] = h; candW[j] = weight[i]; candI[j] = i; }
  }
}
