// chsysstate -r lpar | sys | sysprof (hmc-cli.md §6.7; platform.md §3, §7.4, §12, §13 rule 3 and rule 11).
// Time moves only through the virtual clock (t.clock.advance); the default timings are: partition boot and
// shutdown at once, RMC active at once, system power on 3 s, normal system power off 2 s.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lab, S824, P795, MEM_2G, lines, refused, silent, lparField, procField, memField, sysField, snapshot } from './cli-support.ts';

const common = 'work_group_id=none,shared_proc_pool_util_auth=0,allow_perf_collection=0,power_ctrl_lpar_ids=none';

describe('chsysstate -r lpar -o on', () => {
  it('activates a Not Activated partition with a profile; it comes up Running with RMC, printing nothing', async () => {
    const t = await lab();
    await silent(t, `chsysstate -r lpar -m ${S824} -n aix04 -o on -f default_profile`);
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} --filter lpar_names=aix04`),
      `name=aix04,lpar_id=6,lpar_env=aixlinux,state=Running,resource_config=1,os_version=AIX 7.2 7200-04-02-2028,logical_serial_num=21AB34C6,default_profile=default_profile,curr_profile=default_profile,${common},boot_mode=norm,lpar_keylock=norm,auto_start=0,redundant_err_path_reporting=0,rmc_state=active,rmc_ipaddr=10.10.1.104,sync_curr_profile=0\n`);
    // The desired values of the profile, as there is room for them.
    assert.equal(await procField(t, 'aix04', 'curr_proc_mode,curr_procs'), 'ded,1');
    assert.equal(await memField(t, 'aix04', 'curr_mem'), '4096');
  });

  it('without -f it uses the current (else the default) profile; --id names the partition', async () => {
    const t = await lab();
    await silent(t, `chsysstate -r lpar -m ${S824} -o on --id 6`);
    assert.equal(await lparField(t, 'aix04', 'state,curr_profile'), 'Running,default_profile');
  });

  it('a profile with boot_mode=sms stops in Open Firmware without RMC; -b sms does the same', async () => {
    const t = await lab();
    await silent(t, `chsysstate -r lpar -m ${S824} -o shutdown --immed -n aix01`);
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n aix01 -f maint`);
    assert.equal(await lparField(t, 'aix01', 'state,curr_profile,boot_mode,rmc_state'), 'Open Firmware,maint,sms,inactive');
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n aix04 -f default_profile -b sms`);
    assert.equal(await lparField(t, 'aix04', 'state,boot_mode'), 'Open Firmware,sms');
  });

  it('activating a running partition is HSCL3681; so is one in Open Firmware', async () => {
    const t = await lab();
    const msg = await refused(t, `chsysstate -r lpar -m ${S824} -o on -n aix01 -f default_profile`, 'HSCL3681');
    assert.match(msg, /aix01/);
    await refused(t, `chsysstate -r lpar -m ${P795} -o on -n aix14`, 'HSCL3681');
  });

  it('an unknown partition or profile is HSCL8012; -b is refused for IBM i; a bad boot mode is a usage error', async () => {
    const t = await lab();
    await refused(t, `chsysstate -r lpar -m ${S824} -o on -n nosuch`, 'HSCL8012');
    await refused(t, `chsysstate -r lpar -m ${S824} -o on -n aix04 -f nosuch`, 'HSCL8012');
    await refused(t, `chsysstate -r lpar -m ${S824} -o on -n ibmi05 -b sms`, 'HSCLSIM16');
    await refused(t, `chsysstate -r lpar -m ${S824} -o on -n aix04 -b fast`, 'HSCLSIM28');
  });

  it('a shared-memory profile cannot start without a shared memory pool (HSCLSIM25)', async () => {
    const t = await lab();
    await silent(t, `mksyscfg -r lpar -m ${S824} -i 'name=ams1,lpar_env=aixlinux,profile_name=p,${MEM_2G},proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.1,max_proc_units=1.0,min_procs=1,desired_procs=1,max_procs=1,sharing_mode=cap,mem_mode=shared'`);
    await refused(t, `chsysstate -r lpar -m ${S824} -o on -n ams1`, 'HSCLSIM25');
  });

  it('an IBM i partition starts without -b', async () => {
    const t = await lab();
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n ibmi05`);
    assert.equal(await lparField(t, 'ibmi05', 'state'), 'Running');
  });
});

describe('activation takes desired if free, else what is free if at least min, else fails (rule 3)', () => {
  /** A dedicated partition on the S824 that leaves 1.5 cores and a little memory free. */
  const hog = `mksyscfg -r lpar -m ${S824} -i 'name=hog,lpar_env=aixlinux,profile_name=p,min_mem=262144,desired_mem=458752,max_mem=458752,proc_mode=ded,min_procs=4,desired_procs=8,max_procs=8'`;

  it('memory and processors below desired but at least min are granted', async () => {
    const t = await lab();
    await silent(t, hog);
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n hog`);
    assert.equal(await sysField(t, 'proc', 'curr_avail_sys_proc_units'), '1.5');
    await silent(t, `mksyscfg -r lpar -m ${S824} -i 'name=mid,lpar_env=aixlinux,profile_name=p,min_mem=2048,desired_mem=32768,max_mem=32768,proc_mode=ded,min_procs=1,desired_procs=4,max_procs=4'`);
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n mid`);
    const mem = Number(await memField(t, 'mid', 'curr_mem'));
    assert.ok(mem >= 2048 && mem < 32768 && mem % 256 === 0, String(mem));
    assert.equal(await procField(t, 'mid', 'curr_procs'), '1');
    // Everything that was free went to mid.
    assert.ok(Number(await sysField(t, 'mem', 'curr_avail_sys_mem')) < 256);
    assert.equal(await sysField(t, 'proc', 'curr_avail_sys_proc_units'), '0.5');
  });

  it('less free memory than min is HSCLSIM6 and the partition stays Not Activated', async () => {
    const t = await lab();
    await silent(t, hog);
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n hog`);
    await silent(t, `mksyscfg -r lpar -m ${S824} -i 'name=big,lpar_env=aixlinux,profile_name=p,min_mem=65536,desired_mem=65536,max_mem=65536,proc_mode=ded,min_procs=1,desired_procs=1,max_procs=1'`);
    const msg = await refused(t, `chsysstate -r lpar -m ${S824} -o on -n big`, 'HSCLSIM6');
    assert.match(msg, /Insufficient available memory/);
    assert.equal(await lparField(t, 'big', 'state'), 'Not Activated');
  });

  it('fewer free processors than min is HSCLSIM6', async () => {
    const t = await lab();
    await silent(t, hog);
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n hog`);
    await silent(t, `mksyscfg -r lpar -m ${S824} -i 'name=two,lpar_env=aixlinux,profile_name=p,min_mem=256,desired_mem=256,max_mem=256,proc_mode=ded,min_procs=2,desired_procs=2,max_procs=2'`);
    const msg = await refused(t, `chsysstate -r lpar -m ${S824} -o on -n two`, 'HSCLSIM6');
    assert.match(msg, /processors/);
  });

  it('POWER8: 0.5 free PU carry 10 of 20 desired virtual processors (0.05 each)', async () => {
    const t = await lab();
    await silent(t, `mksyscfg -r lpar -m ${S824} -i 'name=hog,lpar_env=aixlinux,profile_name=p,${MEM_2G},proc_mode=ded,min_procs=1,desired_procs=9,max_procs=9'`);
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n hog`);
    assert.equal(await sysField(t, 'proc', 'curr_avail_sys_proc_units'), '0.5');
    await silent(t, `mksyscfg -r lpar -m ${S824} -i 'name=vp,lpar_env=aixlinux,profile_name=p,${MEM_2G},proc_mode=shared,min_proc_units=0.1,desired_proc_units=1.0,max_proc_units=2.0,min_procs=1,desired_procs=20,max_procs=20,sharing_mode=cap'`);
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n vp`);
    assert.equal(await procField(t, 'vp', 'curr_proc_units,curr_procs,curr_min_procs,curr_max_procs'), '0.5,10,1,20');
  });

  it('POWER7 795: 0.5 free PU carry 5 of 10 desired virtual processors (0.10 each)', async () => {
    const t = await lab();
    await silent(t, `mksyscfg -r lpar -m ${P795} -i 'name=hog,lpar_env=aixlinux,profile_name=p,${MEM_2G},proc_mode=ded,min_procs=1,desired_procs=53,max_procs=53'`);
    await silent(t, `chsysstate -r lpar -m ${P795} -o on -n hog`);
    assert.equal(await sysField(t, 'proc', 'curr_avail_sys_proc_units', P795), '0.5');
    await silent(t, `mksyscfg -r lpar -m ${P795} -i 'name=vp,lpar_env=aixlinux,profile_name=p,${MEM_2G},proc_mode=shared,min_proc_units=0.1,desired_proc_units=1.0,max_proc_units=2.0,min_procs=1,desired_procs=10,max_procs=20,sharing_mode=cap'`);
    await silent(t, `chsysstate -r lpar -m ${P795} -o on -n vp`);
    assert.equal(await procField(t, 'vp', 'curr_proc_units,curr_procs', P795), '0.5,5');
  });

  it('a required slot owned by a running partition fails the activation (HSCLSIM12)', async () => {
    const t = await lab();
    await silent(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=aix04,io_slots=21010200/none/1`);
    const msg = await refused(t, `chsysstate -r lpar -m ${S824} -o on -n aix04`, 'HSCLSIM12');
    assert.match(msg, /21010200 of partition aix04 is in use by running partition vios1/);
  });

  it('a desired slot owned by a running partition is skipped; a free required slot is taken', async () => {
    const t = await lab();
    await silent(t, `chsyscfg -r prof -m ${S824} -i 'name=default_profile,lpar_name=aix04,"io_slots=21010203/none/0,2101020A/none/1"'`);
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n aix04`);
    assert.equal(await t.ok(`lshwres -r io --rsubtype slot -m ${S824} --filter slots=21010203,2101020A -F drc_index,lpar_name`), '21010203,vios1\n2101020A,aix04\n');
  });

  it('a full-system partition cannot start while others run (HSCLSIM6)', async () => {
    const t = await lab();
    await silent(t, `mksyscfg -r lpar -m ${S824} -i "name=full1,lpar_env=aixlinux,all_resources=1,profile_name=default_profile"`);
    await refused(t, `chsysstate -r lpar -m ${S824} -o on -n full1`, 'HSCLSIM6');
  });
});

describe('chsysstate -r lpar -o shutdown | osshutdown', () => {
  it('--immed (fence_lpar form) stops at once and gives the resources back', async () => {
    const t = await lab();
    const before = await sysField(t, 'proc', 'curr_avail_sys_proc_units');
    await silent(t, `chsysstate -o shutdown -r lpar --immed -m ${S824} -n aix01`);
    assert.equal(await lparField(t, 'aix01', 'state,resource_config,rmc_state,rmc_ipaddr,os_version'), 'Not Activated,0,inactive,,Unknown');
    assert.equal(await procField(t, 'aix01', 'curr_proc_units'), '0.0');
    assert.equal(Number(await sysField(t, 'proc', 'curr_avail_sys_proc_units')), Number(before) + 1.0);
  });

  it('a delayed shutdown passes through Shutting Down on the clock', async () => {
    const t = await lab({ timings: { partitionShutdownMs: 5000 } });
    await silent(t, `chsysstate -r lpar -m ${S824} -o shutdown -n aix01`);
    assert.equal(await lparField(t, 'aix01', 'state'), 'Shutting Down');
    await refused(t, `chsysstate -r lpar -m ${S824} -o on -n aix01`, 'HSCL3681');
    await refused(t, `chsysstate -r lpar -m ${S824} -o shutdown -n aix01`, 'HSCL05DF');
    t.clock.advance(4999);
    assert.equal(await lparField(t, 'aix01', 'state'), 'Shutting Down');
    t.clock.advance(1);
    assert.equal(await lparField(t, 'aix01', 'state'), 'Not Activated');
  });

  it('shutting down a Not Activated partition is HSCL1558', async () => {
    const t = await lab();
    const msg = await refused(t, `chsysstate -r lpar -m ${S824} -o shutdown -n aix04`, 'HSCL1558');
    assert.match(msg, /aix04/);
    await refused(t, `chsysstate -r lpar -m ${S824} -o shutdown --immed -n aix04`, 'HSCL1558');
    await refused(t, `chsysstate -r lpar -m ${S824} -o osshutdown -n aix04`, 'HSCL1558');
  });

  it('osshutdown needs RMC: HSCL0DB4 until RMC is active, then it works', async () => {
    const t = await lab({ timings: { rmcActiveDelayMs: 60000 } });
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n aix04`);
    assert.equal(await lparField(t, 'aix04', 'state,rmc_state,rmc_ipaddr'), 'Running,inactive,');
    const msg = await refused(t, `chsysstate -r lpar -m ${S824} -o osshutdown -n aix04`, 'HSCL0DB4');
    assert.match(msg, /aix04/);
    await refused(t, `chsysstate -r lpar -m ${S824} -o osshutdown --immed -n aix04`, 'HSCL0DB4');
    t.clock.advance(60000);
    assert.equal(await lparField(t, 'aix04', 'rmc_state,rmc_ipaddr'), 'active,10.10.1.104');
    await silent(t, `chsysstate -r lpar -m ${S824} -o osshutdown -n aix04`);
    assert.equal(await lparField(t, 'aix04', 'state'), 'Not Activated');
  });

  it('--restart brings the partition back with the same profile', async () => {
    const t = await lab();
    await silent(t, `chsysstate -r lpar -m ${S824} -o shutdown --immed --restart -n aix01`);
    assert.equal(await lparField(t, 'aix01', 'state,curr_profile'), 'Running,default_profile');
  });

  it('a partition that is still Starting can only be stopped with --immed', async () => {
    const t = await lab({ timings: { partitionBootMs: 1000 } });
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n aix04`);
    assert.equal(await lparField(t, 'aix04', 'state'), 'Starting');
    await refused(t, `chsysstate -r lpar -m ${S824} -o shutdown -n aix04`, 'HSCL05DF');
    await silent(t, `chsysstate -r lpar -m ${S824} -o shutdown --immed -n aix04`);
    assert.equal(await lparField(t, 'aix04', 'state'), 'Not Activated');
  });
});

describe('chsysstate -r sys', () => {
  it('a normal power off is refused while partitions run (HSCLSIM21)', async () => {
    const t = await lab();
    const msg = await refused(t, `chsysstate -r sys -m ${S824} -o off`, 'HSCLSIM21');
    assert.match(msg, /5 partition\(s\) are still active/);
  });

  it('off --immed (Ansible sends a trailing space) powers off at once; partitions are Not Activated', async () => {
    const t = await lab();
    await silent(t, `chsysstate -r sys -m ${S824} -o off --immed `);
    assert.equal(await t.ok(`lssyscfg -r sys -m ${S824} -F name,state`), `${S824},Power Off\n`);
    assert.deepEqual(new Set(lines(await t.ok(`lssyscfg -r lpar -m ${S824} -F state`))), new Set(['Not Activated']));
    await refused(t, `chsysstate -r lpar -m ${S824} -o on -n aix01`, 'HSCLSIM10');
    await refused(t, `chsysstate -r sys -m ${S824} -o off --immed`, 'HSCLSIM10');
  });

  it('a normal power off goes Power Off In Progress, then Power Off after 2 s', async () => {
    const t = await lab();
    for (const n of ['vios1', 'vios2', 'aix01', 'lnx02', 'aix03']) await silent(t, `chsysstate -r lpar -m ${S824} -o shutdown --immed -n ${n}`);
    await silent(t, `chsysstate -r sys -m ${S824} -o off`);
    assert.equal(await t.ok(`lssyscfg -r sys -m ${S824} -F state`), 'Power Off In Progress\n');
    await refused(t, `chsysstate -r sys -m ${S824} -o on`, 'HSCLSIM10');
    t.clock.advance(1999);
    assert.equal(await t.ok(`lssyscfg -r sys -m ${S824} -F state`), 'Power Off In Progress\n');
    t.clock.advance(1);
    assert.equal(await t.ok(`lssyscfg -r sys -m ${S824} -F state`), 'Power Off\n');
  });

  it('power on goes Initializing, then Operating after 3 s, and starts the auto_start partitions', async () => {
    const t = await lab();
    await silent(t, `chsysstate -r sys -m ${S824} -o off --immed`);
    await silent(t, `chsysstate -r sys -m ${S824} -o on `);
    assert.equal(await t.ok(`lssyscfg -r sys -m ${S824} -F state`), 'Initializing\n');
    await refused(t, `chsysstate -r lpar -m ${S824} -o on -n aix01`, 'HSCLSIM10');
    t.clock.advance(3000);
    assert.equal(await t.ok(`lssyscfg -r sys -m ${S824} -F state`), 'Operating\n');
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} -F name:state`),
      'vios1:Running\nvios2:Running\naix01:Not Activated\nlnx02:Not Activated\naix03:Not Activated\naix04:Not Activated\nibmi05:Not Activated\n');
    await refused(t, `chsysstate -r sys -m ${S824} -o on`, 'HSCLSIM10');
  });

  it('profiles can be created while the system is powered off', async () => {
    const t = await lab();
    await silent(t, `chsysstate -r sys -m ${S824} -o off --immed`);
    await silent(t, `mksyscfg -r lpar -m ${S824} -i 'name=off1,lpar_env=aixlinux,profile_name=p,${MEM_2G},proc_mode=ded,min_procs=1,desired_procs=1,max_procs=1'`);
    assert.equal(await lparField(t, 'off1', 'state'), 'Not Activated');
  });

  it('onstandby starts nothing; activating a partition then moves the system to Operating', async () => {
    const t = await lab();
    await silent(t, `chsysstate -r sys -m ${S824} -o off --immed`);
    await silent(t, `chsysstate -r sys -m ${S824} -o onstandby`);
    t.clock.advance(3000);
    assert.equal(await t.ok(`lssyscfg -r sys -m ${S824} -F state`), 'Standby\n');
    assert.deepEqual(new Set(lines(await t.ok(`lssyscfg -r lpar -m ${S824} -F state`))), new Set(['Not Activated']));
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n aix04`);
    assert.equal(await t.ok(`lssyscfg -r sys -m ${S824} -F state`), 'Operating\n');
  });

  it('onsysprof powers on and activates a system profile', async () => {
    const t = await lab();
    await silent(t, `mksyscfg -r sysprof -m ${S824} -i 'name=night,lpar_names=aix04,profile_names=default_profile'`);
    await silent(t, `chsysstate -r sys -m ${S824} -o off --immed`);
    await refused(t, `chsysstate -r sys -m ${S824} -o onsysprof -f nosuch`, 'HSCL8012');
    await silent(t, `chsysstate -r sys -m ${S824} -o onsysprof -f night`);
    t.clock.advance(3000);
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} --filter "lpar_names=vios1,aix04" -F name:state`), 'vios1:Not Activated\naix04:Running\n');
  });
});

describe('chsysstate -r sys -o recover (platform.md §3 Recovery, §12)', () => {
  it('after the FSP lost its NVRAM the system is in Recovery and its partitions are Not Available', async () => {
    const t = await lab();
    t.sim.system(S824).loseNvram();
    assert.equal(await t.ok('lssyscfg -r sys -F name,state'), `${S824},Recovery\n${P795},Operating\n`);
    assert.deepEqual(new Set(lines(await t.ok(`lssyscfg -r lpar -m ${S824} -F state`))), new Set(['Not Available']));
    await refused(t, `chsysstate -r lpar -m ${S824} -o on -n aix04`, 'HSCLSIM10');
    await refused(t, `mksyscfg -r lpar -m ${S824} -i 'name=x,lpar_env=aixlinux,profile_name=p,${MEM_2G},proc_mode=ded,min_procs=1,desired_procs=1,max_procs=1'`, 'HSCLSIM10');
    await refused(t, `chsyscfg -r prof -m ${S824} -i name=maint,lpar_name=aix01,desired_mem=2048`, 'HSCLSIM10');
  });

  it('recover gives the FSP the HMC\'s copy back: the same partitions and profiles, Not Activated', async () => {
    const t = await lab();
    const profiles = await t.ok(`lssyscfg -r prof -m ${S824}`);
    const pools = await t.ok(`lshwres -r procpool -m ${S824} -F name,shared_proc_pool_id,max_pool_proc_units,curr_reserved_pool_proc_units`);
    t.sim.system(S824).loseNvram();
    assert.equal(await t.ok(`lssyscfg -r sys -m ${S824} -F state`), 'Recovery\n');
    await silent(t, `chsysstate -r sys -m ${S824} -o recover`);
    assert.equal(await t.ok(`lssyscfg -r sys -m ${S824} -F state`), 'Operating\n');
    assert.equal(await t.ok(`lssyscfg -r prof -m ${S824}`), profiles);
    assert.equal(await t.ok(`lshwres -r procpool -m ${S824} -F name,shared_proc_pool_id,max_pool_proc_units,curr_reserved_pool_proc_units`), pools);
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} -F name:state`),
      'vios1:Not Activated\nvios2:Not Activated\naix01:Not Activated\nlnx02:Not Activated\naix03:Not Activated\naix04:Not Activated\nibmi05:Not Activated\n');
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n vios1`);
  });

  it('recover works right after the loss, without a listing in between', async () => {
    const t = await lab();
    t.sim.system(S824).loseNvram();
    // The HMC has been told (event) that the system lost its data; the next command must see it.
    await silent(t, `chsysstate -r sys -m ${S824} -o recover`);
    assert.equal(await t.ok(`lssyscfg -r sys -m ${S824} -F state`), 'Operating\n');
  });

  it('recover on a system that is not in Recovery is refused (HSCLSIM10)', async () => {
    const t = await lab();
    await refused(t, `chsysstate -r sys -m ${S824} -o recover`, 'HSCLSIM10');
  });
});

describe('chsysstate -r sysprof -o on', () => {
  it('activates every listed partition that is not running', async () => {
    const t = await lab();
    await silent(t, `mksyscfg -r sysprof -m ${S824} -i 'name=night,"lpar_names=aix01,aix04,ibmi05","profile_names=default_profile,default_profile,default_profile"'`);
    await silent(t, `chsysstate -r sysprof -m ${S824} -o on -n night`);
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} --filter "lpar_names=aix01,aix04,ibmi05" -F name:state`), 'aix01:Running\naix04:Running\nibmi05:Running\n');
    await refused(t, `chsysstate -r sysprof -m ${S824} -o on -n nosuch`, 'HSCL8012');
  });

  it('a refused system profile activation starts nothing: each partition can still be activated', async () => {
    const t = await lab();
    await silent(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=ibmi05,io_slots=21010200/none/1`);
    await silent(t, `mksyscfg -r sysprof -m ${S824} -i 'name=night,"lpar_names=aix04,ibmi05","profile_names=default_profile,default_profile"'`);
    const before = await snapshot(t);
    await refused(t, `chsysstate -r sysprof -m ${S824} -o on -n night`, 'HSCLSIM12');
    assert.equal(await lparField(t, 'aix04', 'state'), 'Not Activated');
    // aix04 was listed first and must not have been left half-activated inside the managed system.
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n aix04`);
    assert.equal(await lparField(t, 'aix04', 'state'), 'Running');
    assert.notEqual(await snapshot(t), before);
  });
});
