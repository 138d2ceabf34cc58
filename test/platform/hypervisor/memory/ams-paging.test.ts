// The Active Memory Sharing paging model (src/platform/hypervisor/memory/ams-paging.ts): hand-computed cases
// of the weighted water-filling, and properties over random pools (conservation, no paging without
// overcommit, weight monotonicity, the typed-array core agreeing with the object form).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { amsAllocate, amsAllocateInto, amsPagingRate, type AmsPartitionDemand } from '../../../../src/platform/hypervisor/memory/ams-paging.ts';
import { defaultConfig } from '../../../../src/sim/config.ts';

const TOL = 1e-6;
const part = (inUseMB: number, weight: number, logicalMB = 65536, ioEntitledMB = 0): AmsPartitionDemand => ({ logicalMB, inUseMB, weight, ioEntitledMB });
const close = (a: number, b: number, what: string): void => assert.ok(Math.abs(a - b) < 1e-6, `${what}: ${a} != ${b}`);

describe('amsAllocate: hand-computed cases', () => {
  it('what is in use fits the pool after firmware and I/O entitled memory: all resident, nothing paged', () => {
    // capacity = 8192 − 512 − 2×64 = 7552 ≥ 2048 + 3000
    const r = amsAllocate(8192, 512, [part(2048, 128, 4096, 64), part(3000, 128, 4096, 64)]);
    assert.equal(r.capacityMB, 7552);
    assert.equal(r.overcommitted, false);
    assert.deepEqual(r.parts, [{ residentMB: 2048, pagedOutMB: 0 }, { residentMB: 3000, pagedOutMB: 0 }]);
    assert.equal(r.pagedOutMB, 0);
  });

  it('equal weights share the shortfall in proportion to what they use', () => {
    // capacity 4096, demand 6000, shortfall 1904: λ = 1904 / (3000/100 + 3000/100) = 31.73…, each loses 952.
    const r = amsAllocate(4096, 0, [part(3000, 100), part(3000, 100)]);
    assert.equal(r.overcommitted, true);
    for (const p of r.parts) { close(p.pagedOutMB, 952, 'paged'); close(p.residentMB, 2048, 'resident'); }
    close(r.pagedOutMB, 1904, 'total paged');
  });

  it('twice the weight: half the paged-out fraction', () => {
    // capacity 4000, shortfall 2000: λ = 2000 / (3000/200 + 3000/100) = 44.4…; losses 666.67 and 1333.33.
    const r = amsAllocate(4000, 0, [part(3000, 200), part(3000, 100)]);
    close(r.parts[0].pagedOutMB, 2000 / 3, 'weight 200');
    close(r.parts[1].pagedOutMB, 4000 / 3, 'weight 100');
    close(r.parts[0].residentMB + r.parts[1].residentMB, 4000, 'resident = capacity');
  });

  it('water-filling: a low-weight partition loses at most what it uses, the rest falls on the others', () => {
    // capacity 1000, shortfall 3000: λ = 3000/115 = 26.1 > 10, so A loses all 1000; then λ = 2000/15 = 133.3 ≤ 200.
    const r = amsAllocate(1000, 0, [part(1000, 10), part(3000, 200)]);
    assert.deepEqual(r.parts[0], { residentMB: 0, pagedOutMB: 1000 });
    close(r.parts[1].pagedOutMB, 2000, 'B paged');
    close(r.parts[1].residentMB, 1000, 'B resident');
  });

  it('weight 0 is paged first, before any weighted partition', () => {
    const r = amsAllocate(2500, 0, [part(1000, 0), part(2000, 128)]);
    assert.deepEqual(r.parts, [{ residentMB: 500, pagedOutMB: 500 }, { residentMB: 2000, pagedOutMB: 0 }]);
  });

  it('a partition uses at most its logical memory', () => {
    const r = amsAllocate(65536, 0, [part(4096, 128, 1024)]);
    assert.equal(r.demandMB, 1024);
    assert.deepEqual(r.parts[0], { residentMB: 1024, pagedOutMB: 0 });
  });

  it('firmware and I/O entitled memory above the pool leave nothing resident', () => {
    const r = amsAllocate(1024, 768, [part(100, 128, 2048, 512)]);
    assert.equal(r.capacityMB, 0);
    assert.deepEqual(r.parts[0], { residentMB: 0, pagedOutMB: 100 });
  });
});

const partArb = fc.record({
  logicalMB: fc.integer({ min: 0, max: 65536 }),
  // Memory in use: none, or at least a kilobyte (subnormal doubles are not memory amounts and underflow).
  inUseMB: fc.oneof(fc.constant(0), fc.double({ min: 1 / 1024, max: 70000, noNaN: true })),
  weight: fc.integer({ min: 0, max: 255 }),
  ioEntitledMB: fc.integer({ min: 0, max: 512 }),
});
const caseArb = fc.record({ poolMB: fc.integer({ min: 0, max: 262144 }), firmwareMB: fc.integer({ min: 0, max: 4096 }), parts: fc.array(partArb, { maxLength: 30 }) });

describe('amsAllocate: properties', () => {
  it('conservation: Σ resident ≤ pool − firmware − I/O entitled, resident + paged = what is used, nobody loses more than it uses', () => {
    fc.assert(fc.property(caseArb, ({ poolMB, firmwareMB, parts }) => {
      const r = amsAllocate(poolMB, firmwareMB, parts);
      const io = parts.reduce((a, p) => a + p.ioEntitledMB, 0);
      const cap = Math.max(0, poolMB - firmwareMB - io);
      const resident = r.parts.reduce((a, p) => a + p.residentMB, 0);
      assert.ok(resident <= cap + TOL, `resident ${resident} > capacity ${cap}`);
      parts.forEach((p, i) => {
        const d = Math.min(p.inUseMB, p.logicalMB);
        const s = r.parts[i];
        assert.ok(s.residentMB >= -TOL && s.pagedOutMB >= -TOL, 'non-negative');
        assert.ok(s.pagedOutMB <= d + TOL, 'loses at most what it uses');
        assert.ok(Math.abs(s.residentMB + s.pagedOutMB - d) < TOL * Math.max(1, d), 'resident + paged = used');
      });
      // Work-conserving: with overcommit the pool's whole capacity holds pages.
      if (r.overcommitted) assert.ok(Math.abs(resident - cap) < TOL * Math.max(1, cap), `resident ${resident} != capacity ${cap}`);
    }));
  });

  it('no paging without overcommit', () => {
    fc.assert(fc.property(caseArb, ({ poolMB, firmwareMB, parts }) => {
      const r = amsAllocate(poolMB, firmwareMB, parts);
      const io = parts.reduce((a, p) => a + p.ioEntitledMB, 0);
      const used = parts.reduce((a, p) => a + Math.min(p.inUseMB, p.logicalMB), 0);
      assert.equal(r.overcommitted, used > Math.max(0, poolMB - firmwareMB - io));
      if (!r.overcommitted) for (const s of r.parts) assert.equal(s.pagedOutMB, 0);
    }));
  });

  it('weight monotonicity: a higher weight never has a larger paged-out fraction', () => {
    fc.assert(fc.property(caseArb, ({ poolMB, firmwareMB, parts }) => {
      const r = amsAllocate(poolMB, firmwareMB, parts);
      const frac = parts.map((p, i) => { const d = Math.min(p.inUseMB, p.logicalMB); return d > 0 ? r.parts[i].pagedOutMB / d : NaN; });
      for (let i = 0; i < parts.length; i++) for (let j = 0; j < parts.length; j++) {
        if (Number.isNaN(frac[i]) || Number.isNaN(frac[j])) continue;
        if (parts[i].weight > parts[j].weight) assert.ok(frac[i] <= frac[j] + TOL, `w ${parts[i].weight} pages ${frac[i]}, w ${parts[j].weight} pages ${frac[j]}`);
      }
    }));
  });

  it('raising one partition\'s weight never lowers what it keeps resident', () => {
    fc.assert(fc.property(caseArb, fc.nat(), fc.integer({ min: 1, max: 255 }), ({ poolMB, firmwareMB, parts }, pick, extra) => {
      if (parts.length === 0) return;
      const i = pick % parts.length;
      const before = amsAllocate(poolMB, firmwareMB, parts).parts[i].residentMB;
      const raised = parts.map((p, j) => (j === i ? { ...p, weight: Math.min(255, p.weight + extra) } : p));
      const after = amsAllocate(poolMB, firmwareMB, raised).parts[i].residentMB;
      assert.ok(after >= before - TOL * Math.max(1, before), `${after} < ${before}`);
    }));
  });

  it('the typed-array core gives the same answer as the object form', () => {
    fc.assert(fc.property(caseArb, ({ poolMB, firmwareMB, parts }) => {
      const n = parts.length;
      const f = (k: keyof AmsPartitionDemand) => Float64Array.from(parts, (p) => p[k]);
      const res = new Float64Array(n), paged = new Float64Array(n);
      const t = amsAllocateInto(poolMB, firmwareMB, f('logicalMB'), f('inUseMB'), f('weight'), f('ioEntitledMB'), res, paged);
      const r = amsAllocate(poolMB, firmwareMB, parts);
      assert.equal(t.overcommitted, r.overcommitted);
      r.parts.forEach((p, i) => { assert.equal(res[i], p.residentMB); assert.equal(paged[i], p.pagedOutMB); });
    }));
  });
});

describe('amsPagingRate', () => {
  const c = defaultConfig().ams;

  it('hand-computed: a quarter paged out, 10 % of 4 GB touched per second', () => {
    // 0.1 × 4096 MB × 256 pages/MB = 104857.6 pages/s; miss = 0.25^2 = 0.0625 → 6553.6 faults/s × 4000 µs.
    const r = amsPagingRate(1024, 4096, 0.1, { ...c, pageSizeKB: 4, localityExponent: 2, pageInLatencyUs: 4000, maxPageInsPerSec: 25000 });
    close(r.pageFaultsPerSec, 6553.6, 'faults');
    close(r.pageInDelayUsPerSec, 6553.6 * 4000, 'delay');
  });

  it('no faults without paging or without access; a device serves at most maxPageInsPerSec', () => {
    assert.deepEqual(amsPagingRate(0, 4096, 1, c), { pageFaultsPerSec: 0, pageInDelayUsPerSec: 0 });
    assert.deepEqual(amsPagingRate(1024, 4096, 0, c), { pageFaultsPerSec: 0, pageInDelayUsPerSec: 0 });
    assert.equal(amsPagingRate(4096, 4096, 10, c).pageFaultsPerSec, c.maxPageInsPerSec);
  });

  it('more paged out or more intense access never means fewer faults', () => {
    fc.assert(fc.property(
      fc.double({ min: 1, max: 65536, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }),
      (inUse, f1, f2, i1, i2) => {
        const [lo, hi] = f1 <= f2 ? [f1, f2] : [f2, f1];
        const [ilo, ihi] = i1 <= i2 ? [i1, i2] : [i2, i1];
        assert.ok(amsPagingRate(lo * inUse, inUse, ihi, c).pageFaultsPerSec <= amsPagingRate(hi * inUse, inUse, ihi, c).pageFaultsPerSec + TOL);
        assert.ok(amsPagingRate(hi * inUse, inUse, ilo, c).pageFaultsPerSec <= amsPagingRate(hi * inUse, inUse, ihi, c).pageFaultsPerSec + TOL);
      },
    ));
  });
});
