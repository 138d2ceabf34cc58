// Active Memory Expansion (platform.md §5.5): AIX compresses pages so that the OS sees its memory × the
// expansion factor; the compression costs processor time, charged to the partition. The reference gives no
// cost formula (UNCERTAIN); the model, with its constants in SimConfig.ame:
//
//   compressibility c ∈ (0, 1]: the fraction by which the workload's data shrinks when compressed
//                               (c = 0.6: compressed pages take 40 % of their size).
//   To show expanded memory E = f × M in true memory M, a fraction x of the expanded memory is kept
//   compressed:  (1 − x)·E + x·E·(1 − c) = M   ⇒   x = (1 − 1/f) / c.
//   x ≤ 1 is reachable (f ≤ 1 / (1 − c)); x > 1 means the factor is beyond what the data allows: AIX keeps
//   compressing and decompressing to no avail and pages.
//   cost (PU) = busyPU × [ cpuPerCompressedFraction × min(x, 1) + overshootPenalty × max(0, x − 1) ]
//   and × hardwareCostFactor with the POWER8+/POWER9 compression accelerator: the model must have it and the
//   partition's hardware_mem_expansion (a partition setting, §5.5) must not be 0; without the setting the
//   model's capability decides (SIM choice).
// So the cost is 0 at f ≤ 1 (or 0 = off), grows with the factor, is larger when data compresses badly (small
// c), rises sharply once the factor is out of reach, and scales with how busy the partition is.
import { defaultConfig, type SimConfig } from '../../../sim/config.ts';

export type AmeConstants = SimConfig['ame'];
const DEFAULTS: AmeConstants = defaultConfig().ame;

/** AME is on for factors above 1 (`0` = disabled; exactly 1.00 expands nothing and costs nothing). */
export const ameEnabled = (factor: number): boolean => factor > 1;

/** Memory the OS sees (MB): logical memory × the factor when AME is on. */
export function ameExpandedMemMB(logicalMB: number, factor: number): number {
  return ameEnabled(factor) ? Math.floor(logicalMB * factor) : logicalMB;
}

/** The fraction of expanded memory that must be held compressed (may exceed 1 when the factor is out of reach). */
export function ameCompressedFraction(factor: number, compressibility: number): number {
  if (!ameEnabled(factor)) return 0;
  const c = Math.min(1, Math.max(compressibility, 1e-6));
  return (1 - 1 / factor) / c;
}

/** The largest factor the data's compressibility can reach: 1 / (1 − c) (unbounded at c = 1). */
export const ameMaxFactor = (compressibility: number): number => (compressibility >= 1 ? Infinity : 1 / (1 - Math.max(0, compressibility)));

/** Extra processing units the partition needs for compression while it uses `busyPU`. */
export function ameCpuCost(factor: number, compressibility: number, busyPU: number, opts: { hardware?: boolean; constants?: AmeConstants } = {}): number {
  if (!ameEnabled(factor) || !(busyPU > 0)) return 0;
  const k = opts.constants ?? DEFAULTS;
  const x = ameCompressedFraction(factor, compressibility);
  const perBusy = k.cpuPerCompressedFraction * Math.min(x, 1) + k.overshootPenalty * Math.max(0, x - 1);
  return busyPU * perBusy * (opts.hardware ? k.hardwareCostFactor : 1);
}

/** AME applies to AIX only (§5.5: "not IBM i, Linux or VIOS"); the OS is known from what RMC reports. */
export const ameAppliesTo = (osVersion: string): boolean => /^AIX\b/.test(osVersion);
