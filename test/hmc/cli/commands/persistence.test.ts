// Persistence through the CLI: a simulator opened on a data directory, closed and opened again on the same
// directory, gives back exactly the same listings — partitions, profiles, pools, system profiles, power
// states, backups (platform.md §12: partition data lives on the FSP, the HMC keeps its copy).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { freshDir, lab, labOf, openSim, track, S824, P795, MEM_2G, DED_1, silent, snapshot, lines } from './cli-support.ts';

const reopen = (dir: string) => track(openSim({ dataDir: dir }));

describe('close and reopen on the same data directory', () => {
  it('every listing is back exactly after a series of changes', async () => {
    const dir = freshDir();
    const t = await reopen(dir);
    await silent(t, `chhwres -r mem -m ${S824} -o a -p aix01 -q 1024`);
    await silent(t, `chhwres -r proc -m ${S824} -o s -p aix01 -a uncap_weight=200`);
    await silent(t, `mksyscfg -r lpar -m ${S824} -i 'name=new1,lpar_env=aixlinux,profile_name=p,${MEM_2G},${DED_1}'`);
    await silent(t, `mksyscfg -r prof -m ${S824} -i 'name=p2,lpar_name=aix04,${MEM_2G},${DED_1}'`);
    await silent(t, `chsyscfg -r lpar -m ${S824} -i "name=aix04,description=kept across restarts,sync_curr_profile=1"`);
    await silent(t, `chhwres -r procpool -m ${S824} -o s --poolname SharedPool02 -a "new_name=Small,max_pool_proc_units=1"`);
    await silent(t, `chhwres -r procpool -m ${S824} -o s -p lnx02 -a shared_proc_pool_name=Small`);
    await silent(t, `mksyscfg -r sysprof -m ${S824} -i 'name=night,lpar_names=aix04,profile_names=p2'`);
    await silent(t, `chsysstate -r lpar -m ${S824} -o shutdown --immed -n aix03`);
    await silent(t, `chsysstate -r sys -m ${P795} -o off --immed`);
    await t.ok(`bkprofdata -m ${S824} -f bk1`);
    const before = await snapshot(t);
    t.close();

    const t2 = await reopen(dir);
    assert.equal(await snapshot(t2), before);
    // The backup file is still on the HMC.
    await silent(t2, `rstprofdata -m ${S824} -l 1 -f bk1`);
    assert.equal(await snapshot(t2), before);
  });

  it('a system in Recovery is still in Recovery after a restart, and the HMC copy still recovers it', async () => {
    const dir = freshDir();
    const t = await reopen(dir);
    const profiles = await t.ok(`lssyscfg -r prof -m ${S824}`);
    t.sim.system(S824).loseNvram();
    assert.equal(await t.ok(`lssyscfg -r sys -m ${S824} -F state`), 'Recovery\n');
    t.close();

    const t2 = await reopen(dir);
    assert.equal(await t2.ok('lssyscfg -r sys -F name,state'), `${S824},Recovery\n${P795},Operating\n`);
    assert.deepEqual(new Set(lines(await t2.ok(`lssyscfg -r lpar -m ${S824} -F state`))), new Set(['Not Available']));
    await silent(t2, `chsysstate -r sys -m ${S824} -o recover`);
    assert.equal(await t2.ok(`lssyscfg -r prof -m ${S824}`), profiles);
  });

  it('a power off in progress when the simulator stopped has completed when it starts again', async () => {
    const dir = freshDir();
    const t = await reopen(dir);
    for (const n of ['vios1', 'vios2', 'aix11', 'aix12', 'aix14']) await silent(t, `chsysstate -r lpar -m ${P795} -o shutdown --immed -n ${n}`);
    await silent(t, `chsysstate -r sys -m ${P795} -o off`);
    assert.equal(await t.ok(`lssyscfg -r sys -m ${P795} -F state`), 'Power Off In Progress\n');
    t.close();
    const t2 = await reopen(dir);
    assert.equal(await t2.ok(`lssyscfg -r sys -m ${P795} -F state`), 'Power Off\n');
  });

  it('the default lab built in a data directory lists exactly like the in-memory lab', async () => {
    const inMemory = await labOf({});
    const onDisk = await lab();
    assert.equal(await snapshot(onDisk), await snapshot(inMemory));
  });
});
