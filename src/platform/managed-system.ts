// A managed system: its hardware inventory, its FSP (power state, NVRAM) and its hypervisor's running
// allocation. Every state change goes through change(): the operation validates, mutates and marks what
// it touched in a Tx; change() then writes those entities to NVRAM and emits one event batch.
import { createHash } from 'node:crypto';
import type { Clock } from '../sim/clock.ts';
import type { SimConfig } from '../sim/config.ts';
import { findModel, type ModelSpec } from './catalog/model-catalog.ts';
import { systemName, mtms as mtmsOf } from './naming.ts';
import type { EventBatch, SystemEvent } from './events.ts';
import type { NvramEntries, NvramStore } from './fsp/nvram.ts';
import { Tx } from './tx.ts';
import { defaultPoolName } from './types/pool-names.ts';
import type { PartitionDef, PartitionRuntime, PartitionSnapshot } from './types/partition.ts';
import { PartitionState, SystemState, ACTIVE_STATES } from './types/states.ts';
import type { ProcPoolSnapshot, ResourceSummary, SysProfSnapshot, SystemConfig, SystemHardware, SystemSnapshot } from './types/system.ts';
import { computeResources } from './hypervisor/resources.ts';
import { HypervisorRuntime } from './hypervisor/runtime/hypervisor-runtime.ts';

export interface Partition { def: PartitionDef; run: PartitionRuntime }

export interface ManagedSystemOptions {
  hw: SystemHardware;
  nvram: NvramStore;
  clock: Clock;
  config: SimConfig;
  /** Power state for a system whose NVRAM is new (first start of a lab). */
  initialState?: SystemState;
}

export const notActivatedRuntime = (now: number): PartitionRuntime => ({
  state: PartitionState.NotActivated, refcode: '00000000', refcode_time: now, rmc_state: 'inactive', alloc: null,
});

export class ManagedSystem {
  readonly hw: SystemHardware;
  readonly model: ModelSpec;
  readonly mtms: string;
  readonly clock: Clock;
  readonly config: SimConfig;
  readonly nvram: NvramStore;
  cfg!: SystemConfig;
  partitions = new Map<number, Partition>();
  pools: ProcPoolSnapshot[] = [];
  sysprofs = new Map<string, SysProfSnapshot>();
  /** True while the FSP's partition data is missing or corrupt (platform.md §3 Recovery). */
  recovery = false;
  private byName = new Map<string, number>();
  private listeners = new Set<(b: EventBatch) => void>();
  private seq = 0;
  private resCache: ResourceSummary | null = null;
  /** The hypervisor at run time: dispatching and utilization counting (hypervisor/runtime/). */
  readonly runtime: HypervisorRuntime;

  constructor(opts: ManagedSystemOptions) {
    const model = findModel(opts.hw.mtm);
    if (!model) throw new Error(`unknown machine type-model ${opts.hw.mtm}`);
    this.model = model;
    this.hw = opts.hw;
    this.clock = opts.clock;
    this.config = opts.config;
    this.nvram = opts.nvram;
    this.mtms = mtmsOf(model.machineType, model.model, opts.hw.serial);
    this.resetPools();
    this.runtime = new HypervisorRuntime(this);
    const loaded = this.nvram.load();
    if (loaded.kind === 'ok') {
      this.loadEntries(loaded.entries);
    } else if (loaded.kind === 'missing' && opts.initialState !== undefined) {
      this.cfg = this.defaultConfig(opts.initialState);
      this.nvram.replaceAll(this.toEntries());
    } else {
      // NVRAM lost or corrupt: the system comes up in Recovery until rstprofdata (platform.md §12).
      this.cfg = this.defaultConfig(SystemState.Operating);
      this.recovery = true;
    }
  }

  get name(): string { return this.cfg.name; }
  get uuid(): string { return deterministicUuid(this.config.seed, `sys/${this.mtms}`).toLowerCase(); }

  /** The one path for every state change: validate+mutate in fn, then persist and emit. */
  change<T>(fn: (tx: Tx) => T): T {
    // Time up to now ran under the configuration in force until now (hypervisor-runtime.ts).
    this.runtime?.advance();
    const tx = new Tx();
    let result: T;
    try {
      result = fn(tx);
    } catch (e) {
      // A refusal part-way through a multi-step change puts back what the earlier steps did.
      for (const restore of [...tx.undo.values()].reverse()) restore();
      this.invalidateResources();
      throw e;
    }
    if (!tx.empty) this.commit(tx);
    return result;
  }

  on(listener: (b: EventBatch) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // --- lookups -----------------------------------------------------------------------------------
  partitionByName(name: string): Partition | undefined {
    const id = this.byName.get(name);
    return id === undefined ? undefined : this.partitions.get(id);
  }
  isActive(p: Partition): boolean { return ACTIVE_STATES.has(p.run.state); }
  activePartitions(): Partition[] { return [...this.partitions.values()].filter((p) => this.isActive(p)); }
  resources(): ResourceSummary {
    this.resCache ??= computeResources(this);
    return this.resCache;
  }
  invalidateResources(): void { this.resCache = null; }
  /** Called by operations that add, rename or remove a partition. */
  indexName(oldName: string | null, p: Partition | null): void {
    if (oldName !== null) this.byName.delete(oldName);
    if (p) this.byName.set(p.def.name, p.def.lpar_id);
  }

  // --- snapshots (what crosses the HMC link) ------------------------------------------------------
  systemSnapshot(): SystemSnapshot {
    return { hw: this.hw, cfg: this.cfg, res: this.resources(), uuid: this.uuid };
  }
  partitionSnapshot(p: Partition): PartitionSnapshot { return { def: p.def, run: p.run }; }
  fullSnapshot(): { system: SystemSnapshot; partitions: PartitionSnapshot[]; pools: ProcPoolSnapshot[]; sysprofs: SysProfSnapshot[]; recovery: boolean } {
    return {
      system: this.systemSnapshot(),
      partitions: [...this.partitions.values()].sort((a, b) => a.def.lpar_id - b.def.lpar_id).map((p) => this.partitionSnapshot(p)),
      pools: this.pools,
      sysprofs: [...this.sysprofs.values()],
      recovery: this.recovery,
    };
  }

  /** NVRAM content as entries: what bkprofdata saves and rstprofdata restores. */
  toEntries(): NvramEntries {
    const e: NvramEntries = new Map();
    e.set('sys', this.cfg);
    for (const p of this.partitions.values()) { e.set(`lpar:${p.def.lpar_id}`, p.def); e.set(`run:${p.def.lpar_id}`, p.run); }
    for (const pool of this.pools) if (pool.shared_proc_pool_id > 0 && isPoolCustomized(pool)) e.set(`pool:${pool.shared_proc_pool_id}`, pool);
    for (const sp of this.sysprofs.values()) e.set(`sysprof:${sp.name}`, sp);
    return e;
  }

  /** Replace the whole partition data (restore, initialize); persists and asks listeners to resync. */
  replaceEntries(entries: NvramEntries): void {
    this.loadEntries(entries);
    this.recovery = false;
    this.nvram.replaceAll(this.toEntries());
    this.invalidateResources();
    this.emit([{ kind: 'resync' }]);
  }

  /** Fault injection: the FSP's NVRAM is lost (e.g. FSP replaced). */
  loseNvram(): void {
    this.nvram.wipe();
    this.partitions.clear();
    this.byName.clear();
    this.sysprofs.clear();
    this.resetPools();
    this.recovery = true;
    this.invalidateResources();
    this.emit([{ kind: 'resync' }]);
  }

  deterministicLparUuid(name: string, id: number): string {
    return deterministicUuid(this.config.seed, `lpar/${this.mtms}/${id}/${name}`).toUpperCase();
  }

  // --- internals -----------------------------------------------------------------------------------
  private commit(tx: Tx): void {
    this.invalidateResources();
    const puts: [string, unknown][] = [];
    const dels: string[] = [];
    const events: SystemEvent[] = [];
    if (tx.resync) events.push({ kind: 'resync' });
    for (const id of tx.partitions) {
      const p = this.partitions.get(id);
      if (!p) continue;
      puts.push([`lpar:${id}`, p.def], [`run:${id}`, p.run]);
      events.push({ kind: 'partition', data: this.partitionSnapshot(p) });
    }
    for (const id of tx.removedPartitions) {
      dels.push(`lpar:${id}`, `run:${id}`);
      events.push({ kind: 'partition-removed', lpar_id: id });
    }
    for (const id of tx.pools) {
      const pool = this.pools[id];
      if (isPoolCustomized(pool)) puts.push([`pool:${id}`, pool]); else dels.push(`pool:${id}`);
      events.push({ kind: 'pool', data: pool });
    }
    for (const name of tx.sysprofs) {
      const sp = this.sysprofs.get(name);
      if (sp) { puts.push([`sysprof:${name}`, sp]); events.push({ kind: 'sysprof', data: sp }); }
    }
    for (const name of tx.removedSysprofs) { dels.push(`sysprof:${name}`); events.push({ kind: 'sysprof-removed', name }); }
    puts.push(['sys', this.cfg]);
    events.push({ kind: 'system', data: this.systemSnapshot() });
    if (!this.recovery) this.nvram.commit(puts, dels);
    this.emit(events);
  }

  private emit(events: SystemEvent[]): void {
    const batch: EventBatch = { mtms: this.mtms, seq: ++this.seq, events };
    for (const l of this.listeners) l(batch);
  }

  private loadEntries(entries: NvramEntries): void {
    this.partitions.clear();
    this.byName.clear();
    this.sysprofs.clear();
    this.resetPools();
    const cfg = entries.get('sys') as SystemConfig | undefined;
    this.cfg = cfg ? { ...this.defaultConfig(cfg.state), ...cfg } : this.defaultConfig(SystemState.Operating);
    for (const [k, v] of entries) {
      if (k.startsWith('lpar:')) {
        const def = v as PartitionDef;
        const run = (entries.get(`run:${def.lpar_id}`) as PartitionRuntime | undefined) ?? notActivatedRuntime(this.clock.now());
        const p = { def, run };
        this.partitions.set(def.lpar_id, p);
        this.byName.set(def.name, def.lpar_id);
      } else if (k.startsWith('pool:')) {
        const pool = v as ProcPoolSnapshot;
        this.pools[pool.shared_proc_pool_id] = pool;
      } else if (k.startsWith('sysprof:')) {
        const sp = v as SysProfSnapshot;
        this.sysprofs.set(sp.name, sp);
      }
    }
    this.invalidateResources();
  }

  private resetPools(): void {
    const n = this.model.maxSharedProcPools;
    this.pools = Array.from({ length: n }, (_, id) => defaultPool(id));
  }

  private defaultConfig(state: SystemState): SystemConfig {
    return {
      name: systemName(this.hw.mtm, this.hw.serial),
      power_off_policy: 0,
      power_on_lpar_start_policy: 'userinit',
      pend_mem_region_size: this.hw.lmbMB,
      requested_num_sys_huge_pages: 0,
      mem_mirroring_mode: this.model.enterprise ? 'sys_firmware_only' : 'none',
      vswitches: [{ name: 'ETHERNET0', switch_mode: 'VEB' }],
      next_wwpn: 0x10,
      state,
      detailed_state: 'None',
      powered_on_at: this.clock.now(),
    };
  }
}

export function defaultPool(id: number): ProcPoolSnapshot {
  return {
    shared_proc_pool_id: id,
    name: defaultPoolName(id),
    max_pool_proc_units: 0,
    curr_reserved_pool_proc_units: 0,
    pend_reserved_pool_proc_units: 0,
  };
}

function isPoolCustomized(p: ProcPoolSnapshot): boolean {
  const d = defaultPool(p.shared_proc_pool_id);
  return p.name !== d.name || p.max_pool_proc_units !== 0 || p.curr_reserved_pool_proc_units !== 0;
}

/** UUIDs derive from names and a seed (DESIGN.md "Fidelity"), formatted as RFC 4122 version 5. */
export function deterministicUuid(seed: string, name: string): string {
  const h = createHash('sha1').update(`${seed}\0${name}`).digest('hex');
  const v = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${v}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
