// The workloads running in one managed system's partitions (by partition id), kept in a small journal
// next to the system's NVRAM so they survive a simulator restart, and offered to the hypervisor as its
// DemandSource. Partitions without a workload run an idle OS (config runtime.idle…).
import type { NvramStore } from '../../platform/fsp/nvram.ts';
import type { ManagedSystem, Partition } from '../../platform/managed-system.ts';
import type { DemandSource } from '../../platform/hypervisor/runtime/demand-source.ts';
import { DemandPlan } from './demand-plan.ts';
import { loadTrace } from './csv-trace.ts';
import { memParam, num, parseWorkloadWords, WorkloadSpecSchema, WorkloadSyntaxError, type WorkloadSpec } from './workload-spec.ts';

const key = (lparId: number): string => `lpar/${lparId}`;

export class WorkloadTable implements DemandSource {
  private readonly specs = new Map<number, WorkloadSpec>();
  /** Bumped whenever a workload is set or cleared: the plan (demand-plan.ts) is made again. */
  private version = 0;
  private plan: { parts: readonly Partition[]; version: number; plan: DemandPlan } | null = null;

  constructor(private readonly sys: ManagedSystem, private readonly store: NvramStore) {
    // What ran in a removed partition goes with it: a new partition reusing the id starts idle.
    sys.on((b) => {
      for (const e of b.events) {
        if (e.kind === 'partition-removed' && this.specs.delete(e.lpar_id)) { this.version++; this.store.commit([], [key(e.lpar_id)]); }
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
      this.version++;
      this.store.commit([], [key(lparId)]);
      return undefined;
    }
    const spec = this.build(words);
    // Time so far ran under the previous workload.
    this.sys.runtime.advance();
    this.specs.set(lparId, spec);
    this.version++;
    this.store.commit([[key(lparId), spec]], []);
    return spec;
  }

  fill(
    parts: readonly Partition[], t0: number, t1: number, cpu: Float64Array,
    memInUseMB: Float64Array | null, compressibility: Float64Array | null,
  ): void {
    let c = this.plan;
    if (!c || c.parts !== parts || c.version !== this.version) {
      c = this.plan = { parts, version: this.version, plan: new DemandPlan(parts, (id) => this.specs.get(id), this.sys.config.runtime) };
    }
    c.plan.fill(t0, t1, cpu, memInUseMB, compressibility);
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
