// The hypervisor at run time: advances a managed system's partitions through simulated time, giving them
// processor time through the dispatcher (platform.md §6; DESIGN.md "Time": 10 ms windows for short spans,
// long-horizon steps for long ones) and counting the cycles the HMC reads as utilization (lslparutil).
// Time advances lazily: up to "now" whenever someone reads the counters and just before every change of
// the system, so each interval is dispatched with the configuration that was in force during it.
import type { ManagedSystem, Partition } from '../../managed-system.ts';
import { allocate, createOutput, DISPATCH_WINDOW_MS, MODE_DEDICATED, type DispatchOutput } from '../dispatcher/dispatcher.ts';
import { PartitionState, SystemState } from '../../types/states.ts';
import { buildRuntimeModel, type RuntimeModel } from './runtime-model.ts';
import { idleDemandSource, type DemandSource } from './demand-source.ts';
import { RuntimeCounters, type CountersState } from './cycle-counters.ts';
import { ameExtraPU, MemoryRuntime } from './memory-runtime.ts';

/** States in which the system's processors run (and time_cycles counts). */
const POWERED = new Set<string>([SystemState.Operating, SystemState.Standby]);

export class HypervisorRuntime {
  private lastT: number;
  private rm: RuntimeModel | null = null;
  private out: DispatchOutput | null = null;
  private outFor: RuntimeModel['model'] | null = null;
  private demand = new Float64Array(0);
  /** Per step: the share of each partition's demand that is AME compression, and its in-use memory. */
  private ameShare = new Float64Array(0);
  private readonly inUse = new Map<number, number>();
  private poolUsed = new Float64Array(1);
  /** Paging of the shared memory pool. */
  readonly memory: MemoryRuntime;
  readonly counters = new RuntimeCounters();
  private powered: boolean;
  private donatedPU = 0;
  private source: DemandSource;

  constructor(private readonly sys: ManagedSystem) {
    this.lastT = sys.clock.now();
    this.source = idleDemandSource(sys.config.runtime);
    this.memory = new MemoryRuntime(sys);
    this.powered = true;
    sys.on((b) => {
      this.rm = null;
      this.memory.invalidate();
      // A removed partition's counters go with it: a new partition that reuses the id starts from zero.
      for (const e of b.events) if (e.kind === 'partition-removed') this.counters.lpars.delete(e.lpar_id);
    });
  }

  /** Where partitions' demand comes from (the simulation's workloads); idle OSes until set. */
  setDemandSource(source: DemandSource): void {
    this.advance();
    this.source = source;
  }

  /** Simulated ms counted since the system powered on (time_cycles' origin). */
  get elapsedMs(): number { return this.counters.elapsedMs; }
  get lastDonatedPU(): number { return this.donatedPU; }
  /** The current dispatcher view (rebuilt after changes). */
  runtimeModel(): RuntimeModel { return (this.rm ??= buildRuntimeModel(this.sys)); }

  /** The counters to keep when the simulator stops (the system keeps running). */
  exportCounters(): CountersState {
    this.advance();
    return this.counters.export(this.lastT);
  }

  /**
   * Counters kept from before a restart of the simulator. The time it was down is dispatched too (the
   * partitions ran on), unless the new clock starts earlier (a test's fresh virtual clock).
   */
  importCounters(s: CountersState): void {
    this.counters.import(s);
    this.lastT = Math.min(s.at, this.sys.clock.now());
  }

  /** Dispatch everything from the last advance up to the clock's now. */
  advance(): void {
    const now = this.sys.clock.now();
    if (now <= this.lastT) return;
    const on = POWERED.has(this.sys.cfg?.state);
    if (on && !this.powered) this.counters.reset(); // power on (IPL): counters start again
    this.powered = on;
    if (!on) { this.lastT = now; return; }
    const rm = this.runtimeModel();
    // Output and scratch are sized for one model (partitions and pools): a rebuilt model gets new ones.
    if (!this.out || this.outFor !== rm.model) {
      this.outFor = rm.model;
      this.out = createOutput(rm.model);
      this.demand = new Float64Array(rm.model.n);
      this.ameShare = new Float64Array(rm.model.n);
      this.poolUsed = new Float64Array(rm.model.poolCount);
    }
    const cfg = this.sys.config.runtime;
    const step = now - this.lastT <= cfg.windowModeMaxMs ? DISPATCH_WINDOW_MS : cfg.longHorizonStepMs;
    for (let t = this.lastT; t < now; t += step) this.dispatch(rm, t, Math.min(step, now - t));
    this.counters.elapsedMs += now - this.lastT;
    this.lastT = now;
  }

  private dispatch(rm: RuntimeModel, t: number, dt: number): void {
    const { model, parts } = rm;
    const out = this.out!, k = this.counters;
    for (let i = 0; i < parts.length; i++) this.stepDemand(i, parts[i], t, t + dt);
    allocate(model, this.demand, out);
    const cycles = (dt / 1000) * this.sys.config.runtime.procCyclesPerSecond;
    this.memory.step((id) => this.inUse.get(id) ?? 0, dt, (id, faults, delayUs) => {
      const c = k.lpar(id);
      c.pageFaults += faults;
      c.pageInDelayUs += delayUs;
      k.memPool.pageFaults += faults;
      k.memPool.pageInDelayUs += delayUs;
    });
    const poolUsed = this.poolUsed.fill(0);
    let sharedUsed = 0;
    for (let i = 0; i < parts.length; i++) {
      const c = k.lpar(parts[i].def.lpar_id);
      const used = out.consumed[i], e = model.entitlement[i];
      c.ame += used * this.ameShare[i] * cycles;
      c.entitled += e * cycles;
      c.capped += Math.min(used, e) * cycles;
      c.uncapped += Math.max(0, used - e) * cycles;
      c.idle += Math.max(0, e - used) * cycles;
      if (model.mode[i] === MODE_DEDICATED) {
        // Donated idle cycles of an active dedicated partition (sharing_mode …_active / …_always).
        if (model.sharingMode[i] >= 2) c.sharedWhileActive += Math.max(0, e - used) * cycles;
        continue;
      }
      sharedUsed += used;
      poolUsed[model.pool[i]] += used;
    }
    this.donatedPU = out.donatedUsed;
    k.physical.total += model.sharedCores * cycles;
    k.physical.utilized += (sharedUsed - out.donatedUsed) * cycles;
    for (let p = 0; p < model.poolCount; p++) {
      // Only the default pool and configured pools exist (a pool with maximum 0 is not configured).
      if (p > 0 && !(model.poolMax[p] > 0)) continue;
      const pc = k.pool(p);
      pc.total += (p === 0 ? model.sharedCores : model.poolMax[p]) * cycles;
      pc.utilized += poolUsed[p] * cycles;
    }
  }

  /**
   * Partition i's processor demand for the step (its OS's plus the AME compression it causes) and its
   * in-use memory. A partition still in firmware (Starting, Open Firmware) only idles.
   */
  private stepDemand(i: number, p: Partition, t0: number, t1: number): void {
    const rt = this.sys.config.runtime;
    const d = p.run.state === PartitionState.Running ? this.source.demand(p, t0, t1)
      : { cpu: rt.idleDemandPU, memInUseMB: ((p.run.alloc?.mem ?? 0) * rt.idleMemInUsePercent) / 100, compressibility: rt.defaultCompressibility };
    const extra = ameExtraPU(this.sys, p, d.cpu, d.compressibility);
    this.demand[i] = d.cpu + extra;
    this.ameShare[i] = extra > 0 ? extra / (d.cpu + extra) : 0;
    this.inUse.set(p.def.lpar_id, d.memInUseMB);
  }
}
