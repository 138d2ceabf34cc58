// What a partition's operating system asks of the hypervisor over an interval: processor time and memory.
// The hypervisor does not know what runs inside a partition; the simulation's workload models
// (src/sim/workloads/) answer through this interface, and without one every partition runs an idle OS.
import type { Partition } from '../../managed-system.ts';
import type { SimConfig } from '../../../sim/config.ts';

export interface PartitionDemand {
  /** Mean processing units the OS would use over the interval if nothing limited it (≥ 0). */
  cpu: number;
  /** Memory the OS touches (MB of its logical memory); drives AMS paging. */
  memInUseMB: number;
  /** Fraction by which the workload's data shrinks when compressed (0–1], for the AME cost. */
  compressibility: number;
}

export interface DemandSource {
  /** The partition's mean demand over [t0, t1) (simulated ms). Called only for active partitions. */
  demand(p: Partition, t0: number, t1: number): PartitionDemand;
}

/** An idle OS: a small constant processor load and a fixed share of its memory in use (config). */
export function idleDemandSource(cfg: SimConfig['runtime']): DemandSource {
  return {
    demand: (p) => ({
      cpu: cfg.idleDemandPU,
      memInUseMB: ((p.run.alloc?.mem ?? 0) * cfg.idleMemInUsePercent) / 100,
      compressibility: cfg.defaultCompressibility,
    }),
  };
}
