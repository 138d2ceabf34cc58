// A slow, literal reference of the dispatcher's rules (src/platform/hypervisor/dispatcher/dispatcher.ts,
// header): each stage written as the rule says, every water level found by bisection on plain arrays.
// Independent of the fast implementation's tricks (optimistic writes, levels adding up, dense arrays).
import { MODE_DEDICATED, type DispatcherModel } from '../../../../src/platform/hypervisor/dispatcher/dispatcher.ts';

export interface Reference { consumed: number[]; donated: number; donatedUsed: number; sharedIdle: number }

/** Σ min(head_i, λ·w_i) over the given candidates. */
const fill = (ids: number[], head: number[], w: number[], lam: number) => ids.reduce((s, i) => s + Math.min(head[i], lam * w[i]), 0);

/** Gives `capacity` (or everything they want, if less) to the candidates by weight; returns what it gave. */
function waterFill(ids: number[], head: number[], w: number[], capacity: number, got: number[]): number {
  const want = ids.reduce((s, i) => s + head[i], 0);
  if (capacity <= 0 || ids.length === 0) return 0;
  if (want <= capacity) {
    for (const i of ids) { got[i] += head[i]; head[i] = 0; }
    return want;
  }
  const lam = bisect((l) => fill(ids, head, w, l), capacity);
  for (const i of ids) { const a = Math.min(head[i], lam * w[i]); got[i] += a; head[i] -= a; }
  return capacity;
}

/** The λ ≥ 0 with f(λ) = target for a nondecreasing f (to double precision). */
function bisect(f: (lam: number) => number, target: number): number {
  let lo = 0, hi = 1;
  while (f(hi) < target) hi *= 2;
  for (let k = 0; k < 200; k++) { const mid = (lo + hi) / 2; if (f(mid) < target) lo = mid; else hi = mid; }
  return (lo + hi) / 2;
}

export function referenceAllocate(m: DispatcherModel, demand: ArrayLike<number>): Reference {
  const n = m.n, pools = m.poolCount;
  const got = new Array<number>(n).fill(0), head = new Array<number>(n).fill(0), w = new Array<number>(n).fill(0);
  const ec = Array.from({ length: pools }, (_, p) => m.poolReserved[p]), used = new Array<number>(pools).fill(0);
  let donated = 0;
  const members: number[][] = Array.from({ length: pools }, () => []);
  for (let i = 0; i < n; i++) {
    const d = demand[i], e = m.entitlement[i];
    if (m.mode[i] === MODE_DEDICATED) {
      const c = m.active[i] ? Math.min(d, e) : 0;
      got[i] = c;
      const s = m.sharingMode[i];
      if (m.active[i] ? s === 2 || s === 3 : s === 1 || s === 3) donated += e - c;
      continue;
    }
    if (!m.active[i]) continue;
    const lim = Math.min(d, m.vps[i]), g = Math.min(lim, e), p = m.pool[i];
    got[i] = g; ec[p] += e; used[p] += g;
    if (!m.capped[i] && m.weight[i] > 0 && lim > g) { head[i] = lim - g; w[i] = m.weight[i]; members[p].push(i); }
  }
  // a. Each pool's unused entitled capacity to its own uncapped partitions.
  let sharedUsed = used.reduce((a, b) => a + b, 0);
  for (let p = 0; p < pools; p++) {
    const a = waterFill(members[p], head, w, Math.min(ec[p], p > 0 ? m.poolMax[p] : Infinity) - used[p], got);
    used[p] += a; sharedUsed += a;
  }
  // b. Donated cycles to the default pool.
  const donatedUsed = donated > 1e-12 ? waterFill(members[0], head, w, donated, got) : 0;
  // c. Physical idle capacity across pools by one level, each pool p ≥ 1 within its maximum.
  let idle = m.sharedCores - sharedUsed;
  const room = (p: number) => (p === 0 ? Infinity : Math.max(0, m.poolMax[p] - used[p]));
  const takeAt = (lam: number) => members.reduce((s, ids, p) => s + Math.min(fill(ids, head, w, lam), room(p)), 0);
  const wantAll = members.reduce((s, ids, p) => s + Math.min(ids.reduce((x, i) => x + head[i], 0), room(p)), 0);
  if (idle > 1e-12 && wantAll > 0) {
    const lam = wantAll <= idle ? Infinity : bisect(takeAt, idle);
    for (let p = 0; p < pools; p++) {
      const want = Math.min(fill(members[p], head, w, lam), room(p));
      idle -= waterFill(members[p], head, w, want, got);
    }
  }
  return { consumed: got, donated, donatedUsed, sharedIdle: Math.max(0, idle) };
}
