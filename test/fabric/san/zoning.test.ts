// Zoning (zoning.ts SIM-RULES): no zones → open fabric; with zones, an initiator sees a target only if
// a zone in force holds both; an active zone set limits the zones in force. Masking still applies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SanFabric } from '../../../src/fabric/san/san-fabric.ts';
import { isZoned } from '../../../src/fabric/san/zoning.ts';
import { SanError } from '../../../src/fabric/san/san-fail.ts';

const H1 = '10000090fa000001', H2 = '10000090fa000002';

/** Two hosts on one switch, two arrays (one port each), a LUN on each masked to both hosts. */
function setup(): { f: SanFabric; t1: string; t2: string } {
  const f = new SanFabric({ seed: 'zoning' });
  f.apply([
    { op: 'mkswitch', name: 'sw1' },
    { op: 'mkarray', name: 'a1', switches: ['sw1'], ports: 1 },
    { op: 'mkarray', name: 'a2', switches: ['sw1'], ports: 1 },
    { op: 'mklun', array: 'a1', name: 'L1', sizeMB: 1024 },
    { op: 'mklun', array: 'a2', name: 'L2', sizeMB: 1024 },
    { op: 'mkhostmap', array: 'a1', lun: 'L1', wwpns: [H1, H2] },
    { op: 'mkhostmap', array: 'a2', lun: 'L2', wwpns: [H1, H2] },
    { op: 'connectHostPort', switch: 'sw1', hostPortLocation: 'U1-P1-C1-T1', hostPortWwpn: H1, npivCapableAdapter: true },
    { op: 'connectHostPort', switch: 'sw1', hostPortLocation: 'U1-P1-C1-T2', hostPortWwpn: H2, npivCapableAdapter: true },
    { op: 'login', initiator: H1, via: H1 },
    { op: 'login', initiator: H2, via: H2 },
  ]);
  return { f, t1: f.state.arrays[0].ports[0], t2: f.state.arrays[1].ports[0] };
}
const seen = (f: SanFabric, w: string): string[] => f.visibleLuns(w).map((l) => l.label).sort();

test('no zones on the switch: every initiator sees every target (masking still applies)', () => {
  const { f } = setup();
  assert.deepEqual(seen(f, H1), ['L1', 'L2']);
  assert.deepEqual(seen(f, H2), ['L1', 'L2']);
  f.apply({ op: 'rmhostmap', array: 'a2', lun: 'L2', wwpns: [H2] });
  assert.deepEqual(seen(f, H2), ['L1']);
});

test('with zones, an initiator sees a target only if one zone holds both', () => {
  const { f, t1, t2 } = setup();
  f.apply({ op: 'mkzone', switch: 'sw1', name: 'h1_a1', wwpns: [H1, t1] });
  assert.deepEqual(seen(f, H1), ['L1']);
  assert.deepEqual(seen(f, H2), [], 'H2 is in no zone');
  // Initiator and target in different zones do not see each other.
  f.apply({ op: 'mkzone', switch: 'sw1', name: 'only_h2', wwpns: [H2] });
  f.apply({ op: 'mkzone', switch: 'sw1', name: 'only_t2', wwpns: [t2] });
  assert.deepEqual(seen(f, H2), []);
  f.apply({ op: 'chzone', switch: 'sw1', name: 'only_h2', add: [t2] });
  assert.deepEqual(seen(f, H2), ['L2']);
  f.apply({ op: 'chzone', switch: 'sw1', name: 'h1_a1', add: [t2], remove: [t1] });
  assert.deepEqual(seen(f, H1), ['L2']);
});

test('an active zone set puts only its zones in force; deactivating puts all defined zones back', () => {
  const { f, t1, t2 } = setup();
  f.apply([
    { op: 'mkzone', switch: 'sw1', name: 'z1', wwpns: [H1, t1] },
    { op: 'mkzone', switch: 'sw1', name: 'z2', wwpns: [H1, t2] },
    { op: 'mkzoneset', switch: 'sw1', name: 'cfg1', zones: ['z1'] },
  ]);
  assert.deepEqual(seen(f, H1), ['L1', 'L2']);
  f.apply({ op: 'actzoneset', switch: 'sw1', name: 'cfg1' });
  assert.deepEqual(seen(f, H1), ['L1']);
  f.apply({ op: 'actzoneset', switch: 'sw1', name: null });
  assert.deepEqual(seen(f, H1), ['L1', 'L2']);
});

test('zone rules refuse what would break them, and the refusal changes nothing', () => {
  const { f, t1 } = setup();
  f.apply([{ op: 'mkzone', switch: 'sw1', name: 'z1', wwpns: [H1, t1] }, { op: 'mkzoneset', switch: 'sw1', name: 'cfg1', zones: ['z1'] },
    { op: 'actzoneset', switch: 'sw1', name: 'cfg1' }]);
  const before = JSON.stringify(f.toJSON());
  const refusals: [object, string][] = [
    [{ op: 'mkzone', switch: 'sw1', name: 'z1', wwpns: [H2] }, 'HSCLSIM61'],
    [{ op: 'mkzone', switch: 'sw1', name: 'z9', wwpns: ['nothex'] }, 'HSCLSIM62'],
    [{ op: 'mkzone', switch: 'sw1', name: 'z9', wwpns: [H1, H1] }, 'HSCLSIM62'],
    [{ op: 'mkzone', switch: 'nosw', name: 'z9', wwpns: [H1] }, 'HSCLSIM60'],
    [{ op: 'chzone', switch: 'sw1', name: 'z1', add: [H1] }, 'HSCLSIM62'],
    [{ op: 'chzone', switch: 'sw1', name: 'z1', remove: [H2] }, 'HSCLSIM62'],
    [{ op: 'chzone', switch: 'sw1', name: 'z1', remove: [H1, t1] }, 'HSCLSIM62'],
    [{ op: 'rmzone', switch: 'sw1', name: 'z1' }, 'HSCLSIM72'],
    [{ op: 'rmzoneset', switch: 'sw1', name: 'cfg1' }, 'HSCLSIM72'],
    [{ op: 'mkzoneset', switch: 'sw1', name: 'cfg2', zones: ['nozone'] }, 'HSCLSIM60'],
    [{ op: 'actzoneset', switch: 'sw1', name: 'nocfg' }, 'HSCLSIM60'],
  ];
  for (const [op, code] of refusals) {
    assert.throws(() => f.apply(op as never), (e: unknown) => e instanceof SanError && e.code === code, JSON.stringify(op));
    assert.equal(JSON.stringify(f.toJSON()), before, JSON.stringify(op));
  }
});

test('isZoned is symmetric in initiator and target', () => {
  const { f, t1 } = setup();
  f.apply({ op: 'mkzone', switch: 'sw1', name: 'z1', wwpns: [H1, t1] });
  const sw = f.toJSON().switches[0];
  assert.equal(isZoned(sw, H1, t1), isZoned(sw, t1, H1));
  assert.equal(isZoned(sw, H2, t1), false);
});
