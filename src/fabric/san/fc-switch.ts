// FC switches and what is plugged into them. SIM-RULE: every switch is its own fabric (no inter-switch
// links), the usual dual-fabric design of vios.md §6 ("each VIOS with its own adapters on separate
// fabrics/switches"); an initiator sees only targets plugged into the same switch. NPIV needs the switch's
// support as well as the adapter's (vios.md §4: fabric=1 only through an NPIV-capable switch).
import { sanFail } from './san-fail.ts';
import type { FcSwitch, HostConnection, SanDoc } from './san-schema.ts';
import { checkName, intArg, type OpTable, wwpnArg, wwpnOwner } from './san-values.ts';

/** tports of a 16 Gb or slower adapter port (vios.md §4: up to 64 active client vFC adapters per port). */
export const DEFAULT_NPIV_LIMIT = 64;
/** Ports of a new switch when not given (UNCERTAIN: any size; 24 is a common small edge switch). */
export const DEFAULT_SWITCH_PORTS = 24;
export const MAX_SWITCH_PORTS = 512;
/** Newer 32 Gb adapters allow more logins per port (vios.md §4, UNCERTAIN: e.g. 255). */
export const MAX_NPIV_LIMIT = 255;

export type SwitchOp =
  | { op: 'mkswitch'; name: string; npiv?: boolean; ports?: number }
  | { op: 'rmswitch'; name: string }
  | { op: 'connectHostPort'; switch: string; port?: number; hostPortLocation: string; hostPortWwpn: string; npivCapableAdapter: boolean; npivLimit?: number }
  | { op: 'disconnectHostPort'; hostPortWwpn: string }
  | { op: 'setNpivLimit'; hostPortWwpn: string; limit: number };

export function findSwitch(d: SanDoc, name: string): FcSwitch {
  const s = d.switches.find((x) => x.name === name);
  if (!s) sanFail('SAN_NOT_FOUND', { what: 'switch', name });
  return s!;
}

/** The switch and connection of a host port, or undefined when the port is not plugged in. */
export function hostConnection(d: SanDoc, wwpn: string): { sw: FcSwitch; conn: HostConnection } | undefined {
  for (const sw of d.switches) {
    for (const conn of sw.connections) if (conn.kind === 'host' && conn.wwpn === wwpn) return { sw, conn };
  }
  return undefined;
}

export function freePorts(sw: FcSwitch): number[] {
  const used = new Set(sw.connections.map((c) => c.port));
  return Array.from({ length: sw.portCount }, (_, i) => i).filter((i) => !used.has(i));
}

/** Keep connections in port order so that listings and the saved document are stable. */
export function sortConnections(sw: FcSwitch): void {
  sw.connections.sort((a, b) => a.port - b.port);
}

export const npivLoginsVia = (d: SanDoc, via: string): number =>
  d.logins.reduce((n, l) => n + (l.via === via && l.initiator !== via ? 1 : 0), 0);

export const SWITCH_OPS: OpTable<SwitchOp> = {
  mkswitch(d, op) {
    checkName(op.name, 'switch');
    if (d.switches.some((s) => s.name === op.name)) sanFail('SAN_EXISTS', { what: 'switch', name: op.name });
    const portCount = intArg(op.ports ?? DEFAULT_SWITCH_PORTS, 'the number of switch ports', 1, MAX_SWITCH_PORTS);
    // NPIV unless told otherwise: switches of the 8 Gb era on support it (UNCERTAIN default).
    d.switches.push({ name: op.name, npiv: op.npiv ?? true, portCount, connections: [], zones: [], zoneSets: [], activeZoneSet: null });
    d.switches.sort((a, b) => a.name.localeCompare(b.name));
  },

  rmswitch(d, op) {
    const sw = findSwitch(d, op.name);
    if (sw.connections.length > 0) {
      const c = sw.connections[0];
      sanFail('SAN_IN_USE', { what: 'switch', name: op.name, action: 'removed',
        why: `port ${c.port} is still connected to ${c.kind === 'host' ? `host port ${c.location}` : `array ${c.array}`}`,
        hint: 'Disconnect every port first (remove its arrays; hosts are disconnected by the platform).' });
    }
    d.switches = d.switches.filter((s) => s !== sw);
  },

  connectHostPort(d, op) {
    const sw = findSwitch(d, op.switch);
    const wwpn = wwpnArg(op.hostPortWwpn, 'the host port WWPN');
    const location = op.hostPortLocation.trim();
    if (!/^[\x21-\x7e]+$/.test(location)) {
      sanFail('SAN_INVALID_VALUE', { value: JSON.stringify(op.hostPortLocation), attr: 'the host port location code', hint: 'Give a location code such as U78D2.001.WZS01AB-P1-C6-T1.' });
    }
    const owner = wwpnOwner(d, wwpn);
    if (owner) sanFail('SAN_WWPN_IN_USE', { wwpn, by: owner });
    for (const s of d.switches) {
      const same = s.connections.find((c) => c.kind === 'host' && c.location === location);
      if (same) {
        sanFail('SAN_INVALID_VALUE', { value: location, attr: 'the host port location code',
          hint: `That host port is already connected to port ${same.port} of switch ${s.name} (one cable per port); disconnect it first.` });
      }
    }
    const free = freePorts(sw);
    let port: number;
    if (op.port === undefined) {
      if (free.length === 0) sanFail('SAN_NO_FREE_PORT', { switch: sw.name, what: `host port ${location}`, needed: 1, free: 0 });
      port = free[0];
    } else {
      port = intArg(op.port, 'the switch port number', 0, sw.portCount - 1);
      const busy = sw.connections.find((c) => c.port === port);
      if (busy) sanFail('SAN_PORT_BUSY', { switch: sw.name, port, to: busy.kind === 'host' ? `host port ${busy.location}` : `array ${busy.array}` });
    }
    const npivLimit = op.npivCapableAdapter ? intArg(op.npivLimit ?? DEFAULT_NPIV_LIMIT, 'the NPIV login limit', 1, MAX_NPIV_LIMIT) : 0;
    sw.connections.push({ port, kind: 'host', location, wwpn, npivCapable: op.npivCapableAdapter, npivLimit });
    sortConnections(sw);
  },

  disconnectHostPort(d, op) {
    const wwpn = wwpnArg(op.hostPortWwpn, 'the host port WWPN');
    const hc = hostConnection(d, wwpn);
    if (!hc) sanFail('SAN_NOT_CONNECTED', { wwpn });
    // Pulling the cable ends the port's own login and every NPIV login through it (link down).
    hc!.sw.connections = hc!.sw.connections.filter((c) => c !== hc!.conn);
    d.logins = d.logins.filter((l) => l.via !== wwpn);
  },

  setNpivLimit(d, op) {
    const wwpn = wwpnArg(op.hostPortWwpn, 'the host port WWPN');
    const hc = hostConnection(d, wwpn);
    if (!hc) sanFail('SAN_NOT_CONNECTED', { wwpn });
    const { conn } = hc!;
    if (!conn.npivCapable) {
      sanFail('SAN_INVALID_VALUE', { value: op.limit, attr: `the NPIV login limit of ${conn.location}`, hint: 'The adapter does not support NPIV.' });
    }
    const used = npivLoginsVia(d, wwpn);
    const limit = intArg(op.limit, 'the NPIV login limit', Math.max(1, used), MAX_NPIV_LIMIT);
    conn.npivLimit = limit;
  },
};
