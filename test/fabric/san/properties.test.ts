// Properties of the fabric under random sequences of operations (valid and invalid mixed):
//   * a refused operation is a SanError and changes nothing;
//   * every LUN an initiator sees is masked to it, zoned with it and behind a target on its switch, and
//     every LUN meeting those conditions is seen (an oracle written here, independent of the fabric code);
//   * no port exceeds its NPIV limit; NPIV logins only through NPIV adapters and switches;
//   * the saved document reloads to the same SAN with the same visibility.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type FabricOp, SanFabric } from '../../../src/fabric/san/san-fabric.ts';
import { SanError } from '../../../src/fabric/san/san-fail.ts';
import { sanViolations } from '../../../src/fabric/san/san-invariants.ts';
import type { SanDoc } from '../../../src/fabric/san/san-schema.ts';
import { MemorySanStore } from '../../../src/fabric/san/san-store.ts';
import { targetPortWwpn } from '../../../src/fabric/san/wwpn.ts';

const SEED = 'prop';
const SWITCHES = ['sw1', 'sw2'];
const HOSTS = [1, 2, 3].map((i) => ({ wwpn: `10000090fa00000${i}`, location: `U78D2.001.WZS01AB-P1-C${i}-T1` }));
const VIRTUALS = [0x10, 0x11, 0x12, 0x13, 0x14, 0x15].map((n) => `c050760a1b2c00${n.toString(16)}`);
const ARRAYS = ['a1', 'a2'];
const LUNS = ['L0', 'L1', 'L2'];
const TARGETS = ARRAYS.flatMap((a) => [0, 1, 2].map((i) => targetPortWwpn(SEED, a, i)));
const POOL = [...HOSTS.map((h) => h.wwpn), ...VIRTUALS, ...TARGETS, 'not-a-wwpn'];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const some = <T>(xs: readonly T[]) => fc.subarray([...xs], { minLength: 0, maxLength: Math.min(4, xs.length) });
const host = pick(HOSTS.map((h) => h.wwpn));

const op: fc.Arbitrary<FabricOp> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('mkswitch' as const), name: pick(SWITCHES), npiv: fc.boolean(), ports: fc.integer({ min: 0, max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rmswitch' as const), name: pick(SWITCHES) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('connectHostPort' as const), switch: pick(SWITCHES), hostPortWwpn: host, npivCapableAdapter: fc.boolean(), npivLimit: fc.integer({ min: 1, max: 3 }) })
    .map((o) => ({ ...o, hostPortLocation: HOSTS.find((h) => h.wwpn === o.hostPortWwpn)!.location })) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('disconnectHostPort' as const), hostPortWwpn: host }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('setNpivLimit' as const), hostPortWwpn: host, limit: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('mkarray' as const), name: pick(ARRAYS), switches: some(SWITCHES), ports: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rmarray' as const), name: pick(ARRAYS) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('mklun' as const), array: pick(ARRAYS), name: pick(LUNS), sizeMB: fc.integer({ min: 0, max: 100 }), id: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rmlun' as const), array: pick(ARRAYS), lun: pick([...LUNS, '0', '1']) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('mkhostmap' as const), array: pick(ARRAYS), lun: pick(LUNS), wwpns: some(POOL) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rmhostmap' as const), array: pick(ARRAYS), lun: pick(LUNS), wwpns: some(POOL) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('mkzone' as const), switch: pick(SWITCHES), name: pick(['z1', 'z2', 'z3']), wwpns: some(POOL) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('chzone' as const), switch: pick(SWITCHES), name: pick(['z1', 'z2', 'z3']), add: some(POOL), remove: some(POOL) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rmzone' as const), switch: pick(SWITCHES), name: pick(['z1', 'z2', 'z3']) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('mkzoneset' as const), switch: pick(SWITCHES), name: pick(['cfg1', 'cfg2']), zones: some(['z1', 'z2', 'z3']) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rmzoneset' as const), switch: pick(SWITCHES), name: pick(['cfg1', 'cfg2']) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('actzoneset' as const), switch: pick(SWITCHES), name: fc.option(pick(['cfg1', 'cfg2']), { nil: null }) }) },
  { weight: 6, arbitrary: fc.record({ op: fc.constant('login' as const), initiator: pick([...HOSTS.map((h) => h.wwpn), ...VIRTUALS, ...TARGETS]), via: host }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('logout' as const), initiator: pick([...HOSTS.map((h) => h.wwpn), ...VIRTUALS]) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('syncNpivLogins' as const), via: host, initiators: some(VIRTUALS) }) },
);

/** A start where logins and visibility are likely: one NPIV switch, one array, one logged-in host port, a masked LUN. */
const PRELUDE: FabricOp[] = [
  { op: 'mkswitch', name: 'sw1', npiv: true },
  { op: 'mkarray', name: 'a1', switches: ['sw1'], ports: 2 },
  { op: 'connectHostPort', switch: 'sw1', hostPortWwpn: HOSTS[0].wwpn, hostPortLocation: HOSTS[0].location, npivCapableAdapter: true, npivLimit: 2 },
  { op: 'login', initiator: HOSTS[0].wwpn, via: HOSTS[0].wwpn },
  { op: 'mklun', array: 'a1', name: 'L0', sizeMB: 10 },
  { op: 'mkhostmap', array: 'a1', lun: 'L0', wwpns: [HOSTS[0].wwpn, VIRTUALS[0]] },
];

/** What an initiator should see, computed from the document alone (`array/target/lun` keys). */
function oracle(d: SanDoc, initiator: string): string[] {
  const login = d.logins.find((l) => l.initiator === initiator);
  if (!login) return [];
  const sw = d.switches.find((s) => s.connections.some((c) => c.kind === 'host' && c.wwpn === login.via))!;
  const active = sw.zoneSets.find((z) => z.name === sw.activeZoneSet);
  const inForce = active ? sw.zones.filter((z) => active.zones.includes(z.name)) : sw.zones;
  const out: string[] = [];
  for (const c of sw.connections) {
    if (c.kind !== 'array') continue;
    const zoned = sw.zones.length === 0 || inForce.some((z) => z.members.includes(initiator) && z.members.includes(c.wwpn));
    if (!zoned) continue;
    for (const l of d.arrays.find((a) => a.name === c.array)!.luns) if (l.hosts.includes(initiator)) out.push(`${c.array}/${c.wwpn}/${l.id}`);
  }
  return out.sort();
}

function checkFabric(f: SanFabric): void {
  const d = f.toJSON();
  assert.deepEqual(sanViolations(d), []);
  for (const { initiator, via } of d.logins) {
    const seen = f.visibleLuns(initiator);
    for (const v of seen) {
      const lun = d.arrays.find((a) => a.name === v.array)!.luns.find((l) => l.id === v.lunId)!;
      assert.ok(lun.hosts.includes(initiator), `${initiator} sees ${v.array}/${v.label} without masking`);
      assert.equal(v.via, via);
    }
    assert.deepEqual(seen.map((v) => `${v.array}/${v.targetWwpn}/${v.lunId}`).sort(), oracle(d, initiator), `visibility of ${initiator}`);
  }
  for (const s of d.switches) {
    for (const c of s.connections) {
      if (c.kind !== 'host') continue;
      const npiv = d.logins.filter((l) => l.via === c.wwpn && l.initiator !== c.wwpn).length;
      assert.ok(npiv <= c.npivLimit, `${c.location}: ${npiv} NPIV logins, limit ${c.npivLimit}`);
      if (npiv > 0) assert.ok(s.npiv && c.npivCapable, `${c.location}: NPIV without support`);
      const info = f.npivPortInfo(c.wwpn)!;
      assert.ok(info.aports >= 0 && info.aports <= info.tports);
    }
  }
}

test('random operation sequences keep visibility = masking ∧ zoning ∧ same switch, and NPIV within limits', () => {
  fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
    const store = new MemorySanStore();
    const f = new SanFabric({ seed: SEED, store });
    f.apply(PRELUDE);
    for (const o of ops) {
      const before = JSON.stringify(f.toJSON());
      try {
        f.apply(o);
      } catch (e) {
        assert.ok(e instanceof SanError, `${JSON.stringify(o)} threw ${String(e)}`);
        assert.equal(JSON.stringify(f.toJSON()), before, `refused ${JSON.stringify(o)} changed the SAN`);
      }
      checkFabric(f);
    }
    const again = new SanFabric({ store });
    assert.deepEqual(again.toJSON(), f.toJSON());
    for (const w of [...HOSTS.map((h) => h.wwpn), ...VIRTUALS]) assert.deepEqual(again.visibleLuns(w), f.visibleLuns(w));
  }), { numRuns: 300 });
});

test('the generator reaches the interesting states (NPIV logins, zoned visibility, refusals)', () => {
  let npivSeen = 0, visibleSeen = 0, refused = 0;
  fc.assert(fc.property(fc.array(op, { minLength: 20, maxLength: 60 }), (ops) => {
    const f = new SanFabric({ seed: SEED });
    f.apply(PRELUDE);
    for (const o of ops) { try { f.apply(o); } catch { refused++; } }
    const d = f.toJSON();
    if (d.logins.some((l) => l.initiator !== l.via)) npivSeen++;
    if (d.logins.some((l) => f.visibleLuns(l.initiator).length > 0)) visibleSeen++;
  }), { numRuns: 100, seed: 42 });
  assert.ok(npivSeen > 10 && visibleSeen > 10 && refused > 100, `npiv ${npivSeen}, visible ${visibleSeen}, refused ${refused}`);
});
