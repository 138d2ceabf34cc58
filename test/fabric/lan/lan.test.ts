// The external LAN: its lab directives and their refusals, its persistence (the lab runs once per data
// directory), and hosts that answer and ping across the SEA.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScript } from '../../../src/sim/lab.ts';
import { FileLanStore } from '../../../src/fabric/lan/lan-store.ts';
import { LanError } from '../../../src/fabric/lan/lan-error.ts';
import { emptyLanDoc } from '../../../src/fabric/lan/lan-schema.ts';
import { bareLab, openSim, S824 } from '../../helpers/sim.ts';

const withScript = (lines: string[]) => ({ ...bareLab(), script: [...bareLab().script, ...parseScript(lines.join('\n'))] });

test('LAN directives are checked: unknown switch, a port cabled twice, a slot without Ethernet ports, bad hosts', async () => {
  const refused = async (lines: string[], why: RegExp): Promise<void> => {
    await assert.rejects(openSim({ lab: withScript(lines) }), (e: Error) => { assert.match(e.message, why); return true; });
  };
  await refused(['@lan-cable Server-8286-42A-SN21AB34C C4 1 nosw'], /line \d+: The Ethernet switch nosw cannot be found/);
  await refused(['@lan-switch s', '@lan-cable Server-8286-42A-SN21AB34C C4 1 s', '@lan-cable Server-8286-42A-SN21AB34C C4 1 s'], /already cabled to switch s/);
  await refused(['@lan-switch s', '@lan-cable Server-8286-42A-SN21AB34C C3 1 s'], /has no Ethernet port 1/);
  await refused(['@lan-switch s', '@lan-cable Server-8286-42A-SN21AB34C C4 9 s'], /has no Ethernet port 9/);
  await refused(['@lan-switch s', '@lan-cable Server-8286-42A-SN21AB34C C4 1 s bogus=1'], /does not know the option bogus/);
  await refused(['@lan-switch s', '@lan-host s h1 10.1.1.300/24 1'], /not a valid IPv4 address/);
  await refused(['@lan-switch s', '@lan-host s h1 10.1.1.1/24 4095'], /not a valid VLAN id/);
  await refused(['@lan-switch s', '@lan-host s h1 10.1.1.1/24 1', '@lan-host s h1 10.1.1.2/24 1'], /A host named h1 already exists/);
  await refused(['@lan-switch s', '@lan-switch s'], /already exists/);
  const t = await openSim({ lab: withScript(['@lan-switch s', '@lan-cable Server-8286-42A-SN21AB34C C4 2 s native=7 vlans=8,9 group=po1', '@lan-host s h1 10.1.1.1/24 7 mac=02:00:00:00:00:01']) });
  try {
    assert.deepEqual(t.sim.lan.config.cables, [{ switch: 's', location: 'U78C9.001.WZS0A1B-P1-C4-T2', native: 7, vlans: [8, 9], group: 'po1' }]);
    assert.deepEqual(t.sim.lan.config.hosts, [{ switch: 's', name: 'h1', ip: '10.1.1.1', prefix: 24, vlan: 7, mac: '020000000001' }]);
  } finally { t.close(); }
});

test('the LAN document is saved atomically and a damaged one is refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'powervm-sim-lan-'));
  try {
    const store = new FileLanStore({ dir, fsync: false });
    assert.equal(store.load(), null);
    const doc = { ...emptyLanDoc(), switches: [{ name: 'lan1' }], hosts: [{ switch: 'lan1', name: 'r', ip: '10.0.0.1', prefix: 8, vlan: 1, mac: '020000000001' }] };
    store.save(doc);
    assert.deepEqual(store.load(), doc);
    writeFileSync(store.path, '{"version":1,"switches":[{"name":"a b"}],"cables":[],"hosts":[]}');
    assert.throws(() => store.load(), LanError);
    writeFileSync(store.path, '{');
    assert.throws(() => store.load(), /not JSON/);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('a host on the LAN pings a partition through the active SEA, and not one behind an unbridged VLAN', async () => {
  const t = await openSim();
  try {
    const r = t.sim.lan.ping('router1', '10.10.1.101');
    assert.ok(r, 'router1 reaches aix01');
    assert.equal(r.ttl, 255, 'AIX answers with TTL 255');
    assert.equal(t.sim.lan.ping('router1', '10.10.1.199'), null, 'nobody has that address');
    assert.equal(t.sim.lan.ping('router2', '10.10.1.102'), null, 'lnx02 is on VLAN 2 but in another subnet');
    await t.ok(`chsysstate -r lpar -m ${S824} -n vios1 -o shutdown --immed`);
    await t.ok(`chsysstate -r lpar -m ${S824} -n vios2 -o shutdown --immed`);
    assert.equal(t.sim.lan.ping('router1', '10.10.1.101'), null, 'with both VIOSes down the partitions are cut off from the LAN');
  } finally { t.close(); }
});
