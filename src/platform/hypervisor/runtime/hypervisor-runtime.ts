// The hypervisor at run time: advances a managed system's partitions through simulated time, giving them
// processor time through the dispatcher (platform.md §6; DESIGN.md "Time": 10 ms windows for short spans,
// long-horizon steps for long ones) and counting the cycles the HMC reads as utilization (lslparutil).
// Time advances lazily: up to "now" whenever someone reads the counters and just before every change of
// the system, so each interval is dispatched with the configuration that was in force during it. An
// interval is whole steps and a last, shorter one; dispatch-span.ts runs them (a year at one-minute steps
// is one call).
import type { ManagedSystem } from '../../managed-system.ts';
import { DISPATCH_WINDOW_MS } from '../dispatcher/dispatcher.ts';
import { SystemState } from '../../types/states.ts';
import { buildRuntimeModel, type RuntimeModel } from './runtime-model.ts';
import { idleDemandSource, type DemandSource } from './demand-source.ts';
import { RuntimeCounters, type CountersState } from './cycle-counters.ts';
import { MemoryRuntime } from './memory-runtime.ts';
import { DispatchSpan } from './dispatch-span.ts';

/** States in which the system's processors run (and time_cycles counts). */
const POWERED = new Set<string>([SystemState.Operating, SystemState.Standby]);

export class HypervisorRuntime {
  private lastT: number;
  private rm: RuntimeModel | null = null;
  /** Dispatch steps over the current model (its scratch space and what it works out once per model). */
  private span: DispatchSpan | null = null;
  /** Paging of the shared memory pool. */
  readonly memory: MemoryRuntime;
  readonly counters = new RuntimeCounters();
  private powered: boolean;
  private donatedPU = 0;
  private source: DemandSource;

  constructor(private readonly sys: ManagedSystem) {
    this.lastT = sys.clock.now();
    this.source = idleDemandSource(sys.config.runtime);
    this.memory = new MemoryRuntime(sys);
    this.powered = true;
    sys.on((b) => {
      this.rm = null;
      this.memory.invalidate();
      // A removed partition's counters go with it: a new partition that reuses the id starts from zero.
      for (const e of b.events) if (e.kind === 'partition-removed') this.counters.lpars.delete(e.lpar_id);
    });
  }

  /** Where partitions' demand comes from (the simulation's workloads); idle OSes until set. */
  setDemandSource(source: DemandSource): void {
    this.advance();
    this.source = source;
  }

  /** Simulated ms counted since the system powered on (time_cycles' origin). */
  get elapsedMs(): number { return this.counters.elapsedMs; }
  get lastDonatedPU(): number { return this.donatedPU; }
  /** The current dispatcher view (rebuilt after changes). */
  runtimeModel(): RuntimeModel { return (this.rm ??= buildRuntimeModel(this.sys)); }

  /** The counters to keep when the simulator stops (the system keeps running). */
  exportCounters(): CountersState {
    this.advance();
    return this.counters.export(this.lastT);
  }

  /**
   * Counters kept from before a restart of the simulator. The time it was down is dispatched too (the
   * partitions ran on), unless the new clock starts earlier (a test's fresh virtual clock).
   */
  importCounters(s: CountersState): void {
    this.counters.import(s);
    this.lastT = Math.min(s.at, this.sys.clock.now());
  }

  /** Dispatch everything from the last advance up to the clock's now. */
  advance(): void {
    const now = this.sys.clock.now();
    if (now <= this.lastT) return;
    const on = POWERED.has(this.sys.cfg?.state);
    if (on && !this.powered) this.counters.reset(); // power on (IPL): counters start again
    this.powered = on;
    if (!on) { this.lastT = now; return; }
    const rm = this.runtimeModel();
    if (this.span?.rm !== rm) this.span = new DispatchSpan(this.sys, rm, this.memory);
    const span = this.span, cfg = this.sys.config.runtime;
    const step = now - this.lastT <= cfg.windowModeMaxMs ? DISPATCH_WINDOW_MS : cfg.longHorizonStepMs;
    const cycles = (dt: number): number => (dt / 1000) * cfg.procCyclesPerSecond;
    const whole = Math.floor((now - this.lastT) / step);
    let t = this.lastT;
    if (whole > 0) {
      t = span.run(this.source, t, step, whole);
      span.flush(this.counters, cycles(step), whole);
    }
    // The last, shorter step, up to now exactly.
    if (t < now) {
      span.run(this.source, t, now - t, 1);
      span.flush(this.counters, cycles(now - t), 1);
    }
    this.donatedPU = span.out.donatedUsed;
    this.counters.elapsedMs += now - this.lastT;
    this.lastT = now;
  }
}
