// Window mode vs long-horizon mode (DESIGN.md: "both must agree where they overlap"): 100 windows of 10 ms
// against one 1 s integrate step on the mean demand, on a mixed workload of 60 partitions.
//
// Allocation is non-linear in demand (min(demand, entitlement), VP and pool limits, water levels), so the
// mean of per-window allocations equals the allocation of the mean demand only when demand is constant over
// the step. The meaningful overlap is therefore a workload whose demand is piecewise constant at the step
// granularity (it changes between steps, not inside them): there both modes must agree (they do exactly).
// With small per-window noise around a constant mean they still agree within 1 %; with large per-window
// swings (bursty demand) they legitimately differ — that is what window mode is for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createModel, createOutput, dispatchWindow, integrate, validateModel, MODE_DEDICATED, type DispatcherModel,
} from '../../../../src/platform/hypervisor/dispatcher/dispatcher.ts';
import { prng } from '../../../../src/sim/prng.ts';


/** 60 partitions: 6 dedicated (mixed sharing modes), the rest shared over 3 pools, capped and uncapped. */
function workload(rand: () => number): DispatcherModel {
  const n = 60, m = createModel(n, 3, 0);
  const ec = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    m.active[i] = 1;
    if (i < 6) { m.mode[i] = MODE_DEDICATED; m.entitlement[i] = 1 + (i % 3); m.vps[i] = m.entitlement[i]; m.sharingMode[i] = i % 4; continue; }
    const pu = Math.round(10 + rand() * 140) / 100;
    m.entitlement[i] = pu; m.vps[i] = Math.ceil(pu) + Math.floor(rand() * 3); m.pool[i] = i % 3;
    m.capped[i] = rand() < 0.25 ? 1 : 0; m.weight[i] = Math.floor(rand() * 256);
    ec[m.pool[i]] += pu;
  }
  m.poolMax[1] = Math.ceil(ec[1] * 1.3); m.poolMax[2] = Math.ceil(ec[2] * 1.1); m.poolReserved[1] = 0.5;
  m.sharedCores = Math.ceil(ec[0] + ec[1] + ec[2] + 0.5 + 6);
  m.poolMax[0] = m.sharedCores;
  return m;
}

/** Mean demand per partition for one step: from idle to well beyond entitlement (contention). */
function stepDemand(m: DispatcherModel, rand: () => number, mean: Float64Array): void {
  for (let i = 0; i < m.n; i++) mean[i] = rand() * 2.2 * m.entitlement[i];
}

/** Runs `steps` steps both ways; perWindow(mean, w, rand) gives the demand of window w. Returns core-seconds. */
function compare(seed: number, steps: number, perWindow: (mean: number, w: number, rand: () => number) => number) {
  const rand = prng(seed), m = workload(rand);
  const outW = createOutput(m), outL = createOutput(m);
  const mean = new Float64Array(m.n), windows = new Float64Array(m.n), horizon = new Float64Array(m.n);
  const noise = new Float64Array(m.n * 100);
  for (let s = 0; s < steps; s++) {
    stepDemand(m, rand, mean);
    // Noise is drawn, then re-centred so the per-window demand averages exactly to `mean` over the step.
    for (let i = 0; i < m.n; i++) {
      let sum = 0;
      for (let w = 0; w < 100; w++) { noise[i * 100 + w] = perWindow(mean[i], w, rand); sum += noise[i * 100 + w]; }
      const shift = mean[i] - sum / 100;
      for (let w = 0; w < 100; w++) noise[i * 100 + w] = Math.max(0, noise[i * 100 + w] + shift);
    }
    for (let w = 0; w < 100; w++) {
      for (let i = 0; i < m.n; i++) m.demand[i] = noise[i * 100 + w];
      assert.equal(validateModel(m), null);
      dispatchWindow(m, outW);
      for (let i = 0; i < m.n; i++) windows[i] += outW.consumed[i] * 0.01;
    }
    integrate(m, 1000, mean, outL, horizon);
  }
  return { windows, horizon, m };
}

const totals = (a: Float64Array) => a.reduce((x, y) => x + y, 0);

test('piecewise-constant demand: 100 windows and one 1 s step agree exactly', () => {
  const { windows, horizon } = compare(1, 5, (mean) => mean);
  for (let i = 0; i < windows.length; i++) assert.ok(Math.abs(windows[i] - horizon[i]) <= 1e-9 * Math.max(1, horizon[i]), `partition ${i}`);
  assert.ok(totals(horizon) > 0);
});

test('±3 % per-window noise around a constant mean: the modes agree within 1 %', () => {
  const { windows, horizon, m } = compare(2, 5, (mean, _w, rand) => mean * (1 + (rand() * 2 - 1) * 0.03));
  const tw = totals(windows), th = totals(horizon);
  assert.ok(Math.abs(tw - th) <= 0.01 * th, `system total: windows ${tw} vs horizon ${th}`);
  for (let i = 0; i < m.n; i++) {
    // Per partition, relative to what it consumed (at least 1 % of a core-second, to ignore idle ones).
    const ref = Math.max(horizon[i], 0.01 * 5);
    assert.ok(Math.abs(windows[i] - horizon[i]) <= 0.01 * ref, `partition ${i}: windows ${windows[i]} vs horizon ${horizon[i]}`);
  }
});
