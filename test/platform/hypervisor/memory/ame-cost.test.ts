// The Active Memory Expansion cost model (src/platform/hypervisor/memory/ame-cost.ts): hand-computed costs
// and the shape the model promises (none at factor ≤ 1, more with the factor, more when data compresses
// badly, proportional to how busy the partition is, sharply more beyond what the data can reach).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ameAppliesTo, ameCompressedFraction, ameCpuCost, ameExpandedMemMB, ameMaxFactor } from '../../../../src/platform/hypervisor/memory/ame-cost.ts';
import { defaultConfig } from '../../../../src/sim/config.ts';

const K = { cpuPerCompressedFraction: 0.25, overshootPenalty: 2, hardwareCostFactor: 0.2 };
const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

describe('ameCpuCost: hand-computed', () => {
  it('off (0), factor 1.00 and an idle partition cost nothing', () => {
    assert.equal(ameCpuCost(0, 0.5, 2, { constants: K }), 0);
    assert.equal(ameCpuCost(1, 0.5, 2, { constants: K }), 0);
    assert.equal(ameCpuCost(2, 0.5, 0, { constants: K }), 0);
  });

  it('factor 1.5 on data that halves: two thirds of memory compressed, 0.25 × 2/3 per busy PU', () => {
    close(ameCompressedFraction(1.5, 0.5), 2 / 3);
    close(ameCpuCost(1.5, 0.5, 2, { constants: K }), 2 * 0.25 * (2 / 3));
    close(ameCpuCost(1.5, 0.5, 2, { constants: K, hardware: true }), 2 * 0.25 * (2 / 3) * 0.2);
  });

  it('factor 4 on data that halves is out of reach (at most 2): the overshoot is charged at the penalty rate', () => {
    assert.equal(ameMaxFactor(0.5), 2);
    close(ameCompressedFraction(4, 0.5), 1.5);
    close(ameCpuCost(4, 0.5, 1, { constants: K }), 0.25 + 2 * 0.5);
  });

  it('the defaults come from the configuration', () => {
    const d = defaultConfig().ame;
    close(ameCpuCost(1.5, 0.5, 1), d.cpuPerCompressedFraction * (2 / 3));
  });
});

describe('ameCpuCost: properties', () => {
  const factor = fc.integer({ min: 100, max: 1000 }).map((c) => c / 100);
  const comp = fc.double({ min: 0.01, max: 1, noNaN: true });
  const busy = fc.double({ min: 0, max: 64, noNaN: true });

  it('grows with the factor', () => {
    fc.assert(fc.property(factor, factor, comp, busy, (f1, f2, c, b) => {
      const [lo, hi] = f1 <= f2 ? [f1, f2] : [f2, f1];
      assert.ok(ameCpuCost(lo, c, b, { constants: K }) <= ameCpuCost(hi, c, b, { constants: K }) + 1e-9);
    }));
  });

  it('is larger when the workload compresses badly', () => {
    fc.assert(fc.property(factor, comp, comp, busy, (f, c1, c2, b) => {
      const [worse, better] = c1 <= c2 ? [c1, c2] : [c2, c1];
      assert.ok(ameCpuCost(f, better, b, { constants: K }) <= ameCpuCost(f, worse, b, { constants: K }) + 1e-9);
    }));
  });

  it('is proportional to the busy processing units and never negative', () => {
    fc.assert(fc.property(factor, comp, busy, (f, c, b) => {
      const one = ameCpuCost(f, c, 1, { constants: K });
      assert.ok(one >= 0);
      assert.ok(Math.abs(ameCpuCost(f, c, b, { constants: K }) - one * b) <= 1e-9 * Math.max(1, one * b));
    }));
  });

  it('beyond the reachable factor each step costs more than any step below it', () => {
    fc.assert(fc.property(comp.filter((c) => c < 0.9), (c) => {
      const max = ameMaxFactor(c);
      const below = ameCpuCost(max, c, 1, { constants: K }) - ameCpuCost((1 + max) / 2, c, 1, { constants: K });
      const slopeBelow = below / (max - (1 + max) / 2);
      const slopeAbove = (ameCpuCost(max * 1.1, c, 1, { constants: K }) - ameCpuCost(max, c, 1, { constants: K })) / (max * 0.1);
      assert.ok(slopeAbove > slopeBelow, `${slopeAbove} <= ${slopeBelow}`);
    }));
  });
});

describe('expanded memory and who gets it', () => {
  it('the OS sees logical memory × the factor; 0 and 1.00 leave it as is', () => {
    assert.equal(ameExpandedMemMB(4096, 1.5), 6144);
    assert.equal(ameExpandedMemMB(4096, 0), 4096);
    assert.equal(ameExpandedMemMB(4096, 1), 4096);
  });

  it('AIX only (platform.md §5.5): not Linux, IBM i or VIOS', () => {
    assert.equal(ameAppliesTo('AIX 7.2 7200-05-03-2148'), true);
    for (const os of ['Linux/Red Hat 4.18.0 8.8', 'VIOS 3.1.4.21', 'IBM i 7.4', '']) assert.equal(ameAppliesTo(os), false, os);
  });
});
