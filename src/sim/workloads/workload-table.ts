// The workloads running in one managed system's partitions (by partition id), kept in a small journal
// next to the system's NVRAM so they survive a simulator restart, and offered to the hypervisor as its
// DemandSource. Partitions without a workload run an idle OS (config runtime.idle…).
import type { NvramStore } from '../../platform/fsp/nvram.ts';
import type { ManagedSystem, Partition } from '../../platform/managed-system.ts';
import type { DemandSource, PartitionDemand } from '../../platform/hypervisor/runtime/demand-source.ts';
import { meanCpu } from './demand-models.ts';
import { loadTrace } from './csv-trace.ts';
import { memParam, num, parseWorkloadWords, WorkloadSpecSchema, WorkloadSyntaxError, type WorkloadSpec } from './workload-spec.ts';

const key = (lparId: number): string => `lpar/${lparId}`;

export class WorkloadTable implements DemandSource {
  private readonly specs = new Map<number, WorkloadSpec>();

  constructor(private readonly sys: ManagedSystem, private readonly store: NvramStore) {
    // What ran in a removed partition goes with it: a new partition reusing the id starts idle.
    sys.on((b) => {
      for (const e of b.events) {
        if (e.kind === 'partition-removed' && this.specs.delete(e.lpar_id)) this.store.commit([], [key(e.lpar_id)]);
      }
    });
    const loaded = store.load();
    if (loaded.kind !== 'ok') return;
    for (const [k, v] of loaded.entries) {
      const parsed = WorkloadSpecSchema.safeParse(v);
      if (k.startsWith('lpar/') && parsed.success) this.specs.set(Number(k.slice(5)), parsed.data);
    }
  }

  get(lparId: number): WorkloadSpec | undefined { return this.specs.get(lparId); }

  /** Set (or with words ['none'] clear) a partition's workload from its statement words. */
  set(lparId: number, words: string[]): WorkloadSpec | undefined {
    if (words.length === 1 && words[0] === 'none') {
      this.sys.runtime.advance();
      this.specs.delete(lparId);
      this.store.commit([], [key(lparId)]);
      return undefined;
    }
    const spec = this.build(words);
    // Time so far ran under the previous workload.
    this.sys.runtime.advance();
    this.specs.set(lparId, spec);
    this.store.commit([[key(lparId), spec]], []);
    return spec;
  }

  demand(p: Partition, t0: number, t1: number): PartitionDemand {
    const rt = this.sys.config.runtime;
    const s = this.specs.get(p.def.lpar_id);
    const mem = p.run.alloc?.mem ?? 0;
    if (!s) return { cpu: rt.idleDemandPU, memInUseMB: (mem * rt.idleMemInUsePercent) / 100, compressibility: rt.defaultCompressibility };
    const inUse = s.mem === undefined ? (mem * rt.idleMemInUsePercent) / 100 : 'mb' in s.mem ? Math.min(mem, s.mem.mb) : (mem * s.mem.percent) / 100;
    return { cpu: meanCpu(s, t0, t1), memInUseMB: inUse, compressibility: s.compress ?? rt.defaultCompressibility };
  }

  private build(words: string[]): WorkloadSpec {
    const { kind, params } = parseWorkloadWords(words);
    const n = (k: string): number => num(k, params[k]);
    const common = {
      ...(params.mem !== undefined ? { mem: memParam(params.mem) } : {}),
      ...(params.compress !== undefined ? { compress: n('compress') } : {}),
    };
    const raw = kind === 'constant' ? { kind, pu: n('pu') }
      : kind === 'daily' ? { kind, base: n('base'), peak: n('peak'), ...(params.peak_hour !== undefined ? { peak_hour: n('peak_hour') } : {}) }
      : kind === 'burst' ? { kind, base: n('base'), peak: n('peak'), period: n('period'), duration: n('duration') }
      : { kind, file: params.file, points: loadTrace(params.file, params.column ? n('column') : 2, params.interval ? n('interval') : 60), since: this.sys.clock.now() };
    const parsed = WorkloadSpecSchema.safeParse({ ...raw, ...common });
    if (!parsed.success) throw new WorkloadSyntaxError(parsed.error.issues.map((i) => `${i.path.join('.') || kind}: ${i.message}`).join('; '));
    return parsed.data;
  }
}
