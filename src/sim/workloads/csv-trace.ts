// Loading a CSV utilization trace for replay (`csv file=… column=N interval=S`): one row per sample, the
// first column the sample's time (seconds from the start, or an ISO-8601 timestamp), column N (default 2)
// the processing units consumed. A header line is skipped. Without timestamps (one column), rows are
// `interval` seconds apart (default 60).
import { readFileSync } from 'node:fs';
import { WorkloadSyntaxError } from './workload-spec.ts';

export function loadTrace(path: string, column = 2, interval = 60): [number, number][] {
  if (!(interval > 0)) throw new WorkloadSyntaxError(`interval=${interval}: rows must be some seconds apart`);
  const points = readTrace(path, column, interval);
  // A replay needs a trace that lasts: its samples must span some time (demand-models.ts loops over it).
  if (points.length > 1 && points[points.length - 1][0] <= 0) throw new WorkloadSyntaxError(`${path}: all samples have the same time`);
  return points;
}

function readTrace(path: string, column: number, interval: number): [number, number][] {
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (e) { throw new WorkloadSyntaxError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`); }
  const rows = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split(/[,;\t]/).map((c) => c.trim()));
  if (rows.length > 0 && rows[0].every((c) => !/^[\d.]/.test(c))) rows.shift();
  if (rows.length === 0) throw new WorkloadSyntaxError(`${path}: no samples`);
  const single = rows.every((r) => r.length === 1);
  let origin: number | undefined;
  return rows.map((r, i) => {
    const line = i + 1;
    const valueText = single ? r[0] : r[column - 1];
    const pu = Number(valueText);
    if (valueText === undefined || !Number.isFinite(pu) || pu < 0) throw new WorkloadSyntaxError(`${path}: row ${line}: column ${single ? 1 : column} is not a processing-unit value`);
    if (single) return [i * interval, pu];
    const t = /^\d+(\.\d+)?$/.test(r[0]) ? Number(r[0]) : Date.parse(utc(r[0])) / 1000;
    if (!Number.isFinite(t)) throw new WorkloadSyntaxError(`${path}: row ${line}: "${r[0]}" is neither seconds nor a timestamp`);
    origin ??= t;
    const rel = t - origin;
    if (rel < 0) throw new WorkloadSyntaxError(`${path}: row ${line}: samples must be in time order`);
    return [rel, pu];
  });
}

/** A timestamp without a zone is UTC (the simulator's clock), never the host's local time. */
const utc = (text: string): string => (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? `${text.replace(' ', 'T')}Z` : text);
