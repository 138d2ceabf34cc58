import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  base36LparIdSuffix,
  logicalSerialNum,
  mtms,
  parseMtms,
  physicalLocationCode,
  systemName,
  virtualLocationCode,
} from '../../src/platform/naming.ts';

test('systemName builds the default managed-system name', () => {
  assert.equal(systemName('8286-42A', '21AB34C'), 'Server-8286-42A-SN21AB34C');
  assert.throws(() => systemName('828642A', '21AB34C'), RangeError);
  assert.throws(() => systemName('8286-42A', '21AB34'), RangeError);
});

test('mtms and parseMtms', () => {
  assert.equal(mtms('8286', '42A', '21AB34C'), '8286-42A*21AB34C');
  assert.deepEqual(parseMtms('9009-42A*7812ABC'), { machineType: '9009', model: '42A', serial: '7812ABC' });
  assert.deepEqual(parseMtms(' 9009-42a*7812abc '), { machineType: '9009', model: '42A', serial: '7812ABC' });
  for (const bad of ['', '9009-42A', '9009-42A*78', '9009-42A-7812ABC', '0-0*10.1.2.3']) {
    assert.equal(parseMtms(bad), undefined, bad);
  }
});

test('property: parseMtms inverts mtms', () => {
  const code = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: n, maxLength: n });
  fc.assert(
    fc.property(code(4), code(3), code(7), (machineType, model, serial) => {
      assert.deepEqual(parseMtms(mtms(machineType, model, serial)), { machineType, model, serial });
    }),
  );
});

test('logical serial numbers use one base-36 digit for ids 1..35 (VERIFIED samples)', () => {
  assert.equal(logicalSerialNum('7812ABC', 5), '7812ABC5');
  assert.equal(logicalSerialNum('7812ABC', 10), '7812ABCA');
  assert.equal(logicalSerialNum('7812ABC', 16), '7812ABCG');
  assert.equal(logicalSerialNum('7812ABC', 23), '7812ABCN');
  assert.equal(logicalSerialNum('7812ABC', 1), '7812ABC1');
  assert.equal(logicalSerialNum('7812ABC', 35), '7812ABCZ');
});

test('ids >= 36 use the configurable strategy (default: hex, as in the UNCERTAIN sample)', () => {
  assert.equal(logicalSerialNum('7812ABC', 38), '7812ABC26');
  assert.equal(logicalSerialNum('7812ABC', 36), '7812ABC24');
  assert.equal(logicalSerialNum('7812ABC', 1000), '7812ABC3E8');
  assert.equal(logicalSerialNum('7812ABC', 36, base36LparIdSuffix), '7812ABC10');
  assert.equal(logicalSerialNum('7812ABC', 40, (id) => `X${id}`), '7812ABCX40');
  assert.throws(() => logicalSerialNum('7812ABC', 0), RangeError);
  assert.throws(() => logicalSerialNum('7812ABC', 2.5), RangeError);
});

test('logical serial numbers are unique per system for ids 1..1000', () => {
  const serials = new Set<string>();
  for (let id = 1; id <= 1000; id++) serials.add(logicalSerialNum('7812ABC', id));
  assert.equal(serials.size, 1000);
});

test('virtual location codes (§2.1)', () => {
  assert.equal(virtualLocationCode('8286', '42A', '21AB34C', 3, 2, 1), 'U8286.42A.21AB34C-V3-C2-T1');
  assert.equal(virtualLocationCode('9009', '42A', '7812ABC', 1, 81), 'U9009.42A.7812ABC-V1-C81');
  assert.equal(virtualLocationCode('9009', '42A', '7812ABC', 6, 30, 1), 'U9009.42A.7812ABC-V6-C30-T1');
  assert.equal(virtualLocationCode('9009', '42A', '7812ABC', 2, 0), 'U9009.42A.7812ABC-V2-C0');
  assert.throws(() => virtualLocationCode('9009', '42A', '7812ABC', 0, 2), RangeError);
  assert.throws(() => virtualLocationCode('9009', '42A', '7812ABC', 1, -1), RangeError);
  assert.throws(() => virtualLocationCode('9009', '42A', '7812ABC', 1, 2, 0), RangeError);
});

test('physical location codes (§2.1)', () => {
  assert.equal(physicalLocationCode('78C9', '001', 'WZS01AB', 'P1', 'C6', 'T1'), 'U78C9.001.WZS01AB-P1-C6-T1');
  assert.equal(
    physicalLocationCode('78D2', '001', 'WZS01AB', 'P1', 'C6', 'T1', 'W500507680B215A3C', 'L1000000000000'),
    'U78D2.001.WZS01AB-P1-C6-T1-W500507680B215A3C-L1000000000000',
  );
  assert.equal(physicalLocationCode('78C7', '001', 'KIC0042', 'P1', 'C3', 'T1', 'S45'), 'U78C7.001.KIC0042-P1-C3-T1-S45');
  assert.equal(physicalLocationCode('78DA', 'ND0', 'WZS0001', 'P0', 'C7'), 'U78DA.ND0.WZS0001-P0-C7');
  assert.equal(physicalLocationCode('78C9', '001', 'WZS01AB'), 'U78C9.001.WZS01AB');
  assert.throws(() => physicalLocationCode('78C9', '001', 'WZS01AB', '-P1'), RangeError);
  assert.throws(() => physicalLocationCode('78C9', '1', 'WZS01AB', 'P1'), RangeError);
});
