// The `date` utility (GNU coreutils behaviour, C locale, UTC): HMC Scanner reads the HMC clock with
// `date +"%Y-%m-%d %H:%M:%S"` (hmc-cli.md §2); bare `date` prints `Wed Nov 25 09:17:40 UTC 2026`.
// Time comes from the simulated clock (ShellHost.now), never from the wall clock.
import type { BuiltinContext } from './builtins.ts';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const DEFAULT_DATE_FORMAT = '%a %b %e %H:%M:%S %Z %Y';

interface Clock { d: Date; ms: number }

/** One conversion: its value, and for numbers the width and padding GNU date uses by default. */
interface Conversion { value: (c: Clock) => string | number; width?: number; pad?: '0' | ' ' }

const num = (value: Conversion['value'], width = 2, pad: '0' | ' ' = '0'): Conversion => ({ value, width, pad });
const text = (value: Conversion['value']): Conversion => ({ value });
const hour12 = (c: Clock) => (c.d.getUTCHours() + 11) % 12 + 1;
const dayOfYear = (c: Clock) => Math.floor((c.ms - Date.UTC(c.d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;

const CONVERSIONS: Record<string, Conversion> = {
  Y: num((c) => c.d.getUTCFullYear(), 0),
  C: num((c) => Math.floor(c.d.getUTCFullYear() / 100)),
  y: num((c) => c.d.getUTCFullYear() % 100),
  m: num((c) => c.d.getUTCMonth() + 1),
  d: num((c) => c.d.getUTCDate()),
  e: num((c) => c.d.getUTCDate(), 2, ' '),
  j: num(dayOfYear, 3),
  H: num((c) => c.d.getUTCHours()),
  k: num((c) => c.d.getUTCHours(), 2, ' '),
  I: num(hour12),
  l: num(hour12, 2, ' '),
  M: num((c) => c.d.getUTCMinutes()),
  S: num((c) => c.d.getUTCSeconds()),
  N: num((c) => (((c.ms % 1000) + 1000) % 1000) * 1_000_000, 9),
  s: num((c) => Math.floor(c.ms / 1000), 0),
  u: num((c) => c.d.getUTCDay() || 7, 0),
  w: num((c) => c.d.getUTCDay(), 0),
  a: text((c) => DAYS[c.d.getUTCDay()].slice(0, 3)),
  A: text((c) => DAYS[c.d.getUTCDay()]),
  b: text((c) => MONTHS[c.d.getUTCMonth()].slice(0, 3)),
  h: text((c) => MONTHS[c.d.getUTCMonth()].slice(0, 3)),
  B: text((c) => MONTHS[c.d.getUTCMonth()]),
  p: text((c) => (c.d.getUTCHours() < 12 ? 'AM' : 'PM')),
  Z: text(() => 'UTC'),
  z: text(() => '+0000'),
  n: text(() => '\n'),
  t: text(() => '\t'),
  '%': text(() => '%'),
};

/** Conversions that are shorthands for a format. */
const COMPOSITE: Record<string, string> = {
  F: '%Y-%m-%d', T: '%H:%M:%S', D: '%m/%d/%y', R: '%H:%M', r: '%I:%M:%S %p', c: '%a %b %e %H:%M:%S %Y', x: '%m/%d/%y', X: '%H:%M:%S',
};

/** Formats a time (ms since the epoch) like `date -u +FORMAT`; flags `-` `_` `0` `^` as in GNU date. */
export function formatDate(ms: number, format: string): string {
  const clock: Clock = { d: new Date(ms), ms };
  let out = '';
  for (let i = 0; i < format.length; i++) {
    if (format[i] !== '%' || i + 1 >= format.length) { out += format[i]; continue; }
    let j = i + 1;
    let flag = '';
    while (j < format.length && '-_0^'.includes(format[j])) flag = format[j++];
    const key = format[j] ?? '';
    const conv = Object.hasOwn(CONVERSIONS, key) ? CONVERSIONS[key] : undefined;
    let piece: string;
    if (Object.hasOwn(COMPOSITE, key)) piece = formatDate(ms, COMPOSITE[key]);
    else if (conv) piece = render(conv, clock, flag);
    else { out += format.slice(i, j + 1); i = j; continue; } // unknown: printed as written
    out += flag === '^' ? piece.toUpperCase() : piece;
    i = j;
  }
  return out;
}

function render(conv: Conversion, clock: Clock, flag: string): string {
  const v = String(conv.value(clock));
  if (conv.width === undefined || flag === '-') return v;
  const pad = flag === '_' ? ' ' : flag === '0' ? '0' : conv.pad ?? '0';
  return v.padStart(conv.width, pad);
}

export function date(argv: string[], ctx: BuiltinContext): number {
  let format: string | null = null;
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('+') && format === null) format = arg.slice(1);
    else if (arg === '-u' || arg === '--utc' || arg === '--universal') continue;
    else if (arg === '-s' || arg.startsWith('--set')) {
      ctx.io.err.write('date: cannot set date: Operation not permitted\n');
      return 1;
    } else if (arg.startsWith('--')) {
      ctx.io.err.write(`date: unrecognized option '${arg}'\nTry 'date --help' for more information.\n`);
      return 1;
    } else if (arg.startsWith('-') && arg.length > 1) {
      ctx.io.err.write(`date: invalid option -- '${arg[1]}'\nTry 'date --help' for more information.\n`);
      return 1;
    } else {
      ctx.io.err.write(format === null ? `date: invalid date '${arg}'\n` : `date: extra operand '${arg}'\nTry 'date --help' for more information.\n`);
      return 1;
    }
  }
  ctx.io.out.write(`${formatDate(ctx.now(), format ?? DEFAULT_DATE_FORMAT)}\n`);
  return 0;
}
