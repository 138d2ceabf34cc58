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
import type { DispatcherModel } from './dispatcher-model.ts';
import type { DispatchOutput } from './dispatch-output.ts';
import { poolCandidates } from './candidates.ts';
import { EC, HEAD, USED } from './entitlement-pass.ts';
import { fillAt, SATURATED, waterLevel } from './water-fill.ts';

const EPS = 1e-12;
/** poolLevel value: the pool fell short, its level follows from its total grant (settleLevels). */
const UNKNOWN = -1;
/** poolState values in the cross-pool stage. */
const OUT = 0, OPEN = 1, FULL = 2;

/**
 * Shares idle capacity among the candidates left by the entitlement pass (out.poolTotals), lowering
 * out.consumed (and accum by the same amount times scale) of the candidates that do not get their whole
 * head, and sets out.donatedUsed and out.sharedIdle. sharedUsed: PU the shared partitions used for their
 * entitlement. poolLevel[p] ends SATURATED for a pool whose candidates get everything they want.
 */
export function shareIdle(m: DispatcherModel, out: DispatchOutput, sharedUsed: number, accum: Float64Array, scale: number): void {
  const pools = m.poolCount, { poolMax } = m;
  const { poolTotals, poolTake, poolLevel, poolRoom } = out;
  out.donatedUsed = 0;
  out.dense = false;

  // a. Each pool's unused entitled capacity (EC_p, at most its maximum) to its own candidates.
  let short = false;
  for (let p = 0; p < pools; p++) {
    const h = poolTotals[4 * p + HEAD], ecp = poolTotals[4 * p + EC], used = poolTotals[4 * p + USED];
    const ec = p > 0 && ecp > poolMax[p] ? poolMax[p] : ecp;
    const room = ec - used, all = h <= 0 || room >= h;
    const take = all ? h : room > 0 ? room : 0;
    poolTake[p] = take;
    poolLevel[p] = all ? SATURATED : UNKNOWN;
    if (!all) short = true;
    sharedUsed += take;
    const left = poolMax[p] - used - take;
    poolRoom[p] = p === 0 ? SATURATED : left > 0 ? left : 0;
  }
  let idle = m.sharedCores - sharedUsed;
  if (!short) { out.sharedIdle = idleLeft(idle); return; }

  // b. Donated dedicated cycles to the default pool (not counted as shared physical pool use).
  if (out.donated > EPS && poolLevel[0] !== SATURATED) {
    const rest = poolTotals[HEAD] - poolTake[0];
    if (rest <= out.donated) { poolTake[0] += rest; out.donatedUsed = rest; poolLevel[0] = SATURATED; }
    else { poolTake[0] += out.donated; out.donatedUsed = out.donated; }
  }

  // c. Physical idle capacity: if it covers what every pool still wants (within its maximum), each pool
  // simply gets that; otherwise the pools compete by level.
  if (idle > EPS) {
    let want = 0;
    for (let p = 0; p < pools; p++) {
      if (poolLevel[p] === SATURATED) continue;
      const rest = poolTotals[4 * p + HEAD] - poolTake[p], room = poolRoom[p];
      want += rest < room ? rest : room;
    }
    if (want <= idle) {
      for (let p = 0; p < pools; p++) {
        if (poolLevel[p] === SATURATED) continue;
        const rest = poolTotals[4 * p + HEAD] - poolTake[p], room = poolRoom[p];
        if (rest <= room) { poolTake[p] += rest; poolLevel[p] = SATURATED; } else poolTake[p] += room;
      }
      idle -= want;
    } else {
      idle = crossPool(m, out, idle);
    }
  }
  out.sharedIdle = idleLeft(idle);
  settleLevels(m, out, accum, scale);
}

const idleLeft = (idle: number): number => (idle > 0 ? idle : 0);

/**
 * Stage c when the idle capacity is short: one level λ above each pool's level so far, shared by all
 * pools, except that a pool whose maximum binds at λ is held at its maximum (it is then held at every
 * higher level too, so fixing it is final) and λ is found again for the rest. Returns the idle left.
 */
function crossPool(m: DispatcherModel, out: DispatchOutput, idle: number): number {
  const pools = m.poolCount;
  const { poolTotals, poolTake, poolLevel, poolRoom, poolState, poolXW, candH, candW, segStart, segEnd, xH, xW, xStart, xEnd } = out;
  let open = 0;
  for (let p = 0; p < pools; p++) {
    poolState[p] = poolLevel[p] !== SATURATED && poolRoom[p] > 0 ? OPEN : OUT;
    if (poolState[p] === OPEN) open++;
  }
  for (let p = 0; p < pools; p++) {
    if (poolState[p] === OPEN) { poolCandidates(m, out, p, open > 1); poolLevel[p] = levelOf(out, p); }
  }
  let lam = 0;
  for (;;) {
    let capacity = idle, k = 0;
    for (let p = 0; p < pools; p++) {
      if (poolState[p] === FULL) capacity -= poolRoom[p];
      if (poolState[p] !== OPEN) continue;
      // What each candidate still wants above the pool's level so far (compacted without branches).
      const lev = poolLevel[p];
      let wSum = 0;
      xStart[p] = k;
      for (let j = segStart[p], e = segEnd[p]; j < e; j++) {
        const w = candW[j], h = candH[j] - lev * w, open = +(h > 0);
        xH[k] = h; xW[k] = w; k += open; wSum += open * w;
      }
      xEnd[p] = k;
      poolXW[p] = wSum;
    }
    if (k === 0 || capacity <= 0) { lam = 0; break; }
    lam = waterLevel(xH, xW, 0, k, capacity, out.solveH, out.solveW);
    let fixed = false;
    for (let p = 0; p < pools; p++) {
      // A pool's maximum can only bind if λ·(its open weight) exceeds its room.
      if (poolState[p] !== OPEN || lam * poolXW[p] <= poolRoom[p]) continue;
      if (fillAt(xH, xW, xStart[p], xEnd[p], lam) > poolRoom[p]) { poolState[p] = FULL; fixed = true; }
    }
    if (!fixed) break;
  }
  for (let p = 0; p < pools; p++) {
    if (poolState[p] === FULL) { poolTake[p] += poolRoom[p]; poolLevel[p] = UNKNOWN; idle -= poolRoom[p]; }
    if (poolState[p] !== OPEN) continue;
    if (lam < SATURATED) { poolLevel[p] += lam; continue; } // a known level: the pool fell short
    idle -= poolTotals[4 * p + HEAD] - poolTake[p];
    poolTake[p] = poolTotals[4 * p + HEAD];
    poolLevel[p] = SATURATED;
  }
  return lam >= SATURATED ? idle : 0;
}

/** Every pool that fell short: find its level if not known and cut its candidates down to it. */
function settleLevels(m: DispatcherModel, out: DispatchOutput, accum: Float64Array, scale: number): void {
  const pools = m.poolCount, { poolLevel, consumed, candH, candW, candI, segStart, segEnd } = out;
  let short = 0;
  for (let p = 0; p < pools; p++) if (poolLevel[p] !== SATURATED) short++;
  for (let p = 0; p < pools; p++) {
    if (poolLevel[p] === SATURATED) continue;
    poolCandidates(m, out, p, short > 1);
    const lev = poolLevel[p] === UNKNOWN ? levelOf(out, p) : poolLevel[p];
    // consumed was written optimistically as entitlement + whole head; take back what is above the level.
    for (let j = segStart[p], e = segEnd[p]; j < e; j++) {
      const over = candH[j] - lev * candW[j], cut = +(over > 0) * over, i = candI[j];
      consumed[i] -= cut;
      accum[i] -= cut * scale;
    }
  }
}

/** Pool p's level for its grant so far (0 when nothing was granted). Needs poolCandidates(p). */
function levelOf(out: DispatchOutput, p: number): number {
  const take = out.poolTake[p];
  if (take <= 0) return 0;
  return waterLevel(out.candH, out.candW, out.segStart[p], out.segEnd[p], take, out.solveH, out.solveW);
}
