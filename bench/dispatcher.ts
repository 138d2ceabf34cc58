// Processor dispatcher throughput (DESIGN.md "Performance rules": measure as a ratio to a baseline in the
// same run). Window mode: 1,000 shared partitions in 4 pools, against a minimal typed-array loop of the same
// arithmetic shape (entitlement pass + one weighted share pass). Long horizon: one simulated year of 1,000
// partitions at one-minute steps with demand changing every step.
//
// Also printed, for honesty about what the targets measure: the ratio against the same baseline written
// without data-dependent branches (the dispatcher's own technique, which makes the baseline about twice as
// fast on this random demand); the window rate on a workload where every window is contended (the
// dispatcher's slow path, which the benchmark workload takes in about one window in five); and the year
// run step by step through integrate() instead of one integrateSteps() span.
import { performance } from 'node:perf_hooks';
import { figure, info } from './report.ts';
import {
  createModel, createOutput, dispatchWindow, integrate, integrateSteps, validateModel, type DispatcherModel,
} from '../src/platform/hypervisor/dispatcher/dispatcher.ts';
import { prng } from '../src/sim/prng.ts';

const N = 1000, POOLS = 4, VECTORS = 64;


/** Random valid model: entitlements 0.05–1.0 PU, 1–4 VPs, 20 % capped, weights 0–255, pools 0–3. */
function buildModel(rand: () => number): DispatcherModel {
  const m = createModel(N, POOLS, 0);
  const ec = new Float64Array(POOLS);
  for (let i = 0; i < N; i++) {
    const pu = Math.round(5 + rand() * 95) / 100;
    m.active[i] = 1; m.entitlement[i] = pu; m.vps[i] = 1 + Math.floor(rand() * 4); m.pool[i] = Math.floor(rand() * POOLS);
    m.capped[i] = rand() < 0.2 ? 1 : 0; m.weight[i] = Math.floor(rand() * 256);
    ec[m.pool[i]] += pu;
  }
  let cores = 0;
  for (let p = 0; p < POOLS; p++) { cores += ec[p]; if (p > 0) m.poolMax[p] = Math.ceil(ec[p] * 1.2); }
  m.sharedCores = Math.ceil(cores * 1.15); // ~15 % idle shared capacity to fight over
  m.poolMax[0] = m.sharedCores;
  const err = validateModel(m);
  if (err) throw new Error(`bench model invalid: ${err}`);
  return m;
}

/** Demand vectors: each partition between idle and `peak` × its entitlement (2.5: contention in about one window in five). */
function demandVectors(m: DispatcherModel, rand: () => number, count: number, peak = 2.5): Float64Array[] {
  return Array.from({ length: count }, () => {
    const d = new Float64Array(N);
    for (let i = 0; i < N; i++) d[i] = rand() * peak * m.entitlement[i];
    return d;
  });
}

/** Same arithmetic shape without the water-filling rounds: guarantee, weight sum, one proportional share. */
function baselineWindow(m: DispatcherModel, c: Float64Array, head: Float64Array): void {
  const { demand, entitlement, vps, weight, capped } = m;
  let used = 0, w = 0;
  for (let i = 0; i < N; i++) {
    const v = vps[i], d = demand[i], lim = d < v ? d : v, e = entitlement[i], g = lim < e ? lim : e;
    c[i] = g; used += g;
    const h = capped[i] === 0 && weight[i] > 0 ? lim - g : 0;
    head[i] = h;
    if (h > 0) w += weight[i];
  }
  const lam = (m.sharedCores - used) / w;
  for (let i = 0; i < N; i++) { const a = lam * weight[i], h = head[i]; c[i] += a < h ? a : h; }
}

/** baselineWindow without data-dependent branches: min(a, b) as k·a + (1 − k)·b with k = +(a < b). */
function branchlessBaselineWindow(m: DispatcherModel, c: Float64Array, head: Float64Array): void {
  const { demand, entitlement, vps, weight, capped } = m;
  let used = 0, w = 0;
  for (let i = 0; i < N; i++) {
    const v = vps[i], d = demand[i], lim = d < v ? d : v, e = entitlement[i], k = +(lim < e), g = k * lim + (1 - k) * e;
    c[i] = g; used += g;
    const wi = weight[i], h = (lim - g) * +(capped[i] === 0) * +(wi !== 0);
    head[i] = h;
    w += +(h > 0) * wi;
  }
  const lam = (m.sharedCores - used) / w;
  for (let i = 0; i < N; i++) { const a = lam * weight[i], h = head[i], k = +(a < h); c[i] += k * a + (1 - k) * h; }
}

function timeWindows(windows: number, vectors: Float64Array[], m: DispatcherModel, body: () => void): number {
  const t0 = performance.now();
  for (let w = 0; w < windows; w++) { m.demand.set(vectors[w % VECTORS]); body(); }
  return performance.now() - t0;
}

/** Best of three interleaved runs of each body, in ms per `windows` windows. */
function bestOf(windows: number, vectors: Float64Array[], m: DispatcherModel, bodies: (() => void)[]): number[] {
  for (const body of bodies) timeWindows(2000, vectors, m, body); // warm up so the JIT has optimised them
  const best = bodies.map(() => Infinity);
  for (let r = 0; r < 3; r++) bodies.forEach((body, k) => { best[k] = Math.min(best[k], timeWindows(windows, vectors, m, body)); });
  return best;
}

export function dispatcherBench(): void {
  const rand = prng(42), m = buildModel(rand), vectors = demandVectors(m, rand, VECTORS);
  const out = createOutput(m), bc = new Float64Array(N), bh = new Float64Array(N);
  const dispatch = () => dispatchWindow(m, out);
  const windows = 20000;
  const [dMs, bMs, blMs] = bestOf(windows, vectors, m, [dispatch, () => baselineWindow(m, bc, bh), () => branchlessBaselineWindow(m, bc, bh)]);
  const dRate = (windows * N) / (dMs / 1000), bRate = (windows * N) / (bMs / 1000);
  info('dispatcher window: partition-windows/s', dRate, '/s', `baseline ${bRate.toExponential(2)}/s`);
  info('dispatcher window: throughput ratio to baseline', dRate / bRate, 'x', 'target ≥ 0.5');
  info('dispatcher window: throughput ratio to the branch-free baseline', blMs / dMs, 'x', 'same arithmetic without data-dependent branches');
  // figure() checks upper bounds, so the ≥ 0.5 throughput target is checked as cost ≤ 2× the baseline.
  figure('dispatcher window cost vs typed-array baseline', dMs / bMs, 'x', 2);
  const contended = demandVectors(m, prng(9), VECTORS, 4);
  const [cMs] = bestOf(windows / 4, contended, m, [dispatch]);
  info('dispatcher window, every window contended (demand up to 4× entitlement): partition-windows/s', (windows / 4) * N / (cMs / 1000), '/s');

  // Long horizon: 525,600 one-minute steps; the demand changes every step (cycling 1,440 minute vectors).
  const minutes = demandVectors(m, prng(7), 1440), coreSeconds = new Float64Array(N);
  const steps = 525_600;
  const t0 = performance.now();
  integrateSteps(m, 60_000, steps, (s) => minutes[s % 1440], out, coreSeconds);
  const sec = (performance.now() - t0) / 1000;
  let total = 0;
  for (let i = 0; i < N; i++) total += coreSeconds[i];
  info('dispatcher year: mean shared PU busy', total / (365 * 86400), 'PU', `of ${m.sharedCores} cores`);
  figure('dispatcher year of 1,000 partitions at 1-minute steps', sec, 's', 10);
  // The same steps one integrate() call at a time (a tenth of the year, scaled up).
  const t1 = performance.now();
  for (let s = 0; s < steps / 10; s++) integrate(m, 60_000, minutes[s % 1440], out, coreSeconds);
  info('dispatcher year step by step through integrate() (a tenth, ×10)', ((performance.now() - t1) / 1000) * 10, 's');
}
