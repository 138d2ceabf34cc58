// WWPN zoning on a switch: zones are named sets of WWPNs; zone sets (Brocade "cfg") group zones, and at
// most one zone set is active. SIM-RULES (which zones are in force):
//   * no zone defined on the switch → open fabric: every initiator sees every target on it;
//   * zones defined, no zone set active → every defined zone is in force;
//   * a zone set active → only its zones are in force.
// An initiator sees a target only if some zone in force contains both WWPNs.
// KNOWN DIFFERENCE: real switches separate the defined from the effective configuration (cfgsave /
// cfgenable) and have a "default zone" setting; here every change takes effect at once.
import { findSwitch } from './fc-switch.ts';
import { sanFail } from './san-fail.ts';
import type { FcSwitch, Zone } from './san-schema.ts';
import { checkName, type OpTable, wwpnList } from './san-values.ts';

export type ZoneOp =
  | { op: 'mkzone'; switch: string; name: string; wwpns: string[] }
  | { op: 'chzone'; switch: string; name: string; add?: string[]; remove?: string[] }
  | { op: 'rmzone'; switch: string; name: string }
  | { op: 'mkzoneset'; switch: string; name: string; zones: string[] }
  | { op: 'rmzoneset'; switch: string; name: string }
  | { op: 'actzoneset'; switch: string; name: string | null };

export function zonesInForce(sw: FcSwitch): Zone[] {
  if (sw.activeZoneSet === null) return sw.zones;
  const set = sw.zoneSets.find((z) => z.name === sw.activeZoneSet);
  const names = new Set(set?.zones ?? []);
  return sw.zones.filter((z) => names.has(z.name));
}

export function isZoned(sw: FcSwitch, initiator: string, target: string): boolean {
  if (sw.zones.length === 0) return true;
  return zonesInForce(sw).some((z) => z.members.includes(initiator) && z.members.includes(target));
}

function findZone(sw: FcSwitch, name: string): Zone {
  const z = sw.zones.find((x) => x.name === name);
  if (!z) sanFail('SAN_NOT_FOUND', { what: 'zone', name: `${name} on switch ${sw.name}` });
  return z!;
}

const sortByName = <T extends { name: string }>(xs: T[]): void => { xs.sort((a, b) => a.name.localeCompare(b.name)); };

export const ZONE_OPS: OpTable<ZoneOp> = {
  mkzone(d, op) {
    const sw = findSwitch(d, op.switch);
    checkName(op.name, 'zone');
    if (sw.zones.some((z) => z.name === op.name)) sanFail('SAN_EXISTS', { what: 'zone', name: op.name, where: `on switch ${sw.name}` });
    sw.zones.push({ name: op.name, members: wwpnList(op.wwpns, 'the zone members').sort() });
    sortByName(sw.zones);
  },

  chzone(d, op) {
    const sw = findSwitch(d, op.switch);
    const zone = findZone(sw, op.name);
    const add = op.add?.length ? wwpnList(op.add, 'the WWPNs to add') : [];
    const remove = op.remove?.length ? wwpnList(op.remove, 'the WWPNs to remove') : [];
    if (add.length + remove.length === 0) sanFail('SAN_USAGE', { why: 'Give WWPNs to add or to remove.' });
    const present = add.find((w) => zone.members.includes(w));
    if (present) sanFail('SAN_INVALID_VALUE', { value: present, attr: 'the WWPNs to add', hint: `It is already a member of zone ${zone.name}.` });
    const absent = remove.find((w) => !zone.members.includes(w));
    if (absent) sanFail('SAN_INVALID_VALUE', { value: absent, attr: 'the WWPNs to remove', hint: `It is not a member of zone ${zone.name}.` });
    const members = [...zone.members.filter((w) => !remove.includes(w)), ...add].sort();
    // A zone needs a member, as on Brocade; an empty zone is removed with rmzone instead.
    if (members.length === 0) sanFail('SAN_INVALID_VALUE', { value: remove.join(','), attr: 'the WWPNs to remove', hint: `Zone ${zone.name} would have no members; remove the zone with rmzone instead.` });
    zone.members = members;
  },

  rmzone(d, op) {
    const sw = findSwitch(d, op.switch);
    findZone(sw, op.name);
    const set = sw.zoneSets.find((s) => s.zones.includes(op.name));
    if (set) {
      sanFail('SAN_IN_USE', { what: 'zone', name: op.name, action: 'removed', why: `it is a member of zone set ${set.name}`,
        hint: 'Remove the zone set first (rmzoneset), then retry.' });
    }
    sw.zones = sw.zones.filter((z) => z.name !== op.name);
  },

  mkzoneset(d, op) {
    const sw = findSwitch(d, op.switch);
    checkName(op.name, 'zone set');
    if (sw.zoneSets.some((z) => z.name === op.name)) sanFail('SAN_EXISTS', { what: 'zone set', name: op.name, where: `on switch ${sw.name}` });
    if (op.zones.length === 0) sanFail('SAN_INVALID_VALUE', { value: '""', attr: 'the zones of the zone set', hint: 'Give at least one zone.' });
    for (const z of op.zones) findZone(sw, z);
    sw.zoneSets.push({ name: op.name, zones: [...new Set(op.zones)].sort() });
    sortByName(sw.zoneSets);
  },

  rmzoneset(d, op) {
    const sw = findSwitch(d, op.switch);
    if (!sw.zoneSets.some((z) => z.name === op.name)) sanFail('SAN_NOT_FOUND', { what: 'zone set', name: `${op.name} on switch ${sw.name}` });
    if (sw.activeZoneSet === op.name) {
      sanFail('SAN_IN_USE', { what: 'zone set', name: op.name, action: 'removed', why: 'it is the active zone set',
        hint: 'Deactivate it first (actzoneset --none) or activate another one.' });
    }
    sw.zoneSets = sw.zoneSets.filter((z) => z.name !== op.name);
  },

  actzoneset(d, op) {
    const sw = findSwitch(d, op.switch);
    if (op.name !== null && !sw.zoneSets.some((z) => z.name === op.name)) {
      sanFail('SAN_NOT_FOUND', { what: 'zone set', name: `${op.name} on switch ${sw.name}` });
    }
    sw.activeZoneSet = op.name;
  },
};
