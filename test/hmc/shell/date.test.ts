// `date` on the simulated clock (hmc-cli.md §2: HMC Scanner reads the HMC time), GNU date in UTC.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate } from '../../../src/hmc/shell/date-format.ts';
import { run } from './fake-host.ts';

const T = Date.UTC(2026, 10, 25, 9, 17, 40, 123); // Wednesday
const EARLY = Date.UTC(2024, 1, 5, 21, 3, 7); // Monday 5 Feb 2024, day 36

describe('date', () => {
  it('prints the default form on the simulated clock', async () => {
    const r = await run('date');
    assert.deepEqual([r.stdout, r.stderr, r.exit], ['Wed Nov 25 09:17:40 UTC 2026\n', '', 0]);
    assert.equal(formatDate(EARLY, '%a %b %e %H:%M:%S %Z %Y'), 'Mon Feb  5 21:03:07 UTC 2024');
  });

  it('formats HMC Scanner’s +"%Y-%m-%d %H:%M:%S"', async () => {
    assert.equal((await run('date +"%Y-%m-%d %H:%M:%S"')).stdout, '2026-11-25 09:17:40\n');
    assert.equal((await run("date -u '+%y%m%d'")).stdout, '261125\n');
  });

  it('knows every conversion clients use', () => {
    const cases: [string, string][] = [
      ['%Y', '2024'], ['%m', '02'], ['%d', '05'], ['%H', '21'], ['%M', '03'], ['%S', '07'], ['%y', '24'], ['%j', '036'],
      ['%a', 'Mon'], ['%b', 'Feb'], ['%e', ' 5'], ['%Z', 'UTC'], ['%s', String(EARLY / 1000)], ['%%', '%'],
      ['%A %B', 'Monday February'], ['%F %T', '2024-02-05 21:03:07'], ['%I%p', '09PM'], ['%u%w', '11'], ['%z', '+0000'],
      ['%-d/%-m', '5/2'], ['%_m', ' 2'], ['%^a', 'MON'], ['%q', '%q'], ['100%', '100%'], ['plain', 'plain'],
    ];
    for (const [format, expected] of cases) assert.equal(formatDate(EARLY, format), expected, format);
    assert.equal(formatDate(T, '%j %N'), '329 123000000');
  });

  it('refuses to set the clock and unknown options', async () => {
    const s = await run('date -s "2020-01-01"');
    assert.deepEqual([s.stdout, s.stderr, s.exit], ['', 'date: cannot set date: Operation not permitted\n', 1]);
    const x = await run('date -x');
    assert.deepEqual([x.stdout, x.exit], ['', 1]);
    assert.match(x.stderr, /^date: invalid option -- 'x'\n/);
    const d = await run('date tomorrow');
    assert.deepEqual([d.stderr, d.exit], ["date: invalid date 'tomorrow'\n", 1]);
  });
});
