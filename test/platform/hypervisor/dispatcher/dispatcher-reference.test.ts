// The fast dispatcher against a slow, literal reference of its rules (reference.ts) on random valid models:
// several pools with maxima and reserved capacity, dedicated partitions donating, inactive partitions,
// capped and weight-0 partitions, and capacity from ample to scarce, so that every stage and every path
// of the implementation is taken (everyone satisfied, pools at their maximum, pools competing by level).
// Partition counts that are not multiples of 4 and dedicated partitions with any pool id cover the
// four-at-a-time passes and the dense arrays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  allocate, createOutput, validateModel, type DispatcherModel,
} from '../../../../src/platform/hypervisor/dispatcher/dispatcher.ts';
import { bigModelArb, modelArb, toModel, type Input } from './random-models.ts';
import { referenceAllocate } from './reference.ts';

const TOL = 1e-7;

/** Checks one allocation against the reference. */
function matches(m: DispatcherModel, demand: Float64Array, out: ReturnType<typeof createOutput>): void {
  const ref = referenceAllocate(m, demand);
  for (let i = 0; i < m.n; i++) {
    assert.ok(Math.abs(out.consumed[i] - ref.consumed[i]) <= TOL, `partition ${i}: ${out.consumed[i]} vs reference ${ref.consumed[i]}`);
  }
  assert.ok(Math.abs(out.donated - ref.donated) <= TOL, `donated ${out.donated} vs ${ref.donated}`);
  assert.ok(Math.abs(out.donatedUsed - ref.donatedUsed) <= TOL, `donatedUsed ${out.donatedUsed} vs ${ref.donatedUsed}`);
  assert.ok(Math.abs(out.sharedIdle - ref.sharedIdle) <= TOL, `sharedIdle ${out.sharedIdle} vs ${ref.sharedIdle}`);
}

/** Property: allocation of the model's demand, then of a second demand on the same output, match the reference. */
const matchesReference = (x: Input): void => {
  const m = toModel(x);
  assert.equal(validateModel(m), null);
  const out = createOutput(m);
  allocate(m, m.demand, out);
  matches(m, m.demand, out);
  // The same output for another demand: nothing may leak from one allocation into the next.
  const demand2 = Float64Array.from(x.lpars, (l) => l.demand2 / 100);
  allocate(m, demand2, out);
  matches(m, demand2, out);
};

test('every window matches the literal reference: consumption, donation and idle capacity', () => {
  fc.assert(fc.property(modelArb, matchesReference), { numRuns: 1500 });
});

test('larger models (many candidates per pool and lane) match the literal reference', () => {
  fc.assert(fc.property(bigModelArb, matchesReference), { numRuns: 150 });
});
