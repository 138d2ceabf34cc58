// How a client partition's AIX configures its devices (the ODM's Customized Devices), from what the
// hypervisor and the VIOSes offer it now:
//   - at boot every device found is configured: a device known from before keeps its name, a new one gets
//     the lowest free number of its kind (adapters in virtual slot order, disks in label order: the order
//     visibility.ts offers them in); devices not found stay Defined. These names are the only ones: every
//     other part of the system asks for them through devices.ts;
//   - after boot nothing new appears by itself: a virtual adapter added by DLPAR or a disk newly mapped on
//     a VIOS shows up only when `cfgmgr` runs (vios.md §1.1's SIM-RULE, the client side of it);
//   - an adapter removed by DLPAR is unconfigured with its paths (the HMC's DLPAR runs drmgr, which removes
//     the device; SIM: we do not model drmgr refusing a busy adapter); a disk left with no path goes too;
//   - MPIO paths follow the VIOS they go through: Enabled while it serves the disk, Failed while not (the
//     path health check notices within hcheck_interval; SIM: we notice at the next command).
import type { DeviceKind, DeviceRecord, ClientOsState, PathRecord } from './client-os-state.ts';

export interface OfferedAdapter { kind: Exclude<DeviceKind, 'hdisk'>; slot: number }
export interface OfferedDisk { uid: string; label: string; transport: 'vscsi' | 'vfc'; paths: { adapterSlot: number; vios: string }[] }
/** What the partition could configure now: adapters in name order per kind, disks in label order. */
export interface Offered { adapters: OfferedAdapter[]; disks: OfferedDisk[] }

export type PathEvent = { kind: 'failed' | 'recovered'; disk: string; path: PathRecord; pathId: number };

/** The lowest number N such that `<kind>N` names no configured device (Available or Defined). */
export function nextName(state: ClientOsState, kind: DeviceKind): string {
  const used = new Set(state.devices.filter((d) => d.kind === kind).map((d) => d.name));
  let n = 0;
  while (used.has(`${kind}${n}`)) n++;
  return `${kind}${n}`;
}

const adapterOf = (state: ClientOsState, kind: DeviceKind, slot: number): DeviceRecord | undefined =>
  state.devices.find((d) => d.kind === kind && d.slot === slot);

/** The adapter device a disk path leaves through: vSCSI disks through vscsiN, vFC disks through fcsN. */
const pathAdapterKind = (transport: 'vscsi' | 'vfc'): DeviceKind => (transport === 'vscsi' ? 'vscsi' : 'fcs');

/** A boot: everything becomes Defined, then whatever is found is configured again. */
export function bootConfigure(state: ClientOsState, offered: Offered): void {
  for (const d of state.devices) {
    d.status = 'Defined';
    for (const p of d.paths ?? []) p.status = 'Defined';
  }
  configure(state, offered, null);
}

/**
 * `cfgmgr` (and the configuration at boot): configure what is offered and not yet Available. With
 * `parents`, only those adapters and the disks behind them (cfgmgr -l). Returns the names configured.
 */
export function configure(state: ClientOsState, offered: Offered, parents: ReadonlySet<string> | null): string[] {
  const added: string[] = [];
  for (const a of offered.adapters) {
    let rec = adapterOf(state, a.kind, a.slot);
    if (rec && parents && !parents.has(rec.name)) continue;
    if (!rec) {
      if (parents) continue;
      rec = { name: nextName(state, a.kind), kind: a.kind, status: 'Defined', slot: a.slot };
      state.devices.push(rec);
    }
    if (rec.status !== 'Available') added.push(rec.name);
    rec.status = 'Available';
  }
  for (const disk of offered.disks) {
    const kind = pathAdapterKind(disk.transport);
    const usable = disk.paths.flatMap((p) => {
      const a = adapterOf(state, kind, p.adapterSlot);
      return a?.status === 'Available' && (!parents || parents.has(a.name)) ? [{ parent: a.name, vios: p.vios }] : [];
    });
    if (!usable.length) continue;
    let rec = state.devices.find((d) => d.kind === 'hdisk' && d.uid === disk.uid);
    if (!rec) {
      rec = { name: nextName(state, 'hdisk'), kind: 'hdisk', status: 'Defined', uid: disk.uid, label: disk.label, transport: disk.transport, paths: [] };
      state.devices.push(rec);
    }
    if (rec.status !== 'Available') added.push(rec.name);
    rec.status = 'Available';
    const paths = (rec.paths ??= []);
    for (const u of usable) {
      const known = paths.find((p) => p.parent === u.parent && p.vios === u.vios);
      if (known) known.status = 'Enabled';
      else paths.push({ ...u, status: 'Enabled' });
    }
  }
  return added;
}

/**
 * Between boots: adapters DLPAR removed are unconfigured (with their paths, and disks left without any);
 * Enabled/Failed paths follow their VIOS. Returns the path changes, for the error log.
 */
export function followHardware(state: ClientOsState, offered: Offered): PathEvent[] {
  const present = new Set(offered.adapters.map((a) => `${a.kind}/${a.slot}`));
  const gone = new Set(state.devices.filter((d) => d.kind !== 'hdisk' && d.status === 'Available' && !present.has(`${d.kind}/${d.slot}`)).map((d) => d.name));
  if (gone.size) {
    state.devices = state.devices.filter((d) => !gone.has(d.name));
    for (const d of state.devices) if (d.paths) d.paths = d.paths.filter((p) => !gone.has(p.parent));
    state.devices = state.devices.filter((d) => d.kind !== 'hdisk' || (d.paths?.length ?? 0) > 0);
    for (const name of gone) delete state.attrs[name];
  }
  const events: PathEvent[] = [];
  const byUid = new Map(offered.disks.map((d) => [d.uid, d]));
  for (const d of state.devices) {
    if (d.kind !== 'hdisk' || d.status !== 'Available' || !d.paths) continue;
    const offer = byUid.get(d.uid ?? '');
    d.paths.forEach((p, pathId) => {
      if (p.status === 'Defined') return;
      const slot = state.devices.find((a) => a.name === p.parent)?.slot;
      const up = !!offer?.paths.some((x) => x.adapterSlot === slot && x.vios === p.vios);
      if (up === (p.status === 'Enabled')) return;
      p.status = up ? 'Enabled' : 'Failed';
      events.push({ kind: up ? 'recovered' : 'failed', disk: d.name, path: p, pathId });
    });
  }
  return events;
}

/** `rmdev -l NAME [-d]`: Defined, or deleted from the configuration (with -d). Disks behind an adapter go with -R. */
export function unconfigure(state: ClientOsState, name: string, del: boolean): void {
  const rec = state.devices.find((d) => d.name === name);
  if (!rec) return;
  if (del) {
    state.devices = state.devices.filter((d) => d !== rec);
    delete state.attrs[name]; // the PVID stays: it is written on the disk itself, cfgmgr reads it back
  } else {
    rec.status = 'Defined';
  }
  for (const p of rec.paths ?? []) p.status = 'Defined';
}

/** The device names of a kind in natural order (hdisk2 before hdisk10), as AIX lists them. */
export const naturalOrder = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });
