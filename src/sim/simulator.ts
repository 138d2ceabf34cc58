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

  /** Run one HMC command line (already split into words) as a user would. */
  hmcCommand(argv: string[], session: Session = { user: 'hscroot' }): Promise<CommandResult> {
    return runCommand(this.hmc, argv, session);
  }

  close(): void {
    this.hmc?.close();
    for (const s of this.systems) s.nvram.close();
  }

  private async init(): Promise<void> {
    const dir = this.opts.memory ? null : this.opts.dataDir ?? null;
    const existing = dir ? this.savedHardware(dir) : [];
    const db = new HmcDb(dir ? join(dir, 'hmc', 'hmc.db') : ':memory:', { fsync: this.opts.fsync });
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
        const [verb, sys, lpar, os, ip] = l.words;
        if (verb !== 'os' || !sys || !lpar || !os) throw new Error(`lab script line ${l.line}: unknown directive ${l.words.join(' ')}`);
        installOs(this.system(sys), { name: lpar }, os, ip ?? '');
        continue;
      }
      const r = await this.hmcCommand(l.words);
      if (r.exit !== 0) throw new Error(`lab script line ${l.line} failed: ${l.words.join(' ')}\n${r.stdout}${r.stderr}`);
    }
  }

  private addSystem(hw: SystemHardware, dir: string | null, initialState: SystemState | undefined): FspService {
    const sdir = dir ? this.systemDir(dir, hw) : null;
    const nvram = sdir ? new FileNvram(join(sdir, 'nvram.log'), { fsync: this.opts.fsync }) : new MemoryNvram();
    const sys = new ManagedSystem({ hw, nvram, clock: this.clock, config: this.config, initialState });
    this.systems.push(sys);
    const fsp = new FspService(sys, new FspPasswords(sdir ? join(sdir, 'fsp-passwords.json') : null));
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
