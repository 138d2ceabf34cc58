// Wires a whole simulated data center: the clock, the managed systems (each with its FSP service on the
// lab's private service network), and the HMC. Holds no rules of its own (STYLE.md "thin entrypoints").
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManagedSystem } from '../platform/managed-system.ts';
import { FileNvram, MemoryNvram } from '../platform/fsp/nvram.ts';
import { FspService } from '../platform/fsp/fsp-service.ts';
import { FspPasswords, FSP_PASSWORD_KINDS } from '../platform/fsp/fsp-passwords.ts';
import { buildHardware } from '../platform/io/hardware.ts';
import { settleAfterRestart } from '../platform/operations/system-power.ts';
import { installOs } from '../platform/operations/os-install.ts';
import { SystemState } from '../platform/types/states.ts';
import type { SystemHardware } from '../platform/types/system.ts';
import { InProcessNetwork } from '../link/transport.ts';
import { TcpNetwork } from '../link/tcp-transport.ts';
import { Hmc } from '../hmc/hmc.ts';
import { HmcDb } from '../hmc/store/hmc-db.ts';
import { runCommand } from '../hmc/cli/run-command.ts';
import type { CommandResult, Session } from '../hmc/cli/command.ts';
import type { Clock } from './clock.ts';
import type { SimConfig } from './config.ts';
import { loadLab, type Lab } from './lab.ts';
import { SanFabric } from '../fabric/san/san-fabric.ts';
import { PartitionOses } from '../os/partition-oses.ts';
import type { BlockStore } from '../fabric/storage/block-store.ts';
import { FileBlockStore } from '../fabric/storage/file-block-store.ts';
import { MemoryBlockStore } from '../fabric/storage/memory-block-store.ts';
import { FileSanStore, MemorySanStore } from '../fabric/san/san-store.ts';
import { runSanCommand } from '../fabric/san/san-commands.ts';
import { physicalFcWwpn } from '../platform/hypervisor/addresses.ts';
import { parseFc } from '../platform/hypervisor/virtual-adapters.ts';
import { WorkloadTable } from './workloads/workload-table.ts';
import { EthernetLan } from '../fabric/lan/ethernet-lan.ts';
import { FileLanStore, MemoryLanStore } from '../fabric/lan/lan-store.ts';
import { lanDirective } from '../fabric/lan/lan-directives.ts';
import { FrameQueue } from '../platform/hypervisor/ethernet/frame-queue.ts';
import { workloadCommand } from './workloads/workload-command.ts';
import { keepRuntimeCounters } from './runtime-state.ts';

export interface SimulatorOptions {
  /** Data directory; ignored with memory. */
  dataDir?: string;
  memory?: boolean;
  lab?: string | Lab;
  config: SimConfig;
  clock: Clock;
  /** fsync NVRAM and database writes (default true). */
  fsync?: boolean;
}

export class Simulator {
  readonly network: InProcessNetwork;
  readonly systems: ManagedSystem[] = [];
  readonly fsps: FspService[] = [];
  hmc!: Hmc;
  /** The SAN the lab's FC ports are cabled to (DESIGN.md fabric/). */
  san!: SanFabric;
  /** Disk contents (internal disks and SAN LUNs), by disk uid: `<dataDir>/storage`, or memory. */
  storage!: BlockStore;
  /** The external Ethernet LAN the systems' physical Ethernet ports are cabled to (DESIGN.md fabric/lan). */
  lan!: EthernetLan;
  /** What runs in each system's partitions (the hypervisor's demand source). */
  readonly workloads = new Map<ManagedSystem, WorkloadTable>();
  /** Each system's utilization counters are kept over a clean stop (runtime-state.ts). */
  private readonly saveCounters: (() => void)[] = [];
  constructor(readonly opts: SimulatorOptions) {
    // Systems of the lab answer in-process; any other address is tried over TCP (systems as processes).
    this.network = new InProcessNetwork(new TcpNetwork(opts.config.hmc.hostname), opts.config.hmc.hostname);
  }

  static async open(opts: SimulatorOptions): Promise<Simulator> {
    const sim = new Simulator(opts);
    await sim.init();
    return sim;
  }

  get clock(): Clock { return this.opts.clock; }
  get config(): SimConfig { return this.opts.config; }

  system(name: string): ManagedSystem {
    const s = this.systems.find((x) => x.name === name || x.mtms === name);
    if (!s) throw new Error(`no managed system ${name}`);
    return s;
  }

  /** A storage administrator's command on the SAN (`powervm-sim san …`). */
  sanCommand(argv: string[]): CommandResult {
    return runSanCommand(this.san, argv);
  }

  /** A command typed inside a partition's OS (`powervm-sim os SYS LPAR "command"`). */
  osCommand(system: string, lpar: string, line: string): CommandResult {
    const i = this.systems.findIndex((s) => s.name === system || s.mtms === system);
    if (i < 0) return { stdout: '', stderr: `powervm-sim: no managed system ${system}\n`, exit: 1 };
    try {
      return (this.fsps[i].os as PartitionOses).clientCommand({ name: lpar }, line);
    } catch (e) {
      return { stdout: '', stderr: `${(e as Error).message}\n`, exit: 1 };
    }
  }

  /** `powervm-sim workload SYS LPAR [statement]`: set, clear or show a partition's workload. */
  workloadCommand(argv: string[]): CommandResult {
    return workloadCommand(this.systems, this.workloads, argv);
  }

  /** Run one HMC command line (already split into words) as a user would. */
  hmcCommand(argv: string[], session: Session = { user: 'hscroot' }): Promise<CommandResult> {
    return runCommand(this.hmc, argv, session);
  }

  close(): void {
    this.hmc?.close();
    for (const save of this.saveCounters) save();
    for (const s of this.systems) s.nvram.close();
    this.storage?.close();
  }

  private async init(): Promise<void> {
    const dir = this.opts.memory ? null : this.opts.dataDir ?? null;
    const existing = dir ? this.savedHardware(dir) : [];
    const db = new HmcDb(dir ? join(dir, 'hmc', 'hmc.db') : ':memory:', { fsync: this.opts.fsync });
    this.san = new SanFabric({ seed: this.config.seed, store: dir ? new FileSanStore({ dir: join(dir, 'san'), fsync: this.opts.fsync }) : new MemorySanStore() });
    this.storage = dir ? new FileBlockStore({ dir: join(dir, 'storage'), fsync: this.opts.fsync }) : new MemoryBlockStore();
    const net = this.config.network;
    this.lan = new EthernetLan({
      store: dir ? new FileLanStore({ dir: join(dir, 'lan'), fsync: this.opts.fsync }) : new MemoryLanStore(),
      queue: new FrameQueue({ capacity: net.queueCapacity, maxFramesPerDrain: net.maxFramesPerDrain }), net, seed: this.config.seed,
    });
    if (dir && existsSync(join(dir, 'initialized'))) {
      for (const hw of existing) this.addSystem(hw, dir, undefined);
      for (const s of this.systems) settleAfterRestart(s);
      this.hmc = new Hmc({ db, network: this.network, clock: this.clock, config: this.config });
      await this.hmc.start();
      return;
    }
    const lab = typeof this.opts.lab === 'object' ? this.opts.lab : loadLab(this.opts.lab ?? 'default');
    for (const d of lab.file.systems) {
      const hw = buildHardware(d);
      if (dir) {
        mkdirSync(this.systemDir(dir, hw), { recursive: true });
        writeFileSync(join(this.systemDir(dir, hw), 'hardware.json'), JSON.stringify(hw, null, 1));
      }
      const sys = this.addSystem(hw, dir, SystemState.Operating);
      const pw = d.fspPasswords;
      if (pw) for (const k of FSP_PASSWORD_KINDS) sys.passwords.set(k, pw[k]);
    }
    this.hmc = new Hmc({ db, network: this.network, clock: this.clock, config: this.config });
    await this.hmc.start();
    await this.runScript(lab);
    // From now on this directory is restored, never rebuilt (even if the HMC database is lost).
    if (dir) writeFileSync(join(dir, 'initialized'), `${lab.file.name}\n`);
  }

  private async runScript(lab: Lab): Promise<void> {
    for (const l of lab.script) {
      if (l.kind === 'directive') {
        this.directive(l.line, l.words);
        continue;
      }
      const r = await this.hmcCommand(l.words);
      if (r.exit !== 0) throw new Error(`lab script line ${l.line} failed: ${l.words.join(' ')}\n${r.stdout}${r.stderr}`);
    }
  }

  /**
   * Lab directives (simulator-only facts, not HMC commands): `@os SYS LPAR VERSION IP` (what is installed),
   * `@san <san command>` (the storage administrator), `@cable SYS SLOT PORT SWITCH` (an FC port's cable),
   * `@map-port ARRAY LUN SYS SLOT PORT` and `@map-client ARRAY LUN SYS LPAR PROFILE VSLOT` (LUN masking to
   * a physical port's or a virtual FC client's WWPNs, which the lab cannot know in advance), `@settle`
   * (what was activated has finished booting, whatever the configured boot time), `@lan-switch`,
   * `@lan-cable` and `@lan-host` (the external LAN, fabric/lan/lan-directives.ts).
   */
  private directive(line: number, w: string[]): void {
    const bad = (): never => { throw new Error(`lab script line ${line}: bad directive @${w.join(' ')}`); };
    const san = (argv: string[]): void => {
      const r = this.sanCommand(argv);
      if (r.exit !== 0) throw new Error(`lab script line ${line}: ${argv.join(' ')}\n${r.stderr}`);
    };
    const slotOf = (sysName: string, loc: string) => {
      const sys = this.system(sysName);
      const slot = sys.hw.slots.find((x) => x.drc_name.endsWith(`-${loc}`) || x.drc_index === loc) ?? bad();
      return { sys, slot };
    };
    switch (w[0]) {
      case 'os': return installOs(this.system(w[1] ?? bad()), { name: w[2] ?? bad() }, w[3] ?? bad(), w[4] ?? '');
      case 'san': return san(w.slice(1));
      // `@settle`: partitions activated so far have finished booting and have RMC (the lab starts booted).
      case 'settle': for (const s of this.systems) settleAfterRestart(s); return;
      // `@workload SYS LPAR KIND key=value …`: what runs in the partition (workload-spec.ts).
      case 'workload': {
        const r = this.workloadCommand(w.slice(1));
        if (r.exit !== 0) throw new Error(`lab script line ${line}: ${r.stderr}`);
        return;
      }
      case 'cable': {
        const { sys, slot } = slotOf(w[1] ?? bad(), w[2] ?? bad());
        const port = Number(w[3] ?? bad());
        this.san.connectHostPort({ switch: w[4] ?? bad(), hostPortLocation: `${slot.drc_name}-T${port}`, hostPortWwpn: physicalFcWwpn(sys.hw.serial, slot.drc_index, port), npivCapableAdapter: slot.adapter.npiv === true });
        return;
      }
      case 'map-port': {
        const { sys, slot } = slotOf(w[3] ?? bad(), w[4] ?? bad());
        return san(['mkhostmap', '-a', w[1] ?? bad(), '-l', w[2] ?? bad(), '-w', physicalFcWwpn(sys.hw.serial, slot.drc_index, Number(w[5] ?? bad()))]);
      }
      case 'map-client': {
        const p = this.system(w[3] ?? bad()).partitionByName(w[4] ?? bad()) ?? bad();
        const prof = p.def.profiles.find((x) => x.name === w[5]) ?? bad();
        const fc = prof.virtual_fc_adapters.map(parseFc).find((a) => a.slot === Number(w[6])) ?? bad();
        return san(['mkhostmap', '-a', w[1] ?? bad(), '-l', w[2] ?? bad(), '-w', (fc.wwpns ?? bad()).join(',')]);
      }
      case 'lan-switch': case 'lan-cable': case 'lan-host':
        try {
          lanDirective(this.lan, w, (sysName, loc, port) => {
            const { slot } = slotOf(sysName, loc);
            if (slot.adapter.kind !== 'eth' || port < 1 || port > slot.adapter.ports) throw new Error(`${slot.drc_name} has no Ethernet port ${port}`);
            return `${slot.drc_name}-T${port}`;
          });
        } catch (e) { throw new Error(`lab script line ${line}: ${(e as Error).message}`); }
        return;
      default: return bad();
    }
  }

  private addSystem(hw: SystemHardware, dir: string | null, initialState: SystemState | undefined): FspService {
    const sdir = dir ? this.systemDir(dir, hw) : null;
    const nvram = sdir ? new FileNvram(join(sdir, 'nvram.log'), { fsync: this.opts.fsync }) : new MemoryNvram();
    const sys = new ManagedSystem({ hw, nvram, clock: this.clock, config: this.config, initialState });
    this.systems.push(sys);
    const workloads = new WorkloadTable(sys, sdir ? new FileNvram(join(sdir, 'workloads.log'), { fsync: this.opts.fsync }) : new MemoryNvram());
    sys.runtime.setDemandSource(workloads);
    this.workloads.set(sys, workloads);
    if (sdir) this.saveCounters.push(keepRuntimeCounters(sys, new FileNvram(join(sdir, 'runtime.log'), { fsync: this.opts.fsync })));
    const fsp = new FspService(sys, new FspPasswords(sdir ? join(sdir, 'fsp-passwords.json') : null));
    // Each VIOS keeps its device configuration "persisted like NVRAM" (DESIGN.md), one journal per VIOS.
    fsp.os = new PartitionOses(sys, this.san, (id) => (sdir ? new FileNvram(join(sdir, `vios-${id}.log`), { fsync: this.opts.fsync }) : new MemoryNvram()), this.storage, {
      lan: this.lan, queue: this.lan.queue,
      // Each client partition keeps its network configuration (its ODM's en0, en1, …) the same way.
      storeFor: (id) => (sdir ? new FileNvram(join(sdir, `net-${id}.log`), { fsync: this.opts.fsync }) : new MemoryNvram()),
    });
    this.network.register(fsp);
    this.fsps.push(fsp);
    return fsp;
  }

  private systemDir(dir: string, hw: SystemHardware): string {
    return join(dir, 'systems', `${hw.mtm}_${hw.serial}`);
  }

  private savedHardware(dir: string): SystemHardware[] {
    const root = join(dir, 'systems');
    if (!existsSync(root)) return [];
    return readdirSync(root).sort().flatMap((d) => {
      const f = join(root, d, 'hardware.json');
      return existsSync(f) ? [JSON.parse(readFileSync(f, 'utf8')) as SystemHardware] : [];
    });
  }
}
