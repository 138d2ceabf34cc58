// chsyscfg -r lpar | prof | sys | sysprof and -o apply (hmc-cli.md §6.4; platform.md §7.1–§7.3).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lab, S824, P795, DED_1, MEM_2G, invalidAttribute, refused, silent, lparField, profField } from './cli-support.ts';

describe('chsyscfg -r lpar', () => {
  it('new_name renames a partition; its id, profiles and state stay', async () => {
    const t = await lab();
    await silent(t, `chsyscfg -r lpar -m ${S824} -i "name=aix04,new_name=aix44"`);
    assert.equal(await lparField(t, 'aix44', 'name,lpar_id,state,default_profile'), 'aix44,6,Not Activated,default_profile');
    await refused(t, `lssyscfg -r lpar -m ${S824} --filter lpar_names=aix04`, 'HSCL8012');
  });

  it('a new name already in use is HSCLSIM7; an unknown partition is HSCL8012', async () => {
    const t = await lab();
    await refused(t, `chsyscfg -r lpar -m ${S824} -i name=aix04,new_name=aix01`, 'HSCLSIM7');
    await refused(t, `chsyscfg -r lpar -m ${S824} -i name=nosuch,description=x`, 'HSCL8012');
  });

  it('description takes printable ASCII with spaces; anything else is HSCLC63B', async () => {
    const t = await lab();
    await silent(t, `chsyscfg -r lpar -m ${S824} -i "name=aix04,description=Test box 1"`);
    assert.equal(await lparField(t, 'aix04', 'name,description'), 'aix04,Test box 1');
    await refused(t, `chsyscfg -r lpar -m ${S824} -i "name=aix04,description=caf\u00e9"`, 'HSCLC63B');
  });

  it('msp is for a VIOS only (HSCLSIM16)', async () => {
    const t = await lab();
    await refused(t, `chsyscfg -r lpar -m ${S824} -i name=aix01,msp=1`, 'HSCLSIM16');
    await silent(t, `chsyscfg -r lpar -m ${S824} -i name=vios1,msp=0`);
    assert.equal(await lparField(t, 'vios1', 'msp'), '0');
  });

  it('lpar_proc_compat_mode is pending until the next activation and must be a mode of the system', async () => {
    const t = await lab();
    await refused(t, `chsyscfg -r lpar -m ${S824} -i name=aix04,lpar_proc_compat_mode=POWER9`, 'HSCLSIM13');
    await silent(t, `chsyscfg -r lpar -m ${S824} -i name=aix04,lpar_proc_compat_mode=POWER7`);
    assert.equal(await lparField(t, 'aix04', 'desired_lpar_proc_compat_mode,curr_lpar_proc_compat_mode'), 'POWER7,default');
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n aix04 -f default_profile`);
    assert.equal(await lparField(t, 'aix04', 'desired_lpar_proc_compat_mode,curr_lpar_proc_compat_mode'), 'POWER7,POWER7');
  });

  it('sync_curr_profile=1 is shown in the listing', async () => {
    const t = await lab();
    await silent(t, `chsyscfg -r lpar -m ${S824} -i name=aix01,sync_curr_profile=1`);
    assert.ok((await t.ok(`lssyscfg -r lpar -m ${S824} --filter lpar_names=aix01`)).endsWith(',sync_curr_profile=1\n'));
    await refused(t, `chsyscfg -r lpar -m ${S824} -i name=aix01,sync_curr_profile=2`, 'HSCLSIM13');
  });

  it('default_profile must name one of the partition\'s profiles', async () => {
    const t = await lab();
    await silent(t, `chsyscfg -r lpar -m ${S824} -i name=aix01,default_profile=maint`);
    assert.equal(await lparField(t, 'aix01', 'default_profile,curr_profile'), 'maint,default_profile');
    const msg = await refused(t, `chsyscfg -r lpar -m ${S824} -i name=aix04,default_profile=nosuch`, 'HSCL8012');
    assert.equal(msg, 'HSCL8012 The partition profile nosuch for partition aix04 cannot be found.\n');
  });

  it('an unknown attribute is the invalid-attribute message; no attribute to change is refused', async () => {
    const t = await lab();
    await refused(t, `chsyscfg -r lpar -m ${S824} -i name=aix04,bogus=1`, invalidAttribute('bogus'));
    await refused(t, `chsyscfg -r lpar -m ${S824} -i name=aix04`, 'HSCLSIM28');
    await refused(t, `chsyscfg -r lpar -m ${S824} -i name=aix04,description=a,description=b`, 'HSCLSIM15');
  });

  it('renaming a partition renames it in the system profiles that list it', async () => {
    const t = await lab();
    await silent(t, `mksyscfg -r sysprof -m ${S824} -i 'name=night,"lpar_names=aix04,ibmi05","profile_names=default_profile,default_profile"'`);
    await silent(t, `chsyscfg -r lpar -m ${S824} -i name=aix04,new_name=aix44`);
    assert.equal(await t.ok(`lssyscfg -r sysprof -m ${S824} -F lpar_names`), '"aix44,ibmi05"\n');
  });

  it('a system profile activated after a rename never reports success with the renamed partition left off', async () => {
    const t = await lab();
    await silent(t, `mksyscfg -r sysprof -m ${S824} -i 'name=night,"lpar_names=aix04,ibmi05","profile_names=default_profile,default_profile"'`);
    await silent(t, `chsyscfg -r lpar -m ${S824} -i name=aix04,new_name=aix44`);
    const r = await t.run(`chsysstate -r sysprof -m ${S824} -o on -n night`);
    if (r.exit === 0) assert.equal(await lparField(t, 'aix44', 'state'), 'Running');
    else assert.match(r.stdout, /^HSCL/);
  });
});

describe('chsyscfg -r prof', () => {
  it('io_slots+= and io_slots-= add and remove one slot (hmc-cli.md §6.4 form)', async () => {
    const t = await lab();
    await silent(t, `chsyscfg -r prof -m ${S824} -i "name=default_profile,lpar_name=aix04,io_slots+=2101020A//0"`);
    await silent(t, `chsyscfg -r prof -m ${S824} -i "name=default_profile,lpar_name=aix04,io_slots+=21010209/none/1"`);
    assert.equal(await profField(t, 'aix04', 'default_profile', 'io_slots'), '"2101020A/none/0,21010209/none/1"');
    assert.ok((await t.ok(`lssyscfg -r prof -m ${S824} --filter lpar_names=aix04`)).includes(',"io_slots=2101020A/none/0,21010209/none/1",'));
    await silent(t, `chsyscfg -r prof -m ${S824} -i "name=default_profile,lpar_name=aix04,io_slots-=2101020A//0"`);
    assert.equal(await profField(t, 'aix04', 'default_profile', 'io_slots'), '21010209/none/1');
    await silent(t, `chsyscfg -r prof -m ${S824} -i "name=default_profile,lpar_name=aix04,io_slots=none"`);
    assert.equal(await profField(t, 'aix04', 'default_profile', 'io_slots'), 'none');
  });

  it('an unknown slot is HSCL8012; a slot listed twice is HSCLSIM13', async () => {
    const t = await lab();
    await refused(t, `chsyscfg -r prof -m ${S824} -i "name=default_profile,lpar_name=aix04,io_slots+=FFFF0000//0"`, 'HSCL8012');
    await refused(t, `chsyscfg -r prof -m ${S824} -i 'name=default_profile,lpar_name=aix04,"io_slots=2101020A/none/0,2101020A/none/1"'`, 'HSCLSIM13');
  });

  it('virtual_eth_adapters+= adds an adapter; a virtual slot in use is HSCLSIM9 whichever way it is given', async () => {
    const t = await lab();
    await silent(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=aix04,virtual_eth_adapters+=3/0/5//0/0`);
    assert.equal(await profField(t, 'aix04', 'default_profile', 'virtual_eth_adapters'), '3/0/5//0/0');
    // The same condition through "=" (the whole list) is HSCLSIM9 (platform.md §15.2: one code per condition).
    await refused(t, `chsyscfg -r prof -m ${S824} -i 'name=default_profile,lpar_name=aix04,"virtual_eth_adapters=3/0/5//0/0,3/0/6//0/0"'`, 'HSCLSIM9');
    await refused(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=aix04,virtual_eth_adapters+=3/0/6//0/0`, 'HSCLSIM9');
  });

  it('io_slots-= of a slot that is not in the list is HSCLSIM13, naming the DRC index as given', async () => {
    const t = await lab();
    const msg = await refused(t, `chsyscfg -r prof -m ${S824} -i "name=default_profile,lpar_name=aix04,io_slots-=2101020A//0"`, 'HSCLSIM13');
    assert.match(msg, /2101020A/);
  });

  it('sriov_eth_logical_ports=none empties a list (hmc-cli.md §6.4)', async () => {
    const t = await lab();
    await silent(t, `chsyscfg -r prof -m ${S824} -i "name=default_profile,lpar_name=aix04,sriov_eth_logical_ports=none"`);
    assert.equal(await profField(t, 'aix04', 'default_profile', 'sriov_eth_logical_ports'), 'none');
  });

  it('the profile rules apply to every change, and a refused change keeps the old profile', async () => {
    const t = await lab();
    await refused(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=aix04,desired_mem=9999`, 'HSCLSIM2');
    await refused(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=aix04,min_mem=8192`, 'HSCLSIM1');
    await refused(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=aix04,desired_procs=3`, 'HSCLSIM1');
    await refused(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=aix04,min_proc_units=0.5`, 'HSCLSIM5');
    await refused(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=aix01,desired_proc_units=3.0`, 'HSCLSIM4');
    await refused(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=aix01,uncap_weight=300`, 'HSCLSIM13');
  });

  it('+= and -= work only on lists (HSCLSIM13)', async () => {
    const t = await lab();
    await refused(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=aix04,desired_mem+=256`, 'HSCLSIM13');
  });

  it('switching to shared processors needs processing units; switching back drops them', async () => {
    const t = await lab();
    await refused(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=aix04,proc_mode=shared`, 'HSCLSIM14');
    await silent(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=aix04,proc_mode=shared,min_proc_units=0.5,desired_proc_units=0.5,max_proc_units=1.0,sharing_mode=uncap,uncap_weight=255`);
    assert.ok((await t.ok(`lssyscfg -r prof -m ${S824} --filter lpar_names=aix04`)).includes(',proc_mode=shared,min_proc_units=0.5,desired_proc_units=0.5,max_proc_units=1.0,min_procs=1,desired_procs=1,max_procs=2,sharing_mode=uncap,uncap_weight=255,'));
    await silent(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=aix04,proc_mode=ded,sharing_mode=keep_idle_procs`);
    assert.ok((await t.ok(`lssyscfg -r prof -m ${S824} --filter lpar_names=aix04`)).includes(',proc_mode=ded,min_procs=1,desired_procs=1,max_procs=2,sharing_mode=keep_idle_procs,io_slots=none,'));
  });

  it('a dedicated profile refuses shared-processor attributes (HSCLSIM5), as mksyscfg does', async () => {
    const t = await lab();
    await refused(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=aix04,uncap_weight=10`, 'HSCLSIM5');
    await refused(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=aix04,shared_proc_pool_name=ProdPool`, 'HSCLSIM5');
  });

  it('a capped profile shows uncap_weight=0 even when a weight comes with the cap', async () => {
    const t = await lab();
    const r = await t.run(`chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=aix01,sharing_mode=cap,uncap_weight=50`);
    if (r.exit === 0) assert.equal(await profField(t, 'aix01', 'default_profile', 'sharing_mode,uncap_weight'), 'cap,0');
    else assert.match(r.stdout, /^HSCLSIM\d+ /);
  });

  it('capping a profile sets its weight to 0', async () => {
    const t = await lab();
    await silent(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=aix01,sharing_mode=cap`);
    assert.equal(await profField(t, 'aix01', 'default_profile', 'sharing_mode,uncap_weight'), 'cap,0');
  });

  it('new_name renames a profile and the partition\'s default follows; a used name is HSCLSIM23', async () => {
    const t = await lab();
    await refused(t, `chsyscfg -r prof -m ${S824} -i name=maint,lpar_name=aix01,new_name=default_profile`, 'HSCLSIM23');
    await silent(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=aix04,new_name=prod`);
    assert.equal(await lparField(t, 'aix04', 'default_profile'), 'prod');
    assert.equal(await t.ok(`lssyscfg -r prof -m ${S824} --filter lpar_names=aix04 -F name`), 'prod\n');
  });

  it('a change to the running profile is kept for the next activation; the running values stay', async () => {
    const t = await lab();
    await silent(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=aix01,desired_mem=4096,max_virtual_slots=30`);
    assert.equal(await profField(t, 'aix01', 'default_profile', 'desired_mem,max_virtual_slots'), '4096,30');
    assert.equal(await t.ok(`lshwres -r mem -m ${S824} --level lpar --filter lpar_names=aix01 -F curr_mem`), '8192\n');
  });

  it('an unknown partition or profile is HSCL8012; a missing name is HSCLSIM14', async () => {
    const t = await lab();
    await refused(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=nosuch,desired_mem=4096`, 'HSCL8012');
    await refused(t, `chsyscfg -r prof -m ${S824} -i name=nosuch,lpar_name=aix04,desired_mem=4096`, 'HSCL8012');
    await refused(t, `chsyscfg -r prof -m ${S824} -i lpar_name=aix04,desired_mem=4096`, 'HSCLSIM14');
    await refused(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=aix04,bogus=1`, invalidAttribute('bogus'));
  });
});

describe('chsyscfg -r lpar -o apply', () => {
  it('makes a profile current without booting a Not Activated partition', async () => {
    const t = await lab();
    await silent(t, `mksyscfg -r prof -m ${S824} -i 'name=p2,lpar_name=aix04,${MEM_2G},${DED_1}'`);
    await silent(t, `chsyscfg -r lpar -m ${S824} -n p2 -p aix04 -o apply`);
    assert.equal(await lparField(t, 'aix04', 'state,curr_profile'), 'Not Activated,p2');
  });

  it('a running partition is HSCL05DF (VERIFIED text); an unknown profile is HSCL8012', async () => {
    const t = await lab();
    const msg = await refused(t, `chsyscfg -r lpar -m ${S824} -n maint -p aix01 -o apply`, 'HSCL05DF');
    assert.equal(msg, 'HSCL05DF The partition is not in a state under which this operation can be performed. Check the state of the partition.\n');
    await refused(t, `chsyscfg -r lpar -m ${S824} -n nosuch -p aix04 -o apply`, 'HSCL8012');
  });
});

describe('chsyscfg -r sys', () => {
  it('new_name renames the managed system; -m then takes the new name', async () => {
    const t = await lab();
    await silent(t, `chsyscfg -r sys -m ${S824} -i new_name=S824-LAB1`);
    assert.equal(await t.ok('lssyscfg -r sys -F name,serial_num'), 'S824-LAB1,21AB34C\nServer-9119-FHB-SN02B7A6C,02B7A6C\n');
    assert.equal(await t.ok('lssyscfg -r lpar -m S824-LAB1 --filter lpar_ids=1 -F name'), 'vios1\n');
    await refused(t, `lssyscfg -r lpar -m ${S824}`, 'HSCL8012');
  });

  it('power_off_policy and power_on_lpar_start_policy (Ansible reads both)', async () => {
    const t = await lab();
    await silent(t, `chsyscfg -r sys -m ${P795} -i "power_off_policy=1,power_on_lpar_start_policy=autostart"`);
    const line = await t.ok(`lssyscfg -r sys -m ${P795}`);
    assert.ok(line.includes(',power_off_policy=1,'), line);
    assert.ok(line.includes(',power_on_lpar_start_policy=autostart,'), line);
    await refused(t, `chsyscfg -r sys -m ${P795} -i power_on_lpar_start_policy=bogus`, 'HSCLSIM13');
    await refused(t, `chsyscfg -r sys -m ${P795} -i power_off_policy=2`, 'HSCLSIM13');
    await refused(t, `chsyscfg -r sys -m ${P795} -i max_lpars=5`, invalidAttribute('max_lpars'));
  });
});

describe('chsyscfg -r sysprof', () => {
  it('renames a system profile and replaces its lists; an unknown one is HSCL8012', async () => {
    const t = await lab();
    await silent(t, `mksyscfg -r sysprof -m ${S824} -i 'name=night,lpar_names=aix04,profile_names=default_profile'`);
    await silent(t, `chsyscfg -r sysprof -m ${S824} -i 'name=night,new_name=day,lpar_names=aix01,profile_names=maint'`);
    assert.equal(await t.ok(`lssyscfg -r sysprof -m ${S824}`), 'name=day,lpar_names=aix01,profile_names=maint\n');
    await refused(t, `chsyscfg -r sysprof -m ${S824} -i name=nosuch,new_name=x`, 'HSCL8012');
    await refused(t, `chsyscfg -r sysprof -m ${S824} -i name=day,description=x`, invalidAttribute('description'));
  });
});
