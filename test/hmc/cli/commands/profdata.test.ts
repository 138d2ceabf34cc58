// bkprofdata and rstprofdata (hmc-cli.md §6.8; platform.md §12): partition data backups kept on the HMC,
// restored into the FSP with -l 1 (full), 2 (merge, backup wins), 3 (merge, current wins), 4 (initialize).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lab, S824, MEM_2G, DED_1, lines, refused, silent, profField } from './cli-support.ts';

describe('bkprofdata', () => {
  it('prints "Backup operation completed successfully." with exit status 0', async () => {
    const t = await lab();
    const r = await t.run(`bkprofdata -m ${S824} -f nightly.bak`);
    assert.deepEqual([r.stdout, r.stderr, r.exit], ['Backup operation completed successfully.\n', '', 0]);
  });

  it('an existing file needs --force (HSCLSIM27); a bad file name is HSCLSIM13', async () => {
    const t = await lab();
    await t.ok(`bkprofdata -m ${S824} -f bk1`);
    await refused(t, `bkprofdata -m ${S824} -f bk1`, 'HSCLSIM27');
    assert.equal(await t.ok(`bkprofdata -m ${S824} -f bk1 --force`), 'Backup operation completed successfully.\n');
    await refused(t, `bkprofdata -m ${S824} -f "bad name"`, 'HSCLSIM13');
    await refused(t, `bkprofdata -m ${S824}`, 'HSCLSIM28');
    await refused(t, 'bkprofdata -m nosuch -f bk1', 'HSCL8012');
  });
});

describe('rstprofdata', () => {
  it('-l 1 after the FSP lost its NVRAM brings back every partition, profile, pool and system profile', async () => {
    const t = await lab();
    await silent(t, `mksyscfg -r sysprof -m ${S824} -i 'name=night,lpar_names=aix04,profile_names=default_profile'`);
    await t.ok(`bkprofdata -m ${S824} -f bk1`);
    const profiles = await t.ok(`lssyscfg -r prof -m ${S824}`);
    const pools = await t.ok(`lshwres -r procpool -m ${S824} -F name,shared_proc_pool_id,max_pool_proc_units,curr_reserved_pool_proc_units`);
    t.sim.system(S824).loseNvram();
    assert.equal(await t.ok(`lssyscfg -r sys -m ${S824} -F state`), 'Recovery\n');
    await silent(t, `rstprofdata -m ${S824} -l 1 -f bk1`);
    assert.equal(await t.ok(`lssyscfg -r sys -m ${S824} -F state`), 'Operating\n');
    assert.equal(await t.ok(`lssyscfg -r prof -m ${S824}`), profiles);
    assert.equal(await t.ok(`lshwres -r procpool -m ${S824} -F name,shared_proc_pool_id,max_pool_proc_units,curr_reserved_pool_proc_units`), pools);
    assert.equal(await t.ok(`lssyscfg -r sysprof -m ${S824}`), 'name=night,lpar_names=aix04,profile_names=default_profile\n');
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} -F name:state:curr_profile`),
      'vios1:Not Activated:default_profile\nvios2:Not Activated:default_profile\naix01:Not Activated:default_profile\nlnx02:Not Activated:default_profile\naix03:Not Activated:default_profile\naix04:Not Activated:\nibmi05:Not Activated:\n');
  });

  it('-l 1 on a running system puts the backup back and keeps the running partitions running', async () => {
    const t = await lab();
    await t.ok(`bkprofdata -m ${S824} -f bk1`);
    await silent(t, `chsyscfg -r prof -m ${S824} -i name=maint,lpar_name=aix01,desired_mem=6144`);
    await silent(t, `rstprofdata -m ${S824} -l 1 -f bk1`);
    assert.equal(await profField(t, 'aix01', 'maint', 'desired_mem'), '4096');
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} --filter lpar_names=aix01 -F state,rmc_state`), 'Running,active\n');
  });

  /** A backup, then three changes: a profile edited, a partition added, a partition removed. */
  async function diverged(): Promise<Awaited<ReturnType<typeof lab>>> {
    const t = await lab();
    await t.ok(`bkprofdata -m ${S824} -f bk1`);
    await silent(t, `chsyscfg -r prof -m ${S824} -i name=maint,lpar_name=aix01,desired_mem=6144`);
    await silent(t, `mksyscfg -r lpar -m ${S824} -i 'name=new1,lpar_env=aixlinux,profile_name=p,${MEM_2G},${DED_1}'`);
    await silent(t, `rmsyscfg -r lpar -m ${S824} -n aix04`);
    return t;
  }

  it('-l 2 merges, the backup winning: the edit is undone, the new partition stays, the removed one returns', async () => {
    const t = await diverged();
    await silent(t, `rstprofdata -m ${S824} -l 2 -f bk1`);
    assert.equal(await profField(t, 'aix01', 'maint', 'desired_mem'), '4096');
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} -F name,lpar_id`), 'vios1,1\nvios2,2\naix01,3\nlnx02,4\naix03,5\naix04,6\nibmi05,7\nnew1,8\n');
  });

  it('-l 3 merges, the current data winning: the edit stays, the removed partition returns', async () => {
    const t = await diverged();
    await silent(t, `rstprofdata -m ${S824} -l 3 -f bk1`);
    assert.equal(await profField(t, 'aix01', 'maint', 'desired_mem'), '6144');
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} -F name,lpar_id`), 'vios1,1\nvios2,2\naix01,3\nlnx02,4\naix03,5\naix04,6\nibmi05,7\nnew1,8\n');
  });

  it('-l 4 initializes: refused while partitions are active (HSCLSIM11), then removes every partition', async () => {
    const t = await lab();
    await refused(t, `rstprofdata -m ${S824} -l 4`, 'HSCLSIM11');
    await silent(t, `chsysstate -r sys -m ${S824} -o off --immed`);
    await silent(t, `rstprofdata -m ${S824} -l 4`);
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824}`), 'No results were found.\n');
    assert.equal(await t.ok(`lssyscfg -r prof -m ${S824}`), 'No results were found.\n');
    assert.deepEqual(lines(await t.ok(`lshwres -r procpool -m ${S824} -F name`)), ['DefaultPool']);
  });

  it('levels, files and flags are checked before anything is restored', async () => {
    const t = await lab();
    await t.ok(`bkprofdata -m ${S824} -f bk1`);
    await refused(t, `rstprofdata -m ${S824} -l 1 -f nosuch`, 'HSCLSIM27');
    await refused(t, `rstprofdata -m ${S824} -l 5 -f bk1`, 'HSCLSIM28');
    await refused(t, `rstprofdata -m ${S824} -l 1`, 'HSCLSIM28');
    await refused(t, `rstprofdata -m ${S824} -l 4 -f bk1`, 'HSCLSIM28');
    await refused(t, `rstprofdata -m ${S824} -f bk1`, 'HSCLSIM28');
  });

  it('a backup belongs to its system', async () => {
    const t = await lab();
    await t.ok(`bkprofdata -m ${S824} -f bk1`);
    await refused(t, 'rstprofdata -m Server-9119-FHB-SN02B7A6C -l 1 -f bk1', 'HSCLSIM27');
  });
});
