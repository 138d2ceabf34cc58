// The hypervisor at run time: advances a managed system's partitions through simulated time, giving them
// processor time through the dispatcher (platform.md §6; DESIGN.md "Time": 10 ms windows for short spans,
// long-horizon steps for long ones) and counting the cycles the HMC reads as utilization (lslparutil).
// Time advances lazily: up to "now" whenever someone reads the counters and just before every change of
// the system, so each interval is dispatched with the configuration that was in force during it.
import type { ManagedSystem, Partition } from '../../managed-system.ts';
import { allocate, createOutput, DISPATCH_WINDOW_MS, MODE_DEDICATED, type DispatchOutput } from '../dispatcher/dispatcher.ts';
import { PartitionState } from '../../types/states.ts';
import { buildRuntimeModel, type RuntimeModel } from './runtime-model.ts';
import { idleDemandSource, type DemandSource } from './demand-source.ts';
import { LparCounters, PoolCounters } from './cycle-counters.ts';
import { ameExtraPU, MemoryRuntime } from './memory-runtime.ts';

export class HypervisorRuntime {
  private lastT: number;
  private readonly startT: number;
  private rm: RuntimeModel | null = null;
  private out: DispatchOutput | null = null;
  private outFor: RuntimeModel['model'] | null = null;
  private demand = new Float64Array(0);
  /** Per step: the share of each partition's demand that is AME compression, and its in-use memory. */
  private ameShare = new Float64Array(0);
  private readonly inUse = new Map<number, number>();
  /** Paging of the shared memory pool. */
  readonly memory: MemoryRuntime;
  private readonly lpars = new Map<number, LparCounters>();
  private readonly pools = new Map<number, PoolCounters>();
  private readonly physical = new PoolCounters();
  private donatedPU = 0;
  private source: DemandSource;

  constructor(private readonly sys: ManagedSystem) {
    this.startT = this.lastT = sys.clock.now();
    this.source = idleDemandSource(sys.config.runtime);
    this.memory = new MemoryRuntime(sys);
    sys.on(() => { this.rm = null; this.memory.invalidate(); });
  }

  /** Where partitions' demand comes from (the simulation's workloads); idle OSes until set. */
  setDemandSource(source: DemandSource): void {
    this.advance();
    this.source = source;
  }

  /** Simulated ms since the runtime started counting (time_cycles' origin). */
  get elapsedMs(): number { return this.lastT - this.startT; }
  get lastDonatedPU(): number { return this.donatedPU; }
  lparCounters(): ReadonlyMap<number, LparCounters> { return this.lpars; }
  poolCounters(): ReadonlyMap<number, PoolCounters> { return this.pools; }
  physicalPool(): PoolCounters { return this.physical; }
  /** The current dispatcher view (rebuilt after changes). */
  runtimeModel(): RuntimeModel { return (this.rm ??= buildRuntimeModel(this.sys)); }

  /** Dispatch everything from the last advance up to the clock's now. */
  advance(): void {
    const now = this.sys.clock.now();
    if (now <= this.lastT) return;
    const rm = this.runtimeModel();
    // Output and scratch are sized for one model (partitions and pools): a rebuilt model gets new ones.
    if (!this.out || this.outFor !== rm.model) {
      this.outFor = rm.model;
      this.out = createOutput(rm.model);
      this.demand = new Float64Array(rm.model.n);
      this.ameShare = new Float64Array(rm.model.n);
    }
    const cfg = this.sys.config.runtime;
    const step = now - this.lastT <= cfg.windowModeMaxMs ? DISPATCH_WINDOW_MS : cfg.longHorizonStepMs;
    for (let t = this.lastT; t < now; t += step) this.dispatch(rm, t, Math.min(step, now - t));
    this.lastT = now;
  }

  private dispatch(rm: RuntimeModel, t: number, dt: number): void {
    const { model, parts } = rm;
    const out = this.out!;
    for (let i = 0; i < parts.length; i++) this.stepDemand(i, parts[i], t, t + dt);
    allocate(model, this.demand, out);
    const cycles = (dt / 1000) * this.sys.config.runtime.procCyclesPerSecond;
    this.memory.step((id) => this.inUse.get(id) ?? 0, dt, (id, faults, delayUs) => {
      const c = this.counters(id);
      c.pageFaults += faults;
      c.pageInDelayUs += delayUs;
    });
    const poolUsed = new Map<number, number>();
    let sharedUsed = 0;
    for (let i = 0; i < parts.length; i++) {
      const c = this.counters(parts[i].def.lpar_id);
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
      poolUsed.set(model.pool[i], (poolUsed.get(model.pool[i]) ?? 0) + used);
    }
    this.donatedPU = out.donatedUsed;
    this.physical.total += model.sharedCores * cycles;
    this.physical.utilized += (sharedUsed - out.donatedUsed) * cycles;
    for (let p = 0; p < model.poolCount; p++) {
      let pc = this.pools.get(p);
      if (!pc) this.pools.set(p, (pc = new PoolCounters()));
      pc.total += (p === 0 ? model.sharedCores : model.poolMax[p]) * cycles;
      pc.utilized += (poolUsed.get(p) ?? 0) * cycles;
    }
  }

  private counters(id: number): LparCounters {
    let c = this.lpars.get(id);
    if (!c) this.lpars.set(id, (c = new LparCounters()));
    return c;
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
