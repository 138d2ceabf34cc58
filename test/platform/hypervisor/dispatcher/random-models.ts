// Random valid dispatcher models for property tests: several pools with maxima and reserved capacity,
// dedicated partitions (with any pool id, which must not matter), inactive partitions, capped and weight-0
// partitions, capacity from ample to scarce, and partition counts that are not multiples of 4.
import fc from 'fast-check';
import { createModel, MODE_DEDICATED, type DispatcherModel } from '../../../../src/platform/hypervisor/dispatcher/dispatcher.ts';

const lparArb = fc.record({
  // kind 0: dedicated (about 1 in 8); state 0: inactive (about 1 in 6).
  kind: fc.integer({ min: 0, max: 7 }), state: fc.integer({ min: 0, max: 5 }), cores: fc.integer({ min: 1, max: 4 }),
  pu: fc.integer({ min: 5, max: 200 }), extraVps: fc.integer({ min: 0, max: 3 }), capped: fc.boolean(),
  weight: fc.integer({ min: 0, max: 255 }), sharing: fc.integer({ min: 0, max: 3 }),
  // Demand in hundredths of a PU (fast-check's doubles are mostly 0 or extreme; this spreads them out).
  demand: fc.integer({ min: 0, max: 600 }), demand2: fc.integer({ min: 0, max: 600 }),
  pool: fc.integer({ min: -3, max: 70 }),
});

export const modelOf = (minLength: number, maxLength: number) => fc.record({
  lpars: fc.array(lparArb, { minLength, maxLength }), poolCount: fc.integer({ min: 1, max: 6 }),
  // Slack (in hundredths of a core) beyond the entitled capacity: from none (contention) to plenty.
  slack: fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 7, maxLength: 7 }),
  reserved: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 6, maxLength: 6 }),
});
export const modelArb = modelOf(1, 41);
/** Enough partitions per pool that every lane of the four-at-a-time passes holds several candidates. */
export const bigModelArb = modelOf(60, 260);

export type Input = typeof modelArb extends fc.Arbitrary<infer T> ? T : never;

/** A model valid by construction; dedicated partitions keep whatever pool id they drew (it must not matter). */
export function toModel(x: Input): DispatcherModel {
  const pools = x.poolCount;
  const dedicated = x.lpars.map((l) => l.kind === 0), active = x.lpars.map((l) => l.state > 0);
  const ec = new Array<number>(pools).fill(0);
  for (let p = 1; p < pools; p++) ec[p] = x.reserved[p] / 100;
  const poolOf = (l: Input['lpars'][number]) => ((l.pool % pools) + pools) % pools;
  x.lpars.forEach((l, i) => { if (!dedicated[i] && active[i]) ec[poolOf(l)] += l.pu / 100; });
  const m = createModel(x.lpars.length, pools, ec.reduce((a, b) => a + b, 0) + x.slack[0] / 100);
  for (let p = 1; p < pools; p++) { m.poolReserved[p] = x.reserved[p] / 100; m.poolMax[p] = ec[p] + x.slack[p] / 100; }
  x.lpars.forEach((l, i) => {
    m.active[i] = active[i] ? 1 : 0; m.demand[i] = l.demand / 100; m.weight[i] = l.weight; m.capped[i] = l.capped ? 1 : 0;
    if (dedicated[i]) {
      m.mode[i] = MODE_DEDICATED; m.entitlement[i] = l.cores; m.vps[i] = l.cores; m.sharingMode[i] = l.sharing; m.pool[i] = l.pool;
    } else {
      m.entitlement[i] = l.pu / 100; m.vps[i] = Math.ceil(l.pu / 100) + l.extraVps; m.pool[i] = poolOf(l);
    }
  });
  return m;
}

