// A run of dispatch steps over one runtime model (hypervisor-runtime.ts advances time through these): each
// step asks the demand source for every partition's demand at once, adds what AME compression costs,
// allocates through the dispatcher's long-horizon span (integrateSteps: the model's static part read once
// for the whole run; a run of one step through allocate()), pages the shared memory pool, and adds each partition's use to per-partition sums;
// the cycle counters get the sums once per run (flush). Everything that follows from the configuration
// alone — which partitions still idle in firmware, which pay for AME, whether there is a pool to page —
// is worked out once per model, here, rather than at every step (DESIGN.md "Performance rules").
//
// Each counter is the sum over the steps of what the step-by-step accounting adds, in units of PU·step,
// times the step's cycles: the same terms added in another order, so results agree to rounding.
import type { ManagedSystem } from '../../managed-system.ts';
import { allocate, createOutput, integrateSteps, MODE_DEDICATED, type DispatchOutput } from '../dispatcher/dispatcher.ts';
import { ameCpuCost } from '../memory/ame-cost.ts';
import { PartitionState } from '../../types/states.ts';
import type { RuntimeModel } from './runtime-model.ts';
import { idleMemInUseMB, type DemandSource } from './demand-source.ts';
import type { LparCounters, RuntimeCounters } from './cycle-counters.ts';
import { ameSetting, type AmeSetting, type MemoryRuntime } from './memory-runtime.ts';

export class DispatchSpan {
  readonly out: DispatchOutput;
  // Per partition (model index): the OS's demand, in-use memory and compressibility of the step; the demand
  // with AME's cost; the share of its use that is compression.
  private readonly cpu: Float64Array;
  private readonly memInUse: Float64Array;
  private readonly compress: Float64Array;
  private readonly demand: Float64Array;
  private readonly ameShare: Float64Array;
  // Per partition, summed over the steps since the last flush (PU·step): min(used, E), max(0, used − E),
  // max(0, E − used), used × AME share; and the donated cycles the default pool used.
  private readonly capped: Float64Array;
  private readonly uncapped: Float64Array;
  private readonly idle: Float64Array;
  private readonly ame: Float64Array;
  private donatedUsed = 0;
  /** Each partition's counters and the pools' sums, kept from flush to flush while the counters' epoch holds. */
  private lc: LparCounters[] = [];
  private lcEpoch = -1;
  private readonly poolUsed: Float64Array;
  /** Partitions still in firmware (Starting, Open Firmware): an idle OS whatever their workload. */
  private readonly firmware: Int32Array;
  private readonly firmwareMem: Float64Array;
  /** Partitions whose AME costs processor time, and how each is set. */
  private readonly ameIdx: Int32Array;
  private readonly ameSet: AmeSetting[];
  // The run in progress.
  private source: DemandSource | null = null;
  private t = 0;
  private stepMs = 0;
  private paging = false;

  constructor(private readonly sys: ManagedSystem, readonly rm: RuntimeModel, private readonly memory: MemoryRuntime) {
    const n = rm.model.n, f = () => new Float64Array(n);
    this.out = createOutput(rm.model);
    this.cpu = f(); this.memInUse = f(); this.compress = f(); this.demand = f(); this.ameShare = f();
    this.capped = f(); this.uncapped = f(); this.idle = f(); this.ame = f();
    this.poolUsed = new Float64Array(rm.model.poolCount);
    const rt = sys.config.runtime;
    const firmware = rm.parts.flatMap((p, i) => (p.run.state === PartitionState.Running ? [] : [i]));
    this.firmware = Int32Array.from(firmware);
    this.firmwareMem = Float64Array.from(firmware, (i) => idleMemInUseMB(rm.parts[i], rt));
    const ame = rm.parts.flatMap((p, i) => { const s = ameSetting(sys, p); return s ? [{ i, s }] : []; });
    this.ameIdx = Int32Array.from(ame, (a) => a.i);
    this.ameSet = ame.map((a) => a.s);
  }

  /** Runs `steps` steps of stepMs from t with the source's demand; returns the time after them. */
  run(source: DemandSource, t: number, stepMs: number, steps: number): number {
    this.source = source;
    this.t = t;
    this.stepMs = stepMs;
    this.paging = this.memory.begin(this.rm.parts);
    try {
      // One step (the last, shorter one; time advanced a minute at a time): not worth packing the model for.
      if (steps === 1) { allocate(this.rm.model, this.demandAt(), this.out); this.onStep(); }
      else integrateSteps(this.rm.model, stepMs, steps, this.demandAt, this.out, undefined, this.onStep);
    } finally {
      this.source = null;
    }
    return this.t;
  }

  private readonly demandAt = (): Float64Array => {
    const t0 = this.t, t1 = t0 + this.stepMs, rt = this.sys.config.runtime, { cpu, ameIdx } = this;
    const ame = ameIdx.length > 0;
    this.source!.fill(this.rm.parts, t0, t1, cpu, this.paging ? this.memInUse : null, ame ? this.compress : null);
    for (let k = 0; k < this.firmware.length; k++) {
      const i = this.firmware[k];
      cpu[i] = rt.idleDemandPU;
      this.memInUse[i] = this.firmwareMem[k];
      this.compress[i] = rt.defaultCompressibility;
    }
    if (!ame) return cpu;
    const { demand, ameShare, compress } = this;
    demand.set(cpu);
    for (let k = 0; k < ameIdx.length; k++) {
      const i = ameIdx[k], s = this.ameSet[k], d = cpu[i];
      const extra = ameCpuCost(s.factor, compress[i], d, s.opts);
      demand[i] = d + extra;
      ameShare[i] = extra > 0 ? extra / (d + extra) : 0;
    }
    return demand;
  };

  private readonly onStep = (): void => {
    const { consumed } = this.out, e = this.rm.model.entitlement, { capped, uncapped, idle } = this;
    // Branch-free (use against entitlement flips from partition to partition): m = min(u, E) exactly, since
    // one of the two products is 0; u − m and E − m are then max(0, u − E) and max(0, E − u) exactly.
    for (let i = 0; i < consumed.length; i++) {
      const u = consumed[i], ei = e[i], k = +(u < ei), m = k * u + (1 - k) * ei;
      capped[i] += m; uncapped[i] += u - m; idle[i] += ei - m;
    }
    for (let k = 0; k < this.ameIdx.length; k++) { const i = this.ameIdx[k]; this.ame[i] += consumed[i] * this.ameShare[i]; }
    this.donatedUsed += this.out.donatedUsed;
    if (this.paging) this.memory.step(this.memInUse, this.stepMs);
    this.t += this.stepMs;
  };

  /** Adds the sums of the last run, `steps` steps of `cycles` processor cycles each, to the counters. */
  flush(k: RuntimeCounters, cycles: number, steps: number): void {
    const { model, parts } = this.rm, { capped, uncapped, idle, ame } = this;
    if (this.lcEpoch !== k.epoch) { this.lc = parts.map((p) => k.lpar(p.def.lpar_id)); this.lcEpoch = k.epoch; }
    const poolUsed = this.poolUsed.fill(0), lc = this.lc;
    let sharedUsed = 0;
    for (let i = 0; i < model.n; i++) {
      const c = lc[i], e = model.entitlement[i];
      c.entitled += e * cycles * steps;
      c.capped += capped[i] * cycles;
      c.uncapped += uncapped[i] * cycles;
      c.idle += idle[i] * cycles;
      c.ame += ame[i] * cycles;
      if (model.mode[i] === MODE_DEDICATED) {
        // Donated idle cycles of an active dedicated partition (sharing_mode …_active / …_always).
        if (model.sharingMode[i] >= 2) c.sharedWhileActive += idle[i] * cycles;
      } else {
        const used = capped[i] + uncapped[i];
        sharedUsed += used;
        poolUsed[model.pool[i]] += used;
      }
      capped[i] = uncapped[i] = idle[i] = ame[i] = 0;
    }
    k.physical.total += model.sharedCores * cycles * steps;
    k.physical.utilized += (sharedUsed - this.donatedUsed) * cycles;
    this.donatedUsed = 0;
    for (let p = 0; p < model.poolCount; p++) {
      // Only the default pool and configured pools exist (a pool with maximum 0 is not configured).
      if (p > 0 && !(model.poolMax[p] > 0)) continue;
      const pc = k.pool(p);
      pc.total += (p === 0 ? model.sharedCores : model.poolMax[p]) * cycles * steps;
      pc.utilized += poolUsed[p] * cycles;
    }
    this.memory.flush((id, faults, delayUs) => {
      const c = k.lpar(id);
      c.pageFaults += faults;
      c.pageInDelayUs += delayUs;
      k.memPool.pageFaults += faults;
      k.memPool.pageInDelayUs += delayUs;
    });
  }
}
