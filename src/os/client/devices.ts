// The device names of a client partition's virtual adapters and disks: the ones its AIX-like OS configured
// (state/: a device keeps its name across cfgmgr, DLPAR and path loss, as AIX keeps it in its ODM; a new one
// gets the lowest free number). The one naming every entry point uses, so that ent0/en0, vscsi0, fcs0 and
// hdisk0 mean the same device in lsdev, lspv, lspath, ifconfig, entstat, dd, the block path
// (PartitionOses.blockDevice) and the IP stack: lsdev and friends read the state directly, the others
// through these two functions. Before answering, the OS catches up with the hardware (ClientOs.current:
// a boot configures, a VIOS stopping fails paths) — it does not pick up new devices, which takes cfgmgr.
import type { Partition } from '../../platform/managed-system.ts';
import type { PartitionOses } from '../partition-oses.ts';
import type { DeviceRecord } from './state/client-os-state.ts';
import { naturalOrder } from './state/device-config.ts';
import type { ClientDisk } from './visibility.ts';

export interface ClientAdapter {
  /** ent0, vscsi0, fcs0 */
  name: string;
  kind: 'eth' | 'scsi' | 'fc';
  /** Virtual slot number of the adapter in this partition. */
  slot: number;
  description: string;
}

/** A configured disk: its name, and its configured paths (Enabled or Failed: the block path tries them in this order). */
export interface NamedDisk extends ClientDisk { name: string }

const ADAPTER_KIND = {
  ent: { kind: 'eth', description: 'Virtual I/O Ethernet Adapter (l-lan)' },
  vscsi: { kind: 'scsi', description: 'Virtual SCSI Client Adapter' },
  fcs: { kind: 'fc', description: 'Virtual Fibre Channel Client Adapter' },
} as const;
const KIND_ORDER = ['ent', 'vscsi', 'fcs'] as const;

/** The devices the OS has configured and Available now (none while the partition does not run its OS). */
function available(oses: PartitionOses, p: Partition): DeviceRecord[] {
  if (p.run.state !== 'Running' || !p.run.alloc) return [];
  return oses.client(p).current(p).devices.filter((d) => d.status === 'Available');
}

/** The configured virtual adapters of the client (Ethernet, vSCSI, vFC), each kind in name order. */
export function clientAdapters(oses: PartitionOses, p: Partition): ClientAdapter[] {
  const io = p.run.alloc?.virtual_io;
  const present = new Set([...(io?.eth ?? []).map((a) => `ent/${a.slot}`), ...(io?.scsi ?? []).map((a) => `vscsi/${a.slot}`), ...(io?.fc ?? []).map((a) => `fcs/${a.slot}`)]);
  const out: ClientAdapter[] = [];
  const devs = available(oses, p);
  for (const k of KIND_ORDER) {
    for (const d of devs.filter((x) => x.kind === k && x.slot !== undefined && present.has(`${k}/${x.slot}`)).sort((a, b) => naturalOrder(a.name, b.name))) {
      out.push({ name: d.name, kind: ADAPTER_KIND[k].kind, slot: d.slot!, description: ADAPTER_KIND[k].description });
    }
  }
  return out;
}

/** The configured, Available disks of the client (hdiskN in name order) with their configured paths. */
export function namedDisks(oses: PartitionOses, p: Partition): NamedDisk[] {
  const devs = available(oses, p);
  const slotOf = new Map(devs.filter((d) => d.kind !== 'hdisk' && d.slot !== undefined).map((d) => [d.name, d.slot!]));
  return devs.filter((d) => d.kind === 'hdisk' && d.uid !== undefined).sort((a, b) => naturalOrder(a.name, b.name)).map((d) => ({
    name: d.name,
    uid: d.uid!,
    label: d.label ?? '',
    kind: d.transport ?? 'vscsi',
    paths: (d.paths ?? []).flatMap((x) => {
      const slot = slotOf.get(x.parent);
      return x.status === 'Defined' || slot === undefined ? [] : [{ adapterSlot: slot, vios: x.vios }];
    }),
  }));
}
