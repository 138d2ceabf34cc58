// The Virtual I/O Server's operating system as `padmin` sees it (vios.md §1): a restricted shell running
// the ioscli commands over the VIOS's devices and configuration. The platform gives it the hardware as a
// ViosEnvironment (read afresh on every command) and a store for its configuration (persisted like NVRAM).
// Creating the object is the VIOS boot: hardware found then gets its device names (SIM-RULE §1.1).
import type { NvramStore } from '../../platform/fsp/nvram.ts';
import { ShellSyntaxError, splitWords } from '../../hmc/shell/words.ts';
import type { ViosEnvironment } from './environment.ts';
import { loadViosConfig, saveViosConfig, type ViosConfig } from './vios-config.ts';
import { DEFAULT_VIOS_SETTINGS, type ViosSettings } from './vios-settings.ts';
import { configureDevices, parseKey } from './device-names.ts';
import { DeviceTree, type DeviceClass } from './device-tree.ts';
import { lunHex } from './device-attributes.ts';
import { ViosError, VIOS_MSG } from './vios-errors.ts';
import { COMMANDS } from './commands/index.ts';
import type { Ctx } from './commands/context.ts';
import type { PagingDeviceInfo } from '../../platform/fsp/partition-os-host.ts';
import { pagingDeviceInfo } from './paging-device.ts';

export interface ViosOsOptions {
  store: NvramStore;
  env: () => ViosEnvironment;
  settings?: Partial<ViosSettings>;
  /** Called after every committed configuration change (the block path re-resolves its routes then). */
  onChange?: () => void;
}

export interface RunResult { stdout: string; stderr: string; exit: number }

export interface VscsiMappingView { vhostSlot: number; vtd: string; lun: string; disk: { uid: string; label: string } | { lv: string } }
export interface VfcMappingView { vfchostSlot: number; fcsPortLocation: string }
export interface SeaView { name: string; realAdapterLocations: string[]; trunkSlots: number[]; pvid: number; haMode: string; ctlChanSlot?: number }
export interface DeviceView { name: string; cls: DeviceClass; status: 'Available' | 'Defined'; description: string; location: string }

/** Shell syntax the restricted padmin shell does not run here (outside quotes). */
const REDIRECT = /^[<>]/;
const COMPOUND = /^(\||;|&|`|\$\()/;

function shellRefusal(line: string): string | undefined {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) { if (c === quote) quote = ''; else if (c === '\\' && quote === '"') i++; continue; }
    if (c === '\\') { i++; continue; }
    if (c === "'" || c === '"') { quote = c; continue; }
    const rest = line.slice(i);
    if (REDIRECT.test(rest)) return VIOS_MSG.restricted(rest.slice(1).trim().split(/\s+/)[0] || c);
    if (COMPOUND.test(rest)) return VIOS_MSG.shellSyntax();
  }
  return undefined;
}

export class ViosOs {
  private cfg: ViosConfig;
  private readonly settings: ViosSettings;
  /** Set when the store could not be read and the VIOS came up with an empty configuration. */
  readonly loadProblem: string | undefined;

  constructor(private readonly opts: ViosOsOptions) {
    this.settings = { ...DEFAULT_VIOS_SETTINGS, ...opts.settings };
    const { config, problem } = loadViosConfig(opts.store);
    this.loadProblem = problem;
    this.cfg = config;
    if (problem !== undefined) saveViosConfig(opts.store, this.cfg);
    this.boot();
  }

  /** A VIOS boot (activation): new hardware gets its names, Defined devices become Available (§1.1). */
  boot(): void {
    const cfg = structuredClone(this.cfg);
    if (!configureDevices(cfg, this.opts.env())) return;
    saveViosConfig(this.opts.store, cfg);
    this.cfg = cfg;
    this.opts.onChange?.();
  }

  run(line: string): RunResult {
    try {
      const refusal = shellRefusal(line);
      if (refusal !== undefined) return { stdout: '', stderr: `${refusal}\n`, exit: 1 };
      const words = splitWords(line);
      if (words[0] === 'ioscli') words.shift(); // the IVM form `ioscli lsmap …` (§1)
      if (words.length === 0) return { stdout: '', stderr: '', exit: 0 };
      const [name, ...args] = words;
      if (name.includes('/')) return { stdout: '', stderr: `${VIOS_MSG.restricted(name)}\n`, exit: 1 };
      const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
      if (!command) return { stdout: '', stderr: `${this.settings.notFound(name)}\n`, exit: 127 };
      const env = this.opts.env();
      const cfg = structuredClone(this.cfg);
      const ctx: Ctx = { env, cfg, tree: new DeviceTree(env, this.cfg), settings: this.settings, changed: false };
      const stdout = command(ctx, args);
      if (ctx.changed) {
        saveViosConfig(this.opts.store, cfg);
        this.cfg = cfg;
        this.opts.onChange?.();
      }
      return { stdout, stderr: '', exit: 0 };
    } catch (e) {
      if (e instanceof ViosError) return { stdout: '', stderr: `${e.message}\n`, exit: e.exit };
      if (e instanceof ShellSyntaxError) return { stdout: '', stderr: `rksh: syntax error: ${e.message}\n`, exit: 2 };
      // A bug or a store failure: the shell still answers, and nothing was committed.
      return { stdout: '', stderr: `ioscli: internal error: ${e instanceof Error ? e.message : String(e)}\n`, exit: 1 };
    }
  }

  /** Name → hardware key, rebuilt only when the configuration object changes (every change replaces it). */
  private index: { cfg: unknown; keys: Map<string, string> } | null = null;
  private keyOf(name: string): ReturnType<typeof parseKey> {
    if (this.index?.cfg !== this.cfg) this.index = { cfg: this.cfg, keys: new Map(this.cfg.names.map((n) => [n.name, n.key])) };
    const k = this.index.keys.get(name);
    return k === undefined ? undefined : parseKey(k);
  }

  private slotOf(name: string | undefined): number | undefined {
    const k = name === undefined ? undefined : this.keyOf(name);
    return k?.kind === 'vslot' ? k.slot : undefined;
  }

  private portLocations(name: string): string[] {
    const k = this.keyOf(name);
    if (k?.kind === 'port') return [k.id];
    const l = this.cfg.lnaggs.find((x) => x.name === name);
    return l ? [...l.adapters, ...(l.backupAdapter ? [l.backupAdapter] : [])].flatMap((a) => this.portLocations(a)) : [];
  }

  /** The vSCSI mappings, by vhost slot then VTD name, for the hypervisor's disk path (cached per configuration). */
  private mappingCache: { cfg: unknown; rows: VscsiMappingView[] } | null = null;
  vscsiMappings(): VscsiMappingView[] {
    if (this.mappingCache?.cfg !== this.cfg) this.mappingCache = { cfg: this.cfg, rows: this.computeVscsiMappings() };
    return this.mappingCache.rows;
  }

  private computeVscsiMappings(): VscsiMappingView[] {
    const env = this.opts.env();
    const labels = new Map([...env.physicalAdapters.flatMap((a) => a.disks), ...env.sanDisks].map((d) => [d.uid, d.label]));
    const rows: VscsiMappingView[] = [];
    for (const t of this.cfg.vtds) {
      const vhostSlot = this.slotOf(t.vhost);
      if (vhostSlot === undefined) continue;
      const k = t.kind === 'disk' ? this.keyOf(t.backing) : undefined;
      if (t.kind === 'disk' && k?.kind !== 'disk') continue;
      const disk = t.kind === 'lv' ? { lv: t.backing } : { uid: (k as { id: string }).id, label: labels.get((k as { id: string }).id) ?? '' };
      rows.push({ vhostSlot, vtd: t.name, lun: lunHex(t.lun), disk });
    }
    return rows.sort((a, b) => a.vhostSlot - b.vhostSlot || (a.vtd < b.vtd ? -1 : 1));
  }

  vfcMappings(): VfcMappingView[] {
    return this.cfg.vfc.flatMap((m) => {
      const vfchostSlot = this.slotOf(m.vfchost);
      const [fcsPortLocation] = this.portLocations(m.fcs);
      return vfchostSlot === undefined || fcsPortLocation === undefined ? [] : [{ vfchostSlot, fcsPortLocation }];
    });
  }

  seas(): SeaView[] {
    return this.cfg.seas.map((s) => {
      const attrs = this.cfg.attrs[s.name] ?? {};
      const ctlChanSlot = this.slotOf(attrs.ctl_chan || undefined);
      return {
        name: s.name,
        realAdapterLocations: this.portLocations(s.realAdapter),
        trunkSlots: s.virtAdapters.map((v) => this.slotOf(v)).filter((x): x is number => x !== undefined),
        pvid: s.pvid,
        haMode: attrs.ha_mode ?? 'disabled',
        ...(ctlChanSlot !== undefined ? { ctlChanSlot } : {}),
      };
    });
  }

  devices(): DeviceView[] {
    return new DeviceTree(this.opts.env(), this.cfg).list.map((d) => ({ name: d.name, cls: d.cls, status: d.status, description: d.description, location: d.location }));
  }

  /** What the VIOS sees of the hardware now (the block path reads disk sizes from it). */
  environment(): ViosEnvironment { return this.opts.env(); }

  /** The unique id of the disk a device name (hdiskN) stands for. */
  diskUidOf(name: string): string | undefined {
    const k = this.keyOf(name);
    return k?.kind === 'disk' ? k.id : undefined;
  }

  /** The volume groups and their logical volumes, read-only (lv-layout.ts places LVs from them). */
  volumeGroups(): readonly Readonly<ViosConfig['vgs'][number]>[] { return this.cfg.vgs; }

  /** A disk or logical volume as a paging space device for Active Memory Sharing (paging-device.ts). */
  pagingDevice(name: string): PagingDeviceInfo | null { return pagingDeviceInfo(new DeviceTree(this.opts.env(), this.cfg), this.cfg, name); }

  /** REST VirtualIOServerLicenseAccepted (§1). */
  licenseAccepted(): boolean { return this.cfg.licenseAccepted; }
}
