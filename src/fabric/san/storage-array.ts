// Storage arrays: target ports plugged into switches, LUNs, and LUN masking (host mappings), as the
// paper's Figure 2 draws them: array D mapped to the physical FC adapter's WWPN, E, F and G mapped to
// virtual FC client WWPNs (vios.md §4: both WWPNs of a client pair must be masked for LPM).
// SIM-RULE: a LUN has one id on the array, presented under that SCSI LUN id to every host it is mapped to
// (real arrays may number a LUN per host mapping). Reservations (vios.md §6 reserve_policy) are a disk
// matter, not a fabric one: the fabric lets several initiators see a LUN (dual VIOS) and leaves reserves
// to the hosts.
import { findSwitch, freePorts, sortConnections } from './fc-switch.ts';
import { sanFail } from './san-fail.ts';
import type { Lun, SanDoc, StorageArray } from './san-schema.ts';
import { checkName, intArg, type OpTable, wwpnList, wwpnOwner } from './san-values.ts';
import { lunUid, MAX_LUN_ID, targetPortWwpn } from './wwpn.ts';

export const DEFAULT_ARRAY_PORTS = 2;
export const MAX_ARRAY_PORTS = 16;
/** 256 TiB, the largest volume of IBM's SVC family (UNCERTAIN for other arrays). */
export const MAX_LUN_MB = 256 * 1024 * 1024;

export type ArrayOp =
  | { op: 'mkarray'; name: string; switches: string[]; ports?: number }
  | { op: 'rmarray'; name: string }
  | { op: 'mklun'; array: string; name: string; sizeMB: number; id?: number }
  | { op: 'rmlun'; array: string; lun: string }
  | { op: 'mkhostmap'; array: string; lun: string; wwpns: string[] }
  | { op: 'rmhostmap'; array: string; lun: string; wwpns: string[] };

export function findArray(d: SanDoc, name: string): StorageArray {
  const a = d.arrays.find((x) => x.name === name);
  if (!a) sanFail('SAN_NOT_FOUND', { what: 'storage array', name });
  return a!;
}

/** A LUN by name, or by id when no LUN has that name and the reference is a number. */
export function findLun(a: StorageArray, ref: string): Lun {
  const l = a.luns.find((x) => x.name === ref) ?? (/^\d+$/.test(ref) ? a.luns.find((x) => x.id === Number(ref)) : undefined);
  if (!l) sanFail('SAN_NOT_FOUND', { what: 'LUN', name: `${ref} on array ${a.name}` });
  return l!;
}

export const ARRAY_OPS: OpTable<ArrayOp> = {
  mkarray(d, op) {
    checkName(op.name, 'storage array');
    if (d.arrays.some((a) => a.name === op.name)) sanFail('SAN_EXISTS', { what: 'storage array', name: op.name });
    const count = intArg(op.ports ?? DEFAULT_ARRAY_PORTS, 'the number of array ports', 1, MAX_ARRAY_PORTS);
    if (op.switches.length === 0) sanFail('SAN_USAGE', { why: 'Give the switch (or switches) the array ports connect to.' });
    const switches = op.switches.map((s) => findSwitch(d, s));
    if (new Set(op.switches).size !== op.switches.length) sanFail('SAN_INVALID_VALUE', { value: op.switches.join(','), attr: 'the switches', hint: 'Give each switch only once.' });
    // Port i goes to switch i mod n: two switches give each fabric half the ports (dual fabric, vios.md §6).
    const plan = Array.from({ length: count }, (_, i) => switches[i % switches.length]);
    for (const sw of switches) {
      const needed = plan.filter((s) => s === sw).length;
      const free = freePorts(sw).length;
      if (free < needed) sanFail('SAN_NO_FREE_PORT', { switch: sw.name, what: `array ${op.name}`, needed, free });
    }
    const ports: string[] = [];
    for (let i = 0; i < count; i++) {
      let attempt = 0;
      let w = targetPortWwpn(d.seed, op.name, i, attempt);
      while (wwpnOwner(d, w) !== null || ports.includes(w)) w = targetPortWwpn(d.seed, op.name, i, ++attempt);
      ports.push(w);
    }
    plan.forEach((sw, i) => {
      sw.connections.push({ port: freePorts(sw)[0], kind: 'array', array: op.name, arrayPort: i, wwpn: ports[i] });
      sortConnections(sw);
    });
    d.arrays.push({ name: op.name, ports, luns: [] });
    d.arrays.sort((a, b) => a.name.localeCompare(b.name));
  },

  rmarray(d, op) {
    const a = findArray(d, op.name);
    const mapped = a.luns.find((l) => l.hosts.length > 0);
    if (mapped) {
      sanFail('SAN_IN_USE', { what: 'storage array', name: a.name, action: 'removed', why: `LUN ${mapped.name} is still mapped to hosts`,
        hint: 'Remove the host mappings first (rmhostmap), then retry.' });
    }
    for (const sw of d.switches) sw.connections = sw.connections.filter((c) => !(c.kind === 'array' && c.array === a.name));
    d.arrays = d.arrays.filter((x) => x !== a);
  },

  mklun(d, op) {
    const a = findArray(d, op.array);
    checkName(op.name, 'LUN');
    if (a.luns.some((l) => l.name === op.name)) sanFail('SAN_EXISTS', { what: 'LUN', name: op.name, where: `on array ${a.name}` });
    const sizeMB = intArg(op.sizeMB, 'the LUN size in MB', 1, MAX_LUN_MB);
    const used = new Set(a.luns.map((l) => l.id));
    let id: number;
    if (op.id === undefined) {
      id = 0;
      while (used.has(id)) id++;
      if (id > MAX_LUN_ID) sanFail('SAN_INVALID_VALUE', { value: id, attr: 'the LUN id', hint: `Array ${a.name} has no free LUN id.` });
    } else {
      id = intArg(op.id, 'the LUN id', 0, MAX_LUN_ID);
      const holder = a.luns.find((l) => l.id === id);
      if (holder) sanFail('SAN_INVALID_VALUE', { value: id, attr: 'the LUN id', hint: `LUN ${holder.name} on array ${a.name} already has this id.` });
    }
    a.luns.push({ id, name: op.name, sizeMB, uid: lunUid(d.seed, a.name, id), hosts: [] });
    a.luns.sort((x, y) => x.id - y.id);
  },

  rmlun(d, op) {
    const a = findArray(d, op.array);
    const l = findLun(a, op.lun);
    // As SVC's rmvdisk without -force: a LUN still presented to hosts is not deleted.
    if (l.hosts.length > 0) {
      sanFail('SAN_IN_USE', { what: 'LUN', name: `${l.name} on array ${a.name}`, action: 'removed', why: `it is mapped to ${l.hosts.join(',')}`,
        hint: 'Remove the host mappings first (rmhostmap), then retry.' });
    }
    a.luns = a.luns.filter((x) => x !== l);
  },

  mkhostmap(d, op) {
    const l = findLun(findArray(d, op.array), op.lun);
    const wwpns = wwpnList(op.wwpns, 'the host WWPNs');
    const already = wwpns.find((w) => l.hosts.includes(w));
    if (already) sanFail('SAN_INVALID_VALUE', { value: already, attr: 'the host WWPNs', hint: `LUN ${l.name} is already mapped to it.` });
    l.hosts = [...l.hosts, ...wwpns].sort();
  },

  rmhostmap(d, op) {
    const l = findLun(findArray(d, op.array), op.lun);
    const wwpns = wwpnList(op.wwpns, 'the host WWPNs');
    const absent = wwpns.find((w) => !l.hosts.includes(w));
    if (absent) sanFail('SAN_INVALID_VALUE', { value: absent, attr: 'the host WWPNs', hint: `LUN ${l.name} is not mapped to it.` });
    l.hosts = l.hosts.filter((w) => !wwpns.includes(w));
  },
};
