// mksyscfg -r lpar | prof | sysprof (hmc-cli.md §6.4; platform.md §7.1, §7.2) and the profile rules of
// platform.md §13 with the SIMULATED codes of §15.2. Every refusal is checked for its exit status, its code
// and for leaving every listing exactly as it was (refused() in cli-support.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  lab, labOf, bareLabWithLmb, S824, P795, DED_1, SHARED_01, MEM_2G, invalidAttribute, lines, refused, silent, lparField,
} from './cli-support.ts';

/** `mksyscfg -r lpar` on the S824 for a new AIX/Linux partition new1 with profile p. */
const mk = (attrs: string, m = S824, env = 'aixlinux', name = 'new1'): string =>
  `mksyscfg -r lpar -m ${m} -i 'name=${name},lpar_env=${env},profile_name=p,${attrs}'`;
const prof = async (t: Awaited<ReturnType<typeof lab>>, fields: string, lpar = 'new1', m = S824): Promise<string> =>
  (await t.ok(`lssyscfg -r prof -m ${m} --filter lpar_names=${lpar} -F ${fields}`)).replace(/\n$/, '');

describe('mksyscfg -r lpar: a new partition', () => {
  it('the hmc-mcp record creates a Not Activated partition with the lowest free id and prints nothing', async () => {
    const t = await lab();
    await silent(t, `mksyscfg -r lpar -m '${S824}' -i 'name=lnx08,lpar_env=aixlinux,profile_name=default_profile,min_mem=256,desired_mem=4096,max_mem=8192,proc_mode=shared,sharing_mode=uncap,min_proc_units=0.1,desired_proc_units=0.1,max_proc_units=2.0,min_procs=1,desired_procs=1,max_procs=2'`);
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} --filter lpar_names=lnx08`),
      'name=lnx08,lpar_id=8,lpar_env=aixlinux,state=Not Activated,resource_config=0,os_version=Unknown,logical_serial_num=21AB34C8,default_profile=default_profile,curr_profile=,work_group_id=none,shared_proc_pool_util_auth=0,allow_perf_collection=0,power_ctrl_lpar_ids=none,boot_mode=norm,lpar_keylock=norm,auto_start=0,redundant_err_path_reporting=0,rmc_state=inactive,rmc_ipaddr=,sync_curr_profile=0\n');
    // An uncapped profile without a weight gets 128 (platform.md §6.1).
    assert.equal(await prof(t, 'name,proc_mode,min_proc_units,desired_proc_units,max_proc_units,sharing_mode,uncap_weight,max_virtual_slots', 'lnx08'),
      'default_profile,shared,0.1,0.1,2.0,uncap,128,20');
  });

  it('lpar_id chooses the id; the logical serial number is the system serial plus the id in base 36', async () => {
    const t = await lab();
    await silent(t, mk(`lpar_id=16,${MEM_2G},${DED_1}`));
    assert.equal(await lparField(t, 'new1', 'lpar_id,logical_serial_num'), '16,21AB34CG');
  });

  it('the Ansible all_resources=1 form is accepted', async () => {
    const t = await lab();
    await silent(t, `mksyscfg -r lpar -m ${S824} -i "name=full1,lpar_env=aixlinux,all_resources=1,profile_name=default_profile"`);
    assert.equal(await prof(t, 'name,all_resources', 'full1'), 'default_profile,1');
  });

  it('a VIOS is a mover service partition with availability priority 191; a client gets 127', async () => {
    const t = await lab();
    await silent(t, mk(`${MEM_2G},${DED_1}`, S824, 'vioserver', 'vios3'));
    await silent(t, mk(`${MEM_2G},${DED_1}`, S824, 'aixlinux', 'cli3'));
    assert.equal(await lparField(t, 'vios3', 'msp,lpar_avail_priority'), '1,191');
    assert.equal(await lparField(t, 'cli3', 'lpar_avail_priority'), '127');
  });

  it('with no proc_mode the profile is dedicated and donates idle processors while inactive', async () => {
    const t = await lab();
    await silent(t, mk('min_mem=2048,desired_mem=2048,max_mem=2048,min_procs=1,desired_procs=1,max_procs=1'));
    assert.equal(await prof(t, 'proc_mode,sharing_mode'), 'ded,share_idle_procs');
  });
});

describe('rule 1: min <= desired <= max (HSCLSIM1)', () => {
  it('memory, processors and processing units are checked', async () => {
    const t = await lab();
    const msg = await refused(t, mk(`min_mem=4096,desired_mem=2048,max_mem=8192,${DED_1}`), 'HSCLSIM1');
    assert.match(msg, /memory/);
    await refused(t, mk(`min_mem=2048,desired_mem=8192,max_mem=4096,${DED_1}`), 'HSCLSIM1');
    await refused(t, mk(`${MEM_2G},proc_mode=ded,min_procs=2,desired_procs=1,max_procs=2`), 'HSCLSIM1');
    await refused(t, mk(`${MEM_2G},proc_mode=ded,min_procs=1,desired_procs=3,max_procs=2`), 'HSCLSIM1');
    await refused(t, mk(`${MEM_2G},proc_mode=shared,min_proc_units=0.5,desired_proc_units=0.4,max_proc_units=1.0,min_procs=1,desired_procs=1,max_procs=1,sharing_mode=cap`), 'HSCLSIM1');
  });
});

describe('memory: LMB multiples (HSCLSIM2) and the 128 MB floor (HSCLSIM3)', () => {
  it('with a 256 MB LMB, 1000 MB is refused and 256 MB is the smallest amount', async () => {
    const t = await lab();
    const msg = await refused(t, mk(`min_mem=1000,desired_mem=2048,max_mem=8192,${DED_1}`), 'HSCLSIM2');
    assert.match(msg, /1000 MB for min_mem is not a multiple of the memory region size of 256 MB/);
    await refused(t, mk(`min_mem=2048,desired_mem=2048,max_mem=8000,${DED_1}`), 'HSCLSIM2');
    await silent(t, mk(`min_mem=256,desired_mem=256,max_mem=1024,${DED_1}`));
  });

  it('with a 64 MB LMB, 64 MB is below the 128 MB floor and 128 MB is accepted', async () => {
    const t = await labOf({ lab: bareLabWithLmb(64) });
    assert.equal(await t.ok(`lshwres -r mem -m ${S824} --level sys -F mem_region_size`), '64\n');
    const msg = await refused(t, mk(`min_mem=64,desired_mem=1024,max_mem=1024,${DED_1}`), 'HSCLSIM3');
    assert.match(msg, /less than the minimum of 128 MB/);
    await refused(t, mk(`min_mem=160,desired_mem=1024,max_mem=1024,${DED_1}`), 'HSCLSIM2');
    await silent(t, mk(`min_mem=128,desired_mem=1024,max_mem=1024,${DED_1}`));
    assert.equal(await prof(t, 'min_mem,desired_mem,max_mem'), '128,1024,1024');
  });

  it('max_mem cannot exceed the configurable memory of the system', async () => {
    const t = await lab();
    await refused(t, mk(`min_mem=2048,desired_mem=65536,max_mem=524544,${DED_1}`), 'HSCLSIM13');
  });
});

describe('rule 2: processing units per virtual processor (HSCLSIM4)', () => {
  it('POWER8 allows 0.05 PU per virtual processor: 0.1 PU carries 2 VPs but not 3', async () => {
    const t = await lab();
    const msg = await refused(t, mk(`${MEM_2G},proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.1,max_proc_units=1.0,min_procs=1,desired_procs=3,max_procs=4,sharing_mode=cap`), 'HSCLSIM4');
    assert.match(msg, /at least 0\.05 per virtual processor/);
    await silent(t, mk(`${MEM_2G},proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.1,max_proc_units=1.0,min_procs=1,desired_procs=2,max_procs=4,sharing_mode=cap`));
  });

  it('the POWER7 795 needs 0.10 PU per virtual processor: 0.15 PU cannot carry 2 VPs, 0.2 can', async () => {
    const t = await lab();
    const msg = await refused(t, mk(`${MEM_2G},proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.15,max_proc_units=1.0,min_procs=1,desired_procs=2,max_procs=4,sharing_mode=cap`, P795), 'HSCLSIM4');
    assert.match(msg, /at least 0\.1 per virtual processor/);
    await silent(t, mk(`${MEM_2G},proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.2,max_proc_units=1.0,min_procs=1,desired_procs=2,max_procs=4,sharing_mode=cap`, P795));
  });

  it('each virtual processor carries at most 1.0 PU: 1.5 PU need 2 VPs', async () => {
    const t = await lab();
    await refused(t, mk(`${MEM_2G},proc_mode=shared,min_proc_units=0.1,desired_proc_units=1.5,max_proc_units=2.0,min_procs=1,desired_procs=1,max_procs=2,sharing_mode=cap`), 'HSCLSIM4');
  });

  it('processing units have a granularity of 0.01', async () => {
    const t = await lab();
    await refused(t, mk(`${MEM_2G},proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.125,max_proc_units=1.0,min_procs=1,desired_procs=1,max_procs=1,sharing_mode=cap`), 'HSCLSIM13');
  });
});

describe('rule 2: dedicated and shared attributes do not mix (HSCLSIM5)', () => {
  it('proc_mode=ded with processing units is refused', async () => {
    const t = await lab();
    const msg = await refused(t, mk(`${MEM_2G},${DED_1},min_proc_units=0.1`), 'HSCLSIM5');
    assert.match(msg, /min_proc_units is not valid for a partition with processing mode ded/);
  });

  it('a dedicated sharing mode with shared processors, and a shared one with dedicated, are refused', async () => {
    const t = await lab();
    await refused(t, mk(`${MEM_2G},${DED_1},sharing_mode=uncap`), 'HSCLSIM5');
    await refused(t, mk(`${MEM_2G},${DED_1},sharing_mode=cap`), 'HSCLSIM5');
    await refused(t, mk(`${MEM_2G},proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.1,max_proc_units=1.0,min_procs=1,desired_procs=1,max_procs=1,sharing_mode=keep_idle_procs`), 'HSCLSIM5');
  });

  it('a shared profile needs all three processing-unit values (HSCLSIM14)', async () => {
    const t = await lab();
    const msg = await refused(t, mk(`${MEM_2G},proc_mode=shared,min_procs=1,desired_procs=1,max_procs=1,sharing_mode=cap`), 'HSCLSIM14');
    assert.match(msg, /min_proc_units/);
  });

  it('proc_mode=ded with uncap_weight is refused (the weight is a shared-processor attribute)', async () => {
    const t = await lab();
    await refused(t, mk(`${MEM_2G},${DED_1},uncap_weight=10`), 'HSCLSIM5');
  });

  it('proc_mode=ded with a shared processor pool is refused', async () => {
    const t = await lab();
    await refused(t, mk(`${MEM_2G},${DED_1},shared_proc_pool_name=ProdPool`), 'HSCLSIM5');
  });
});

describe('rule 5: uncap_weight 0..255', () => {
  it('256 and -1 are refused; 0 and 255 are accepted and printed', async () => {
    const t = await lab();
    const sh = (w: string, name: string) => mk(`${MEM_2G},proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.1,max_proc_units=1.0,min_procs=1,desired_procs=1,max_procs=1,sharing_mode=uncap,uncap_weight=${w}`, S824, 'aixlinux', name);
    const msg = await refused(t, sh('256', 'w1'), 'HSCLSIM13');
    assert.match(msg, /uncap_weight/);
    await refused(t, sh('-1', 'w1'), 'HSCLSIM13');
    await silent(t, sh('0', 'w0'));
    await silent(t, sh('255', 'w255'));
    assert.equal(await prof(t, 'sharing_mode,uncap_weight', 'w0'), 'uncap,0');
    assert.equal(await prof(t, 'sharing_mode,uncap_weight', 'w255'), 'uncap,255');
  });

  it('a capped profile shows uncap_weight=0 (platform.md §6.1), even when a weight is given', async () => {
    const t = await lab();
    const r = await t.run(mk(`${MEM_2G},proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.1,max_proc_units=1.0,min_procs=1,desired_procs=1,max_procs=1,sharing_mode=cap,uncap_weight=100`));
    if (r.exit === 0) assert.equal(await prof(t, 'sharing_mode,uncap_weight'), 'cap,0');
    else assert.match(r.stdout, /^HSCLSIM\d+ /);
  });
});

describe('partition names, ids and attribute records', () => {
  it('a duplicate name is HSCLSIM7; a used, zero or too large id is HSCLSIM8 (max_lpars 320 on the S824)', async () => {
    const t = await lab();
    const msg = await refused(t, mk(`${MEM_2G},${DED_1}`, S824, 'aixlinux', 'aix01'), 'HSCLSIM7');
    assert.match(msg, /A partition named aix01 already exists/);
    await refused(t, mk(`lpar_id=3,${MEM_2G},${DED_1}`), 'HSCLSIM8');
    await refused(t, mk(`lpar_id=0,${MEM_2G},${DED_1}`), 'HSCLSIM8');
    await refused(t, mk(`lpar_id=321,${MEM_2G},${DED_1}`), 'HSCLSIM8');
    await silent(t, mk(`lpar_id=320,${MEM_2G},${DED_1}`));
  });

  it('an unknown attribute gives the invalid-attribute message; a repeated one is HSCLSIM15', async () => {
    const t = await lab();
    await refused(t, mk(`bogus=1,${MEM_2G},${DED_1}`), invalidAttribute('bogus'));
    await refused(t, mk(`min_mem=2048,${MEM_2G},${DED_1}`), 'HSCLSIM15');
    await refused(t, mk(`${MEM_2G},${DED_1},lpar_env=aixlinux`), 'HSCLSIM15');
    // shared_proc_pool_name is another spelling of shared_proc_pool_id.
    await refused(t, mk(`${MEM_2G},${SHARED_01},shared_proc_pool_name=DefaultPool,shared_proc_pool_id=0`), 'HSCLSIM15');
  });

  it('a missing name, lpar_env, profile_name or memory value is HSCLSIM14', async () => {
    const t = await lab();
    await refused(t, `mksyscfg -r lpar -m ${S824} -i 'lpar_env=aixlinux,profile_name=p,${MEM_2G},${DED_1}'`, 'HSCLSIM14');
    await refused(t, `mksyscfg -r lpar -m ${S824} -i 'name=x,profile_name=p,${MEM_2G},${DED_1}'`, 'HSCLSIM14');
    await refused(t, `mksyscfg -r lpar -m ${S824} -i 'name=x,lpar_env=aixlinux,${MEM_2G},${DED_1}'`, 'HSCLSIM14');
    await refused(t, mk(`min_mem=2048,max_mem=8192,${DED_1}`), 'HSCLSIM14');
  });

  it('an unknown lpar_env, pool or system is refused', async () => {
    const t = await lab();
    await refused(t, mk(`${MEM_2G},${DED_1}`, S824, 'linux'), 'HSCLSIM28');
    await refused(t, mk(`${MEM_2G},${SHARED_01},shared_proc_pool_name=NoPool`), 'HSCL8012');
    await refused(t, mk(`${MEM_2G},${SHARED_01},shared_proc_pool_name=SharedPool09`), 'HSCL8012');
    await refused(t, mk(`${MEM_2G},${DED_1}`, 'Server-9999-99A-SN0000000'), 'HSCL8012');
  });

  it('a pool given by name is named by that name when it cannot be used', async () => {
    const t = await lab();
    const msg = await refused(t, mk(`${MEM_2G},${SHARED_01},shared_proc_pool_name=SharedPool09`), 'HSCL8012');
    assert.match(msg, /SharedPool09/);
  });

  it('a dedicated profile cannot ask for more processors than the system has', async () => {
    const t = await lab();
    await refused(t, mk(`${MEM_2G},proc_mode=ded,min_procs=1,desired_procs=1,max_procs=17`), 'HSCLSIM13');
    await silent(t, mk(`${MEM_2G},proc_mode=ded,min_procs=1,desired_procs=1,max_procs=16`));
  });
});

describe('rule 15: Active Memory Sharing (mem_mode=shared)', () => {
  it('needs shared processors, no physical slots, and is not for a VIOS (HSCLSIM25)', async () => {
    const t = await lab();
    let msg = await refused(t, mk(`${MEM_2G},${DED_1},mem_mode=shared`), 'HSCLSIM25');
    assert.match(msg, /must use shared processors/);
    msg = await refused(t, mk(`${MEM_2G},${SHARED_01},mem_mode=shared,io_slots=2101020A/none/0`), 'HSCLSIM25');
    assert.match(msg, /physical I\/O slots/);
    msg = await refused(t, mk(`${MEM_2G},${SHARED_01},mem_mode=shared`, S824, 'vioserver'), 'HSCLSIM25');
    assert.match(msg, /Virtual I\/O Server/);
  });

  it('a shared-processor, virtual-I/O-only AIX profile is accepted', async () => {
    const t = await lab();
    await silent(t, mk(`${MEM_2G},${SHARED_01},mem_mode=shared`));
    assert.equal(await prof(t, 'mem_mode,proc_mode,io_slots'), 'shared,shared,none');
  });
});

describe('rule 15: Active Memory Expansion (mem_expansion)', () => {
  it('0 or 1.00 to 10.00 with two decimals; other factors are HSCLSIM13', async () => {
    const t = await lab();
    for (const f of ['0.5', '10.01', '1.005', '11']) await refused(t, mk(`${MEM_2G},${SHARED_01},mem_expansion=${f}`), 'HSCLSIM13');
    await silent(t, mk(`${MEM_2G},${SHARED_01},mem_expansion=1.0`, S824, 'aixlinux', 'ame1'));
    await silent(t, mk(`${MEM_2G},${SHARED_01},mem_expansion=10.00`, S824, 'aixlinux', 'ame10'));
    await silent(t, mk(`${MEM_2G},${SHARED_01},mem_expansion=0`, S824, 'aixlinux', 'ame0'));
    assert.equal(await prof(t, 'mem_expansion', 'ame1'), '1.0');
    assert.equal(await prof(t, 'mem_expansion', 'ame10'), '10.0');
  });

  it('is for AIX only: a VIOS or IBM i partition with a factor is HSCLSIM25', async () => {
    const t = await lab();
    const msg = await refused(t, mk(`${MEM_2G},${DED_1},mem_expansion=1.5`, S824, 'vioserver'), 'HSCLSIM25');
    assert.match(msg, /Active Memory Expansion is available to AIX partitions only/);
    await refused(t, mk(`min_mem=4096,desired_mem=4096,max_mem=8192,${SHARED_01},mem_expansion=1.5`, S824, 'os400'), 'HSCLSIM25');
  });
});

describe('rule 7: virtual slots', () => {
  it('max_virtual_slots is 2..65535 (HSCLSIM13)', async () => {
    const t = await lab();
    await refused(t, mk(`${MEM_2G},${DED_1},max_virtual_slots=1`), 'HSCLSIM13');
    await refused(t, mk(`${MEM_2G},${DED_1},max_virtual_slots=65536`), 'HSCLSIM13');
    await silent(t, mk(`${MEM_2G},${DED_1},max_virtual_slots=2`));
    assert.equal(await prof(t, 'max_virtual_slots'), '2');
  });

  it('slots 0 and 1 are reserved, a slot must be below max_virtual_slots and unique (HSCLSIM9)', async () => {
    const t = await lab();
    let msg = await refused(t, mk(`${MEM_2G},${DED_1},virtual_eth_adapters=1/0/1//0/0`), 'HSCLSIM9');
    assert.match(msg, /reserved for the virtual serial adapters/);
    msg = await refused(t, mk(`${MEM_2G},${DED_1},max_virtual_slots=10,virtual_eth_adapters=10/0/1//0/0`), 'HSCLSIM9');
    assert.match(msg, /Choose a free slot from 2 to 9/);
    await refused(t, mk(`${MEM_2G},${DED_1},"virtual_eth_adapters=2/0/1//0/0,2/0/2//0/0"`), 'HSCLSIM9');
    await refused(t, mk(`${MEM_2G},${DED_1},virtual_eth_adapters=2/0/1//0/0,virtual_scsi_adapters=2/client/1/vios1/10/1`), 'HSCLSIM9');
    await silent(t, mk(`${MEM_2G},${DED_1},max_virtual_slots=10,"virtual_eth_adapters=2/0/1//0/0,9/0/2//0/0"`));
    assert.equal(await prof(t, 'virtual_eth_adapters'), '"2/0/1//0/0,9/0/2//0/0"');
  });
});

describe('rule 9: virtual Ethernet VLANs and trunks', () => {
  it('port VLAN ids are 1..4094', async () => {
    const t = await lab();
    for (const v of ['0', '4095']) {
      const msg = await refused(t, mk(`${MEM_2G},${DED_1},virtual_eth_adapters=2/0/${v}//0/0`), 'HSCLSIM13');
      assert.match(msg, /VLAN IDs must be from 1 to 4094/);
    }
    await silent(t, mk(`${MEM_2G},${DED_1},"virtual_eth_adapters=2/0/1//0/0,3/0/4094//0/0"`));
  });

  it('additional VLANs need an IEEE adapter and are 1..4094 too', async () => {
    const t = await lab();
    await refused(t, mk(`${MEM_2G},${DED_1},virtual_eth_adapters=2/0/1/3/0/0`), 'HSCLSIM13');
    await refused(t, mk(`${MEM_2G},${DED_1},"virtual_eth_adapters=""2/1/1/3,4095/0/1"""`), 'HSCLSIM13');
    await silent(t, mk(`${MEM_2G},${DED_1},"virtual_eth_adapters=""2/1/1/3,4,5/0/1"""`));
    assert.equal(await t.ok(`lssyscfg -r prof -m ${S824} --filter lpar_names=new1 -F virtual_eth_adapters`), '"""2/1/1/3,4,5/0/1"""\n');
  });

  it('trunk adapters (priority 1..15) only on a VIOS', async () => {
    const t = await lab();
    const msg = await refused(t, mk(`${MEM_2G},${DED_1},virtual_eth_adapters=2/0/1//1/0`), 'HSCLSIM13');
    assert.match(msg, /Only Virtual I\/O Server partitions can have trunk adapters/);
    await refused(t, mk(`${MEM_2G},${DED_1},virtual_eth_adapters=2/0/1//16/0`, S824, 'vioserver'), 'HSCLSIM13');
    await silent(t, mk(`${MEM_2G},${DED_1},"virtual_eth_adapters=2/0/1//1/0,3/0/2//15/1"`, S824, 'vioserver', 'vios3'));
    assert.equal(await prof(t, 'virtual_eth_adapters', 'vios3'), '"2/0/1//1/0,3/0/2//15/1"');
  });
});

describe('mksyscfg -r prof', () => {
  it('adds a profile to a partition; it is listed after the existing ones', async () => {
    const t = await lab();
    await silent(t, `mksyscfg -r prof -m ${S824} -i 'name=big,lpar_name=aix04,min_mem=2048,desired_mem=8192,max_mem=8192,${DED_1}'`);
    assert.equal(await t.ok(`lssyscfg -r prof -m ${S824} --filter lpar_names=aix04 -F name,desired_mem`), 'default_profile,4096\nbig,8192\n');
    assert.equal(await lparField(t, 'aix04', 'default_profile'), 'default_profile');
  });

  it('a duplicate profile is HSCLSIM23; an unknown partition is HSCL8012; the rules apply', async () => {
    const t = await lab();
    await refused(t, `mksyscfg -r prof -m ${S824} -i 'name=maint,lpar_name=aix01,${MEM_2G},${DED_1}'`, 'HSCLSIM23');
    await refused(t, `mksyscfg -r prof -m ${S824} -i 'name=p2,lpar_name=nosuch,${MEM_2G},${DED_1}'`, 'HSCL8012');
    await refused(t, `mksyscfg -r prof -m ${S824} -i 'name=p2,lpar_name=aix01,min_mem=2000,desired_mem=2048,max_mem=8192,${DED_1}'`, 'HSCLSIM2');
    await refused(t, `mksyscfg -r prof -m ${S824} -i 'name=p2,${MEM_2G},${DED_1}'`, 'HSCLSIM14');
  });
});

describe('mksyscfg -r sysprof', () => {
  it('creates a system profile; a duplicate, an unknown partition or profile is refused', async () => {
    const t = await lab();
    await silent(t, `mksyscfg -r sysprof -m ${S824} -i 'name=night,"lpar_names=aix04,ibmi05","profile_names=default_profile,default_profile"'`);
    assert.equal(await t.ok(`lssyscfg -r sysprof -m ${S824} -F name`), 'night\n');
    await refused(t, `mksyscfg -r sysprof -m ${S824} -i 'name=night,lpar_names=aix04,profile_names=default_profile'`, 'HSCLSIM13');
    await refused(t, `mksyscfg -r sysprof -m ${S824} -i 'name=sp2,lpar_names=nosuch,profile_names=default_profile'`, 'HSCL8012');
    await refused(t, `mksyscfg -r sysprof -m ${S824} -i 'name=sp2,lpar_names=aix04,profile_names=nosuch'`, 'HSCL8012');
    await refused(t, `mksyscfg -r sysprof -m ${S824} -i 'name=sp2,"lpar_names=aix04,ibmi05",profile_names=default_profile'`, 'HSCLSIM13');
  });
});

describe('creating partitions leaves the rest alone', () => {
  it('a new partition adds one line and changes no other', async () => {
    const t = await lab();
    const before = lines(await t.ok(`lssyscfg -r lpar -m ${S824}`));
    await silent(t, mk(`${MEM_2G},${DED_1}`));
    const after = lines(await t.ok(`lssyscfg -r lpar -m ${S824}`));
    assert.deepEqual(after.slice(0, 7), before);
    assert.equal(after.length, 8);
    assert.ok(after[7].startsWith('name=new1,lpar_id=8,'));
  });
});
