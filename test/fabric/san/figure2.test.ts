// The paper's Figure 2 on the fabric alone: array D is mapped to the physical FC adapter's WWPN, so the
// VIOS sees it; E, F and G are mapped to virtual FC client WWPNs and are visible only to those clients,
// never to the VIOS, although every login goes through the same physical port.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sanAccess } from '../../../src/fabric/san/san-access-adapter.ts';
import { C1, C2, figure2, labels, PFC, PFC_LOCATION } from './figure2.ts';

test('pFC sees D; c1 sees E; c2 sees F and G, through the same physical port', () => {
  const f = figure2();
  assert.deepEqual(labels(f, PFC), ['D']);
  assert.deepEqual(labels(f, C1[0]), ['E']);
  assert.deepEqual(labels(f, C2[0]), ['F', 'G']);
  for (const w of [PFC, C1[0], C2[0]]) assert.ok(f.visibleLuns(w).every((l) => l.via === PFC && l.switch === 'sw1'));
});

test('the VIOS port does not see the client arrays, and the clients do not see D', () => {
  const f = figure2();
  assert.ok(!labels(f, PFC).some((l) => ['E', 'F', 'G'].includes(l)));
  for (const c of [C1[0], C2[0]]) assert.ok(!labels(f, c).includes('D'));
  assert.ok(!labels(f, C1[0]).some((l) => l === 'F' || l === 'G'));
  assert.ok(!labels(f, C2[0]).includes('E'));
});

test('each LUN is seen once per array target port on the switch (two paths), with its SAN location code', () => {
  const f = figure2();
  const d = f.visibleLuns(PFC);
  const targets = f.state.arrays[0].ports;
  assert.deepEqual(d.map((l) => l.targetWwpn), [...targets]);
  assert.deepEqual(d.map((l) => f.lunLocation(PFC_LOCATION, l.targetWwpn, l.lunId)),
    targets.map((t) => `${PFC_LOCATION}-W${t.toUpperCase()}-L0`));
  assert.equal(new Set(d.map((l) => l.uid)).size, 1);
  assert.match(d[0].uid, /^6005076[0-9A-F]{25}$/);
});

test('the second WWPN of a client pair is masked too: it sees the same LUNs once it logs in (LPM)', () => {
  const f = figure2();
  assert.deepEqual(labels(f, C1[1]), [], 'not logged in yet');
  f.connectHostPort({ switch: 'sw1', hostPortLocation: 'U78D2.001.WZS01CD-P1-C6-T1', hostPortWwpn: '10000090fa1b2c02', npivCapableAdapter: true });
  f.login('10000090fa1b2c02', '10000090fa1b2c02');
  f.login(C1[1], '10000090fa1b2c02');
  assert.deepEqual(labels(f, C1[1]), ['E']);
  assert.deepEqual(labels(f, '10000090fa1b2c02'), [], 'the second VIOS port has nothing masked to it');
});

test('the hosts face (SanAccess): visibility through the given port, lsnports values, vfcmap sync', () => {
  const f = figure2();
  const san = sanAccess(f);
  assert.deepEqual(san.visibleLuns(PFC, PFC).map((l) => l.label), ['D', 'D']);
  assert.deepEqual(san.visibleLuns(C1[0], PFC).map((l) => l.label), ['E', 'E']);
  assert.deepEqual(san.visibleLuns(C1[0], '10000090fa999999'), [], 'not logged in through that port');
  assert.deepEqual(san.portInfo(PFC), { fabric: true, npivTotal: 64, npivAvailable: 62 });
  san.syncNpivLogins(PFC, [C2[0]]);
  assert.deepEqual(labels(f, C1[0]), [], 'c1 logged out by the sync');
  assert.deepEqual(labels(f, C2[0]), ['F', 'G']);
  assert.deepEqual(san.portInfo(PFC), { fabric: true, npivTotal: 64, npivAvailable: 63 });
  assert.equal(san.portInfo('10000090fa999999'), undefined);
});
