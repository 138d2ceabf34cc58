// Every device of a client partition as its ODM lists them (lsdev, lscfg): the fixed devices every AIX
// partition has (sys0, sysplanar0, vio0, the console's vsa0/vty0, mem0, processors, inet0, lo0), then the
// ones configured from its virtual adapters and disks (state/device-config.ts) with their derived devices:
// enN/etN for each entN (its interfaces), fscsiN for each fcsN (its protocol device). Listed in natural name
// order (hdisk2 before hdisk10, as vios.md §2.1 found for the VIOS's lsdev).
import { DEVICE_TYPES, PROC_NAME_STEP, VSA_SLOT, type DeviceType } from './data/device-catalog.ts';
import { adapterLocation, diskLocation } from './disk-facts.ts';
import { naturalOrder } from './state/device-config.ts';
import type { DeviceRecord } from './state/client-os-state.ts';
import type { ClientCtx } from './shell/client-command.ts';

export interface DeviceRow {
  name: string;
  status: 'Available' | 'Defined';
  type: DeviceType;
  parent: string;
  /** The physical location code (lscfg); computed only when asked (a disk's needs its LUN). */
  physloc: () => string;
  /** The configured record behind an adapter or disk row (its derived devices point at their adapter's). */
  rec?: DeviceRecord;
}

const row = (name: string, status: DeviceRow['status'], type: DeviceType, parent: string, physloc: () => string = () => '', rec?: DeviceRecord): DeviceRow =>
  ({ name, status, type, parent, physloc, rec });

/** The name of a disk path's parent device: vscsiN itself, or the fscsiN protocol device of fcsN. */
export const pathParentName = (disk: DeviceRecord, adapterName: string): string =>
  (disk.transport === 'vfc' ? adapterName.replace(/^fcs/, 'fscsi') : adapterName);

export function deviceRows(ctx: ClientCtx): DeviceRow[] {
  const state = ctx.oses.client(ctx.p).state;
  const adapters = state.devices.filter((d) => d.kind !== 'hdisk');
  const rows: DeviceRow[] = [
    row('sys0', 'Available', DEVICE_TYPES.sys, ''),
    row('sysplanar0', 'Available', DEVICE_TYPES.sysplanar, 'sys0'),
    row('vio0', 'Available', DEVICE_TYPES.vio, 'sysplanar0'),
    row('vsa0', 'Available', DEVICE_TYPES.vsa, 'vio0', () => adapterLocation(ctx, VSA_SLOT, null)),
    row('vty0', 'Available', DEVICE_TYPES.vty, 'vsa0', () => `${adapterLocation(ctx, VSA_SLOT, null)}-L0`),
    row('mem0', 'Available', DEVICE_TYPES.mem, 'sys0'),
    row('inet0', 'Available', DEVICE_TYPES.inet, ''),
    row('lo0', 'Available', DEVICE_TYPES.lo, 'inet0'),
  ];
  const procs = ctx.p.run.alloc?.procs ?? 0;
  for (let i = 0; i < procs; i++) rows.push(row(`proc${i * PROC_NAME_STEP}`, 'Available', DEVICE_TYPES.proc, 'sysplanar0'));
  for (const d of state.devices) {
    const at = (): string => (d.slot === undefined ? '' : adapterLocation(ctx, d.slot));
    switch (d.kind) {
      case 'ent': {
        const n = d.name.slice(3);
        rows.push(row(d.name, d.status, DEVICE_TYPES.ent, 'vio0', at, d));
        rows.push(row(`en${n}`, d.status, DEVICE_TYPES.en, 'inet0', () => '', d));
        rows.push(row(`et${n}`, 'Defined', DEVICE_TYPES.et, 'inet0', () => '', d));
        break;
      }
      case 'vscsi': rows.push(row(d.name, d.status, DEVICE_TYPES.vscsi, 'vio0', at, d)); break;
      case 'fcs':
        rows.push(row(d.name, d.status, DEVICE_TYPES.fcs, 'vio0', at, d));
        rows.push(row(d.name.replace('fcs', 'fscsi'), d.status, DEVICE_TYPES.fscsi, d.name, at, d));
        break;
      case 'hdisk': {
        const first = d.paths?.[0]?.parent;
        const type = d.transport === 'vfc' ? DEVICE_TYPES.hdiskVfc : DEVICE_TYPES.hdiskVscsi;
        rows.push(row(d.name, d.status, type, first ? pathParentName(d, first) : '', () => diskLocation(ctx, d, adapters), d));
        break;
      }
    }
  }
  return rows.sort((a, b) => naturalOrder(a.name, b.name));
}
