// Properties of the dispatcher over random valid models (platform.md §6): conservation of physical cores,
// entitlement guaranteed, VP / cap / pool limits, no idle capacity while someone eligible still wants it,
// and agreement with a slow bisection reference for the single-pool case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  createModel, createOutput, dispatchWindow, validateModel, MODE_DEDICATED, type DispatcherModel,
} from '../../../../src/platform/hypervisor/dispatcher/dispatcher.ts';

const TOL = 1e-7;

const lparArb = fc.record({
  dedicated: fc.boolean(), cores: fc.integer({ min: 1, max: 4 }), pu: fc.integer({ min: 5, max: 200 }),
  extraVps: fc.integer({ min: 0, max: 3 }), capped: fc.boolean(), weight: fc.integer({ min: 0, max: 255 }),
  sharing: fc.integer({ min: 0, max: 3 }), active: fc.boolean(), demand: fc.double({ min: 0, max: 6, noNaN: true }),
  pool: fc.integer({ min: 0, max: 3 }),
});
const modelArb = fc.record({
  lpars: fc.array(lparArb, { minLength: 1, maxLength: 25 }), poolCount: fc.integer({ min: 1, max: 4 }),
  slack: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 5, maxLength: 5 }),
  reserved: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }),
});

interface Lpar { dedicated: boolean; cores: number; pu: number; extraVps: number; capped: boolean; weight: number; sharing: number; active: boolean; demand: number; pool: number }
interface Input { lpars: Lpar[]; poolCount: number; slack: number[]; reserved: number[] }

/** A model valid by construction: pool maxima and shared cores cover the entitled capacity plus slack. */
function toModel(x: Input): DispatcherModel {
  const ec = new Array<number>(x.poolCount).fill(0);
  for (let p = 1; p < x.poolCount; p++) ec[p] = x.reserved[p] / 100;
  for (const l of x.lpars) if (!l.dedicated && l.active) ec[l.pool % x.poolCount] += l.pu / 100;
  const cores = ec.reduce((a, b) => a + b, 0) + x.slack[0] / 100;
  const m = createModel(x.lpars.length, x.poolCount, cores);
  for (let p = 1; p < x.poolCount; p++) { m.poolReserved[p] = x.reserved[p] / 100; m.poolMax[p] = Math.ceil(ec[p] + x.slack[p] / 100); }
  x.lpars.forEach((l, i) => {
    m.active[i] = l.active ? 1 : 0; m.demand[i] = l.demand; m.weight[i] = l.weight; m.capped[i] = l.capped ? 1 : 0;
    if (l.dedicated) { m.mode[i] = MODE_DEDICATED; m.entitlement[i] = l.cores; m.vps[i] = l.cores; m.sharingMode[i] = l.sharing; }
    else { m.entitlement[i] = l.pu / 100; m.vps[i] = Math.ceil(l.pu / 100) + l.extraVps; m.pool[i] = l.pool % x.poolCount; }
  });
  return m;
}

test('every window: conservation, guarantees and limits hold, and no capacity idles while wanted', () => {
  fc.assert(fc.property(modelArb, (x) => {
    const m = toModel(x);
    assert.equal(validateModel(m), null);
    const out = createOutput(m);
    dispatchWindow(m, out);
    const c = out.consumed;
    let physical = m.sharedCores, total = 0, shared = 0;
    const poolSum = new Float64Array(m.poolCount);
    let eligibleUnmet = false;
    for (let i = 0; i < m.n; i++) {
      total += c[i];
      const floor = m.active[i] ? Math.min(m.demand[i], m.entitlement[i]) : 0;
      assert.ok(c[i] >= floor - TOL, `partition ${i} below min(demand, entitlement): ${c[i]} < ${floor}`);
      if (m.mode[i] === MODE_DEDICATED) { physical += m.entitlement[i]; assert.ok(c[i] <= m.entitlement[i] + TOL); continue; }
      shared += c[i];
      poolSum[m.pool[i]] += c[i];
      assert.ok(c[i] <= Math.min(m.demand[i], m.vps[i]) + TOL, `partition ${i} above demand or VPs`);
      if (m.capped[i] || m.weight[i] === 0) assert.ok(c[i] <= m.entitlement[i] + TOL, `capped partition ${i} above entitlement`);
      const wantsMore = m.active[i] && !m.capped[i] && m.weight[i] > 0 && c[i] < Math.min(m.demand[i], m.vps[i]) - 1e-6;
      if (wantsMore && (m.pool[i] === 0 || poolRoom(m, c, m.pool[i]) > 1e-6)) eligibleUnmet = true;
    }
    assert.ok(total <= physical + TOL, `Σ consumed ${total} > physical cores ${physical}`);
    assert.ok(shared <= m.sharedCores + out.donatedUsed + TOL, 'shared partitions used more than the shared pool plus donations');
    assert.ok(out.donatedUsed <= out.donated + TOL);
    for (let p = 1; p < m.poolCount; p++) assert.ok(poolSum[p] <= m.poolMax[p] + TOL, `pool ${p} above its maximum`);
    if (eligibleUnmet) assert.ok(out.sharedIdle < 1e-6, `idle ${out.sharedIdle} while an uncapped partition wants more`);
  }), { numRuns: 500 });
});

function poolRoom(m: DispatcherModel, c: Float64Array, p: number): number {
  let s = 0;
  for (let i = 0; i < m.n; i++) if (m.mode[i] !== MODE_DEDICATED && m.pool[i] === p) s += c[i];
  return m.poolMax[p] - s;
}

/** Slow reference for one pool, no dedicated partitions: bisection on the water level. */
function reference(m: DispatcherModel): number[] {
  const base = Array.from({ length: m.n }, (_, i) => (m.active[i] ? Math.min(m.demand[i], m.entitlement[i]) : 0));
  const head = base.map((b, i) => (m.active[i] && !m.capped[i] && m.weight[i] > 0 ? Math.max(0, Math.min(m.demand[i], m.vps[i]) - b) : 0));
  const idle = m.sharedCores - base.reduce((a, b) => a + b, 0);
  const take = (lam: number) => head.reduce((a, h, i) => a + Math.min(h, lam * m.weight[i]), 0);
  let lo = 0, hi = 1e3;
  for (let k = 0; k < 200; k++) { const mid = (lo + hi) / 2; if (take(mid) > idle) hi = mid; else lo = mid; }
  return base.map((b, i) => b + Math.min(head[i], lo * m.weight[i]));
}

test('single pool: the water-filling matches a bisection reference', () => {
  const single = fc.record({
    lpars: fc.array(lparArb.map((l) => ({ ...l, dedicated: false, pool: 0 })), { minLength: 1, maxLength: 25 }),
    slack: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 5, maxLength: 5 }),
  });
  fc.assert(fc.property(single, (x) => {
    const m = toModel({ ...x, poolCount: 1, reserved: [0, 0, 0, 0] });
    const out = createOutput(m);
    dispatchWindow(m, out);
    reference(m).forEach((r, i) => assert.ok(Math.abs(out.consumed[i] - r) < 1e-6, `partition ${i}: ${out.consumed[i]} vs reference ${r}`));
  }), { numRuns: 300 });
});
