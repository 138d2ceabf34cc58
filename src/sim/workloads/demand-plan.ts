// The demand of a whole set of partitions step after step (DemandSource.fill for WorkloadTable): each
// partition's workload is looked up and sorted by kind once per partition set, so that a step is a few
// passes over typed arrays with no lookups and no objects. Values are the very ones meanCpu gives (same
// operations on the same numbers), only computed once where partitions share them:
//  - idle OSes, constant workloads, memory in use and compressibility do not change from step to step;
//  - daily curves with the same peak hour share their trigonometry, and a step's end is the next one's
//    start, so each such group costs one sine per step;
//  - bursts and trace replays each call their own prepared mean (intervalMean).
import type { Partition } from '../../platform/managed-system.ts';
import type { SimConfig } from '../config.ts';
import { dailyAmp, dailyAvgCos, dailyLevel, dailyLift, dailyPeakMs, dailySin, intervalMean } from './demand-models.ts';
import type { WorkloadSpec } from './workload-spec.ts';

export class DemandPlan {
  /** CPU of the partitions whose demand is constant (others overwritten each step), memory, compressibility. */
  private readonly fixedCpu: Float64Array;
  private readonly memInUse: Float64Array;
  private readonly compress: Float64Array;
  // Daily curves: partition index, base, amplitude and group (one per peak hour) of each; per group its
  // peak time, the lift (1 + mean cosine) of the current step and the sine at the end of the last step.
  private readonly dIdx: Int32Array;
  private readonly dBase: Float64Array;
  private readonly dAmp: Float64Array;
  private readonly dGroup: Int32Array;
  private readonly gTp: Float64Array;
  private readonly gLift: Float64Array;
  private readonly gLastT: Float64Array;
  private readonly gLastSin: Float64Array;
  // Bursts and traces.
  private readonly oIdx: Int32Array;
  private readonly oMean: ((t0: number, t1: number) => number)[];

  constructor(parts: readonly Partition[], specOf: (lparId: number) => WorkloadSpec | undefined, rt: SimConfig['runtime']) {
    const n = parts.length;
    this.fixedCpu = new Float64Array(n);
    this.memInUse = new Float64Array(n);
    this.compress = new Float64Array(n);
    const daily: { i: number; s: Extract<WorkloadSpec, { kind: 'daily' }> }[] = [];
    const other: { i: number; s: Extract<WorkloadSpec, { kind: 'burst' | 'csv' }> }[] = [];
    parts.forEach((p, i) => {
      const s = specOf(p.def.lpar_id);
      const mem = p.run.alloc?.mem ?? 0;
      const idleMem = (mem * rt.idleMemInUsePercent) / 100;
      this.memInUse[i] = s?.mem === undefined ? idleMem : 'mb' in s.mem ? Math.min(mem, s.mem.mb) : (mem * s.mem.percent) / 100;
      this.compress[i] = s?.compress ?? rt.defaultCompressibility;
      if (!s) this.fixedCpu[i] = rt.idleDemandPU;
      else if (s.kind === 'constant') this.fixedCpu[i] = s.pu;
      else if (s.kind === 'daily') daily.push({ i, s });
      else other.push({ i, s });
    });
    const groups = new Map<number, number>();
    this.dIdx = Int32Array.from(daily, (d) => d.i);
    this.dBase = Float64Array.from(daily, (d) => d.s.base);
    this.dAmp = Float64Array.from(daily, (d) => dailyAmp(d.s.base, d.s.peak));
    this.dGroup = Int32Array.from(daily, (d) => {
      const tp = dailyPeakMs(d.s.peak_hour);
      let g = groups.get(tp);
      if (g === undefined) groups.set(tp, (g = groups.size));
      return g;
    });
    this.gTp = Float64Array.from(groups.keys());
    this.gLift = new Float64Array(groups.size);
    this.gLastT = new Float64Array(groups.size).fill(NaN);
    this.gLastSin = new Float64Array(groups.size);
    this.oIdx = Int32Array.from(other, (o) => o.i);
    this.oMean = other.map((o) => intervalMean(o.s));
  }

  fill(t0: number, t1: number, cpu: Float64Array, memInUseMB: Float64Array | null, compressibility: Float64Array | null): void {
    cpu.set(this.fixedCpu);
    if (memInUseMB) memInUseMB.set(this.memInUse);
    if (compressibility) compressibility.set(this.compress);
    const { gTp, gLift, gLastT, gLastSin } = this;
    for (let g = 0; g < gTp.length; g++) {
      const tp = gTp[g];
      // The sine at t0 is the one computed at the end of the previous step when this step follows it.
      const sin0 = gLastT[g] === t0 ? gLastSin[g] : dailySin(tp, t0), sin1 = dailySin(tp, t1);
      gLift[g] = dailyLift(dailyAvgCos(tp, t0, t1, sin0, sin1));
      gLastT[g] = t1;
      gLastSin[g] = sin1;
    }
    const { dIdx, dBase, dAmp, dGroup } = this;
    const level = dailyLevel; // a local: an imported binding is checked at every use in the loop
    for (let k = 0; k < dIdx.length; k++) cpu[dIdx[k]] = level(dBase[k], dAmp[k], gLift[dGroup[k]]);
    const { oIdx, oMean } = this;
    for (let k = 0; k < oIdx.length; k++) cpu[oIdx[k]] = oMean[k](t0, t1);
  }
}
