// SAN names and addresses (vios.md §2.3, §4).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lunLocation, lunUid, normalizeWwpn, scsiLunHex, targetPortWwpn } from '../../../src/fabric/san/wwpn.ts';

const PORT = 'U78D2.001.WZS01AB-P1-C6-T1';

test('SAN LUN location code: -W<target WWPN>-L<64-bit SCSI LUN, leading zeros dropped> (vios.md §2.3, VERIFIED)', () => {
  assert.equal(lunLocation(PORT, '500507680b215a3c', 0), 'U78D2.001.WZS01AB-P1-C6-T1-W500507680B215A3C-L0');
  assert.equal(lunLocation(PORT, '500507680b215a3c', 1), 'U78D2.001.WZS01AB-P1-C6-T1-W500507680B215A3C-L1000000000000');
  assert.equal(lunLocation(PORT, '500507680b215a3c', 0x1e), 'U78D2.001.WZS01AB-P1-C6-T1-W500507680B215A3C-L1E000000000000');
  assert.equal(lunLocation(PORT, '500507680b215a3c', 0x1f), 'U78D2.001.WZS01AB-P1-C6-T1-W500507680B215A3C-L1F000000000000');
});

test('LUNs from 256 use flat space addressing; ids outside 0..16383 are a bug', () => {
  assert.equal(scsiLunHex(255), 'FF000000000000');
  assert.equal(scsiLunHex(256), '4100000000000000');
  assert.equal(scsiLunHex(0x3fff), '7FFF000000000000');
  assert.throws(() => scsiLunHex(0x4000), RangeError);
  assert.throws(() => scsiLunHex(-1), RangeError);
});

test('WWPNs are normalized to 16 lower-case hex digits; colons and upper case accepted; zero refused', () => {
  assert.equal(normalizeWwpn('10:00:00:90:FA:1B:2C:01'), '10000090fa1b2c01');
  assert.equal(normalizeWwpn(' C050760A1B2C0010 '), 'c050760a1b2c0010');
  for (const bad of ['', '10000090fa1b2c0', '10000090fa1b2c011', 'g0000090fa1b2c01', '0000000000000000']) assert.equal(normalizeWwpn(bad), null, bad);
});

test('generated ids are deterministic from the seed and names, and differ between names', () => {
  assert.equal(targetPortWwpn('s', 'ds1', 0), targetPortWwpn('s', 'ds1', 0));
  assert.match(targetPortWwpn('s', 'ds1', 0), /^500507680[0-9a-f]{7}$/);
  assert.notEqual(targetPortWwpn('s', 'ds1', 0), targetPortWwpn('s', 'ds1', 1));
  assert.notEqual(targetPortWwpn('s', 'ds1', 0), targetPortWwpn('t', 'ds1', 0));
  assert.equal(lunUid('s', 'ds1', 3), lunUid('s', 'ds1', 3));
  assert.match(lunUid('s', 'ds1', 3), /^6005076[0-9A-F]{25}$/);
  assert.notEqual(lunUid('s', 'ds1', 3), lunUid('s', 'ds2', 3));
});
