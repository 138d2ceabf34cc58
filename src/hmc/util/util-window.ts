// lslparutil's selection options (hmc-cli.md §6.8: HMC Scanner sends --startyear … --endday, -n N
// --spread, -d DAYS, -s h|d): which samples, in which time window, at which summary level.
//
// Time window (UNCERTAIN, from the real command's manual as we understand it): every --start* component
// left out takes its lowest value (year 1970, January, day 1, 00:00); every --end* component left out takes
// the current one (so no --end* at all means "until now"). The end is inclusive to the end of its minute.
// Times are in the HMC's time zone, UTC in the simulator. -d DAYS / -h HOURS select the last days or hours
// instead and cannot be combined with --start*/--end*.
import { fail } from '../../errors/hmc-error.ts';
import { oneOf } from '../cli/args.ts';
import type { Granularity } from './util-store.ts';

export interface UtilWindow {
  from: number;
  to: number;
  granularity: Granularity;
  limit?: number;
  spread: boolean;
}

export const WINDOW_FLAGS = {
  '-n': 'value', '--spread': 'bool', '-s': 'value', '-d': 'value', '-h': 'value',
  '--startyear': 'value', '--startmonth': 'value', '--startday': 'value', '--starthour': 'value', '--startminute': 'value',
  '--endyear': 'value', '--endmonth': 'value', '--endday': 'value', '--endhour': 'value', '--endminute': 'value',
} as const;

/** Calendar components of a time: name, valid range, lowest value (the start's default). */
const PARTS = [
  { name: 'year', min: 1970, max: 9999 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day', min: 1, max: 31 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'minute', min: 0, max: 59 },
] as const;

const MINUTE = 60_000, HOUR = 3_600_000, DAY = 86_400_000;

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  if (!/^\d{1,9}$/.test(text) || Number(text) < min || Number(text) > max) {
    fail('USAGE', { why: `The value ${text} of the option ${flag} is not valid. Specify a whole number from ${min} to ${max}.` });
  }
  return Number(text);
}

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

function nowParts(now: number): number[] {
  const d = new Date(now);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

/** One end of the window from its --start* or --end* options; undefined when none was given. */
function boundary(values: ReadonlyMap<string, string>, which: 'start' | 'end', now: number): number | undefined {
  const given = PARTS.map((p) => values.get(`--${which}${p.name}`));
  if (given.every((g) => g === undefined)) return undefined;
  const current = nowParts(now);
  const v = PARTS.map((p, i) => (given[i] === undefined ? (which === 'start' ? p.min : current[i]) : wholeNumber(`--${which}${p.name}`, given[i]!, p.min, p.max)));
  const last = daysIn(v[0], v[1]);
  if (v[2] > last) {
    if (given[2] !== undefined) fail('USAGE', { why: `The value ${v[2]} of the option --${which}day is not valid: month ${v[1]} of ${v[0]} has ${last} days.` });
    v[2] = last; // today's day number does not exist in the given month: its last day
  }
  const t = Date.UTC(v[0], v[1] - 1, v[2], v[3], v[4]);
  return which === 'start' ? t : t + MINUTE - 1;
}

/** Parses the selection options of one lslparutil command (`now`: the HMC's current time). */
export function parseUtilWindow(values: ReadonlyMap<string, string>, bools: ReadonlySet<string>, now: number): UtilWindow {
  const granularity = oneOf(values.get('-s') ?? 's', ['s', 'h', 'd', 'm'] as const, 'sample rate');
  const n = values.get('-n');
  const limit = n === undefined ? undefined : wholeNumber('-n', n, 1, 999_999_999);
  const spread = bools.has('--spread');
  if (spread && limit === undefined) fail('USAGE', { why: 'The --spread option can be used only with the -n option.' });
  const start = boundary(values, 'start', now);
  const end = boundary(values, 'end', now);
  const days = values.get('-d'), hours = values.get('-h');
  if (days !== undefined || hours !== undefined) {
    if (days !== undefined && hours !== undefined) fail('USAGE', { why: 'Specify either -d or -h, not both.' });
    if (start !== undefined || end !== undefined) fail('USAGE', { why: `The ${days !== undefined ? '-d' : '-h'} option cannot be used with the --start or --end options.` });
    const span = days !== undefined ? wholeNumber('-d', days, 1, 999_999) * DAY : wholeNumber('-h', hours!, 1, 99_999_999) * HOUR;
    return { from: now - span, to: now, granularity, limit, spread };
  }
  const from = start ?? 0;
  const to = end ?? Number.MAX_SAFE_INTEGER;
  if (from > to) fail('USAGE', { why: 'The start time is later than the end time.' });
  return { from, to, granularity, limit, spread };
}
