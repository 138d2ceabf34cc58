// The devices the VIOS sees (vios.md §1.1, §2.1): the hardware of the ViosEnvironment that has a name
// (device-names.ts), the fixed pseudo-devices, and the devices made by configuration (VTDs, SEAs, link
// aggregations, VLAN devices, volume groups, logical volumes). Recomputed on every command from the
// current environment, so a client that started or a LUN that disappeared shows at once; hardware without
// a name (added after boot, before cfgdev) stays invisible (SIM-RULE §1.1).
import type { DiskView, PhysicalAdapterView, PhysicalPortView, ViosEnvironment, VirtualAdapterView } from './environment.ts';
import type { ViosConfig } from './vios-config.ts';
import { diskKey, fscsiKey, portKey, sasKey, slotKey } from './device-names.ts';

export type DeviceClass =
  | 'ent' | 'veth' | 'sea' | 'lnagg' | 'vlan' | 'fcs' | 'fscsi' | 'sas' | 'hdisk' | 'vhost' | 'vfchost' | 'vsa'
  | 'vasi' | 'vbsd' | 'pkcs11' | 'proc' | 'vtd' | 'vg' | 'lv';

export interface Device {
  name: string;
  cls: DeviceClass;
  status: 'Available' | 'Defined';
  description: string;
  /** Location code; '' for pseudo-devices. */
  location: string;
  /** The hardware behind the device, when there is some. */
  port?: PhysicalPortView;
  adapter?: PhysicalAdapterView;
  disk?: DiskView;
  va?: VirtualAdapterView;
}

// Descriptions: VERIFIED where they appear in the §2.1 sample; the others are AIX wordings (UNCERTAIN).
export const DESCRIPTIONS = {
  veth: 'Virtual I/O Ethernet Adapter (l-lan)',
  sea: 'Shared Ethernet Adapter',
  lnagg: 'EtherChannel / IEEE 802.3ad Link Aggregation',
  vlan: 'VLAN',
  fscsi: 'FC SCSI I/O Controller Protocol Device',
  vhost: 'Virtual SCSI Server Adapter',
  vfchost: 'Virtual FC Server Adapter',
  vsa: 'LPAR Virtual Serial Adapter',
  vasi: 'Virtual Asynchronous Services Interface (VASI)',
  vbsd: 'Virtual Block Storage Device (VBSD)',
  pkcs11: 'ACF/PKCS#11 Device',
  proc: 'Processor',
  vtdDisk: 'Virtual Target Device - Disk',
  vtdLv: 'Virtual Target Device - Logical Volume',
  vg: 'Volume group',
  lv: 'Logical volume',
} as const;

const VIRTUAL_CLASS = { scsi: 'vhost', fc: 'vfchost', eth: 'veth', serial: 'vsa' } as const;

export class DeviceTree {
  readonly list: Device[] = [];
  private readonly byName = new Map<string, Device>();

  constructor(readonly env: ViosEnvironment, readonly cfg: ViosConfig) {
    const nameOf = new Map(cfg.names.map((n) => [n.key, n.name]));
    const defined = new Set(cfg.defined);
    const add = (name: string | undefined, d: Omit<Device, 'name' | 'status'>): void => {
      if (name === undefined || this.byName.has(name)) return;
      const dev: Device = { name, status: defined.has(name) ? 'Defined' : 'Available', ...d };
      this.list.push(dev);
      this.byName.set(name, dev);
    };
    for (const a of env.physicalAdapters) {
      if (a.kind === 'sas') add(nameOf.get(sasKey(a.location)), { cls: 'sas', description: a.description, location: a.location, adapter: a });
      for (const p of a.ports) {
        const cls = p.kind === 'eth' ? 'ent' : 'fcs';
        add(nameOf.get(portKey(p.location)), { cls, description: p.description, location: p.location, port: p, adapter: a });
        if (p.kind === 'fc') add(nameOf.get(fscsiKey(p.location)), { cls: 'fscsi', description: DESCRIPTIONS.fscsi, location: p.location, port: p, adapter: a });
      }
      for (const d of a.disks) add(nameOf.get(diskKey(d.uid)), { cls: 'hdisk', description: d.description, location: d.location, disk: d });
    }
    for (const d of env.sanDisks) add(nameOf.get(diskKey(d.uid)), { cls: 'hdisk', description: d.description, location: d.location, disk: d });
    for (const v of env.virtualAdapters) {
      const cls = VIRTUAL_CLASS[v.type];
      add(nameOf.get(slotKey(v.type, v.slot)), { cls, description: DESCRIPTIONS[cls], location: v.location, va: v });
    }
    add('vasi0', { cls: 'vasi', description: DESCRIPTIONS.vasi, location: '' });
    add('vbsd0', { cls: 'vbsd', description: DESCRIPTIONS.vbsd, location: '' });
    add('pkcs11', { cls: 'pkcs11', description: DESCRIPTIONS.pkcs11, location: '' });
    add('proc0', { cls: 'proc', description: DESCRIPTIONS.proc, location: '' });
    for (const t of cfg.vtds) {
      const vhost = this.byName.get(t.vhost);
      add(t.name, { cls: 'vtd', description: t.kind === 'lv' ? DESCRIPTIONS.vtdLv : DESCRIPTIONS.vtdDisk, location: vhost ? `${vhost.location}-L${t.lun}` : '' });
    }
    for (const s of cfg.seas) add(s.name, { cls: 'sea', description: DESCRIPTIONS.sea, location: '' });
    for (const l of cfg.lnaggs) add(l.name, { cls: 'lnagg', description: DESCRIPTIONS.lnagg, location: '' });
    for (const v of cfg.vlans) add(v.name, { cls: 'vlan', description: DESCRIPTIONS.vlan, location: '' });
    for (const g of cfg.vgs) {
      add(g.name, { cls: 'vg', description: DESCRIPTIONS.vg, location: '' });
      for (const l of g.lvs) add(l.name, { cls: 'lv', description: DESCRIPTIONS.lv, location: '' });
    }
  }

  get(name: string): Device | undefined { return this.byName.get(name); }

  ofClass(...classes: DeviceClass[]): Device[] { return this.list.filter((d) => classes.includes(d.cls)); }

  /** The hdisk device of a disk, by unique id. */
  diskByUid(uid: string): Device | undefined { return this.list.find((d) => d.cls === 'hdisk' && d.disk?.uid === uid); }
}

/** The lsdev -virtual rows, VERIFIED order (§2.1): virtual adapters, VTDs, Ethernet pseudo-devices, pkcs11. */
export const VIRTUAL_GROUPS: readonly (readonly DeviceClass[])[] = [
  ['veth', 'vasi', 'vbsd', 'vfchost', 'vhost', 'vsa'],
  ['vtd'],
  // UNCERTAIN: where link aggregations and VLAN devices go; they are kept with the SEAs.
  ['sea', 'lnagg', 'vlan'],
  ['pkcs11'],
];
