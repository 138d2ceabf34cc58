// The operating systems running in one managed system's partitions, as the FSP reaches them (RMC): each
// VIOS's padmin shell and device configuration, kept per VIOS; the SAN logins their FC ports hold.
import { fail } from '../errors/hmc-error.ts';
import type { ManagedSystem, Partition } from '../platform/managed-system.ts';
import type { NvramStore } from '../platform/fsp/nvram.ts';
import type { PagingDeviceInfo, PartitionOsHost } from '../platform/fsp/partition-os-host.ts';
import { physicalFcWwpn } from '../platform/hypervisor/addresses.ts';
import type { SanFabric } from '../fabric/san/san-fabric.ts';
import { sanAccess } from '../fabric/san/san-access-adapter.ts';
import type { SanAccess } from './san-access.ts';
import { viosEnvironment } from './vios/environment-builder.ts';
import { ViosOs } from './vios/vios-os.ts';
import { ClientOs, clientCommand } from './client/client-os.ts';
import { ClientShell } from './client/shell/ksh-session.ts';
import type { BlockStore } from '../fabric/storage/block-store.ts';
import { MemoryBlockStore } from '../fabric/storage/memory-block-store.ts';
import { DiskPaths } from './client/disk-paths.ts';
import type { BlockDevice } from './client/block-device.ts';
import { virtualTerminals } from '../platform/hypervisor/virtual-terminals.ts';
import { PartitionConsoles } from './console/partition-consoles.ts';
import { MemoryNvram } from '../platform/fsp/nvram.ts';
import { FrameQueue } from '../platform/hypervisor/ethernet/frame-queue.ts';
import { SystemEthernet, type ExternalLan } from './network/system-ethernet.ts';

export class PartitionOses implements PartitionOsHost {
  private readonly vioses = new Map<number, ViosOs>();
  /** Client partitions' OSes (their device configuration), and the one store each partition id has. */
  private readonly clients = new Map<number, ClientOs>();
  private readonly stores = new Map<number, NvramStore>();
  readonly access: SanAccess;
  /** Changes seen by the block path: every system change (partitions, adapters), VIOS configuration change and client device configuration change. */
  private changes = 0;
  private disks: DiskPaths | null = null;
  /** `storage` holds the contents of the disks (shared by every system on the same SAN). */
  constructor(private readonly sys: ManagedSystem, private readonly san: SanFabric | null, private readonly storeFor: (lparId: number) => NvramStore,
    readonly storage: BlockStore = new MemoryBlockStore(), net: { lan?: ExternalLan | null; queue?: FrameQueue; storeFor?: (lparId: number) => NvramStore } = {}) {
    this.access = san ? sanAccess(san) : { visibleLuns: () => [], portInfo: () => undefined, syncNpivLogins: () => {}, lunLocation: () => '' };
    sys.on(() => { this.changes++; });
    // The partitions' side of their consoles (mkvterm): boot text, login, shell.
    virtualTerminals(sys).driver = new PartitionConsoles(sys, this);
    const n = sys.config.network;
    this.ethernet = new SystemEthernet({
      sys, oses: this, lan: net.lan, storeFor: net.storeFor ?? (() => new MemoryNvram()),
      queue: net.queue ?? new FrameQueue({ capacity: n.queueCapacity, maxFramesPerDrain: n.maxFramesPerDrain }),
    });
  }

  /** The system's Ethernet: virtual switches, SEAs and the client partitions' IP stacks (os/network/). */
  readonly ethernet: SystemEthernet;

  /** Moves whenever something a disk's route depends on may have changed (system, VIOS configuration, SAN, a client's configured devices). */
  get ioGeneration(): number { return this.changes + (this.san?.version ?? 0); }

  /**
   * Open disk `name` (hdiskN) of partition `lparId` for block I/O (`dd`): a client's disk through its
   * virtual SCSI or virtual FC paths, or a VIOS's own disk. Throws BlockIoError (client/errno.ts).
   */
  blockDevice(lparId: number, name: string): BlockDevice {
    this.disks ??= new DiskPaths(this.sys, this, this.storage);
    return this.disks.open(lparId, name);
  }

  /** The VIOS OS of a VIOS partition (its configuration survives while the partition is off). */
  vios(p: Partition): ViosOs {
    let v = this.vioses.get(p.def.lpar_id);
    if (!v) {
      v = new ViosOs({
        store: this.storeOf(p.def.lpar_id), env: () => { this.syncPhysicalLogins(); return viosEnvironment(this.sys, p, this.access); },
        onChange: () => { this.changes++; },
      });
      this.vioses.set(p.def.lpar_id, v);
    }
    return v;
  }

  /** The AIX-like OS of a client partition (its device configuration survives while the partition is off). */
  client(p: Partition): ClientOs {
    let c = this.clients.get(p.def.lpar_id);
    if (!c) {
      c = new ClientOs({ sys: this.sys, oses: this, store: this.storeOf(p.def.lpar_id), lparId: p.def.lpar_id, onDevicesChange: () => { this.changes++; } });
      this.clients.set(p.def.lpar_id, c);
    }
    return c;
  }

  /** One store per partition id, whichever OS asks (a VIOS removed and a client created with its id share the journal, under different keys). */
  private storeOf(lparId: number): NvramStore {
    let s = this.stores.get(lparId);
    if (!s) { s = this.storeFor(lparId); this.stores.set(lparId, s); }
    return s;
  }

  booted(lparId: number): void {
    const p = this.sys.partitions.get(lparId);
    if (p?.def.lpar_env === 'vioserver' && this.vioses.has(lparId)) this.vios(p).boot();
  }

  viosCommand(sys: ManagedSystem, ref: { name?: string; id?: number }, line: string): { stdout: string; stderr: string; exit: number } {
    const p = ref.id !== undefined ? sys.partitions.get(ref.id) : sys.partitionByName(ref.name ?? '');
    if (!p) return fail('PARTITION_NOT_FOUND', { name: ref.name ?? String(ref.id) });
    if (p.def.lpar_env !== 'vioserver') fail('VIRTUAL_IO_RULE', { why: `Partition ${p.def.name} is not a Virtual I/O Server partition.` });
    // The HMC reaches the VIOS over RMC (vios.md §9).
    if (p.run.state !== 'Running' || p.run.rmc_state !== 'active') fail('NO_RMC_DLPAR', { name: p.def.name });
    const r = this.vios(p).run(line);
    this.syncNpivLogins();
    return r;
  }

  /** A line typed at a VIOS's console, logged in as padmin: its shell directly, no RMC needed. */
  viosConsoleCommand(p: Partition, line: string): { stdout: string; stderr: string; exit: number } {
    const r = this.vios(p).run(line);
    this.syncNpivLogins();
    return r;
  }

  /** A command typed in a client partition (as if logged in on it). */
  clientCommand(ref: { name?: string; id?: number }, line: string): { stdout: string; stderr: string; exit: number } {
    const p = ref.id !== undefined ? this.sys.partitions.get(ref.id) : this.sys.partitionByName(ref.name ?? '');
    if (!p) return fail('PARTITION_NOT_FOUND', { name: ref.name ?? String(ref.id) });
    if (p.def.lpar_env === 'vioserver') return this.viosCommand(this.sys, ref, line);
    if (p.run.state !== 'Running') fail('WRONG_PARTITION_STATE');
    return clientCommand(this.sys, this, p, line);
  }

  /** A login shell on a client partition (a console login): its variables live as long as it does. */
  clientShell(p: Partition): ClientShell {
    return new ClientShell(this.sys, this, p.def.lpar_id);
  }

  adapterInUse(lparId: number, slot: number): string | null {
    const p = this.sys.partitions.get(lparId);
    if (!p || p.def.lpar_env !== 'vioserver') return null;
    const v = this.vios(p);
    if (v.vscsiMappings().some((m) => m.vhostSlot === slot)) return 'virtual SCSI mappings';
    if (v.vfcMappings().some((m) => m.vfchostSlot === slot)) return 'a virtual Fibre Channel mapping';
    if (v.seas().some((s) => s.trunkSlots.includes(slot) || s.ctlChanSlot === slot)) return 'a Shared Ethernet Adapter';
    return null;
  }

  pagingDeviceInfo(viosId: number, device: string): PagingDeviceInfo | null {
    const p = this.sys.partitions.get(viosId);
    return p?.def.lpar_env === 'vioserver' ? this.vios(p).pagingDevice(device) : null;
  }

  /** Physical FC ports log in while the partition owning their adapter runs. */
  syncPhysicalLogins(): void {
    if (!this.san) return;
    for (const s of this.sys.hw.slots) {
      if (s.adapter.kind !== 'fc') continue;
      const owner = [...this.sys.partitions.values()].find((p) => p.run.alloc?.io_slots.includes(s.drc_index));
      for (let port = 1; port <= s.adapter.ports; port++) {
        const w = physicalFcWwpn(this.sys.hw.serial, s.drc_index, port);
        const cabled = this.san.state.switches.some((sw) => sw.connections.some((c) => c.kind === 'host' && c.wwpn === w));
        if (!cabled) continue;
        const on = !!owner && owner.run.state === 'Running';
        const logged = this.san.loginOf(w) !== undefined;
        if (on && !logged) this.san.login(w, w);
        if (!on && logged) this.san.logout(w);
      }
    }
  }

  /** Client vFC adapters log in (with the first WWPN of their pair) through the port their vfchost maps to. */
  syncNpivLogins(): void {
    if (!this.san) return;
    this.syncPhysicalLogins();
    const byPort = new Map<string, string[]>();
    for (const p of this.sys.partitions.values()) {
      if (p.def.lpar_env !== 'vioserver' || p.run.state !== 'Running') continue;
      const env = viosEnvironment(this.sys, p, this.access);
      for (const m of this.vios(p).vfcMappings()) {
        const port = env.physicalAdapters.flatMap((a) => a.ports).find((x) => x.location === m.fcsPortLocation);
        const vfc = env.virtualAdapters.find((a) => a.type === 'fc' && a.slot === m.vfchostSlot);
        if (!port?.wwpn) continue;
        const list = byPort.get(port.wwpn) ?? [];
        if (vfc?.client?.running && vfc.client.wwpns) list.push(vfc.client.wwpns[0]);
        byPort.set(port.wwpn, list);
      }
    }
    for (const [port, clients] of byPort) {
      try { this.access.syncNpivLogins(port, clients); } catch { /* a refused login leaves the client without the fabric, as on real hardware */ }
    }
  }
}
