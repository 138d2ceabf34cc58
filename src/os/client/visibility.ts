// What a client partition sees through its virtual adapters (issue "VIOS" item 4; the paper's Figure 2):
// vSCSI disks are the VIOS's mappings on the server adapter its client adapter is paired with; vFC disks
// are the SAN LUNs masked to the client adapter's own WWPN, reached through the physical port its vfchost
// is mapped to (NPIV), never through the VIOS. A disk seen on several paths (dual VIOS, MPIO) is one disk.
import type { ManagedSystem, Partition } from '../../platform/managed-system.ts';
import type { PartitionOses } from '../partition-oses.ts';
import { viosEnvironment } from '../vios/environment-builder.ts';

export interface ClientDisk {
  uid: string;
  label: string;
  kind: 'vscsi' | 'vfc';
  paths: { adapterSlot: number; vios: string }[];
}

export function clientDisks(sys: ManagedSystem, oses: PartitionOses, client: Partition): ClientDisk[] {
  const out = new Map<string, ClientDisk>();
  const add = (uid: string, label: string, kind: ClientDisk['kind'], adapterSlot: number, vios: string): void => {
    const d = out.get(uid) ?? { uid, label, kind, paths: [] };
    d.paths.push({ adapterSlot, vios });
    out.set(uid, d);
  };
  const io = client.run.alloc?.virtual_io;
  if (!io || client.run.state !== 'Running') return [];
  oses.syncNpivLogins();
  for (const a of io.scsi) {
    if (a.adapter_type !== 'client' || a.remote_lpar_id === null) continue;
    const vios = sys.partitions.get(a.remote_lpar_id);
    if (!vios || vios.run.state !== 'Running' || vios.def.lpar_env !== 'vioserver') continue;
    const server = vios.run.alloc?.virtual_io.scsi.find((s) => s.slot === a.remote_slot_num && s.adapter_type === 'server');
    if (!server || (server.remote_lpar_id !== null && server.remote_lpar_id !== client.def.lpar_id) || (server.remote_slot_num !== null && server.remote_slot_num !== a.slot)) continue;
    for (const m of oses.vios(vios).vscsiMappings()) {
      if (m.vhostSlot === server.slot && 'uid' in m.disk) add(m.disk.uid, m.disk.label, 'vscsi', a.slot, vios.def.name);
    }
  }
  for (const a of io.fc) {
    if (a.adapter_type !== 'client' || a.remote_lpar_id === null || !a.wwpns) continue;
    const vios = sys.partitions.get(a.remote_lpar_id);
    if (!vios || vios.run.state !== 'Running' || vios.def.lpar_env !== 'vioserver') continue;
    const map = oses.vios(vios).vfcMappings().find((m) => m.vfchostSlot === a.remote_slot_num);
    if (!map) continue;
    const port = viosEnvironment(sys, vios, oses.access).physicalAdapters.flatMap((x) => x.ports).find((p) => p.location === map.fcsPortLocation);
    if (!port?.wwpn) continue;
    for (const l of oses.access.visibleLuns(a.wwpns[0], port.wwpn)) add(l.uid, l.label, 'vfc', a.slot, vios.def.name);
  }
  return [...out.values()].sort((x, y) => x.label.localeCompare(y.label));
}
