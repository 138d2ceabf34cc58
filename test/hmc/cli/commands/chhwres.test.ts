// chhwres -r proc | mem | io | procpool (hmc-cli.md §6.6; platform.md §6.3, §9, §13 rules 4, 5, 6).
// Every change is read back through lshwres before and after; free resources are checked through
// lshwres --level sys.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lab, S824, P795, MEM_2G, lines, refused, silent, procField, memField, profField, sysField, lparField } from './cli-support.ts';

const RMC_LATE = { timings: { rmcActiveDelayMs: 60000 } };

describe('DLPAR processors, shared partition', () => {
  it('-o a --procunits adds entitlement; free processing units drop by as much', async () => {
    const t = await lab();
    assert.equal(await procField(t, 'aix01', 'curr_proc_units,curr_procs'), '1.0,2');
    await silent(t, `chhwres -r proc -m ${S824} -o a -p aix01 --procunits 0.5`);
    assert.equal(await procField(t, 'aix01', 'curr_proc_units,curr_procs,pend_proc_units,run_proc_units'), '1.5,2,1.5,1.5');
    assert.equal(await sysField(t, 'proc', 'curr_avail_sys_proc_units'), '9.0');
  });

  it('--procs changes virtual processors; both together are allowed; -o r removes', async () => {
    const t = await lab();
    await silent(t, `chhwres -r proc -m ${S824} -o a -p aix01 --procs 1`);
    assert.equal(await procField(t, 'aix01', 'curr_proc_units,curr_procs'), '1.0,3');
    await silent(t, `chhwres -r proc -m ${S824} -o a -p aix01 --procs 1 --procunits 1.0`);
    assert.equal(await procField(t, 'aix01', 'curr_proc_units,curr_procs'), '2.0,4');
    await silent(t, `chhwres -r proc -m ${S824} -o r -p aix01 --procunits 1.5 --procs 3`);
    assert.equal(await procField(t, 'aix01', 'curr_proc_units,curr_procs'), '0.5,1');
    assert.equal(await sysField(t, 'proc', 'curr_avail_sys_proc_units'), '10.0');
  });

  it('-o m moves processing units between partitions; the free pool does not change', async () => {
    const t = await lab();
    await silent(t, `chhwres -r proc -m ${S824} -o m -p aix01 -t lnx02 --procunits 0.2`);
    assert.equal(await procField(t, 'aix01', 'curr_proc_units'), '0.8');
    assert.equal(await procField(t, 'lnx02', 'curr_proc_units'), '0.7');
    assert.equal(await sysField(t, 'proc', 'curr_avail_sys_proc_units'), '9.5');
  });

  it('the result must stay inside the active profile\'s [min, max] (HSCLSIM18)', async () => {
    const t = await lab();
    let msg = await refused(t, `chhwres -r proc -m ${S824} -o r -p lnx02 --procunits 0.45`, 'HSCLSIM18');
    assert.match(msg, /processing units of 0\.05 for partition lnx02 is outside the range of the active profile \(0\.1 to 2\.0\)/);
    msg = await refused(t, `chhwres -r proc -m ${S824} -o a -p aix01 --procs 3`, 'HSCLSIM18');
    assert.match(msg, /\(1 to 4\)/);
    await refused(t, `chhwres -r proc -m ${S824} -o a -p aix01 --procunits 3.5`, 'HSCLSIM18');
  });

  it('a VP may carry at most 1.0 PU (HSCLSIM4)', async () => {
    const t = await lab();
    // aix01 runs 1.0 PU on 2 VPs; with 2.0 PU it cannot drop to 1 VP.
    await silent(t, `chhwres -r proc -m ${S824} -o a -p aix01 --procunits 1.0`);
    await refused(t, `chhwres -r proc -m ${S824} -o r -p aix01 --procs 1`, 'HSCLSIM4');
  });

  it('more than is free is HSCLSIM6', async () => {
    const t = await lab();
    await silent(t, `mksyscfg -r lpar -m ${S824} -i 'name=big,lpar_env=aixlinux,profile_name=p,${MEM_2G},proc_mode=ded,min_procs=1,desired_procs=1,max_procs=16'`);
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n big`);
    const msg = await refused(t, `chhwres -r proc -m ${S824} -o a -p big --procs 9`, 'HSCLSIM6');
    assert.match(msg, /\(9\.0 requested, 8\.5 available\)/);
    await silent(t, `chhwres -r proc -m ${S824} -o a -p big --procs 8`);
    assert.equal(await sysField(t, 'proc', 'curr_avail_sys_proc_units'), '0.5');
    await refused(t, `chhwres -r proc -m ${S824} -o a -p aix01 --procunits 0.6`, 'HSCLSIM6');
  });
});

describe('rule 6: the PU/VP ratio on DLPAR (HSCL1566)', () => {
  const HSCL1566 = (id: number) => `HSCL1566 The operation failed because the ratio of assigned processing units to assigned virtual processors for partition ${id} would have been less than the minimum ratio supported by the operating system on the partition.\n`;

  it('POWER7 795 (0.10): 0.2 PU cannot take a third virtual processor', async () => {
    const t = await lab();
    await silent(t, `chsysstate -r lpar -m ${P795} -o on -n lnx13`);
    await silent(t, `chhwres -r proc -m ${P795} -o r -p lnx13 --procunits 0.3`);
    assert.equal(await procField(t, 'lnx13', 'curr_proc_units,curr_procs', P795), '0.2,2');
    await refused(t, `chhwres -r proc -m ${P795} -o a -p lnx13 --procs 1`, HSCL1566(5));
    await refused(t, `chhwres -r proc -m ${P795} -o r -p lnx13 --procunits 0.1`, 'HSCLSIM18');
  });

  it('POWER8 S824 (0.05): the same change is allowed, down to 0.05 PU per VP', async () => {
    const t = await lab();
    await silent(t, `chhwres -r proc -m ${S824} -o r -p aix03 --procunits 0.3`);
    await silent(t, `chhwres -r proc -m ${S824} -o a -p aix03 --procs 1`);
    assert.equal(await procField(t, 'aix03', 'curr_proc_units,curr_procs'), '0.2,3');
    await silent(t, `chhwres -r proc -m ${S824} -o a -p aix03 --procs 1`);
    assert.equal(await procField(t, 'aix03', 'curr_proc_units,curr_procs'), '0.2,4');
  });

  it('POWER8 S824: below 0.05 PU per VP is HSCL1566, adding VPs or removing units', async () => {
    const t = await lab();
    await silent(t, `mksyscfg -r lpar -m ${S824} -i 'name=r8,lpar_env=aixlinux,profile_name=p,${MEM_2G},proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.5,max_proc_units=1.0,min_procs=1,desired_procs=5,max_procs=10,sharing_mode=cap'`);
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n r8`);
    assert.equal(await procField(t, 'r8', 'curr_proc_units,curr_procs'), '0.5,5');
    await refused(t, `chhwres -r proc -m ${S824} -o r -p r8 --procunits 0.3`, HSCL1566(8));
    await silent(t, `chhwres -r proc -m ${S824} -o r -p r8 --procunits 0.25`);
    assert.equal(await procField(t, 'r8', 'curr_proc_units,curr_procs'), '0.25,5');
    await refused(t, `chhwres -r proc -m ${S824} -o a -p r8 --procs 1`, HSCL1566(8));
  });
});

describe('DLPAR processors, dedicated partition', () => {
  it('adds, removes and moves whole processors', async () => {
    const t = await lab();
    await silent(t, `chhwres -r proc -m ${S824} -o a -p vios1 --procs 1`);
    assert.equal(await procField(t, 'vios1', 'curr_procs'), '3');
    assert.equal(await sysField(t, 'proc', 'curr_avail_sys_proc_units'), '8.5');
    await silent(t, `chhwres -r proc -m ${S824} -o m -p vios1 -t vios2 --procs 1`);
    assert.equal(await t.ok(`lshwres -r proc -m ${S824} --level lpar --filter "lpar_names=vios1,vios2" -F lpar_name,curr_procs`), 'vios1,2\nvios2,3\n');
    await silent(t, `chhwres -r proc -m ${S824} -o r -p vios2 --procs 2`);
    assert.equal(await procField(t, 'vios2', 'curr_procs'), '1');
    assert.equal(await sysField(t, 'proc', 'curr_avail_sys_proc_units'), '10.5');
  });

  it('--procunits is not for dedicated processors (HSCLSIM5); the range still applies (HSCLSIM18)', async () => {
    const t = await lab();
    await refused(t, `chhwres -r proc -m ${S824} -o a -p vios1 --procunits 0.5`, 'HSCLSIM5');
    await refused(t, `chhwres -r proc -m ${S824} -o a -p vios1 --procs 3`, 'HSCLSIM18');
    await refused(t, `chhwres -r proc -m ${S824} -o r -p vios1 --procs 2`, 'HSCLSIM18');
  });
});

describe('DLPAR processor attributes (-o s)', () => {
  it('sharing mode and weight change dynamically; capping sets the weight to 0', async () => {
    const t = await lab();
    await silent(t, `chhwres -r proc -m ${S824} -o s -p aix01 -a "sharing_mode=uncap,uncap_weight=200"`);
    assert.equal(await procField(t, 'aix01', 'curr_sharing_mode,curr_uncap_weight'), 'uncap,200');
    await silent(t, `chhwres -r proc -m ${S824} -o s -p aix01 -a sharing_mode=cap`);
    assert.equal(await procField(t, 'aix01', 'curr_sharing_mode,curr_uncap_weight'), 'cap,0');
    await silent(t, `chhwres -r proc -m ${S824} -o s -p vios1 -a sharing_mode=keep_idle_procs`);
    assert.equal(await procField(t, 'vios1', 'curr_sharing_mode'), 'keep_idle_procs');
  });

  it('weight 0..255; a shared mode on a dedicated partition and a weight there are HSCLSIM5', async () => {
    const t = await lab();
    await refused(t, `chhwres -r proc -m ${S824} -o s -p aix01 -a uncap_weight=256`, 'HSCLSIM13');
    await refused(t, `chhwres -r proc -m ${S824} -o s -p vios1 -a sharing_mode=uncap`, 'HSCLSIM5');
    await refused(t, `chhwres -r proc -m ${S824} -o s -p vios1 -a uncap_weight=10`, 'HSCLSIM5');
    await refused(t, `chhwres -r proc -m ${S824} -o s -p aix01 -a sharing_mode=keep_idle_procs`, 'HSCLSIM5');
    await refused(t, `chhwres -r proc -m ${S824} -o s -p aix01 -a min_procs=1`, 'An invalid attribute was entered.  The invalid attribute is min_procs.  Correct the input and retry the command.\n');
  });
});

describe('DLPAR memory', () => {
  it('-o a / r / m -q in MB; free memory moves by exactly the quantity', async () => {
    const t = await lab();
    const avail0 = Number(await sysField(t, 'mem', 'curr_avail_sys_mem'));
    await silent(t, `chhwres -r mem -m ${S824} -o a -p aix01 -q 1024`);
    assert.equal(await memField(t, 'aix01', 'curr_mem,pend_mem,run_mem'), '9216,9216,9216');
    assert.equal(Number(await sysField(t, 'mem', 'curr_avail_sys_mem')), avail0 - 1024);
    await silent(t, `chhwres -r mem -m ${S824} -o r -p aix01 --quantity 2048`);
    assert.equal(await memField(t, 'aix01', 'curr_mem'), '7168');
    await silent(t, `chhwres -r mem -m ${S824} -o m -p aix01 -t lnx02 -q 2048`);
    assert.equal(await t.ok(`lshwres -r mem -m ${S824} --level lpar --filter "lpar_names=aix01,lnx02" -F lpar_name,curr_mem`), 'aix01,5120\nlnx02,6144\n');
    assert.equal(Number(await sysField(t, 'mem', 'curr_avail_sys_mem')), avail0 + 1024);
  });

  it('LMB multiples (HSCLSIM2) inside [min, max] (HSCLSIM18)', async () => {
    const t = await lab();
    await refused(t, `chhwres -r mem -m ${S824} -o a -p aix01 -q 100`, 'HSCLSIM2');
    let msg = await refused(t, `chhwres -r mem -m ${S824} -o a -p aix01 -q 8448`, 'HSCLSIM18');
    assert.match(msg, /\(2048 to 16384\)/);
    msg = await refused(t, `chhwres -r mem -m ${S824} -o r -p aix01 -q 6400`, 'HSCLSIM18');
    await refused(t, `chhwres -r mem -m ${S824} -o m -p aix01 -t lnx02 -q 6144`, 'HSCLSIM18');
  });

  it('more memory than is free is HSCLSIM6', async () => {
    const t = await lab();
    await silent(t, `mksyscfg -r lpar -m ${S824} -i 'name=big,lpar_env=aixlinux,profile_name=p,min_mem=8192,desired_mem=8192,max_mem=524288,proc_mode=ded,min_procs=1,desired_procs=1,max_procs=1'`);
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n big`);
    const avail = Number(await sysField(t, 'mem', 'curr_avail_sys_mem'));
    const msg = await refused(t, `chhwres -r mem -m ${S824} -o a -p big -q ${avail + 256}`, 'HSCLSIM6');
    assert.match(msg, /Insufficient available memory/);
    await silent(t, `chhwres -r mem -m ${S824} -o a -p big -q ${avail}`);
    assert.equal(await sysField(t, 'mem', 'curr_avail_sys_mem'), '0');
  });

  it('a memory expansion factor cannot be switched on dynamically (HSCLSIM17)', async () => {
    const t = await lab();
    await refused(t, `chhwres -r mem -m ${S824} -o s -p aix01 -a mem_expansion=2.0`, 'HSCLSIM17');
  });

  it('system level: requested huge pages and the pending memory region size (Ansible)', async () => {
    const t = await lab();
    await silent(t, `chhwres -r mem  -m ${S824} -o s  -a "requested_num_sys_huge_pages=2,pend_mem_region_size=128,mem_mirroring_mode=none"`);
    assert.equal(await sysField(t, 'mem', 'mem_region_size,pend_mem_region_size,requested_num_sys_huge_pages'), '256,128,2');
    await refused(t, `chhwres -r mem -m ${S824} -o s -a pend_mem_region_size=100`, 'HSCLSIM13');
  });
});

describe('DLPAR I/O slots', () => {
  it('-o a / m / r -l DRC moves a physical slot between running partitions', async () => {
    const t = await lab();
    const owner = () => t.ok(`lshwres -r io --rsubtype slot -m ${S824} --filter slots=2101020A -F drc_index,lpar_name,lpar_id`);
    assert.equal(await owner(), '2101020A,,none\n');
    await silent(t, `chhwres -r io -m ${S824} -o a -p aix01 -l 2101020A`);
    assert.equal(await owner(), '2101020A,aix01,3\n');
    await silent(t, `chhwres -r io -m ${S824} -o m -p aix01 -t lnx02 -l 2101020A`);
    assert.equal(await owner(), '2101020A,lnx02,4\n');
    await silent(t, `chhwres -r io -m ${S824} -o r -p lnx02 -l 2101020A`);
    assert.equal(await owner(), '2101020A,,none\n');
  });

  it('a desired slot can be removed, a required one cannot (HSCLSIM30)', async () => {
    const t = await lab();
    await silent(t, `chhwres -r io -m ${S824} -o r -p vios1 -l 21010203`);
    assert.equal(await t.ok(`lshwres -r io --rsubtype slot -m ${S824} --filter slots=21010203 -F lpar_id`), 'none\n');
    const msg = await refused(t, `chhwres -r io -m ${S824} -o r -p vios1 -l 21010200`, 'HSCLSIM30');
    assert.match(msg, /required by partition vios1/);
  });

  it('a slot owned by another partition (HSCLSIM20) or not found (HSCL8012) is refused', async () => {
    const t = await lab();
    await refused(t, `chhwres -r io -m ${S824} -o a -p aix01 -l 21010204`, 'HSCLSIM20');
    await refused(t, `chhwres -r io -m ${S824} -o r -p aix01 -l 21010204`, 'HSCLSIM20');
    await refused(t, `chhwres -r io -m ${S824} -o a -p aix01 -l FFFFFFFF`, 'HSCL8012');
    await refused(t, `chhwres -r io -m ${S824} -o s -p aix01 -l 2101020A`, 'HSCLSIM28');
  });
});

describe('rule 4: DLPAR needs a Running partition with RMC', () => {
  it('a Not Activated partition is HSCL05DF; so is one in Open Firmware', async () => {
    const t = await lab();
    await refused(t, `chhwres -r proc -m ${S824} -o a -p aix04 --procs 1`, 'HSCL05DF');
    await refused(t, `chhwres -r mem -m ${S824} -o a -p aix04 -q 256`, 'HSCL05DF');
    await refused(t, `chhwres -r io -m ${S824} -o a -p aix04 -l 2101020A`, 'HSCL05DF');
    await refused(t, `chhwres -r proc -m ${P795} -o a -p aix14 --procunits 0.1`, 'HSCL05DF');
    await refused(t, `chhwres -r proc -m ${S824} -o m -p aix01 -t aix04 --procunits 0.1`, 'HSCL05DF');
  });

  it('without an active RMC connection: HSCL2957 (VERIFIED prefix); it works once RMC is up', async () => {
    const t = await lab(RMC_LATE);
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n aix04`);
    const msg = await refused(t, `chhwres -r mem -m ${S824} -o a -p aix04 -q 256`, 'HSCL2957');
    assert.ok(msg.startsWith('HSCL2957 Either there is currently no RMC connection between the management console and the partition aix04 or the partition does not support dynamic partitioning operations. Verify the network setup on the management console and the partition'), msg);
    await refused(t, `chhwres -r proc -m ${S824} -o a -p aix04 --procs 1`, 'HSCL2957');
    await refused(t, `chhwres -r io -m ${S824} -o a -p aix04 -l 2101020A`, 'HSCL2957');
    t.clock.advance(60000);
    await silent(t, `chhwres -r mem -m ${S824} -o a -p aix04 -q 256`);
    assert.equal(await memField(t, 'aix04', 'curr_mem'), '4352');
  });

  it('IBM i needs no RMC', async () => {
    const t = await lab(RMC_LATE);
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n ibmi05`);
    assert.equal(await lparField(t, 'ibmi05', 'rmc_state'), 'inactive');
    await silent(t, `chhwres -r proc -m ${S824} -o a -p ibmi05 --procunits 0.5 --procs 1`);
    assert.equal(await procField(t, 'ibmi05', 'curr_proc_units,curr_procs'), '1.5,2');
  });

  it('the system must be Operating', async () => {
    const t = await lab();
    t.sim.system(S824).loseNvram();
    assert.equal(await t.ok(`lssyscfg -r sys -m ${S824} -F state`), 'Recovery\n');
    await refused(t, `chhwres -r proc -m ${S824} -o a -p aix01 --procunits 0.1`, 'HSCLSIM10');
  });
});

describe('rule 9: DLPAR results reach the profile only with sync_curr_profile=1 or a save', () => {
  it('sync_curr_profile=0: the profile keeps its desired values', async () => {
    const t = await lab();
    await silent(t, `chhwres -r proc -m ${S824} -o a -p aix01 --procunits 0.5 --procs 1`);
    await silent(t, `chhwres -r mem -m ${S824} -o a -p aix01 -q 1024`);
    assert.equal(await profField(t, 'aix01', 'default_profile', 'desired_proc_units,desired_procs,desired_mem'), '1.0,2,8192');
  });

  it('sync_curr_profile=1: processors, memory, weight and slots are written to the active profile', async () => {
    const t = await lab();
    await silent(t, `chsyscfg -r lpar -m ${S824} -i name=aix01,sync_curr_profile=1`);
    await silent(t, `chhwres -r proc -m ${S824} -o a -p aix01 --procunits 0.5 --procs 1`);
    await silent(t, `chhwres -r mem -m ${S824} -o a -p aix01 -q 1024`);
    await silent(t, `chhwres -r proc -m ${S824} -o s -p aix01 -a uncap_weight=10`);
    await silent(t, `chhwres -r io -m ${S824} -o a -p aix01 -l 2101020A`);
    assert.equal(await profField(t, 'aix01', 'default_profile', 'desired_proc_units,desired_procs,desired_mem,uncap_weight,io_slots'),
      '1.5,3,9216,10,2101020A/none/0');
    // The other profile of the partition is untouched.
    assert.equal(await profField(t, 'aix01', 'maint', 'desired_proc_units,desired_mem'), '0.2,4096');
  });

  it('mksyscfg -r prof -o save writes the running configuration; --force overwrites', async () => {
    const t = await lab();
    await silent(t, `chhwres -r proc -m ${S824} -o a -p lnx02 --procunits 0.5`);
    await silent(t, `mksyscfg -r prof -m ${S824} -o save -p lnx02 -n saved`);
    assert.equal(await profField(t, 'lnx02', 'saved', 'desired_proc_units,desired_procs,desired_mem,min_proc_units,max_proc_units'), '1.0,1,4096,0.1,2.0');
    await refused(t, `mksyscfg -r prof -m ${S824} -o save -p lnx02 -n saved`, 'HSCLSIM23');
    await silent(t, `chhwres -r mem -m ${S824} -o a -p lnx02 -q 1024`);
    await silent(t, `mksyscfg -r prof -m ${S824} -o save -p lnx02 -n saved --force`);
    assert.equal(await profField(t, 'lnx02', 'saved', 'desired_mem'), '5120');
    await refused(t, `mksyscfg -r prof -m ${S824} -o save -p aix04 -n saved`, 'HSCL05DF');
  });
});

describe('chhwres -r procpool (rule 6: shared processor pools)', () => {
  it('configures a pool with a name and a whole-number maximum', async () => {
    const t = await lab();
    await silent(t, `chhwres -r procpool -m ${S824} -o s --poolname SharedPool02 -a "new_name=Test,max_pool_proc_units=2"`);
    assert.equal(lines(await t.ok(`lshwres -r procpool -m ${S824}`))[2],
      'name=Test,shared_proc_pool_id=2,max_pool_proc_units=2,curr_reserved_pool_proc_units=0.0,pend_reserved_pool_proc_units=0.0,lpar_names=none,lpar_ids=none');
    await refused(t, `chhwres -r procpool -m ${S824} -o s --poolname Test -a max_pool_proc_units=2.5`, 'HSCLSIM13');
    await refused(t, `chhwres -r procpool -m ${S824} -o s --poolname Test -a new_name=ProdPool`, 'HSCLSIM19');
  });

  it('DefaultPool cannot change, by name or by id (HSCLSIM19)', async () => {
    const t = await lab();
    await refused(t, `chhwres -r procpool -m ${S824} -o s --poolname DefaultPool -a max_pool_proc_units=4`, 'HSCLSIM19');
    await refused(t, `chhwres -r procpool -m ${S824} -o s --poolid 0 -a new_name=X`, 'HSCLSIM19');
  });

  it('reserved + entitled capacity stays within the maximum (HSCLSIM19)', async () => {
    const t = await lab();
    // ProdPool: max 4, aix03 entitled 0.5, so at most 3.5 can be reserved.
    const msg = await refused(t, `chhwres -r procpool -m ${S824} -o s --poolname ProdPool -a reserved_pool_proc_units=3.6`, 'HSCLSIM19');
    assert.match(msg, /\(4\.1\) would exceed its maximum of 4 processing units/);
    await silent(t, `chhwres -r procpool -m ${S824} -o s --poolname ProdPool -a reserved_pool_proc_units=3.5`);
    assert.equal(await t.ok(`lshwres -r procpool -m ${S824} --filter pool_names=ProdPool -F curr_reserved_pool_proc_units`), '3.5\n');
    await refused(t, `chhwres -r proc -m ${S824} -o a -p aix03 --procunits 0.1`, 'HSCLSIM19');
  });

  it('a pool in use cannot be unconfigured (HSCLSIM19); an unknown pool is HSCL8012', async () => {
    const t = await lab();
    await refused(t, `chhwres -r procpool -m ${S824} -o s --poolname ProdPool -a max_pool_proc_units=0`, 'HSCLSIM19');
    await refused(t, `chhwres -r procpool -m ${S824} -o s --poolname NoPool -a max_pool_proc_units=1`, 'HSCL8012');
  });

  it('moves a running shared partition to another pool, within that pool\'s capacity', async () => {
    const t = await lab();
    await silent(t, `chhwres -r procpool -m ${S824} -o s --poolname SharedPool02 -a "new_name=Small,max_pool_proc_units=1"`);
    await silent(t, `chhwres -r procpool -m ${S824} -o s -p aix01 -a shared_proc_pool_name=Small`);
    assert.equal(await procField(t, 'aix01', 'curr_shared_proc_pool_id'), '2');
    assert.equal(await t.ok(`lshwres -r procpool -m ${S824} --filter pool_names=Small -F lpar_names`), 'aix01\n');
    // Small is now full (1.0 of 1): more entitlement or another member does not fit.
    await refused(t, `chhwres -r proc -m ${S824} -o a -p aix01 --procunits 0.1`, 'HSCLSIM19');
    await refused(t, `chhwres -r procpool -m ${S824} -o s -p lnx02 -a shared_proc_pool_name=Small`, 'HSCLSIM19');
    await refused(t, `chhwres -r procpool -m ${S824} -o s -p vios1 -a shared_proc_pool_name=Small`, 'HSCLSIM5');
    await silent(t, `chhwres -r procpool -m ${S824} -o s -p aix01 -a shared_proc_pool_id=0`);
    assert.equal(await procField(t, 'aix01', 'curr_shared_proc_pool_id'), '0');
  });

  it('a partition activated in a configured pool counts against it', async () => {
    const t = await lab();
    await silent(t, `mksyscfg -r lpar -m ${S824} -i 'name=pp,lpar_env=aixlinux,profile_name=p,${MEM_2G},proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.5,max_proc_units=1.0,min_procs=1,desired_procs=1,max_procs=1,sharing_mode=cap,shared_proc_pool_name=ProdPool'`);
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n pp`);
    assert.equal(await t.ok(`lshwres -r procpool -m ${S824} --filter pool_names=ProdPool -F lpar_names,lpar_ids`), '"aix03,pp","5,8"\n');
    // 0.5 reserved + aix03 0.5 + pp 0.5 = 1.5 of 4: 2.5 may still be reserved, not 2.6.
    await refused(t, `chhwres -r procpool -m ${S824} -o s --poolname ProdPool -a reserved_pool_proc_units=3.1`, 'HSCLSIM19');
  });
});

describe('chhwres usage errors', () => {
  it('operations, targets and quantities are checked before anything runs (HSCLSIM28)', async () => {
    const t = await lab();
    await refused(t, `chhwres -r proc -m ${S824} -o x -p aix01 --procs 1`, 'HSCLSIM28');
    await refused(t, `chhwres -r proc -m ${S824} -o a -p aix01 -t lnx02 --procs 1`, 'HSCLSIM28');
    await refused(t, `chhwres -r proc -m ${S824} -o m -p aix01 --procs 1`, 'HSCLSIM28');
    await refused(t, `chhwres -r proc -m ${S824} -o a -p aix01`, 'HSCLSIM28');
    await refused(t, `chhwres -r mem -m ${S824} -o a -p aix01`, 'HSCLSIM28');
    await refused(t, `chhwres -r proc -m ${S824} -o a -p aix01 --procs 1 -d 9`, 'HSCLSIM28');
    await refused(t, `chhwres -r proc -m ${S824} -o a -p nosuch --procs 1`, 'HSCL8012');
  });
});
