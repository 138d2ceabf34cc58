// Activation as a job on the clock (issue "Runtime" item 1): firmware codes, then OS boot codes, then
// Running with RMC a configurable time later; lsrefcode -n shows the progression.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSim, S824 as S } from '../helpers/sim.ts';

test('a partition boots through C2, CA00E1 and AIX codes on the clock; RMC comes up after boot', async () => {
  const t = await openSim({ config: { timings: { partitionBootMs: 10_000, rmcActiveDelayMs: 5_000 } } });
  try {
    await t.ok(`chsysstate -r lpar -m ${S} -n aix04 -o on`);
    const look = async (): Promise<string> => (await t.ok(`lssyscfg -r lpar -m ${S} --filter lpar_names=aix04 -F state,rmc_state`)).trim();
    assert.equal(await look(), 'Starting,inactive');
    t.clock.advance(3_000);
    assert.equal((await t.ok(`lsrefcode -r lpar -m ${S} --filter lpar_names=aix04 -F refcode`)).trim(), 'CA00E101');
    assert.equal((await t.run(`chhwres -r mem -m ${S} -o a -p aix04 -q 256`)).exit, 1, 'no DLPAR before RMC');
    t.clock.advance(4_500);
    assert.equal(await look(), 'Running,inactive', 'Running once the OS has control');
    assert.equal((await t.ok(`lsrefcode -r lpar -m ${S} --filter lpar_names=aix04 -F refcode`)).trim(), '0551');
    t.clock.advance(2_600);
    assert.equal(await look(), 'Running,inactive', 'booted, RMC not yet active');
    t.clock.advance(5_000);
    assert.equal(await look(), 'Running,active');
    await t.ok(`chhwres -r mem -m ${S} -o a -p aix04 -q 256`);
    const history = (await t.ok(`lsrefcode -r lpar -m ${S} --filter lpar_names=aix04 -n 8 -F refcode`)).replace(/\n$/, '').split('\n');
    assert.deepEqual(history, ['', '0517', '0551', 'CA00E175', 'CA00E1F5', 'CA00E101', 'C20082FF', 'C2008130']);
  } finally { t.close(); }
});

test('an SMS boot stops in Open Firmware at AA00E158', async () => {
  const t = await openSim({ config: { timings: { partitionBootMs: 10_000 } } });
  try {
    await t.ok(`chsysstate -r lpar -m ${S} -n aix04 -o on -b sms`);
    t.clock.advance(10_000);
    assert.equal((await t.ok(`lsrefcode -r lpar -m ${S} --filter lpar_names=aix04 -F lpar_name,refcode`)).trim(), 'aix04,AA00E158');
    assert.equal((await t.ok(`lssyscfg -r lpar -m ${S} --filter lpar_names=aix04 -F state`)).trim(), 'Open Firmware');
  } finally { t.close(); }
});
