// The listing commands of the storage administrator (ls*): read-only views of the SAN document, in the
// column form of san-args.ts `columns`. Rows are in a stable, documented order: by switch or array name,
// then by port, LUN id or WWPN.
import { columns, type SanArgs } from './san-args.ts';
import { sanFail } from './san-fail.ts';
import type { SanFabric } from './san-fabric.ts';
import { zonesInForce } from './zoning.ts';
import type { FcSwitch } from './san-schema.ts';

const yn = (b: boolean): string => (b ? 'yes' : 'no');

/** The switches a listing covers: all, or the one named by `-s` (which must exist). */
function switchesOf(f: SanFabric, a: SanArgs): readonly FcSwitch[] {
  const all = f.state.switches as readonly FcSwitch[];
  const name = a.get('-s');
  if (name === undefined) return all;
  const sw = all.find((s) => s.name === name);
  if (!sw) sanFail('SAN_NOT_FOUND', { what: 'switch', name });
  return [sw!];
}

function arraysOf(f: SanFabric, a: SanArgs) {
  const name = a.get('-a');
  const all = f.state.arrays;
  if (name === undefined) return all;
  const arr = all.find((x) => x.name === name);
  if (!arr) sanFail('SAN_NOT_FOUND', { what: 'storage array', name });
  return [arr!];
}

export function lsswitch(f: SanFabric): string[] {
  return columns(['name', 'npiv', 'ports', 'free', 'zones', 'active_zoneset'], f.state.switches.map((s) =>
    [s.name, yn(s.npiv), s.portCount, s.portCount - s.connections.length, s.zones.length, s.activeZoneSet ?? '']));
}

/** Every port of the switch, free ones included (like Brocade's switchshow). */
export function lsport(f: SanFabric, a: SanArgs): string[] {
  const [sw] = switchesOf(f, a);
  const rows = Array.from({ length: sw.portCount }, (_, port) => {
    const c = sw.connections.find((x) => x.port === port);
    if (!c) return [port, 'free', '', '', '', ''];
    if (c.kind === 'array') return [port, 'array', c.wwpn, `${c.array}:${c.arrayPort}`, '', ''];
    const info = f.npivPortInfo(c.wwpn)!;
    return [port, 'host', c.wwpn, c.location, yn(f.loginOf(c.wwpn)?.via === c.wwpn),
      c.npivCapable ? `${info.tports - info.aports}/${info.tports}` : ''];
  });
  return columns(['port', 'type', 'wwpn', 'attached', 'logged_in', 'npiv_logins'], rows);
}

export function lsarray(f: SanFabric): string[] {
  return columns(['name', 'ports', 'luns', 'capacity_mb', 'target_wwpns'], f.state.arrays.map((arr) =>
    [arr.name, arr.ports.length, arr.luns.length, arr.luns.reduce((n, l) => n + l.sizeMB, 0), arr.ports.join(',')]));
}

export function lslun(f: SanFabric, a: SanArgs): string[] {
  return columns(['array', 'id', 'name', 'size_mb', 'uid', 'hosts'], arraysOf(f, a).flatMap((arr) =>
    arr.luns.map((l) => [arr.name, l.id, l.name, l.sizeMB, l.uid, l.hosts.length])));
}

/** One row per (LUN, initiator) mapping; `visible` says whether that initiator sees the LUN right now. */
export function lshostmap(f: SanFabric, a: SanArgs): string[] {
  const rows: (string | number)[][] = [];
  for (const arr of arraysOf(f, a)) {
    for (const l of arr.luns) {
      for (const w of l.hosts) {
        const seen = f.visibleLuns(w).some((v) => v.array === arr.name && v.lunId === l.id);
        rows.push([arr.name, l.id, l.name, w, yn(seen)]);
      }
    }
  }
  return columns(['array', 'lun_id', 'lun_name', 'wwpn', 'visible'], rows);
}

export function lszone(f: SanFabric, a: SanArgs): string[] {
  return columns(['switch', 'zone', 'in_force', 'members'], switchesOf(f, a).flatMap((sw) => {
    const force = new Set(zonesInForce(sw).map((z) => z.name));
    return sw.zones.map((z) => [sw.name, z.name, yn(force.has(z.name)), z.members.join(',')]);
  }));
}

export function lszoneset(f: SanFabric, a: SanArgs): string[] {
  return columns(['switch', 'zoneset', 'active', 'zones'], switchesOf(f, a).flatMap((sw) =>
    sw.zoneSets.map((zs) => [sw.name, zs.name, yn(sw.activeZoneSet === zs.name), zs.zones.join(',')])));
}

/** Who is logged in through which port: the physical port's own login first, then its NPIV logins. */
export function lslogin(f: SanFabric, a: SanArgs): string[] {
  const names = new Set(switchesOf(f, a).map((s) => s.name));
  const rows = f.state.logins.map((l) => ({ l, at: f.loginOf(l.initiator)! }))
    .filter(({ at }) => names.has(at.switch))
    .sort((x, y) => x.at.switch.localeCompare(y.at.switch) || x.at.port - y.at.port
      || Number(x.l.initiator !== x.l.via) - Number(y.l.initiator !== y.l.via) || x.l.initiator.localeCompare(y.l.initiator))
    .map(({ l, at }) => [at.switch, at.port, at.location, l.via, l.initiator, l.initiator === l.via ? 'physical' : 'npiv']);
  return columns(['switch', 'port', 'host_port', 'via_wwpn', 'initiator', 'type'], rows);
}
