// AIX device names (vios.md §1.1): N counts from 0 per type in configuration order, and a device keeps its
// name for as long as its definition exists. Names are bound to the hardware identity (port location,
// disk unique id, virtual slot), so they survive a VIOS reboot, a reload from the store and a change in
// the order the platform lists the hardware. SIM-RULE §1.1: new hardware gets a name only at boot or on
// cfgdev, with the lowest free number of its type (AIX reuses freed numbers).
import type { ViosEnvironment } from './environment.ts';
import type { ViosConfig } from './vios-config.ts';

/** Devices every VIOS has, named once and for all (the VERIFIED lsdev -virtual sample, §2.1). */
export const FIXED_DEVICES = ['vasi0', 'vbsd0', 'pkcs11', 'proc0'] as const;

export const portKey = (location: string): string => `port:${location}`;
export const fscsiKey = (location: string): string => `fscsi:${location}`;
export const sasKey = (location: string): string => `sas:${location}`;
export const diskKey = (uid: string): string => `disk:${uid}`;
export const slotKey = (type: string, slot: number): string => `vslot:${type}:${slot}`;

const VIRTUAL_PREFIX = { scsi: 'vhost', fc: 'vfchost', eth: 'ent', serial: 'vsa' } as const;

export interface HardwareItem { key: string; prefix: string }

/**
 * The hardware in AIX configuration order: the physical adapters as the platform lists them (each
 * adapter's ports, then the disks behind it; SAN disks after the FC port they are seen through), then the
 * virtual adapters by slot. So physical Ethernet ports get the low ent numbers, as on a real VIOS.
 */
export function hardwareInOrder(env: ViosEnvironment): HardwareItem[] {
  const items: HardwareItem[] = [];
  const seenDisks = new Set<string>();
  const disk = (uid: string): void => {
    if (seenDisks.has(uid)) return; // the same LUN through a second port is one MPIO hdisk
    seenDisks.add(uid);
    items.push({ key: diskKey(uid), prefix: 'hdisk' });
  };
  for (const a of env.physicalAdapters) {
    if (a.kind === 'sas') items.push({ key: sasKey(a.location), prefix: 'sas' });
    for (const p of a.ports) {
      if (p.kind === 'eth') items.push({ key: portKey(p.location), prefix: 'ent' });
      else {
        items.push({ key: portKey(p.location), prefix: 'fcs' }, { key: fscsiKey(p.location), prefix: 'fscsi' });
        for (const d of env.sanDisks) if (d.viaPort === p.location) disk(d.uid);
      }
    }
    for (const d of a.disks) disk(d.uid);
  }
  for (const d of env.sanDisks) disk(d.uid);
  for (const v of [...env.virtualAdapters].sort((x, y) => x.slot - y.slot)) {
    items.push({ key: slotKey(v.type, v.slot), prefix: VIRTUAL_PREFIX[v.type] });
  }
  return items;
}

/** Every name taken on this VIOS: devices, configuration-made devices, volume groups and logical volumes. */
export function usedNames(cfg: ViosConfig): Set<string> {
  return new Set<string>([
    ...FIXED_DEVICES, ...cfg.names.map((n) => n.name), ...cfg.vtds.map((v) => v.name), ...cfg.seas.map((s) => s.name),
    ...cfg.lnaggs.map((l) => l.name), ...cfg.vlans.map((v) => v.name), ...cfg.vgs.flatMap((g) => [g.name, ...g.lvs.map((l) => l.name)]),
  ]);
}

export function nextFreeName(prefix: string, used: ReadonlySet<string>): string {
  for (let n = 0; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** Boot and cfgdev: name every present device that has no name yet, make Defined devices Available. */
export function configureDevices(cfg: ViosConfig, env: ViosEnvironment): boolean {
  const named = new Set(cfg.names.map((n) => n.key));
  const used = usedNames(cfg);
  let changed = cfg.defined.length > 0;
  cfg.defined = [];
  for (const item of hardwareInOrder(env)) {
    if (named.has(item.key)) continue;
    const name = nextFreeName(item.prefix, used);
    cfg.names.push({ key: item.key, name });
    named.add(item.key);
    used.add(name);
    changed = true;
  }
  return changed;
}

/** Natural order (`vhost9` before `vhost10`), as lsdev and lsmap list devices (§2.1, §2.3). */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) return Number(x) - Number(y) || x.length - y.length;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** Device names are AIX ODM names: a letter first, then letters, digits, `_`, `.`, `-`; at most 15 characters. */
export const validDeviceName = (n: string): boolean => /^[A-Za-z][A-Za-z0-9_.-]{0,14}$/.test(n);

/** The hardware identity behind a key, for the platform's queries. */
export function parseKey(key: string): { kind: 'port' | 'fscsi' | 'sas' | 'disk'; id: string } | { kind: 'vslot'; type: string; slot: number } | undefined {
  const v = /^vslot:(\w+):(\d+)$/.exec(key);
  if (v) return { kind: 'vslot', type: v[1], slot: Number(v[2]) };
  const m = /^(port|fscsi|sas|disk):(.*)$/.exec(key);
  return m ? { kind: m[1] as 'port' | 'fscsi' | 'sas' | 'disk', id: m[2] } : undefined;
}
