// Workload demand models: the exact interval means agree with brute-force integration, by hand and by property.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { meanCpu } from '../../../src/sim/workloads/demand-models.ts';
import { loadTrace } from '../../../src/sim/workloads/csv-trace.ts';
import { WorkloadSyntaxError, type WorkloadSpec } from '../../../src/sim/workloads/workload-spec.ts';

/** Mean by summing 1 ms point values (what a 1 ms dispatcher would see). */
const brute = (s: WorkloadSpec, t0: number, t1: number): number => {
  let sum = 0;
  for (let t = t0; t < t1; t++) sum += meanCpu(s, t, t);
  return sum / (t1 - t0);
};

test('burst: peak for the first `duration` of every period, by hand', () => {
  const s: WorkloadSpec = { kind: 'burst', base: 0.1, peak: 3, period: 600, duration: 60 };
  assert.equal(meanCpu(s, 0, 600_000), 0.1 + 2.9 * 0.1);                  // one whole period: 10 % at peak
  assert.equal(meanCpu(s, 30_000, 90_000), 0.1 + 2.9 * 0.5);              // half of it in the burst
  assert.equal(meanCpu(s, 60_000, 600_000), 0.1);                         // all outside
  assert.equal(meanCpu(s, 600_000, 600_000), 3);                          // a point at a burst's start
  assert.ok(Math.abs(meanCpu(s, 12_345, 1_234_567) - brute(s, 12_345, 1_234_567)) < 1e-9);
});

test('csv: a step function replayed in a loop, by hand', () => {
  // 0.2 PU for 60 s, then 1.0 for 60 s; the last point holds one step; the loop is 120 s long.
  const s: WorkloadSpec = { kind: 'csv', file: 'x', points: [[0, 0.2], [60, 1.0]], since: 1_000_000 };
  assert.equal(meanCpu(s, 1_000_000, 1_120_000), 0.6);
  assert.equal(meanCpu(s, 1_060_000, 1_120_000), 1.0);
  assert.equal(meanCpu(s, 1_120_000, 1_180_000), 0.2, 'second loop');
  assert.ok(Math.abs(meanCpu(s, 1_030_000, 1_250_000) - brute(s, 1_030_000, 1_250_000)) < 1e-9);
});

test('interval means of every model equal brute-force integration (property)', () => {
  const spec = fc.oneof(
    fc.record({ kind: fc.constant('constant' as const), pu: fc.double({ min: 0, max: 8, noNaN: true }) }),
    fc.record({ kind: fc.constant('daily' as const), base: fc.double({ min: 0, max: 2, noNaN: true }), peak: fc.double({ min: 0, max: 8, noNaN: true }), peak_hour: fc.integer({ min: 0, max: 23 }) }),
    fc.record({ kind: fc.constant('burst' as const), base: fc.double({ min: 0, max: 2, noNaN: true }), peak: fc.double({ min: 0, max: 8, noNaN: true }), period: fc.integer({ min: 1, max: 20 }), duration: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ kind: fc.constant('csv' as const), file: fc.constant('t'), since: fc.constant(0),
      points: fc.array(fc.tuple(fc.integer({ min: 1, max: 7 }), fc.double({ min: 0, max: 4, noNaN: true })), { minLength: 1, maxLength: 6 })
        .map((gaps) => { let t = 0; return gaps.map(([g, pu], i) => { if (i > 0) t += g; return [t, pu] as [number, number]; }); }) }),
  );
  fc.assert(fc.property(spec, fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 1, max: 30_000 }), (s, t0, len) => {
    const exact = meanCpu(s as WorkloadSpec, t0, t0 + len), approx = brute(s as WorkloadSpec, t0, t0 + len);
    return Math.abs(exact - approx) <= 1e-6 * Math.max(1, Math.abs(approx));
  }), { numRuns: 150 });
});

test('a trace that does not advance in time is refused, not replayed as NaN', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pvs-trace-'));
  try {
    const one = join(dir, 'one.csv'), same = join(dir, 'same.csv'), ok = join(dir, 'ok.csv');
    writeFileSync(one, '0.1\n0.2\n');
    writeFileSync(same, 'time,pu\n10,0.1\n10,0.2\n');
    writeFileSync(ok, 'time,pu\n2026-01-01T00:00:00Z,0.1\n2026-01-01T00:01:00Z,0.3\n');
    assert.throws(() => loadTrace(one, 2, 0), WorkloadSyntaxError);
    assert.throws(() => loadTrace(same), /same time/);
    assert.deepEqual(loadTrace(ok), [[0, 0.1], [60, 0.3]]);
    const local = join(dir, 'local.csv');
    writeFileSync(local, 'time,pu\n2026-03-29 00:30:00,0.1\n2026-03-29 03:30:00,0.3\n'); // spans a DST change in many zones
    assert.deepEqual(loadTrace(local), [[0, 0.1], [10800, 0.3]], 'zoneless timestamps are UTC');
    assert.deepEqual(loadTrace(one), [[0, 0.1], [60, 0.2]]);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});
