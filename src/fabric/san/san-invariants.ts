// What must hold of every SAN document the fabric accepts. Change handlers refuse anything that would
// break these with a catalog error; this check runs after every change and on load, so a handler bug or a
// damaged file is caught before it is saved or used (STYLE.md: internal bugs are assertions, never HSCL
// errors). Returns the list of violations, empty when the document is sound.
import type { HostConnection, SanDoc } from './san-schema.ts';

function dups(xs: readonly (string | number)[]): (string | number)[] {
  const seen = new Set<string | number>();
  return xs.filter((x) => seen.size === seen.add(x).size);
}

export function sanViolations(d: SanDoc): string[] {
  const bad: string[] = [];
  const check = (ok: boolean, what: string): void => { if (!ok) bad.push(what); };
  check(dups(d.switches.map((s) => s.name)).length === 0, 'duplicate switch names');
  check(dups(d.arrays.map((a) => a.name)).length === 0, 'duplicate array names');

  const hosts = new Map<string, { conn: HostConnection; npiv: boolean }>();
  const identities: string[] = [];
  for (const s of d.switches) {
    check(dups(s.connections.map((c) => c.port)).length === 0, `switch ${s.name}: two cables on one port`);
    check(s.connections.every((c) => c.port < s.portCount), `switch ${s.name}: connection beyond the last port`);
    check(dups(s.zones.map((z) => z.name)).length === 0, `switch ${s.name}: duplicate zone names`);
    check(s.zones.every((z) => z.members.length > 0), `switch ${s.name}: empty zone`);
    check(dups(s.zoneSets.map((z) => z.name)).length === 0, `switch ${s.name}: duplicate zone set names`);
    const zoneNames = new Set(s.zones.map((z) => z.name));
    check(s.zoneSets.every((zs) => zs.zones.every((z) => zoneNames.has(z))), `switch ${s.name}: zone set names a missing zone`);
    check(s.activeZoneSet === null || s.zoneSets.some((z) => z.name === s.activeZoneSet), `switch ${s.name}: active zone set missing`);
    for (const c of s.connections) {
      identities.push(c.wwpn);
      if (c.kind === 'host') {
        hosts.set(c.wwpn, { conn: c, npiv: s.npiv });
        check(c.npivCapable || c.npivLimit === 0, `host port ${c.location}: NPIV limit without NPIV`);
      } else {
        const a = d.arrays.find((x) => x.name === c.array);
        check(a?.ports[c.arrayPort] === c.wwpn, `switch ${s.name} port ${c.port}: unknown array port`);
      }
    }
  }
  for (const a of d.arrays) {
    check(dups(a.luns.map((l) => l.id)).length === 0, `array ${a.name}: duplicate LUN ids`);
    check(dups(a.luns.map((l) => l.name)).length === 0, `array ${a.name}: duplicate LUN names`);
    check(dups(a.ports).length === 0, `array ${a.name}: duplicate target WWPNs`);
  }
  check(dups(identities).length === 0, `WWPN used by two ports: ${dups(identities).join(',')}`);
  const identitySet = new Set(identities);

  check(dups(d.logins.map((l) => l.initiator)).length === 0, 'a WWPN logged in twice');
  const npivCount = new Map<string, number>();
  const physical = new Set(d.logins.filter((l) => l.initiator === l.via).map((l) => l.via));
  for (const l of d.logins) {
    const h = hosts.get(l.via);
    check(h !== undefined, `login of ${l.initiator} through unconnected port ${l.via}`);
    if (!h || l.initiator === l.via) continue;
    check(h.conn.npivCapable && h.npiv, `NPIV login of ${l.initiator} without NPIV support`);
    check(physical.has(l.via), `NPIV login of ${l.initiator} through a port not logged in`);
    check(!identitySet.has(l.initiator), `NPIV initiator ${l.initiator} is a port's own WWPN`);
    npivCount.set(l.via, (npivCount.get(l.via) ?? 0) + 1);
  }
  for (const [via, n] of npivCount) check(n <= (hosts.get(via)?.conn.npivLimit ?? 0), `port ${via}: ${n} NPIV logins over the limit`);
  return bad;
}
