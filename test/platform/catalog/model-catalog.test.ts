import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  DEFAULT_LMB_BANDS,
  GENERATIONS,
  defaultLmbMB,
  findModel,
  isUncertain,
  listModels,
  maxPartitions,
  minProcUnitsPerVirtualProcFor,
  parseModelCatalog,
  type ModelSpec,
} from '../../../src/platform/catalog/model-catalog.ts';

const rawCatalog = (): unknown =>
  JSON.parse(readFileSync(new URL('../../../src/platform/catalog/models.json', import.meta.url), 'utf8'));

function model(mtm: string): ModelSpec {
  const found = findModel(mtm);
  assert.ok(found, `model ${mtm} missing from the catalog`);
  return found;
}

test('the bundled catalog validates', () => {
  assert.doesNotThrow(() => parseModelCatalog(rawCatalog()));
  assert.ok(listModels().length >= 16);
});

test('the catalog spans POWER5..POWER10 and holds the required models', () => {
  const generations = new Set(listModels().map((m) => m.generation));
  for (const g of GENERATIONS.slice(0, GENERATIONS.indexOf('POWER10') + 1)) assert.ok(generations.has(g), g);
  const required = [
    '9131-52A', '8203-E4A', '9117-MMB', '9179-MHB', '9179-MHD', '9119-FHB', '8246-L1C', '8247-22L',
    '8284-22A', '8286-41A', '8286-42A', '8408-E8E', '9119-MHE', '9009-42A', '9040-MR9', '9080-M9S',
    '9105-22A', '9105-42A', '9080-HEX',
  ];
  for (const mtm of required) model(mtm);
});

test('the schema rejects unknown keys, uncertain names, compat modes and duplicate models', () => {
  const withExtraKey = rawCatalog() as Record<string, unknown>[];
  withExtraKey[0].maxLpars = 10;
  assert.throws(() => parseModelCatalog(withExtraKey), /Invalid model catalog/);
  const withBadUncertain = rawCatalog() as { uncertain: string[] }[];
  withBadUncertain[0].uncertain.push('gigahertz');
  assert.throws(() => parseModelCatalog(withBadUncertain), /gigahertz/);
  const withBadMode = rawCatalog() as { compatModes: string[] }[];
  withBadMode[0].compatModes.push('POWER6+');
  assert.throws(() => parseModelCatalog(withBadMode), /unknown compat mode/);
  const catalog = rawCatalog() as unknown[];
  assert.throws(() => parseModelCatalog([...catalog, catalog[0]]), /duplicate/);
});

test('findModel accepts tttt-mmm in any case and returns undefined for unknown models', () => {
  assert.equal(findModel('8286-42A')?.name, 'Power S824');
  assert.equal(findModel(' 8286-42a ')?.mtm, '8286-42A');
  assert.equal(findModel('1234-XYZ'), undefined);
});

// platform.md §1.3: real MaximumPartitions values and the core counts they were seen with.
const OBSERVED_MAX_LPARS: [mtm: string, cores: number, maxLpars: number][] = [
  ['9131-52A', 2, 20],
  ['8246-L1C', 8, 80],
  ['8247-21L', 10, 200],
  ['8247-22L', 10, 200],
  ['8286-42A', 16, 320],
  ['8284-22A', 20, 400],
];

test('maxPartitions reproduces every real observed max-partition figure', () => {
  for (const [mtm, cores, expected] of OBSERVED_MAX_LPARS) {
    assert.equal(maxPartitions(model(mtm), cores), expected, mtm);
  }
  for (const m of listModels()) {
    if (m.observedMaxLpars === undefined || m.observedMaxLparsAtCores === undefined) continue;
    if (isUncertain(m, 'observedMaxLpars')) continue;
    assert.equal(maxPartitions(m, m.observedMaxLparsAtCores), m.observedMaxLpars, m.mtm);
  }
});

test('8203-E4A (254 in a sample) is a documented exception, not reproduced', () => {
  const e4a = model('8203-E4A');
  assert.equal(e4a.observedMaxLpars, 254);
  assert.ok(isUncertain(e4a, 'observedMaxLpars'));
  assert.match(e4a.notes ?? '', /exception/i);
  assert.notEqual(maxPartitions(e4a, e4a.maxCores), 254);
});

test('maxPartitions avoids floating-point truncation and rejects non-positive cores', () => {
  assert.equal(maxPartitions(model('9117-MMB'), 3), 30); // 3 / 0.1 is 29.999… in floating point
  assert.equal(maxPartitions(model('9119-FHB'), 256), 1000); // capped by platformLparCap
  assert.throws(() => maxPartitions(model('9117-MMB'), 0), RangeError);
});

test('property: 1 <= maxPartitions <= platformLparCap for every model and core count', () => {
  const modelAndCores = fc
    .constantFrom(...listModels())
    .chain((m) => fc.tuple(fc.constant(m), fc.integer({ min: 1, max: m.maxCores })));
  fc.assert(
    fc.property(modelAndCores, ([m, cores]) => {
      const n = maxPartitions(m, cores);
      return Number.isInteger(n) && n >= 1 && n <= m.platformLparCap;
    }),
    { numRuns: 2000 },
  );
});

test('min PU/VP is 0.10 on POWER5/6/7 and 0.05 on POWER7+ and later', () => {
  for (const m of listModels()) {
    const old = ['POWER5', 'POWER6', 'POWER7'].includes(m.processorFamily);
    assert.equal(minProcUnitsPerVirtualProcFor(m), old ? 0.1 : 0.05, m.mtm);
  }
  assert.equal(minProcUnitsPerVirtualProcFor(model('9179-MHB')), 0.1);
  assert.equal(minProcUnitsPerVirtualProcFor(model('9179-MHD')), 0.05);
  assert.equal(model('9179-MHD').processorFamily, 'POWER7+');
});

test('default LMB follows each band of the §5.1 table', () => {
  const p8 = model('8286-42A');
  const GB = 1024;
  const cases: [memoryMB: number, lmbMB: number][] = [
    [2 * GB, 16], [4 * GB, 16], [6 * GB, 32], [8 * GB, 32], [12 * GB, 64], [16 * GB, 64],
    [24 * GB, 128], [32 * GB, 128], [32 * GB + 256, 256], [512 * GB, 256],
  ];
  for (const [memoryMB, lmbMB] of cases) assert.equal(defaultLmbMB(p8, memoryMB), lmbMB, `${memoryMB} MB`);
  assert.equal(DEFAULT_LMB_BANDS.length, 4);
  assert.equal(defaultLmbMB(model('9131-52A'), 32 * GB), 128); // real p5-520
  assert.equal(defaultLmbMB(model('8247-21L'), 128 * GB), 256); // real 8247-21L
  assert.equal(defaultLmbMB(model('9105-42A'), 8 * GB), 256); // POWER10 default
});

test('property: the default LMB is one of the model\'s allowed sizes', () => {
  fc.assert(
    fc.property(fc.constantFrom(...listModels()), fc.integer({ min: 1, max: 64 * 1024 * 1024 }), (m, mem) =>
      m.lmbSizesMB.includes(defaultLmbMB(m, mem)),
    ),
  );
});

test('compat modes, shared pools and POWER5 limits follow §1.2/§1.3', () => {
  assert.deepEqual(model('8286-42A').compatModes, ['default', 'POWER6', 'POWER6_plus', 'POWER7', 'POWER8']);
  assert.deepEqual(model('9009-42A').compatModes, ['default', 'POWER7', 'POWER8', 'POWER9', 'POWER9_base']);
  assert.deepEqual(model('9105-22A').compatModes, ['default', 'POWER8', 'POWER9', 'POWER9_base', 'POWER10']);
  const p5 = model('9131-52A');
  assert.equal(p5.maxSharedProcPools, 1);
  assert.equal(p5.maxVirtualProcsPerLpar, 64);
  assert.equal(p5.capabilities.virtualFc, false);
  for (const m of listModels().filter((x) => x.generation !== 'POWER5')) {
    assert.equal(m.maxSharedProcPools, 64, m.mtm);
    assert.equal(m.capabilities.virtualFc, true, m.mtm);
    assert.equal(m.capabilities.sharedIdleProcsActive, true, m.mtm);
  }
  assert.equal(model('8247-21L').maxVirtualProcsPerLpar, 256);
});

test('every CEC unit type is flagged uncertain; the example 8286-42A uses U78C9', () => {
  for (const m of listModels()) assert.ok(isUncertain(m, 'cecUnitType'), m.mtm);
  assert.equal(model('8286-42A').cecUnitType, '78C9');
});
