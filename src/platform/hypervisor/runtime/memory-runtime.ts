// Memory at run time (platform.md §5.4, §5.5): each dispatch step, the shared memory pool's hypervisor
// pages out what the shared-memory partitions' in-use memory does not fit (ams-paging.ts), and partitions
// with Active Memory Expansion pay processor time for compression (ame-cost.ts). This file turns one step's
// demand into those effects; the runtime charges them to the counters.
//
// Paging is worked out again only when a step's in-use memory differs from the previous step's (the model
// is a pure function of it and the pool's configuration): workloads state memory as a constant, so a year of
// steps usually costs one paging computation, while the faults are still counted step by step.
import type { ManagedSystem, Partition } from '../../managed-system.ts';
import { amsAllocateInto, amsPagingRate, type AmsTotals } from '../memory/ams-paging.ts';
import { ameAppliesTo, ameCpuCost, type AmeConstants } from '../memory/ame-cost.ts';
import { amsPoolInputs, memPoolOf, poolUsage } from '../memory/pool-memory.ts';

/** The pool's state after the last step (lslparutil -r mempool, phys_run_mem). */
export interface MemPoolStep extends AmsTotals { poolMB: number; firmwareMB: number; ioEntitledMB: number; logicalMB: number }

/** How a running partition's AME is set: its factor and where compression runs; null when AME is off for it. */
export interface AmeSetting { factor: number; opts: { hardware: boolean; constants: AmeConstants } }

export function ameSetting(sys: ManagedSystem, p: Partition): AmeSetting | null {
  const a = p.run.alloc;
  if (!a || !(a.mem_expansion > 1) || !ameAppliesTo(p.def.os_version)) return null;
  // The accelerator needs the model's capability and the partition's hardware_mem_expansion not 0 (§5.5).
  const hardware = sys.model.capabilities.hardwareAme && a.hardware_mem_expansion !== 0;
  return { factor: a.mem_expansion, opts: { hardware, constants: sys.config.ame } };
}

/** Extra PU for AME compression of a partition using `cpu` PU with data that compresses by `compressibility`. */
export function ameExtraPU(sys: ManagedSystem, p: Partition, cpu: number, compressibility: number): number {
  const s = ameSetting(sys, p);
  return s ? ameCpuCost(s.factor, compressibility, cpu, s.opts) : 0;
}

export class MemoryRuntime {
  /** Per lpar_id: resident MB after the last step. */
  readonly resident = new Map<number, number>();
  last: MemPoolStep | null = null;
  private inputs: ReturnType<typeof amsPoolInputs> = null;
  private usage: ReturnType<typeof poolUsage> | null = null;
  private dirty = true;
  private forParts: readonly Partition[] | null = null;
  // Per partition of the pool (k): its index in the dispatcher's model, its pool inputs, the in-use memory
  // of the last computation, the results, and the faults and delay counted since the last flush.
  private idx = new Int32Array(0);
  private logical = new Float64Array(0);
  private weight = new Float64Array(0);
  private io = new Float64Array(0);
  private inUse = new Float64Array(0);
  private res = new Float64Array(0);
  private paged = new Float64Array(0);
  private faultRate = new Float64Array(0);
  private delayRate = new Float64Array(0);
  private faults = new Float64Array(0);
  private delay = new Float64Array(0);
  /** Whether the rates are those of `inUse`. */
  private computed = false;

  constructor(private readonly sys: ManagedSystem) {}

  invalidate(): void { this.dirty = true; }

  /**
   * Before steps over the model's partitions `parts` (the runtime model's): false when the system has no
   * shared memory pool, and then step() need not be called.
   */
  begin(parts: readonly Partition[]): boolean {
    if (this.dirty || parts !== this.forParts) {
      this.inputs = amsPoolInputs(this.sys);
      const pool = memPoolOf(this.sys);
      this.usage = pool ? poolUsage(this.sys, pool) : null;
      this.dirty = false;
      this.forParts = parts;
      this.layout(parts);
    }
    if (!this.inputs || !this.usage) { this.last = null; return false; }
    return true;
  }

  private layout(parts: readonly Partition[]): void {
    const ps = this.inputs?.partitions ?? [], n = ps.length;
    const at = new Map(parts.map((p, i) => [p.def.lpar_id, i]));
    // Every shared-memory partition holds an allocation, so it is in the model.
    this.idx = Int32Array.from(ps, (x) => at.get(x.lpar_id) ?? -1);
    this.logical = Float64Array.from(ps, (x) => x.logicalMB);
    this.weight = Float64Array.from(ps, (x) => x.weight);
    this.io = Float64Array.from(ps, (x) => x.ioEntitledMB);
    for (const k of ['inUse', 'res', 'paged', 'faultRate', 'delayRate', 'faults', 'delay'] as const) this[k] = new Float64Array(n);
    this.computed = false;
  }

  /** One step of `dt` ms with each model partition's in-use memory (MB, by model index); after begin(). */
  step(inUseByIndex: Float64Array, dt: number): void {
    const n = this.idx.length;
    let same = this.computed;
    for (let k = 0; k < n; k++) {
      const v = this.idx[k] < 0 ? 0 : inUseByIndex[this.idx[k]];
      if (v !== this.inUse[k]) { same = false; this.inUse[k] = v; }
    }
    if (!same) this.compute();
    const sec = dt / 1000;
    for (let k = 0; k < n; k++) {
      if (this.faultRate[k] > 0) { this.faults[k] += this.faultRate[k] * sec; this.delay[k] += this.delayRate[k] * sec; }
    }
  }

  private compute(): void {
    const inp = this.inputs!, usage = this.usage!, n = this.idx.length, c = this.sys.config.ams;
    const totals = amsAllocateInto(inp.poolMB, inp.firmwareMB, this.logical, this.inUse, this.weight, this.io, this.res, this.paged);
    for (let k = 0; k < n; k++) {
      this.resident.set(inp.partitions[k].lpar_id, this.res[k]);
      const r = amsPagingRate(this.paged[k], this.inUse[k], c.defaultAccessIntensity, c);
      this.faultRate[k] = r.pageFaultsPerSec;
      this.delayRate[k] = r.pageInDelayUsPerSec;
    }
    this.last = { ...totals, poolMB: inp.poolMB, firmwareMB: inp.firmwareMB, ioEntitledMB: usage.ioEntitledMB, logicalMB: usage.logicalMB };
    this.computed = true;
  }

  /** Hands the page faults and page-in delay (µs) counted since the last flush to `charge`, per lpar_id. */
  flush(charge: (lparId: number, faults: number, delayUs: number) => void): void {
    const ps = this.inputs?.partitions;
    if (!ps) return;
    for (let k = 0; k < this.idx.length; k++) {
      if (this.faults[k] > 0) charge(ps[k].lpar_id, this.faults[k], this.delay[k]);
      this.faults[k] = this.delay[k] = 0;
    }
  }
}
