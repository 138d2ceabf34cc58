// NPIV logins (vios.md §4, §2.7): only through an NPIV-capable adapter AND switch, after the physical
// port's own login, at most 64 per port by default; a WWPN logs in once in the whole SAN.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SanFabric } from '../../../src/fabric/san/san-fabric.ts';
import { SanError } from '../../../src/fabric/san/san-fail.ts';

const P = '10000090fa000001';
const client = (n: number): string => `c050760a1b2c${n.toString(16).padStart(4, '0')}`;

function fabric(o: { switchNpiv?: boolean; adapterNpiv?: boolean; limit?: number } = {}): SanFabric {
  const f = new SanFabric({ seed: 'npiv' });
  f.apply({ op: 'mkswitch', name: 'sw1', npiv: o.switchNpiv ?? true });
  f.connectHostPort({ switch: 'sw1', hostPortLocation: 'U78D2.001.WZS01AB-P1-C6-T1', hostPortWwpn: P, npivCapableAdapter: o.adapterNpiv ?? true, npivLimit: o.limit });
  f.login(P, P);
  return f;
}

const refused = (code: string, text?: RegExp) => (e: unknown): boolean =>
  e instanceof SanError && e.code === code && (!text || text.test(e.message));

test('a physical port always logs in with its own WWPN; its lsnports values follow the switch', () => {
  const f = fabric({ switchNpiv: false });
  assert.equal(f.loginOf(P)?.via, P);
  assert.deepEqual(f.npivPortInfo(P), { fabric: 0, tports: 64, aports: 64 }, 'fabric=0 through a non-NPIV switch');
  assert.deepEqual(fabric().npivPortInfo(P), { fabric: 1, tports: 64, aports: 64 });
  assert.deepEqual(fabric({ adapterNpiv: false }).npivPortInfo(P), { fabric: 0, tports: 0, aports: 0 });
  f.logout(P);
  assert.deepEqual(f.npivPortInfo(P), { fabric: 0, tports: 64, aports: 64 }, 'fabric=0 when not logged in');
});

test('NPIV through a switch without NPIV is refused', () => {
  const f = fabric({ switchNpiv: false });
  const before = JSON.stringify(f.toJSON());
  assert.throws(() => f.login(client(0x10), P), refused('HSCLSIM68', /switch sw1 does not support NPIV/));
  assert.equal(JSON.stringify(f.toJSON()), before);
});

test('NPIV through an adapter without NPIV is refused', () => {
  const f = fabric({ adapterNpiv: false });
  assert.throws(() => f.login(client(0x10), P), refused('HSCLSIM67', /U78D2\.001\.WZS01AB-P1-C6-T1 because its adapter does not support NPIV/));
  assert.equal(f.loginOf(client(0x10)), undefined);
});

test('the 65th NPIV login on a port is refused; a logout frees a login', () => {
  const f = fabric();
  for (let i = 0; i < 64; i++) f.login(client(0x100 + i), P);
  assert.deepEqual(f.npivPortInfo(P), { fabric: 1, tports: 64, aports: 0 });
  const before = JSON.stringify(f.toJSON());
  assert.throws(() => f.login(client(0x200), P), refused('HSCLSIM69', /already has 64 NPIV logins/));
  assert.equal(JSON.stringify(f.toJSON()), before);
  f.logout(client(0x100));
  f.login(client(0x200), P);
  assert.deepEqual(f.npivPortInfo(P), { fabric: 1, tports: 64, aports: 0 });
});

test('the limit is per port and configurable (newer adapters allow more)', () => {
  const f = fabric({ limit: 2 });
  f.login(client(1), P);
  f.login(client(2), P);
  assert.throws(() => f.login(client(3), P), refused('HSCLSIM69', /already has 2 NPIV logins/));
  f.apply({ op: 'setNpivLimit', hostPortWwpn: P, limit: 255 });
  f.login(client(3), P);
  assert.throws(() => f.apply({ op: 'setNpivLimit', hostPortWwpn: P, limit: 2 }), refused('HSCLSIM62'));
});

test('NPIV needs the physical port logged in and connected; a WWPN logs in only once in the SAN', () => {
  const f = fabric();
  assert.throws(() => f.login(client(1), '10000090fa0000ff'), refused('HSCLSIM66'));
  f.login(client(1), P);
  assert.throws(() => f.login(client(1), P), refused('HSCLSIM70'));
  assert.throws(() => f.login(P, P), refused('HSCLSIM70'));
  // A physical port's logout takes its NPIV logins along.
  f.logout(P);
  assert.equal(f.loginOf(client(1)), undefined);
  assert.throws(() => f.login(client(1), P), refused('HSCLSIM71', /must log in before NPIV logins/));
  assert.throws(() => f.logout(client(1)), refused('HSCLSIM71'));
});

test('a virtual WWPN may not be a port identity, and a port may not take a logged-in virtual WWPN', () => {
  const f = fabric();
  f.apply({ op: 'mkarray', name: 'a1', switches: ['sw1'], ports: 1 });
  assert.throws(() => f.login(f.state.arrays[0].ports[0], P), refused('HSCLSIM65', /target port 0 of array a1/));
  f.login(client(1), P);
  assert.throws(() => f.connectHostPort({ switch: 'sw1', hostPortLocation: 'U2-P1-C1-T1', hostPortWwpn: client(1), npivCapableAdapter: true }),
    refused('HSCLSIM65', /NPIV login through/));
});

test('pulling the cable logs out the port and every NPIV login through it', () => {
  const f = fabric();
  f.login(client(1), P);
  f.disconnectHostPort(P);
  assert.equal(f.loginOf(P), undefined);
  assert.equal(f.loginOf(client(1)), undefined);
  assert.equal(f.npivPortInfo(P), undefined);
  assert.deepEqual(f.toJSON().logins, []);
});

test('a switch port takes one cable; a full switch is refused', () => {
  const f = new SanFabric();
  f.apply({ op: 'mkswitch', name: 'tiny', ports: 1 });
  f.connectHostPort({ switch: 'tiny', port: 0, hostPortLocation: 'U1-T1', hostPortWwpn: P, npivCapableAdapter: true });
  assert.throws(() => f.connectHostPort({ switch: 'tiny', port: 0, hostPortLocation: 'U1-T2', hostPortWwpn: client(1), npivCapableAdapter: true }), refused('HSCLSIM63'));
  assert.throws(() => f.connectHostPort({ switch: 'tiny', hostPortLocation: 'U1-T2', hostPortWwpn: client(1), npivCapableAdapter: true }), refused('HSCLSIM64'));
  assert.throws(() => f.apply({ op: 'mkarray', name: 'a1', switches: ['tiny'] }), refused('HSCLSIM64'));
  assert.throws(() => f.apply({ op: 'rmswitch', name: 'tiny' }), refused('HSCLSIM72', /port 0 is still connected to host port U1-T1/));
});
