// lslparutil's selection options (src/hmc/util/util-window.ts): time window from --start*/--end*, -d, -h,
// -n, --spread and -s, checked with properties over random times and random (often invalid) option text.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isHmcError } from '../../../src/errors/hmc-error.ts';
import { parseUtilWindow, WINDOW_FLAGS } from '../../../src/hmc/util/util-window.ts';

const MIN = 60_000;
const PARTS = ['year', 'month', 'day', 'hour', 'minute'] as const;

/** The calendar components of a time, as the options take them. */
function parts(t: number): number[] {
  const d = new Date(t);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

/** Options --{which}{part} for the chosen components of `t`. */
function opts(which: 'start' | 'end', t: number, chosen: readonly boolean[]): [string, string][] {
  const p = parts(t);
  return PARTS.flatMap((name, i) => (chosen[i] ? [[`--${which}${name}`, String(p[i])] as [string, string]] : []));
}

const parse = (pairs: [string, string][], now: number, bools: string[] = []) => parseUtilWindow(new Map(pairs), new Set(bools), now);

/** Whether parsing refuses with the usage error (and nothing else). */
function refuses(pairs: [string, string][], now: number, bools: string[] = []): boolean {
  try {
    parse(pairs, now, bools);
    return false;
  } catch (e) {
    if (!isHmcError(e)) throw e;
    return e.code === 'HSCLSIM28';
  }
}

const time = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1) });
const now = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });

describe('lslparutil time window', () => {
  it('start and end at the same minute select exactly that minute', () => {
    fc.assert(fc.property(time, now, (t, n) => {
      const all = [true, true, true, true, true];
      const w = parse([...opts('start', t, all), ...opts('end', t, all)], n);
      const minute = Math.floor(t / MIN) * MIN;
      assert.equal(w.from, minute);
      assert.equal(w.to, minute + MIN - 1);
    }));
  });

  it('start components left out take their lowest value: a leading prefix truncates the time to that unit', () => {
    fc.assert(fc.property(time, now, fc.integer({ min: 1, max: 5 }), (t, n, k) => {
      const w = parse(opts('start', t, PARTS.map((_, i) => i < k)), n);
      const p = parts(t);
      const expect = Date.UTC(p[0], k > 1 ? p[1] - 1 : 0, k > 2 ? p[2] : 1, k > 3 ? p[3] : 0, k > 4 ? p[4] : 0);
      assert.equal(w.from, expect);
      assert.ok(w.from <= t);
      assert.ok(w.to >= n, 'no --end*: up to now');
    }));
  });

  it('end components left out take the current ones: any subset of now\'s own components ends with the current minute', () => {
    fc.assert(fc.property(now, fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), (n, chosen) => {
      fc.pre(chosen.some(Boolean));
      const w = parse(opts('end', n, chosen), n);
      assert.equal(w.to, Math.floor(n / MIN) * MIN + MIN - 1);
      assert.equal(w.from, 0);
    }));
  });

  it('a window is accepted exactly when its start is not after its end', () => {
    fc.assert(fc.property(time, time, now, (a, b, n) => {
      const all = [true, true, true, true, true];
      const pairs = [...opts('start', a, all), ...opts('end', b, all)];
      if (Math.floor(a / MIN) <= Math.floor(b / MIN)) {
        const w = parse(pairs, n);
        assert.ok(w.from <= a && a <= w.to && w.from <= b && b <= w.to);
      } else assert.ok(refuses(pairs, n));
    }));
  });

  it('-d DAYS and -h HOURS end now and reach back that far; neither combines with --start/--end or the other', () => {
    fc.assert(fc.property(now, fc.integer({ min: 1, max: 5000 }), time, (n, k, t) => {
      assert.deepEqual([parse([['-d', String(k)]], n).from, parse([['-d', String(k)]], n).to], [n - k * 86_400_000, n]);
      assert.deepEqual([parse([['-h', String(k)]], n).from, parse([['-h', String(k)]], n).to], [n - k * 3_600_000, n]);
      assert.ok(refuses([['-d', String(k)], ['-h', String(k)]], n));
      assert.ok(refuses([['-d', String(k)], ...opts('start', t, [true, false, false, false, false])], n));
      assert.ok(refuses([['-h', String(k)], ...opts('end', t, [true, true, false, false, false])], n));
    }));
  });

  it('days that do not exist in the month are refused; a defaulted day is the month\'s last', () => {
    assert.ok(refuses([['--startyear', '2025'], ['--startmonth', '2'], ['--startday', '29']], Date.UTC(2026, 0, 1)));
    assert.equal(parse([['--startyear', '2024'], ['--startmonth', '2'], ['--startday', '29']], Date.UTC(2026, 0, 1)).from, Date.UTC(2024, 1, 29));
    // Today is the 31st: --endmonth 4 (30 days) ends on April 30 at the current time of day.
    const n = Date.UTC(2026, 2, 31, 10, 20, 30);
    assert.equal(parse([['--endmonth', '4']], n).to, Date.UTC(2026, 3, 30, 10, 20) + MIN - 1);
  });
});

describe('lslparutil -n, --spread and -s', () => {
  it('-n takes a positive whole number; --spread needs -n; -s is s, h, d or m (default s)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e6 }), now, (k, n) => {
      assert.equal(parse([['-n', String(k)]], n).limit, k);
      assert.equal(parse([['-n', String(k)]], n, ['--spread']).spread, true);
    }));
    const n = Date.UTC(2026, 0, 1);
    for (const bad of ['0', '-1', '1.5', 'x', '']) assert.ok(refuses([['-n', bad]], n), bad);
    assert.ok(refuses([], n, ['--spread']));
    assert.equal(parse([], n).granularity, 's');
    for (const g of ['s', 'h', 'd', 'm'] as const) assert.equal(parse([['-s', g]], n).granularity, g);
    assert.ok(refuses([['-s', 'w']], n));
  });

  it('any option text either parses into a sound selection or is refused with the usage error', () => {
    const flags = Object.keys(WINDOW_FLAGS).filter((f) => WINDOW_FLAGS[f as keyof typeof WINDOW_FLAGS] === 'value');
    const value = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -5, max: 3000 }).map(String));
    fc.assert(fc.property(fc.uniqueArray(fc.tuple(fc.constantFrom(...flags), value), { selector: ([f]) => f, maxLength: 6 }), fc.boolean(), now, (pairs, spread, n) => {
      let w;
      try {
        w = parse(pairs, n, spread ? ['--spread'] : []);
      } catch (e) {
        assert.ok(isHmcError(e) && e.code === 'HSCLSIM28', String(e));
        return;
      }
      assert.ok(w.from <= w.to);
      assert.ok(w.limit === undefined || (Number.isInteger(w.limit) && w.limit >= 1));
      assert.ok(!w.spread || w.limit !== undefined);
    }), { numRuns: 500 });
  });
});
