// Long-horizon spans and repeated windows: integrateSteps must give integrate()'s result step by step
// (it only reads the model's static part once per span), and runWindows must equal that many single
// windows (the dispatcher keeps no state between windows).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  createOutput, dispatchWindow, integrate, integrateSteps, runWindows, DISPATCH_WINDOW_MS,
} from '../../../../src/platform/hypervisor/dispatcher/dispatcher.ts';
import { prng } from '../../../../src/sim/prng.ts';
import { bigModelArb, modelArb, toModel, type Input } from './random-models.ts';

const close = (a: number, b: number, what: string): void => {
  assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
};

/** Step demands drawn from the model's own demand, scaled per step, so that contention comes and goes. */
function stepDemands(x: Input, steps: number, seed: number): Float64Array[] {
  const rand = prng(seed);
  return Array.from({ length: steps }, () => Float64Array.from(x.lpars, (l) => (l.demand / 100) * rand() * 2));
}

const spanMatchesSteps = (x: Input): void => {
  const m = toModel(x), steps = 6, demands = stepDemands(x, steps, x.lpars.length);
  const outSpan = createOutput(m), outStep = createOutput(m);
  const secSpan = new Float64Array(m.n), secStep = new Float64Array(m.n);
  const perStep: Float64Array[] = [];
  for (const d of demands) {
    integrate(m, 60_000, d, outStep, secStep);
    perStep.push(outStep.consumed.slice());
  }
  const seen: number[] = [];
  integrateSteps(m, 60_000, steps, (s) => demands[s], outSpan, secSpan, (s) => {
    seen.push(s);
    for (let i = 0; i < m.n; i++) close(outSpan.consumed[i], perStep[s][i], `step ${s} partition ${i}`);
  });
  assert.deepEqual(seen, [0, 1, 2, 3, 4, 5]);
  for (let i = 0; i < m.n; i++) close(secSpan[i], secStep[i], `core-seconds of partition ${i}`);
};

test('integrateSteps equals integrate() step by step (consumption each step, core-seconds)', () => {
  fc.assert(fc.property(modelArb, spanMatchesSteps), { numRuns: 300 });
  fc.assert(fc.property(bigModelArb, spanMatchesSteps), { numRuns: 40 });
});

test('integrateSteps when every partition is an active shared one (no index list), n not a multiple of 4', () => {
  fc.assert(fc.property(bigModelArb, (x) => {
    const shared = { ...x, lpars: x.lpars.map((l) => ({ ...l, kind: 1, state: 1 })) };
    spanMatchesSteps(shared);
  }), { numRuns: 40 });
});

test('integrateSteps without core-seconds leaves the last step in out.consumed', () => {
  const [x] = fc.sample(bigModelArb, { numRuns: 1, seed: 11 });
  const m = toModel(x), demands = stepDemands(x, 3, 5), out = createOutput(m), ref = createOutput(m);
  integrateSteps(m, 1000, 3, (s) => demands[s], out);
  integrate(m, 1000, demands[2], ref);
  for (let i = 0; i < m.n; i++) close(out.consumed[i], ref.consumed[i], `partition ${i}`);
});

test('runWindows equals that many single windows and leaves the demand in the model', () => {
  fc.assert(fc.property(modelArb, fc.integer({ min: 0, max: 7 }), (x, windows) => {
    const m = toModel(x), demand = Float64Array.from(x.lpars, (l) => l.demand2 / 100);
    const out = createOutput(m), accum = new Float64Array(m.n).fill(1), expected = new Float64Array(m.n).fill(1);
    runWindows(m, out, windows, demand, accum);
    assert.deepEqual(Array.from(m.demand), Array.from(demand));
    const one = createOutput(m);
    for (let w = 0; w < windows; w++) {
      dispatchWindow(m, one);
      for (let i = 0; i < m.n; i++) expected[i] += one.consumed[i] * DISPATCH_WINDOW_MS;
    }
    for (let i = 0; i < m.n; i++) close(accum[i], expected[i], `PU·ms of partition ${i}`);
  }), { numRuns: 300 });
});

test('runWindows refuses a window count that is not a whole number ≥ 0', () => {
  const [x] = fc.sample(modelArb, { numRuns: 1, seed: 3 });
  const m = toModel(x), out = createOutput(m), accum = new Float64Array(m.n);
  for (const bad of [-1, 1.5, Number.NaN]) assert.throws(() => runWindows(m, out, bad, m.demand, accum), RangeError);
  assert.ok(accum.every((v) => v === 0));
});
