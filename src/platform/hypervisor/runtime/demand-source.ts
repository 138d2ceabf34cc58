// What a partition's operating system asks of the hypervisor over an interval: processor time and memory.
// The hypervisor does not know what runs inside a partition; the simulation's workload models
// (src/sim/workloads/) answer through this interface, and without one every partition runs an idle OS.
//
// One call answers for every partition of the dispatcher's model, into typed arrays: a year at one-minute
// steps asks 525,600 times, so a source must not allocate per partition and step (DESIGN.md "Performance
// rules"); it may prepare per-partition work once per partition set (see `parts` below).
import type { Partition } from '../../managed-system.ts';
import type { SimConfig } from '../../../sim/config.ts';

export interface DemandSource {
  /**
   * The mean demand of parts[i] over [t0, t1) (simulated ms; t1 = t0: the value at t0), into index i of:
   * cpu — processing units the OS would use if nothing limited it (≥ 0); memInUseMB — memory the OS
   * touches (MB of its logical memory; drives AMS paging); compressibility — the fraction (0–1] by which
   * its data shrinks when compressed (the AME cost). The last two are written only when given (the
   * hypervisor asks for them only when it has paging or compression to do).
   * `parts` keeps its identity for as long as the partitions' configuration (allocation, state) is
   * unchanged: a new array means something changed, so a source may key per-partition caches on it.
   */
  fill(
    parts: readonly Partition[], t0: number, t1: number, cpu: Float64Array,
    memInUseMB: Float64Array | null, compressibility: Float64Array | null,
  ): void;
}

/** An idle OS's memory in use: a fixed share of its memory (config). */
export const idleMemInUseMB = (p: Partition, cfg: SimConfig['runtime']): number => ((p.run.alloc?.mem ?? 0) * cfg.idleMemInUsePercent) / 100;

/** An idle OS: a small constant processor load and a fixed share of its memory in use (config). */
export function idleDemandSource(cfg: SimConfig['runtime']): DemandSource {
  return {
    fill: (parts, _t0, _t1, cpu, mem, compress) => {
      cpu.fill(cfg.idleDemandPU, 0, parts.length);
      if (mem) for (let i = 0; i < parts.length; i++) mem[i] = idleMemInUseMB(parts[i], cfg);
      if (compress) compress.fill(cfg.defaultCompressibility, 0, parts.length);
    },
  };
}
