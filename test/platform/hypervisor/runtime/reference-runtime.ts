// The runtime's accounting the plain way, as HypervisorRuntime did it before its batched path
// (dispatch-span.ts): step by step, the demand asked partition by partition (the workload's meanCpu), AME
// and paging worked out from scratch at every step, one allocate() per step, every counter added at every
// step. The fast path must give the same counters (fast-path.test.ts).
import type { ManagedSystem } from '../../../../src/platform/managed-system.ts';
import { allocate, createOutput, DISPATCH_WINDOW_MS, MODE_DEDICATED } from '../../../../src/platform/hypervisor/dispatcher/dispatcher.ts';
import { buildRuntimeModel } from '../../../../src/platform/hypervisor/runtime/runtime-model.ts';
import type { RuntimeCounters } from '../../../../src/platform/hypervisor/runtime/cycle-counters.ts';
import { ameExtraPU, type MemPoolStep } from '../../../../src/platform/hypervisor/runtime/memory-runtime.ts';
import { amsAllocateInto, amsPagingRate } from '../../../../src/platform/hypervisor/memory/ams-paging.ts';
import { amsPoolInputs, memPoolOf, poolUsage } from '../../../../src/platform/hypervisor/memory/pool-memory.ts';
import { PartitionState } from '../../../../src/platform/types/states.ts';
import { meanCpu } from '../../../../src/sim/workloads/demand-models.ts';
import type { WorkloadSpec } from '../../../../src/sim/workloads/workload-spec.ts';

export interface ReferenceMemory { resident: Map<number, number>; last: MemPoolStep | null; donatedPU: number }

/**
 * Adds to `k` what the system's partitions run from `from` to `to` (ms) under its current configuration,
 * with each partition's workload given by specOf; returns the memory pool's state after the last step.
 */
export function referenceAdvance(
  sys: ManagedSystem, specOf: (lparId: number) => WorkloadSpec | undefined, k: RuntimeCounters, from: number, to: number,
): ReferenceMemory {
  const rt = sys.config.runtime;
  const { model, parts } = buildRuntimeModel(sys);
  const out = createOutput(model);
  const demand = new Float64Array(model.n), ameShare = new Float64Array(model.n);
  const inUse = new Map<number, number>();
  const mem: ReferenceMemory = { resident: new Map(), last: null, donatedPU: 0 };
  const step = to - from <= rt.windowModeMaxMs ? DISPATCH_WINDOW_MS : rt.longHorizonStepMs;
  for (let t = from; t < to; t += step) {
    const dt = Math.min(step, to - t);
    parts.forEach((p, i) => {
      const s = specOf(p.def.lpar_id), a = p.run.alloc!;
      const idleMem = (a.mem * rt.idleMemInUsePercent) / 100;
      const running = p.run.state === PartitionState.Running && s !== undefined;
      const cpu = running ? meanCpu(s, t, t + dt) : rt.idleDemandPU;
      const used = running && s.mem !== undefined ? ('mb' in s.mem ? Math.min(a.mem, s.mem.mb) : (a.mem * s.mem.percent) / 100) : idleMem;
      const compress = running ? s.compress ?? rt.defaultCompressibility : rt.defaultCompressibility;
      const extra = ameExtraPU(sys, p, cpu, compress);
      demand[i] = cpu + extra;
      ameShare[i] = extra > 0 ? extra / (cpu + extra) : 0;
      inUse.set(p.def.lpar_id, used);
    });
    allocate(model, demand, out);
    const cycles = (dt / 1000) * rt.procCyclesPerSecond;
    pageStep(sys, inUse, dt, k, mem);
    const poolUsed = new Float64Array(model.poolCount);
    let sharedUsed = 0;
    for (let i = 0; i < parts.length; i++) {
      const c = k.lpar(parts[i].def.lpar_id), used = out.consumed[i], e = model.entitlement[i];
      c.ame += used * ameShare[i] * cycles;
      c.entitled += e * cycles;
      c.capped += Math.min(used, e) * cycles;
      c.uncapped += Math.max(0, used - e) * cycles;
      c.idle += Math.max(0, e - used) * cycles;
      if (model.mode[i] === MODE_DEDICATED) {
        if (model.sharingMode[i] >= 2) c.sharedWhileActive += Math.max(0, e - used) * cycles;
        continue;
      }
      sharedUsed += used;
      poolUsed[model.pool[i]] += used;
    }
    mem.donatedPU = out.donatedUsed;
    k.physical.total += model.sharedCores * cycles;
    k.physical.utilized += (sharedUsed - out.donatedUsed) * cycles;
    for (let p = 0; p < model.poolCount; p++) {
      if (p > 0 && !(model.poolMax[p] > 0)) continue;
      const pc = k.pool(p);
      pc.total += (p === 0 ? model.sharedCores : model.poolMax[p]) * cycles;
      pc.utilized += poolUsed[p] * cycles;
    }
  }
  k.elapsedMs += to - from;
  return mem;
}

/** One step of hypervisor paging of the shared memory pool, from scratch. */
function pageStep(sys: ManagedSystem, inUseOf: Map<number, number>, dt: number, k: RuntimeCounters, mem: ReferenceMemory): void {
  const inp = amsPoolInputs(sys), pool = memPoolOf(sys);
  if (!inp || !pool) { mem.last = null; return; }
  const usage = poolUsage(sys, pool);
  const n = inp.partitions.length;
  const inUse = inp.partitions.map((x) => inUseOf.get(x.lpar_id) ?? 0);
  const resident = new Array<number>(n), paged = new Array<number>(n);
  const totals = amsAllocateInto(
    inp.poolMB, inp.firmwareMB, inp.partitions.map((x) => x.logicalMB), inUse, inp.partitions.map((x) => x.weight),
    inp.partitions.map((x) => x.ioEntitledMB), resident, paged,
  );
  const c = sys.config.ams;
  for (let i = 0; i < n; i++) {
    const id = inp.partitions[i].lpar_id;
    mem.resident.set(id, resident[i]);
    const r = amsPagingRate(paged[i], inUse[i], c.defaultAccessIntensity, c);
    if (r.pageFaultsPerSec > 0) {
      const lc = k.lpar(id), faults = r.pageFaultsPerSec * (dt / 1000), delay = r.pageInDelayUsPerSec * (dt / 1000);
      lc.pageFaults += faults; lc.pageInDelayUs += delay;
      k.memPool.pageFaults += faults; k.memPool.pageInDelayUs += delay;
    }
  }
  mem.last = { ...totals, poolMB: inp.poolMB, firmwareMB: inp.firmwareMB, ioEntitledMB: usage.ioEntitledMB, logicalMB: usage.logicalMB };
}
