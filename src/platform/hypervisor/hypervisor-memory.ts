// Hypervisor memory (platform.md §5.2): a base reservation plus, for each active partition, its hardware
// page table sized from the partition's MAXIMUM memory, plus TCE space per virtual adapter in use. The
// SIM-RULE formula is an approximation (UNCERTAIN); its constants live in SimConfig.hypervisor.
import type { SimConfig } from '../../sim/config.ts';
import { nextPow2, roundUpTo } from './units.ts';

/** `1:64` → 64. */
export function hptDenominator(ratio: string): number {
  const m = /^1:(\d+)$/.exec(ratio);
  return m ? Number(m[1]) : 64;
}

/** HPT size in MB: max_mem / ratio rounded up to a power of two (168 MB → 256 MB). */
export function hptSizeMB(maxMemMB: number, ratio: string): number {
  return nextPow2(Math.max(1, maxMemMB / hptDenominator(ratio)));
}

export function firmwareMemoryMB(opts: {
  cfg: SimConfig['hypervisor'];
  installedMemMB: number;
  lmbMB: number;
  hptTotalMB: number;
  virtualAdapters: number;
}): number {
  const raw = opts.cfg.firmwareBaseMB + (opts.installedMemMB * opts.cfg.firmwarePercentOfInstalled) / 100 +
    opts.hptTotalMB + opts.virtualAdapters * opts.cfg.firmwareMBPerVirtualAdapter;
  return roundUpTo(raw, opts.lmbMB);
}
