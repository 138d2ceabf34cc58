// Computes a VIOS's ViosEnvironment from the hypervisor's state and the SAN (DESIGN.md: a partition's OS
// reaches hardware only through its assigned and virtual adapters).
import type { ManagedSystem, Partition } from '../../platform/managed-system.ts';
import { physicalFcWwpn } from '../../platform/hypervisor/addresses.ts';
import { virtualLocationCode } from '../../platform/naming.ts';
import { findModel } from '../../platform/catalog/model-catalog.ts';
import type { SanAccess } from '../san-access.ts';
import { memPoolOf, pagingDeviceUser } from '../../platform/hypervisor/memory/pool-memory.ts';
import type { DiskView, PagingSpaceView, PhysicalAdapterView, ViosEnvironment, VirtualAdapterView } from './environment.ts';
import { createHash } from 'node:crypto';

export function osKind(p: Partition): 'AIX' | 'Linux' | 'IBM i' | 'VIOS' {
  if (p.def.lpar_env === 'os400') return 'IBM i';
  if (p.def.lpar_env === 'vioserver') return 'VIOS';
  return p.def.os_version.startsWith('Linux') ? 'Linux' : 'AIX';
}

export const internalDiskUid = (serial: string, drc: string, name: string): string =>
  `3E2130${createHash('sha1').update(`disk/${serial}/${drc}/${name}`).digest('hex').slice(0, 26).toUpperCase()}`;

export function physicalAdapters(sys: ManagedSystem, p: Partition): PhysicalAdapterView[] {
  const owned = new Set(p.run.alloc?.io_slots ?? []);
  return sys.hw.slots.filter((s) => owned.has(s.drc_index) && s.adapter.kind !== 'empty').map((s) => ({
    location: s.drc_name,
    description: s.adapter.description,
    kind: s.adapter.kind as PhysicalAdapterView['kind'],
    ports: s.adapter.kind === 'eth' || s.adapter.kind === 'fc'
      ? Array.from({ length: s.adapter.ports }, (_, i) => ({
        kind: s.adapter.kind as 'eth' | 'fc', location: `${s.drc_name}-T${i + 1}`, description: s.adapter.description,
        ...(s.adapter.kind === 'fc' ? { wwpn: physicalFcWwpn(sys.hw.serial, s.drc_index, i + 1) } : {}),
      }))
      : [],
    disks: (s.adapter.disks ?? []).map((d): DiskView => ({
      uid: internalDiskUid(sys.hw.serial, s.drc_index, d.name), kind: 'sas', location: d.location, sizeMB: d.sizeMB,
      description: 'SAS Disk Drive', label: d.name,
    })),
  }));
}

/** The pool's paging space devices on this VIOS and who pages to each (platform.md §5.4). */
export function pagingSpaceOf(sys: ManagedSystem, p: Partition): PagingSpaceView[] {
  const pool = memPoolOf(sys);
  if (!pool) return [];
  return pool.paging_devices.filter((d) => d.paging_vios_id === p.def.lpar_id).map((d) => {
    const user = pagingDeviceUser(sys, p.def.lpar_id, d.device_name);
    return { device: d.device_name, client: user ? { lparId: user.def.lpar_id, name: user.def.name } : null };
  });
}

export function viosEnvironment(sys: ManagedSystem, p: Partition, san: SanAccess): ViosEnvironment {
  const model = findModel(sys.hw.mtm)!;
  const phys = physicalAdapters(sys, p);
  const sanDisks: ViosEnvironment['sanDisks'] = [];
  for (const a of phys) for (const port of a.ports) {
    if (port.kind !== 'fc' || !port.wwpn) continue;
    const info = san.portInfo(port.wwpn);
    if (info) { port.fabric = info.fabric; port.npivTotal = info.npivTotal; port.npivAvailable = info.npivAvailable; }
    for (const l of san.visibleLuns(port.wwpn, port.wwpn)) {
      sanDisks.push({ uid: l.uid, kind: 'san', location: san.lunLocation(port.location, l.targetWwpn, l.lunId), sizeMB: l.sizeMB, description: 'MPIO FC 2145', label: l.label, viaPort: port.location });
    }
  }
  const loc = (id: number, slot: number): string => virtualLocationCode(model.machineType, model.model, sys.hw.serial, id, slot);
  const io = p.run.alloc?.virtual_io ?? { eth: [], scsi: [], fc: [] };
  // Client adapters pointing at this VIOS, indexed once by (type, server slot): one pass over the partitions.
  const clients = new Map<string, { c: Partition; a: { slot: number; wwpns?: [string, string] | null } }[]>();
  for (const c of sys.partitions.values()) {
    const cio = c.run.alloc?.virtual_io;
    if (!cio || c === p) continue;
    for (const type of ['scsi', 'fc'] as const) {
      for (const a of cio[type]) {
        if (a.adapter_type !== 'client' || a.remote_lpar_id !== p.def.lpar_id) continue;
        const key = `${type}/${a.remote_slot_num}`;
        const list = clients.get(key) ?? [];
        list.push({ c, a: a as { slot: number; wwpns?: [string, string] | null } });
        clients.set(key, list);
      }
    }
  }
  const client = (type: 'scsi' | 'fc', remoteId: number | null, remoteSlot: number | null, slot: number): VirtualAdapterView['client'] => {
    const hit = clients.get(`${type}/${slot}`)?.find(({ c, a }) => (remoteId === null || c.def.lpar_id === remoteId) && (remoteSlot === null || a.slot === remoteSlot));
    if (!hit) return undefined;
    const { c, a } = hit;
    return { lparId: c.def.lpar_id, name: c.def.name, running: c.run.state === 'Running', os: osKind(c), slot: a.slot, location: loc(c.def.lpar_id, a.slot), wwpns: a.wwpns ?? undefined };
  };
  const virtualAdapters: VirtualAdapterView[] = [
    ...io.scsi.map((a) => ({ type: 'scsi' as const, slot: a.slot, location: loc(p.def.lpar_id, a.slot), remoteLparId: a.remote_lpar_id, remoteSlot: a.remote_slot_num, client: client('scsi', a.remote_lpar_id, a.remote_slot_num, a.slot) })),
    ...io.fc.map((a) => ({ type: 'fc' as const, slot: a.slot, location: loc(p.def.lpar_id, a.slot), remoteLparId: a.remote_lpar_id, remoteSlot: a.remote_slot_num, client: client('fc', a.remote_lpar_id, a.remote_slot_num, a.slot) })),
    ...io.eth.map((a) => ({ type: 'eth' as const, slot: a.slot, location: `${loc(p.def.lpar_id, a.slot)}-T1`, remoteLparId: null, remoteSlot: null, pvid: a.port_vlan_id, addlVlans: a.addl_vlan_ids, ieee: a.is_ieee === 1, trunkPriority: a.trunk_priority, vswitch: a.vswitch, mac: a.mac_addr })),
    ...[0, 1].map((slot) => ({ type: 'serial' as const, slot, location: loc(p.def.lpar_id, slot), remoteLparId: null, remoteSlot: null })),
  ].sort((a, b) => a.slot - b.slot);
  return {
    lparId: p.def.lpar_id,
    lparName: p.def.name,
    ioslevel: p.def.os_version.replace(/^VIOS\s*/, '').trim() || '3.1.4.21',
    running: p.run.state === 'Running',
    rmcActive: p.run.rmc_state === 'active',
    physicalAdapters: phys,
    sanDisks,
    virtualAdapters,
    procFrequencyHz: Math.round(model.ghz * 1e9),
    pagingDevices: pagingSpaceOf(sys, p),
  };
}
