// Mean processor demand of each workload kind over an interval, computed exactly (closed forms and prefix
// integrals), so a long-horizon step gets the same core-seconds as the 10 ms windows it replaces.
import type { WorkloadSpec } from './workload-spec.ts';

const DAY_MS = 86_400_000;

/** Mean PU over [t0, t1) (simulated ms since the epoch); the point value when t1 = t0. */
export function meanCpu(s: WorkloadSpec, t0: number, t1: number): number {
  switch (s.kind) {
    case 'constant': return s.pu;
    case 'daily': return dailyMean(s.base, s.peak, s.peak_hour, t0, t1);
    case 'burst': return burstMean(s.base, s.peak, s.period * 1000, s.duration * 1000, t0, t1);
    case 'csv': return traceMean(traceOf(s), t0 - s.since, t1 - s.since);
  }
}

/** A daily curve: base at night, peak at peak_hour (UTC), a raised cosine in between. */
function dailyMean(base: number, peak: number, peakHour: number, t0: number, t1: number): number {
  const tp = dailyPeakMs(peakHour);
  return dailyLevel(base, dailyAmp(base, peak), dailyLift(dailyAvgCos(tp, t0, t1, dailySin(tp, t0), dailySin(tp, t1))));
}

// The daily curve in parts, so that a batch of partitions (demand-plan.ts) shares the trigonometry of those
// with the same peak hour, and reuses one step's end as the next step's start, with the same results.
const DAILY_W = (2 * Math.PI) / DAY_MS;
export const dailyPeakMs = (peakHour: number): number => peakHour * 3_600_000;
/** sin(ω(t − tp)): the antiderivative (up to 1/ω) of the curve's cosine at t. */
export const dailySin = (tp: number, t: number): number => Math.sin(DAILY_W * (t - tp));
/** Mean of cos(ω(t − tp)) over [t0, t1) from the sines at both ends; the point value when t1 ≤ t0. */
export function dailyAvgCos(tp: number, t0: number, t1: number, sin0: number, sin1: number): number {
  if (t1 <= t0) return Math.cos(DAILY_W * (t0 - tp));
  return (sin1 - sin0) / (DAILY_W * (t1 - t0));
}
/** The curve's level: base plus the raised cosine, amp·(1 + mean cosine) with amp half the way up to peak. */
export const dailyAmp = (base: number, peak: number): number => (peak - base) / 2;
export const dailyLift = (avgCos: number): number => 1 + avgCos;
export const dailyLevel = (base: number, amp: number, lift: number): number => base + amp * lift;

/**
 * meanCpu of one burst or csv workload with its per-call work done once (the trace's prefix integral looked
 * up, units converted), for replaying many steps; same results as meanCpu.
 */
export function intervalMean(s: Extract<WorkloadSpec, { kind: 'burst' | 'csv' }>): (t0: number, t1: number) => number {
  if (s.kind === 'burst') {
    const { base, peak } = s, period = s.period * 1000, duration = s.duration * 1000;
    return (t0, t1) => burstMean(base, peak, period, duration, t0, t1);
  }
  const tr = traceOf(s), since = s.since;
  return (t0, t1) => traceMean(tr, t0 - since, t1 - since);
}

/** Bursts: `peak` for the first `duration` of every `period` (periods aligned to the epoch), else `base`. */
function burstMean(base: number, peak: number, period: number, duration: number, t0: number, t1: number): number {
  const d = Math.min(duration, period);
  const busy = (t: number): number => Math.floor(t / period) * d + Math.min(t - Math.floor(t / period) * period, d);
  if (t1 <= t0) return t0 - Math.floor(t0 / period) * period < d ? peak : base;
  return base + ((peak - base) * (busy(t1) - busy(t0))) / (t1 - t0);
}

interface Trace { at: Float64Array; value: Float64Array; prefix: Float64Array; lengthMs: number }
const traces = new WeakMap<object, Trace>();

/** Step function over the trace's points (each value holds until the next point), replayed in a loop. */
function traceOf(s: Extract<WorkloadSpec, { kind: 'csv' }>): Trace {
  let t = traces.get(s);
  if (t) return t;
  const n = s.points.length;
  const at = new Float64Array(n), value = new Float64Array(n), prefix = new Float64Array(n + 1);
  s.points.forEach(([sec, pu], i) => { at[i] = sec * 1000; value[i] = pu; });
  // The last point holds as long as the trace's last step (its last non-zero gap, or a minute).
  let lastStep = 60_000;
  for (let i = n - 1; i > 0; i--) if (at[i] > at[i - 1]) { lastStep = at[i] - at[i - 1]; break; }
  const lengthMs = at[n - 1] + lastStep;
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + value[i] * ((i + 1 < n ? at[i + 1] : lengthMs) - at[i]);
  t = { at, value, prefix, lengthMs };
  traces.set(s, t);
  return t;
}

/** ∫ demand from the trace's start to t (t ≥ 0, ms), over whole loops plus a part. */
function cumulative(tr: Trace, t: number): number {
  const loops = Math.floor(t / tr.lengthMs);
  const r = t - loops * tr.lengthMs;
  let lo = 0, hi = tr.at.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (tr.at[mid] <= r) lo = mid; else hi = mid - 1; }
  const before = r < tr.at[0] ? 0 : tr.prefix[lo] + tr.value[lo] * (r - tr.at[lo]);
  return loops * tr.prefix[tr.at.length] + before;
}

function traceMean(tr: Trace, t0: number, t1: number): number {
  const a = Math.max(0, t0), b = Math.max(0, t1);
  if (b <= a) return cumulative(tr, a + 1) - cumulative(tr, a); // the value in force at a (over 1 ms)
  return (cumulative(tr, b) - cumulative(tr, a)) / (b - a);
}
