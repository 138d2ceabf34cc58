// rmsyscfg -r lpar | prof | sysprof (hmc-cli.md §6.4; platform.md §7.1, §13 rule 12).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lab, S824, lines, refused, silent, lparField } from './cli-support.ts';

describe('rmsyscfg -r lpar', () => {
  it('removes a Not Activated partition with its profiles; the others keep their ids', async () => {
    const t = await lab();
    await silent(t, `rmsyscfg -r lpar -m ${S824} -n aix04`);
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} -F name,lpar_id`), 'vios1,1\nvios2,2\naix01,3\nlnx02,4\naix03,5\nibmi05,7\n');
    assert.equal(lines(await t.ok(`lssyscfg -r prof -m ${S824} -F lpar_name`)).includes('aix04'), false);
    await refused(t, `rmsyscfg -r lpar -m ${S824} -n aix04`, 'HSCL8012');
  });

  it('--id removes by partition id; the freed id is the next one used', async () => {
    const t = await lab();
    await silent(t, `rmsyscfg -r lpar -m ${S824} --id 6`);
    await silent(t, `mksyscfg -r lpar -m ${S824} -i name=new1,lpar_env=aixlinux,profile_name=p,min_mem=2048,desired_mem=2048,max_mem=2048,proc_mode=ded,min_procs=1,desired_procs=1,max_procs=1`);
    assert.equal(await lparField(t, 'new1', 'lpar_id'), '6');
  });

  it('--vioscfg and --vdisk are accepted (Ansible sends them on service packs >= 930)', async () => {
    const t = await lab();
    await silent(t, `rmsyscfg -r lpar -m ${S824} -n aix04 --vioscfg --vdisk`);
    await refused(t, `lssyscfg -r lpar -m ${S824} --filter lpar_names=aix04`, 'HSCL8012');
  });

  it('a running partition cannot be removed (HSCLSIM11), nor one in Open Firmware', async () => {
    const t = await lab();
    const msg = await refused(t, `rmsyscfg -r lpar -m ${S824} -n aix01`, 'HSCLSIM11');
    assert.match(msg, /Partition aix01 is Running/);
    await refused(t, 'rmsyscfg -r lpar -m Server-9119-FHB-SN02B7A6C -n aix14', 'HSCLSIM11');
  });

  it('removing a partition removes it from the system profiles that list it', async () => {
    const t = await lab();
    await silent(t, `mksyscfg -r sysprof -m ${S824} -i 'name=night,"lpar_names=aix04,ibmi05","profile_names=default_profile,default_profile"'`);
    await silent(t, `rmsyscfg -r lpar -m ${S824} -n aix04`);
    assert.equal(await t.ok(`lssyscfg -r sysprof -m ${S824}`), 'name=night,lpar_names=ibmi05,profile_names=default_profile\n');
  });

  it('-n or --id is required', async () => {
    const t = await lab();
    await refused(t, `rmsyscfg -r lpar -m ${S824}`, 'HSCLSIM28');
    await refused(t, `rmsyscfg -r lpar -m ${S824} -n aix04 --id 6`, 'HSCLSIM28');
  });
});

describe('rmsyscfg -r prof', () => {
  it('removes a profile that is not the default', async () => {
    const t = await lab();
    await silent(t, `rmsyscfg -r prof -m ${S824} -n maint -p aix01`);
    assert.equal(await t.ok(`lssyscfg -r prof -m ${S824} --filter lpar_names=aix01 -F name`), 'default_profile\n');
  });

  it('the default profile cannot be removed (HSCLSIM24); an unknown profile is HSCL8012', async () => {
    const t = await lab();
    const msg = await refused(t, `rmsyscfg -r prof -m ${S824} -n default_profile -p aix01`, 'HSCLSIM24');
    assert.match(msg, /default profile of partition aix01/);
    await refused(t, `rmsyscfg -r prof -m ${S824} -n nosuch -p aix01`, 'HSCL8012');
    await refused(t, `rmsyscfg -r prof -m ${S824} -n maint -p nosuch`, 'HSCL8012');
  });

  it('the profile a partition is running with cannot be removed (HSCLSIM11)', async () => {
    const t = await lab();
    await silent(t, `chsysstate -r lpar -m ${S824} -o shutdown --immed -n aix01`);
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n aix01 -f maint`);
    await refused(t, `rmsyscfg -r prof -m ${S824} -n maint -p aix01`, 'HSCLSIM11');
  });

  it('--vioscfg is for -r lpar only', async () => {
    const t = await lab();
    await refused(t, `rmsyscfg -r prof -m ${S824} -n maint -p aix01 --vioscfg`, 'HSCLSIM28');
  });
});

describe('rmsyscfg -r sysprof', () => {
  it('removes a system profile; an unknown one is HSCL8012', async () => {
    const t = await lab();
    await silent(t, `mksyscfg -r sysprof -m ${S824} -i 'name=night,lpar_names=aix04,profile_names=default_profile'`);
    await silent(t, `rmsyscfg -r sysprof -m ${S824} -n night`);
    assert.equal(await t.ok(`lssyscfg -r sysprof -m ${S824}`), 'No results were found.\n');
    await refused(t, `rmsyscfg -r sysprof -m ${S824} -n night`, 'HSCL8012');
  });
});
