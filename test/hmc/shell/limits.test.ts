// Whatever a user types, one command line ends, and soon (SIM-RULE, src/hmc/shell/limits.ts): loops stop
// after 10,000 iterations, substitutions nest at most 16 deep, output and variables are bounded.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LIMITS } from '../../../src/hmc/shell/limits.ts';
import { run } from './fake-host.ts';

describe('limits', () => {
  it('stops an endless loop after 10,000 iterations and keeps the output so far', async () => {
    const r = await run('while true; do echo x; done; echo never');
    assert.equal(r.stdout, 'x\n'.repeat(LIMITS.iterations));
    assert.deepEqual([r.stderr, r.exit], [`-rbash: loop stopped: more than ${LIMITS.iterations} iterations\n`, 1]);
  });

  it('counts the iterations of nested loops together, and bounds HMC calls made by a loop', async () => {
    const r = await run('while lssyscfg -r sys; do for i in a b c; do :; done; done');
    assert.equal(r.exit, 1);
    assert.ok(r.host.calls.length <= LIMITS.iterations / 4 + 1, `${r.host.calls.length} calls`);
  });

  it('refuses substitutions nested more than 16 deep before running anything', async () => {
    const nest = (n: number) => `${'$('.repeat(n)}lssyscfg -r sys${')'.repeat(n)}`;
    const deep = await run(`echo ${nest(LIMITS.substitutionDepth + 1)}`);
    assert.deepEqual([deep.stdout, deep.stderr, deep.exit], ['', `-rbash: command substitution: nested more than ${LIMITS.substitutionDepth} levels deep\n`, 2]);
    assert.deepEqual(deep.host.calls, []);
    const ok = await run(`echo ${nest(LIMITS.substitutionDepth)}`, { lssyscfg: 'echo' });
    assert.equal(ok.exit, 0);
    assert.equal(ok.host.calls.length, 1);
    // backticks nest by escaping the inner ones: \` then \\\` and so on
    const ticks = (n: number) => Array.from({ length: n }).reduce<string>((s) => `\`${s.replace(/[\\`]/g, '\\$&')}\``, 'lssyscfg -r sys');
    const deepTicks = await run(`echo ${ticks(LIMITS.substitutionDepth + 1)}`);
    assert.deepEqual([deepTicks.exit, deepTicks.host.calls.length], [2, 0]);
    const okTicks = await run(`echo ${ticks(3)}`, { lssyscfg: 'echo' });
    assert.deepEqual([okTicks.exit, okTicks.host.calls.length], [0, 1]);
  });

  it('refuses compound commands nested too deep, however long the line', async () => {
    const n = 10_000;
    const r = await run(`${'while true; do '.repeat(n)}lssyscfg${'; done'.repeat(n)}`);
    assert.deepEqual([r.stderr, r.exit], [`-rbash: commands nested more than ${LIMITS.compoundDepth} levels deep\n`, 2]);
    assert.deepEqual(r.host.calls, []);
  });

  it('stops a variable that doubles every iteration', async () => {
    const r = await run('x=a; while true; do x=$x$x; done');
    assert.equal(r.exit, 1);
    assert.match(r.stderr, /^-rbash: xrealloc: cannot allocate \d+ bytes/);
  });

  it('handles a one-megabyte line quickly', async () => {
    const started = process.hrtime.bigint();
    const r = await run(`lssyscfg -r lpar -i "${'a,'.repeat(500_000)}" | grep -c x`);
    assert.equal(r.host.calls[0].argv[4].length, 1_000_000);
    assert.deepEqual([r.stdout, r.exit], ['0\n', 1]);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 10_000);
  });

  it('refuses a regular expression that compiles too big', async () => {
    const r = await run("echo x | grep -E '((a{100}){100}){100}'");
    assert.deepEqual([r.stderr, r.exit], ['grep: Regular expression too big\n', 2]);
  });
});
