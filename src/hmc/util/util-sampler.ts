// The HMC's utilization sampler (hmc-cli.md §6.8 lslparutil/chlparutil): at each system's sample rate it
// reads the system's cumulative counters over the HMC link (`util.counters`) and stores one row per
// resource. Timing comes only from the injected clock. A system that is not connected (lost link, failed
// authentication) is skipped for that sample, as the real HMC records nothing it could not read.
//
// Samples fall on multiples of the rate in HMC time (every full minute at 60 s), so that hourly and daily
// summaries start on the hour; the real HMC's phase is not documented.
import { fail, isHmcError } from '../../errors/hmc-error.ts';
import type { FspArgs, FspOp, FspResult } from '../../link/fsp-api.ts';
import type { Clock, TimerHandle } from '../../sim/clock.ts';
import type { SimConfig } from '../../sim/config.ts';
import type { SystemView } from '../system-view.ts';
import { resourceRows } from './util-fields.ts';
import type { UtilStore } from './util-store.ts';

/** What the sampler needs of the HMC (the Hmc class provides it). */
export interface SamplerHost {
  clock: Clock;
  config: SimConfig;
  systems(): SystemView[];
  call<K extends FspOp>(v: SystemView, op: K, args: FspArgs<K>): Promise<FspResult<K>>;
}

interface Timer { handle: TimerHandle; rate: number }

export class UtilSampler {
  private readonly timers = new Map<SystemView, Timer>();
  private readonly inflight = new Set<Promise<void>>();
  private running = false;
  /** The last unexpected (non-HSCL) failure of a sample; samples go on (tests assert there is none). */
  lastError: unknown;

  constructor(private readonly host: SamplerHost, readonly store: UtilStore) {}

  /** The sample rate of a system, in seconds (0: not sampled). */
  rateOf(v: SystemView): number {
    return (v.mtms ? this.store.rate(v.mtms) : undefined) ?? this.host.config.hmc.utilSampleRateSec;
  }

  /**
   * Set how often systems are sampled (chlparutil -r config -s): one of the rates the HMC accepts
   * (hmc.utilSampleRates, UNCERTAIN), 0 to stop. The rate is kept per system (by MTMS, across renames).
   */
  setRate(views: readonly SystemView[], value: string | number): void {
    const rates = this.host.config.hmc.utilSampleRates;
    const rate = Number(value);
    if (!/^\d+$/.test(String(value)) || !rates.includes(rate)) fail('USAGE', { why: `${value} is not a valid sample rate. Valid values are ${rates.join(', ')}.` });
    // A system never connected has no identity yet to keep its rate under.
    for (const v of views) if (!v.mtms) fail('SYSTEM_STATE', { system: v.name, state: v.state, need: 'Operating' });
    for (const v of views) this.store.setRate(v.mtms!, rate);
    this.sync();
  }

  start(): void {
    this.running = true;
    this.sync();
  }

  stop(): void {
    this.running = false;
    for (const t of this.timers.values()) this.host.clock.cancel(t.handle);
    this.timers.clear();
  }

  /** Bring the timers in line with the connected systems and their rates (after a connection or rate change). */
  sync(): void {
    if (!this.running) return;
    const views = new Set(this.host.systems());
    for (const [v, t] of this.timers) {
      if (!views.has(v) || this.rateOf(v) !== t.rate) { this.host.clock.cancel(t.handle); this.timers.delete(v); }
    }
    for (const v of views) if (!this.timers.has(v)) this.schedule(v);
  }

  /** Wait until every sample already taken is stored (a listing then shows it). */
  async settled(): Promise<void> {
    while (this.inflight.size) await Promise.all([...this.inflight]);
  }

  private schedule(v: SystemView): void {
    const rate = this.rateOf(v);
    if (rate <= 0) return;
    const ms = rate * 1000;
    const at = (Math.floor(this.host.clock.now() / ms) + 1) * ms;
    this.timers.set(v, { rate, handle: this.host.clock.schedule(at, () => this.tick(v), { background: true }) });
  }

  private tick(v: SystemView): void {
    this.timers.delete(v);
    if (!this.running) return;
    this.schedule(v);
    if (v.conn !== 'Connected' || !v.mtms) return;
    const time = this.host.clock.now();
    const mtms = v.mtms;
    // The request is sent now (the in-process link reads the counters at once); the row is stored when it
    // answers. An answer arriving after the HMC closed is dropped, as by an HMC shutting down.
    const p = this.host.call(v, 'util.counters', {})
      .then((c) => { if (this.running) this.store.insert(mtms, time, 'sample', resourceRows(c)); })
      .catch((e: unknown) => { if (!isHmcError(e)) this.lastError = e; })
      .finally(() => this.inflight.delete(p));
    this.inflight.add(p);
  }
}
