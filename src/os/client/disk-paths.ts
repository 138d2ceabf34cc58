// How a client's disk I/O reaches storage, resolved the way the hardware does it (DESIGN.md: a partition's
// OS reaches hardware only through the hypervisor's virtual adapters; the paper's Figure 2):
//   hdiskN (the name the client's OS configured, devices.ts) → its configured paths, in configuration
//   order, of which only the live ones count (visibility.ts: the hypervisor's pairing of the client adapter
//   with a VIOS server adapter, both partitions running; the LUN masked to the client's WWPN)
//   vSCSI: client adapter slot → the paired vhost on the VIOS → the VTD presenting this disk on it →
//          its backing device: a whole disk or an LV's region of its VG's disks (vscsi-target.ts)
//   vFC:   client adapter → its vfchost → the physical FC port it is mapped to → the SAN fabric, where the
//          client's own WWPN is logged in and the LUN masked and zoned to it → the LUN
//   → the storage volume of each disk (fabric/storage), at the right offsets.
// Routes are computed per client on demand and cached for one I/O generation (PartitionOses.ioGeneration:
// any system, VIOS configuration or SAN change moves it).
import type { ManagedSystem, Partition } from '../../platform/managed-system.ts';
import type { VirtualIo } from '../../platform/hypervisor/virtual-adapters.ts';
import { MB, type BlockStore } from '../../fabric/storage/block-store.ts';
import type { PartitionOses } from '../partition-oses.ts';
import { ViosStorage, type BackingTarget } from '../vios/vscsi-target.ts';
import { namedDisks, type NamedDisk } from './devices.ts';
import { clientDisks, VisibilityContext } from './visibility.ts';
import { OpenDisk, type BlockDevice, type DiskRoute, type RouteSource } from './block-device.ts';
import { BlockIoError } from './errno.ts';

/** One client's view for one generation: its named disks, the paths live now, and the routes asked for so far. */
interface ClientView {
  gen: number;
  ctx: VisibilityContext;
  disks: NamedDisk[];
  /** `uid/adapterSlot/vios` of every path that offers a disk now. */
  live: Set<string>;
  storage: Map<number, ViosStorage>;
  routes: Map<string, DiskRoute | null>;
}

export class DiskPaths implements RouteSource {
  private readonly views = new Map<number, ClientView>();
  constructor(private readonly sys: ManagedSystem, private readonly oses: PartitionOses, private readonly store: BlockStore) {}

  get generation(): number { return this.oses.ioGeneration; }

  /**
   * Open disk `name` (hdiskN) of partition `lparId`: a client's disk through its paths, or a VIOS's own
   * disk. ENOENT when there is no such disk, EIO when it is there but no path works.
   */
  open(lparId: number, name: string): BlockDevice {
    const p = this.sys.partitions.get(lparId);
    if (!p) throw new BlockIoError('ENOENT', `no partition with id ${lparId}`);
    if (p.def.lpar_env === 'vioserver') {
      const uid = this.oses.vios(p).diskUidOf(name);
      const r = uid === undefined ? undefined : this.route(lparId, uid);
      if (!r || uid === undefined) throw new BlockIoError('ENOENT', `${p.def.name} has no disk ${name} it can reach`);
      return new OpenDisk(this, lparId, name, uid, r.sizeBytes);
    }
    const d = this.view(p).disks.find((x) => x.name === name);
    if (!d) throw new BlockIoError('ENOENT', `${p.def.name} has no disk ${name}`);
    const r = this.route(lparId, d.uid);
    if (!r) throw new BlockIoError('EIO', `${name}: no working path to disk ${d.uid}`);
    return new OpenDisk(this, lparId, name, d.uid, r.sizeBytes);
  }

  /** The route I/O to disk `uid` of partition `owner` takes now (a client's disk, or a VIOS's own). */
  route(owner: number, uid: string): DiskRoute | undefined {
    const p = this.sys.partitions.get(owner);
    if (!p) return undefined;
    if (p.def.lpar_env === 'vioserver') {
      if (p.run.state !== 'Running') return undefined;
      const t = new ViosStorage(this.oses.vios(p)).diskTarget(uid);
      return t && this.toRoute('local', -1, p.def.name, t);
    }
    const v = this.view(p);
    let r = v.routes.get(uid);
    if (r === undefined) {
      r = this.firstWorking(p, v, uid) ?? null;
      v.routes.set(uid, r);
    }
    return r ?? undefined;
  }

  /** MPIO: the first path in configuration order that reaches the disk's bytes. */
  private firstWorking(p: Partition, v: ClientView, uid: string): DiskRoute | undefined {
    const d = v.disks.find((x) => x.uid === uid);
    const io = p.run.alloc?.virtual_io;
    if (!d || !io) return undefined;
    for (const path of d.paths) {
      if (!v.live.has(`${uid}/${path.adapterSlot}/${path.vios}`)) continue; // a Failed path, or one not offered now
      const vios = this.sys.partitionByName(path.vios);
      if (!vios) continue;
      const t = d.kind === 'vscsi' ? this.vscsiTarget(v, io, path.adapterSlot, vios, uid) : this.vfcTarget(v, io, path.adapterSlot, vios, uid);
      if (t) return this.toRoute(d.kind, path.adapterSlot, path.vios, t);
    }
    return undefined;
  }

  private vscsiTarget(v: ClientView, io: VirtualIo, slot: number, vios: Partition, uid: string): BackingTarget | undefined {
    const a = io.scsi.find((x) => x.adapter_type === 'client' && x.slot === slot);
    if (!a || a.remote_slot_num === null) return undefined;
    let s = v.storage.get(vios.def.lpar_id);
    if (!s) { s = new ViosStorage(this.oses.vios(vios)); v.storage.set(vios.def.lpar_id, s); }
    return s.vscsiTarget(a.remote_slot_num, uid);
  }

  private vfcTarget(v: ClientView, io: VirtualIo, slot: number, vios: Partition, uid: string): BackingTarget | undefined {
    const a = io.fc.find((x) => x.adapter_type === 'client' && x.slot === slot);
    if (!a?.wwpns || a.remote_slot_num === null) return undefined;
    const port = v.ctx.vios(vios).vfcPort.get(a.remote_slot_num);
    const lun = port === undefined ? undefined : this.oses.access.visibleLuns(a.wwpns[0], port).find((l) => l.uid === uid);
    if (!lun) return undefined;
    const bytes = lun.sizeMB * MB;
    return { sizeBytes: bytes, extents: [{ uid, start: 0, length: bytes, diskBytes: bytes }], backing: lun.label };
  }

  private toRoute(kind: DiskRoute['kind'], adapterSlot: number, vios: string, t: BackingTarget): DiskRoute {
    const segments = t.extents.map((e) => ({ volume: this.store.volume(e.uid, e.diskBytes), start: e.start, length: e.length }));
    return { kind, adapterSlot, vios, sizeBytes: t.sizeBytes, segments };
  }

  private view(p: Partition): ClientView {
    const id = p.def.lpar_id;
    const hit = this.views.get(id);
    if (hit && hit.gen === this.generation) return hit;
    const disks = namedDisks(this.oses, p); // the OS catches up first (a boot, failed paths)
    const ctx = new VisibilityContext(this.sys, this.oses); // brings NPIV logins up to date first
    const live = new Set(clientDisks(this.sys, this.oses, p, ctx).flatMap((d) => d.paths.map((x) => `${d.uid}/${x.adapterSlot}/${x.vios}`)));
    const v: ClientView = { gen: this.generation, ctx, disks, live, storage: new Map(), routes: new Map() };
    this.views.set(id, v);
    return v;
  }
}
