// lsdev output formats (vios.md §2.1, §2.2).
import type { Device, DeviceTree } from '../device-tree.ts';
import { naturalCompare } from '../device-names.ts';
import { autoTable, pad } from './columns.ts';

/** VERIFIED (§2.1): columns at 0, 17 and 29. */
export const deviceLine = (name: string, status: string, description: string): string =>
  `${pad(name, 17)}${pad(status, 12)}${description}`;

export const deviceTable = (devs: Device[]): string[] =>
  [deviceLine('name', 'status', 'description'), ...devs.map((d) => deviceLine(d.name, d.status, d.description))];

/** §2.2 without a name: lsattr-style table, a blank line under the header (widths UNCERTAIN). */
export function attributeTable(rows: { name: string; value: string; description: string; settable: boolean }[]): string[] {
  const [header, ...body] = autoTable(
    ['attribute', 'value', 'description', 'user_settable'],
    rows.map((r) => [r.name, r.value, r.description, r.settable ? 'True' : 'False']),
    [16, 17, 20],
  );
  return [header, '', ...body];
}

/** §2.2 with a name: VERIFIED form `value`, an empty line, the value. */
export const attributeValue = (value: string): string[] => ['value', '', value];

/**
 * `lsdev -slots` (AIX lsslot form, UNCERTAIN widths): each assigned physical slot and each virtual slot
 * with the devices in it.
 */
export function slotTable(tree: DeviceTree): string[] {
  const rows: [string, string, string][] = [];
  for (const a of tree.env.physicalAdapters) {
    const devs = tree.list.filter((d) => d.adapter === a && d.cls !== 'fscsi').map((d) => d.name);
    rows.push([a.location, 'Logical I/O Slot', devs.join(' ')]);
  }
  for (const v of [...tree.env.virtualAdapters].sort((x, y) => x.slot - y.slot)) {
    rows.push([v.location.replace(/-T1$/, ''), 'Virtual I/O Slot', tree.list.filter((d) => d.va === v).map((d) => d.name).join(' ')]);
  }
  const w = Math.max(26, ...rows.map((r) => r[0].length + 2));
  return [`${'# Slot'.padEnd(w)}${'Description'.padEnd(18)}Device(s)`, ...rows.map(([l, d, n]) => `${l.padEnd(w)}${d.padEnd(18)}${n}`.trimEnd())];
}

/**
 * `lsdev -vpd` (AIX lscfg -v form, UNCERTAIN beyond the device line HMC Scanner reads:
 * `  ent0             <location>  <description>`): devices with a location, then their network address.
 */
export function vpdListing(devs: Device[]): string[] {
  const lines = ['INSTALLED RESOURCE LIST WITH VPD', '', 'The following resources are installed on your machine.', '',
    '  Model Architecture: chrp', '  Model Implementation: Multiple Processor, PCI bus', ''];
  for (const d of [...devs].filter((x) => x.location !== '').sort((x, y) => naturalCompare(x.name, y.name))) {
    lines.push(`  ${pad(d.name, 17)}${d.location}  ${d.description}`);
    const addr = d.cls === 'fcs' ? d.port?.wwpn?.toUpperCase() : d.cls === 'veth' ? d.va?.mac : undefined;
    if (addr) lines.push('', `        Network Address.............${addr}`, '');
  }
  return lines;
}
