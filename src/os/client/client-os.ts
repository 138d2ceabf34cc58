// A client partition's AIX-like operating system (issue "Client OS": "a client partition gives an AIX-like
// shell"): its device configuration, kept across boots (state/), and its shell (shell/, commands/). The OS
// runs only while the partition does; it notices what happened since it last looked when a command line
// comes in (observe), or when the block path or the IP stack asks for its devices (current, devices.ts):
// a new activation is a boot (devices configured afresh, error logging turned on), a VIOS that stopped or
// came back fails or recovers the MPIO paths through it (errpt entries).
// SIM: the boot-time configuration is taken when the OS is first reached after the activation (a command
// line, a disk opened, a frame for one of its interfaces), not at the instant the partition reached Running
// (the lab configures its VIOSes after @settle, and a real client would have found the same disks at its
// boot because it would have booted from them).
import type { NvramStore } from '../../platform/fsp/nvram.ts';
import type { ManagedSystem, Partition } from '../../platform/managed-system.ts';
import type { PartitionOses } from '../partition-oses.ts';
import { clientDisks, offeredAdapters } from './visibility.ts';
import { ERRPT_RESOURCE, type ErrTemplateKey } from './data/errpt-templates.ts';
import { diskLocation } from './disk-facts.ts';
import { ERRLOG_KEEP, loadClientState, saveClientState, type ClientOsState, type DeviceRecord } from './state/client-os-state.ts';
import { bootConfigure, followHardware, type Offered } from './state/device-config.ts';
import { ClientShell } from './shell/ksh-session.ts';
import type { ClientResult } from './shell/client-command.ts';

export interface ClientOsOptions {
  sys: ManagedSystem; oses: PartitionOses; store: NvramStore; lparId: number;
  /** Called when the configured devices change (names, states, paths): the block path re-resolves then. */
  onDevicesChange?: () => void;
}

export class ClientOs {
  private loaded: ClientOsState | null = null;
  /**
   * The allocation seen last: within one simulator process a new allocation object is a new activation,
   * even one in the same millisecond as the last (shutdown -r on virtual time); across a restart of the
   * simulator the activation time (state.bootedAt) says it.
   */
  private seen: object | null = null;
  private savedJson = '';
  /** The devices as last reported through onDevicesChange, and the I/O generation of the last look. */
  private devicesJson = '';
  private lookedAt = -1;
  /** Draws of /dev/urandom so far (its generator is seeded per partition and draw: deterministic). */
  randomDraws = 0;

  constructor(private readonly o: ClientOsOptions) {}

  /** The configuration (loaded on first use; a partition recreated with the same id starts afresh). */
  get state(): ClientOsState {
    const p = this.o.sys.partitions.get(this.o.lparId);
    const uuid = p?.def.uuid ?? '';
    if (!this.loaded || this.loaded.uuid !== uuid) {
      this.loaded = loadClientState(this.o.store, uuid);
      this.savedJson = JSON.stringify(this.loaded);
    }
    return this.loaded;
  }

  /** What the hypervisor and the VIOSes offer the partition now. */
  offered(p: Partition): Offered {
    return {
      adapters: offeredAdapters(p),
      disks: clientDisks(this.o.sys, this.o.oses, p).map((d) => ({ uid: d.uid, label: d.label, transport: d.kind, paths: d.paths })),
    };
  }

  /**
   * The configuration, caught up with the hardware when anything a device depends on may have changed since
   * the last look (PartitionOses.ioGeneration): what devices.ts answers from, between command lines too.
   */
  current(p: Partition): ClientOsState {
    if (this.lookedAt !== this.o.oses.ioGeneration) {
      this.observe(p);
      this.persist();
      this.lookedAt = this.o.oses.ioGeneration; // after: looking may itself bring SAN logins up to date
    }
    return this.state;
  }

  /** Report a change of the configured devices (after a command, a boot, a path change). */
  noteDevices(): void {
    if (!this.loaded) return;
    const json = JSON.stringify(this.loaded.devices);
    if (json === this.devicesJson) return;
    this.devicesJson = json;
    this.o.onDevicesChange?.();
  }

  /** Catch up with the hardware: a boot since the last look, paths failed or recovered. */
  observe(p: Partition): void {
    try { this.catchUp(p); } finally { this.noteDevices(); }
  }

  private catchUp(p: Partition): void {
    const alloc = p.run.alloc;
    if (p.run.state !== 'Running' || !alloc) return;
    const state = this.state;
    const booted = this.seen !== null ? this.seen !== alloc : state.bootedAt !== alloc.activated_at;
    this.seen = alloc;
    if (booted) {
      bootConfigure(state, this.offered(p));
      state.bootedAt = alloc.activated_at;
      this.log('errlogOn', ERRPT_RESOURCE.errlogOn, [], '', alloc.activated_at);
      return;
    }
    const events = followHardware(state, this.offered(p));
    if (!events.length) return;
    const adapters = this.adapters();
    const ctx = { sys: this.o.sys, oses: this.o.oses, p, stdin: '', now: () => this.o.sys.clock.now() };
    for (const e of events) {
      const disk = state.devices.find((d) => d.name === e.disk)!;
      const parent = disk.transport === 'vfc' ? e.path.parent.replace('fcs', 'fscsi') : e.path.parent;
      this.log(e.kind === 'failed' ? 'pathFailed' : 'pathRecovered', e.disk, ['PATH ID', String(e.pathId), 'PARENT', parent, 'VIOS', e.path.vios], diskLocation(ctx, disk, adapters));
    }
  }

  /** Append an error log entry (errpt), at `time` or now. */
  log(template: ErrTemplateKey, resource: string, detail: string[], location: string, time = this.o.sys.clock.now()): void {
    const state = this.state;
    state.errlog.push({ seq: state.nextSeq++, template, time, resource, detail, location });
    if (state.errlog.length > ERRLOG_KEEP) state.errlog.splice(0, state.errlog.length - ERRLOG_KEEP);
  }

  /** The configured adapters (for path parents and locations). */
  adapters(): DeviceRecord[] {
    return this.state.devices.filter((d) => d.kind !== 'hdisk');
  }

  /** A configured device by name. */
  device(name: string): DeviceRecord | undefined {
    return this.state.devices.find((d) => d.name === name);
  }

  /** Save what changed since the last save (one NVRAM record per command line that changed something). */
  persist(): void {
    if (!this.loaded) return;
    const json = JSON.stringify(this.loaded);
    if (json === this.savedJson) return;
    saveClientState(this.o.store, this.loaded);
    this.savedJson = json;
  }
}

/** One command line typed in client partition `p` (a fresh login: no variables carried over). */
export function clientCommand(sys: ManagedSystem, oses: PartitionOses, p: Partition, line: string): ClientResult {
  return new ClientShell(sys, oses, p.def.lpar_id).run(line);
}
