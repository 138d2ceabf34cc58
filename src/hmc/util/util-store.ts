// The HMC's utilization data in its database (tables util_samples and util_config, src/hmc/store/hmc-db.ts):
// per managed system (by MTMS, which survives a rename) its sample rate and one row per resource per sample.
//
// Summaries as the real HMC keeps them (brief; UNCERTAIN, retention periods in SimConfig hmc.utilRetention):
// the counters are cumulative, so an hourly or daily value is simply the first sample of that hour or day.
// Every sample is flagged at insert when it is the first of its hour, day or month (UTC, the HMC's time
// zone here); pruning keeps every sample for `sampleHours`, then only hour-firsts for `hourlyDays`, then
// only day-firsts for `dailyDays`, and `lslparutil -s h|d|m` lists the flagged rows.
import type { SimConfig } from '../../sim/config.ts';
import type { HmcDb } from '../store/hmc-db.ts';
import type { ResourceRow, UtilRecord, UtilResource } from './util-fields.ts';

export type Granularity = 's' | 'h' | 'd' | 'm';
const HOUR = 1, DAY = 2, MONTH = 4;
const MASK: Record<Granularity, number> = { s: 0, h: HOUR, d: DAY, m: MONTH };
const H_MS = 3_600_000, D_MS = 86_400_000;

/** What lslparutil asks for. Times are inclusive bounds in ms; filters narrow their own resource type only. */
export interface UtilSelection {
  mtms: string;
  types: readonly UtilResource[];
  from: number;
  to: number;
  granularity: Granularity;
  /** The newest `limit` samples (or, with `spread`, `limit` samples spread evenly over the window). */
  limit?: number;
  spread?: boolean;
  lparNames?: readonly string[];
  lparIds?: readonly number[];
  poolNames?: readonly string[];
  poolIds?: readonly number[];
}

const monthOf = (t: number): number => { const d = new Date(t); return d.getUTCFullYear() * 12 + d.getUTCMonth(); };

function rollupOf(prev: number | undefined, t: number): number {
  if (prev === undefined) return HOUR | DAY | MONTH;
  return (Math.floor(prev / H_MS) !== Math.floor(t / H_MS) ? HOUR : 0) |
    (Math.floor(prev / D_MS) !== Math.floor(t / D_MS) ? DAY : 0) |
    (monthOf(prev) !== monthOf(t) ? MONTH : 0);
}

export class UtilStore {
  private readonly lastSample = new Map<string, number | undefined>();
  private readonly st;
  constructor(private readonly hmcDb: HmcDb, private readonly retention: SimConfig['hmc']['utilRetention']) {
    const db = hmcDb.db;
    this.st = {
      insert: db.prepare('INSERT INTO util_samples (mtms, time, event_type, resource_type, res_id, res_name, rollup, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      last: db.prepare("SELECT MAX(time) AS t FROM util_samples WHERE mtms = ? AND event_type = 'sample'"),
      pruneSamples: db.prepare('DELETE FROM util_samples WHERE mtms = ? AND time < ? AND (rollup & 3) = 0'),
      pruneHourly: db.prepare('DELETE FROM util_samples WHERE mtms = ? AND time < ? AND (rollup & 2) = 0'),
      pruneDaily: db.prepare('DELETE FROM util_samples WHERE mtms = ? AND time < ?'),
      getRate: db.prepare('SELECT sample_rate FROM util_config WHERE mtms = ?'),
      setRate: db.prepare('INSERT INTO util_config (mtms, sample_rate) VALUES (?, ?) ON CONFLICT (mtms) DO UPDATE SET sample_rate = excluded.sample_rate'),
    };
  }

  rate(mtms: string): number | undefined {
    return (this.st.getRate.get(mtms) as { sample_rate: number } | undefined)?.sample_rate;
  }
  setRate(mtms: string, seconds: number): void { this.st.setRate.run(mtms, seconds); }

  /** Store one sample (or event) of a system: all its resource rows in one transaction. */
  insert(mtms: string, time: number, eventType: string, rows: readonly ResourceRow[]): void {
    if (!this.lastSample.has(mtms)) this.lastSample.set(mtms, (this.st.last.get(mtms) as { t: number | null }).t ?? undefined);
    const sample = eventType === 'sample';
    const rollup = sample ? rollupOf(this.lastSample.get(mtms), time) : 0;
    this.hmcDb.db.transaction(() => {
      for (const r of rows) this.st.insert.run(mtms, time, eventType, r.resource_type, r.res_id, r.res_name, rollup, JSON.stringify(r.data));
      // Pruning once an hour is enough: nothing becomes due in between.
      if (rollup & HOUR) this.prune(mtms, time);
    })();
    if (sample) this.lastSample.set(mtms, time);
  }

  private prune(mtms: string, now: number): void {
    this.st.pruneSamples.run(mtms, now - this.retention.sampleHours * H_MS);
    this.st.pruneHourly.run(mtms, now - this.retention.hourlyDays * D_MS);
    this.st.pruneDaily.run(mtms, now - this.retention.dailyDays * D_MS);
  }

  /** The selected rows, newest sample first; within a sample in print order (util-fields.ts resourceRows). */
  select(q: UtilSelection): UtilRecord[] {
    const [where, params] = conditions(q);
    const groups = this.hmcDb.db.prepare(`SELECT time, event_type, MAX(seq) AS last FROM util_samples WHERE ${where} GROUP BY time, event_type ORDER BY last DESC`)
      .all(...params) as { time: number; event_type: string }[];
    const chosen = pick(groups, q.limit, q.spread ?? false);
    if (chosen.length === 0) return [];
    const lo = Math.min(...chosen.map((g) => g.time)), hi = Math.max(...chosen.map((g) => g.time));
    const rows = this.hmcDb.db.prepare(`SELECT time, event_type, resource_type, json FROM util_samples WHERE ${where} AND time >= ? AND time <= ? ORDER BY seq`)
      .all(...params, lo, hi) as { time: number; event_type: string; resource_type: UtilResource; json: string }[];
    const byGroup = new Map<string, UtilRecord[]>(chosen.map((g) => [`${g.time}|${g.event_type}`, []]));
    for (const r of rows) {
      byGroup.get(`${r.time}|${r.event_type}`)?.push({ time: r.time, event_type: r.event_type, resource_type: r.resource_type, data: JSON.parse(r.json) });
    }
    return [...byGroup.values()].flat();
  }
}

/** The WHERE clause of a selection, with its parameters. */
function conditions(q: UtilSelection): [string, unknown[]] {
  const c: string[] = ['mtms = ?', 'time >= ?', 'time <= ?', `resource_type IN (${q.types.map(() => '?').join(', ')})`];
  const p: unknown[] = [q.mtms, q.from, q.to, ...q.types];
  if (q.granularity !== 's') { c.push('(rollup & ?) != 0'); p.push(MASK[q.granularity]); }
  const narrow = (type: UtilResource, names?: readonly string[], ids?: readonly number[]): void => {
    if (!names && !ids) return;
    const parts: string[] = [];
    if (names) { parts.push(`res_name IN (${names.map(() => '?').join(', ')})`); p.push(type, ...names); }
    else p.push(type);
    if (ids) { parts.push(`res_id IN (${ids.map(() => '?').join(', ')})`); p.push(...ids); }
    c.push(`(resource_type != ? OR (${parts.join(' AND ')}))`);
  };
  narrow('lpar', q.lparNames, q.lparIds);
  narrow('procpool', q.poolNames, q.poolIds);
  return [c.join(' AND '), p];
}

/** Newest `limit` groups, or `limit` groups spread evenly from the newest to the oldest (--spread). */
function pick<T>(groups: T[], limit: number | undefined, spread: boolean): T[] {
  if (limit === undefined || limit >= groups.length) return groups;
  if (!spread || limit === 1) return groups.slice(0, limit);
  const out = new Set<T>();
  for (let i = 0; i < limit; i++) out.add(groups[Math.round((i * (groups.length - 1)) / (limit - 1))]);
  return [...out];
}
