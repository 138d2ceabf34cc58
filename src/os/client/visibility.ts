// What a client partition sees through its virtual adapters (issue "VIOS" item 4; the paper's Figure 2):
// vSCSI disks are the VIOS's mappings on the server adapter its client adapter is paired with; vFC disks
// are the SAN LUNs masked to the client adapter's own WWPN, reached through the physical port its vfchost
// is mapped to (NPIV), never through the VIOS. A disk seen on several paths (dual VIOS, MPIO) is one disk.
import type { ManagedSystem, Partition } from '../../platform/managed-system.ts';
import type { PartitionOses } from '../partition-oses.ts';
import { viosEnvironment } from '../vios/environment-builder.ts';
import { lvDisk } from '../vios/lv-layout.ts';

export interface ClientDisk {
  uid: string;
  label: string;
  kind: 'vscsi' | 'vfc';
  paths: { adapterSlot: number; vios: string }[];
}

/**
 * What the VIOSes offer, computed once per VIOS for as many clients as are asked about: vSCSI mappings by
 * server slot, and the WWPN of the physical port each vfchost maps to. SAN logins are brought up to date
 * once, when the context is made.
 */
export class VisibilityContext {
  private readonly vioses = new Map<number, { scsi: Map<number, { uid: string; label: string }[]>; vfcPort: Map<number, string> }>();
  constructor(private readonly sys: ManagedSystem, private readonly oses: PartitionOses) {
    oses.syncNpivLogins();
  }

  vios(v: Partition): { scsi: Map<number, { uid: string; label: string }[]>; vfcPort: Map<number, string> } {
    let d = this.vioses.get(v.def.lpar_id);
    if (d) return d;
    const os = this.oses.vios(v);
    const scsi = new Map<number, { uid: string; label: string }[]>();
    for (const m of os.vscsiMappings()) {
      // A logical volume reaches the client as a disk of its own, with an id of its own (lv-layout.ts).
      const disk = 'uid' in m.disk ? m.disk : lvDisk(os.volumeGroups(), m.disk.lv);
      if (!disk) continue;
      const list = scsi.get(m.vhostSlot) ?? [];
      list.push(disk);
      scsi.set(m.vhostSlot, list);
    }
    const vfcPort = new Map<number, string>();
    const maps = os.vfcMappings();
    if (maps.length) {
      const ports = new Map(viosEnvironment(this.sys, v, this.oses.access).physicalAdapters.flatMap((a) => a.ports).map((p) => [p.location, p.wwpn ?? '']));
      for (const m of maps) { const w = ports.get(m.fcsPortLocation); if (w) vfcPort.set(m.vfchostSlot, w); }
    }
    d = { scsi, vfcPort };
    this.vioses.set(v.def.lpar_id, d);
    return d;
  }
}

/**
 * The virtual adapters the hypervisor gives the client now, per kind in virtual slot order (the order a
 * first boot names them in: state/device-config.ts). What the OS configures from, not names.
 */
export function offeredAdapters(client: Partition): { kind: 'ent' | 'vscsi' | 'fcs'; slot: number }[] {
  const io = client.run.alloc?.virtual_io;
  if (!io) return [];
  const bySlot = (a: { slot: number }, b: { slot: number }): number => a.slot - b.slot;
  return [
    ...io.eth.slice().sort(bySlot).map((a) => ({ kind: 'ent' as const, slot: a.slot })),
    ...io.scsi.filter((a) => a.adapter_type === 'client').sort(bySlot).map((a) => ({ kind: 'vscsi' as const, slot: a.slot })),
    ...io.fc.filter((a) => a.adapter_type === 'client').sort(bySlot).map((a) => ({ kind: 'fcs' as const, slot: a.slot })),
  ];
}

export function clientDisks(sys: ManagedSystem, oses: PartitionOses, client: Partition, ctx = new VisibilityContext(sys, oses)): ClientDisk[] {
  const out = new Map<string, ClientDisk>();
  const add = (uid: string, label: string, kind: ClientDisk['kind'], adapterSlot: number, vios: string): void => {
    const d = out.get(uid) ?? { uid, label, kind, paths: [] };
    d.paths.push({ adapterSlot, vios });
    out.set(uid, d);
  };
  const io = client.run.alloc?.virtual_io;
  if (!io || client.run.state !== 'Running') return [];
  const runningVios = (id: number | null): Partition | undefined => {
    const v = id === null ? undefined : sys.partitions.get(id);
    return v && v.run.state === 'Running' && v.def.lpar_env === 'vioserver' ? v : undefined;
  };
  for (const a of io.scsi) {
    const vios = a.adapter_type === 'client' ? runningVios(a.remote_lpar_id) : undefined;
    if (!vios) continue;
    const server = vios.run.alloc?.virtual_io.scsi.find((s) => s.slot === a.remote_slot_num && s.adapter_type === 'server');
    if (!server || (server.remote_lpar_id !== null && server.remote_lpar_id !== client.def.lpar_id) || (server.remote_slot_num !== null && server.remote_slot_num !== a.slot)) continue;
    for (const disk of ctx.vios(vios).scsi.get(server.slot) ?? []) add(disk.uid, disk.label, 'vscsi', a.slot, vios.def.name);
  }
  for (const a of io.fc) {
    const vios = a.adapter_type === 'client' && a.wwpns ? runningVios(a.remote_lpar_id) : undefined;
    if (!vios || a.remote_slot_num === null) continue;
    const port = ctx.vios(vios).vfcPort.get(a.remote_slot_num);
    if (!port) continue;
    for (const l of oses.access.visibleLuns(a.wwpns![0], port)) add(l.uid, l.label, 'vfc', a.slot, vios.def.name);
  }
  return [...out.values()].sort((x, y) => x.label.localeCompare(y.label));
}

/** Visibility of every running client at once (one context: each VIOS is examined once). */
export function allClientDisks(sys: ManagedSystem, oses: PartitionOses): Map<number, ClientDisk[]> {
  const ctx = new VisibilityContext(sys, oses);
  const out = new Map<number, ClientDisk[]>();
  for (const p of sys.partitions.values()) if (p.def.lpar_env !== 'vioserver' && p.run.state === 'Running') out.set(p.def.lpar_id, clientDisks(sys, oses, p, ctx));
  return out;
}
