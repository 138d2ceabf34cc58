// Memory at run time (platform.md §5.4, §5.5): each dispatch step, the shared memory pool's hypervisor
// pages out what the shared-memory partitions' in-use memory does not fit (ams-paging.ts), and partitions
// with Active Memory Expansion pay processor time for compression (ame-cost.ts). This file turns one step's
// demand into those effects; the runtime charges them to the counters.
import type { ManagedSystem, Partition } from '../../managed-system.ts';
import { amsAllocateInto, amsPagingRate, type AmsTotals } from '../memory/ams-paging.ts';
import { ameAppliesTo, ameCpuCost } from '../memory/ame-cost.ts';
import { amsPoolInputs, memPoolOf, poolUsage } from '../memory/pool-memory.ts';

/** The pool's state after the last step (lslparutil -r mempool, phys_run_mem). */
export interface MemPoolStep extends AmsTotals { poolMB: number; firmwareMB: number; ioEntitledMB: number; logicalMB: number }

/** Extra PU for AME compression of a partition using `cpu` PU with data that compresses by `compressibility`. */
export function ameExtraPU(sys: ManagedSystem, p: Partition, cpu: number, compressibility: number): number {
  const a = p.run.alloc;
  if (!a || !(a.mem_expansion > 1) || !ameAppliesTo(p.def.os_version)) return 0;
  // The accelerator needs the model's capability and the partition's hardware_mem_expansion not 0 (§5.5).
  const hardware = sys.model.capabilities.hardwareAme && a.hardware_mem_expansion !== 0;
  return ameCpuCost(a.mem_expansion, compressibility, cpu, { hardware, constants: sys.config.ame });
}

export class MemoryRuntime {
  /** Per lpar_id: resident MB after the last step. */
  readonly resident = new Map<number, number>();
  last: MemPoolStep | null = null;
  private inputs: ReturnType<typeof amsPoolInputs> = null;
  private usage: ReturnType<typeof poolUsage> | null = null;
  private dirty = true;

  constructor(private readonly sys: ManagedSystem) {}

  invalidate(): void { this.dirty = true; }

  /**
   * One step of `dt` ms with each shared-memory partition's in-use memory; returns per lpar_id the page
   * faults and page-in delay (µs) of the step.
   */
  step(inUseOf: (lparId: number) => number, dt: number, charge: (lparId: number, faults: number, delayUs: number) => void): void {
    if (this.dirty) {
      this.inputs = amsPoolInputs(this.sys);
      const pool = memPoolOf(this.sys);
      this.usage = pool ? poolUsage(this.sys, pool) : null;
      this.dirty = false;
    }
    const inp = this.inputs;
    if (!inp || !this.usage) { this.last = null; return; }
    const n = inp.partitions.length;
    const inUse = inp.partitions.map((x) => inUseOf(x.lpar_id));
    const resident = new Array<number>(n), paged = new Array<number>(n);
    const totals = amsAllocateInto(
      inp.poolMB, inp.firmwareMB, inp.partitions.map((x) => x.logicalMB), inUse, inp.partitions.map((x) => x.weight),
      inp.partitions.map((x) => x.ioEntitledMB), resident, paged,
    );
    const sec = dt / 1000, c = this.sys.config.ams;
    for (let i = 0; i < n; i++) {
      const id = inp.partitions[i].lpar_id;
      this.resident.set(id, resident[i]);
      const r = amsPagingRate(paged[i], inUse[i], c.defaultAccessIntensity, c);
      if (r.pageFaultsPerSec > 0) charge(id, r.pageFaultsPerSec * sec, r.pageInDelayUsPerSec * sec);
    }
    this.last = { ...totals, poolMB: inp.poolMB, firmwareMB: inp.firmwareMB, ioEntitledMB: this.usage.ioEntitledMB, logicalMB: this.usage.logicalMB };
  }
}
