// A partition's workload, as an administrator or a lab states it (issue "Runtime" item 3): a demand model
// and its parameters, written `KIND key=value …`, e.g.
//   constant pu=1.5 mem=75%
//   daily base=0.2 peak=2.0 peak_hour=14
//   burst base=0.1 peak=3 period=600 duration=60
//   csv file=trace.csv column=2 interval=60
// pu values are processing units the OS would use if nothing limited it (the dispatcher then applies
// entitlement, capping, weights and pools). `mem` is memory in use (MB or % of the partition's memory) and
// `compress` the fraction by which its data shrinks when compressed (for Active Memory Expansion).
// This is simulation input, not a PowerVM attribute; the real platform runs whatever the OS runs.
import { z } from 'zod';

const PU = z.number().min(0).max(1024);
const Common = {
  mem: z.union([z.object({ mb: z.number().min(0) }), z.object({ percent: z.number().min(0).max(100) })]).optional(),
  compress: z.number().gt(0).max(1).optional(),
};

export const WorkloadSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('constant'), pu: PU, ...Common }),
  z.object({ kind: z.literal('daily'), base: PU, peak: PU, peak_hour: z.number().min(0).max(24).default(14), ...Common }),
  z.object({ kind: z.literal('burst'), base: PU, peak: PU, period: z.number().positive(), duration: z.number().positive(), ...Common }),
  z.object({
    kind: z.literal('csv'), file: z.string(),
    /** Trace points as loaded (seconds from the trace's start, PU); replay loops over the trace. */
    points: z.array(z.tuple([z.number(), PU])).min(1),
    /** Simulated ms when the replay started. */
    since: z.number(),
    ...Common,
  }),
]);

export type WorkloadSpec = z.infer<typeof WorkloadSpecSchema>;

export class WorkloadSyntaxError extends Error {}

const KINDS: Record<string, { required: string[]; optional: string[] }> = {
  constant: { required: ['pu'], optional: [] },
  daily: { required: ['base', 'peak'], optional: ['peak_hour'] },
  burst: { required: ['base', 'peak', 'period', 'duration'], optional: [] },
  csv: { required: ['file'], optional: ['column', 'interval'] },
};
const COMMON = ['mem', 'compress'];

/** Words of a workload statement → its parameters (numbers still as text for csv loading). */
export function parseWorkloadWords(words: string[]): { kind: string; params: Record<string, string> } {
  const [kind, ...rest] = words;
  const shape = kind === undefined ? undefined : KINDS[kind];
  if (!shape) throw new WorkloadSyntaxError(`unknown workload kind "${kind ?? ''}": use ${Object.keys(KINDS).join(', ')}`);
  const params: Record<string, string> = {};
  for (const w of rest) {
    const eq = w.indexOf('=');
    const key = eq > 0 ? w.slice(0, eq) : '';
    if (!key || (!shape.required.includes(key) && !shape.optional.includes(key) && !COMMON.includes(key))) {
      throw new WorkloadSyntaxError(`"${w}": a ${kind} workload takes ${[...shape.required, ...shape.optional, ...COMMON].map((k) => `${k}=`).join(' ')}`);
    }
    if (key in params) throw new WorkloadSyntaxError(`${key}= given twice`);
    params[key] = w.slice(eq + 1);
  }
  for (const k of shape.required) if (!(k in params)) throw new WorkloadSyntaxError(`a ${kind} workload needs ${k}=`);
  return { kind, params };
}

export function num(key: string, text: string): number {
  if (!/^\d+(\.\d+)?$/.test(text)) throw new WorkloadSyntaxError(`${key}=${text}: not a non-negative number`);
  return Number(text);
}

export function memParam(text: string): { mb: number } | { percent: number } {
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(text);
  if (!m) throw new WorkloadSyntaxError(`mem=${text}: give megabytes (6144) or a percentage (75%)`);
  return m[2] ? { percent: Number(m[1]) } : { mb: Number(m[1]) };
}

/** The statement that recreates a spec (`powervm-sim workload` listings). */
export function formatWorkload(s: WorkloadSpec): string {
  const common = [s.mem ? `mem=${'mb' in s.mem ? s.mem.mb : `${s.mem.percent}%`}` : '', s.compress !== undefined ? `compress=${s.compress}` : ''].filter(Boolean);
  switch (s.kind) {
    case 'constant': return ['constant', `pu=${s.pu}`, ...common].join(' ');
    case 'daily': return ['daily', `base=${s.base}`, `peak=${s.peak}`, `peak_hour=${s.peak_hour}`, ...common].join(' ');
    case 'burst': return ['burst', `base=${s.base}`, `peak=${s.peak}`, `period=${s.period}`, `duration=${s.duration}`, ...common].join(' ');
    case 'csv': return ['csv', `file=${s.file}`, `(${s.points.length} points)`, ...common].join(' ');
  }
}
