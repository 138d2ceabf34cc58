// chhwres / lshwres -r virtualio (platform.md §9, vios.md §3, §4, §7): DLPAR of virtual adapters and the
// refusals of issue "VIOS" item 6, each leaving every listing unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSim, S824 as S, type TestSim } from '../../../helpers/sim.ts';

const LISTINGS = ['scsi', 'fc', 'eth', 'slot', 'vswitch'].map((r) => `lshwres -r virtualio --rsubtype ${r} -m ${S}${r === 'vswitch' ? '' : ' --level lpar'}`);
const snapshot = async (t: TestSim): Promise<string> => (await Promise.all(LISTINGS.map((l) => t.ok(l)))).join('\n');

async function refused(t: TestSim, line: string, code: RegExp): Promise<void> {
  const before = await snapshot(t);
  const r = await t.run(line);
  assert.notEqual(r.exit, 0, line);
  assert.match(r.stdout, code, line);
  assert.equal(await snapshot(t), before, `nothing changed: ${line}`);
}

test('virtual adapters come and go by DLPAR; pairs show state 1 when both ends run', async () => {
  const t = await openSim();
  try {
    await t.ok(`chhwres -r virtualio --rsubtype scsi -m ${S} -o a -p vios1 -s 40 -a adapter_type=server,remote_lpar_id=3,remote_slot_num=6`);
    await t.ok(`chhwres -r virtualio --rsubtype scsi -m ${S} -o a -p aix01 -s 6 -a adapter_type=client,remote_lpar_id=1,remote_slot_num=40`);
    assert.equal(await t.ok(`lshwres -r virtualio --rsubtype scsi --level lpar -m ${S} --filter lpar_names=aix01,slots=6`),
      'lpar_name=aix01,lpar_id=3,slot_num=6,state=1,is_required=0,adapter_type=client,remote_lpar_id=1,remote_lpar_name=vios1,remote_slot_num=40\n');
    await t.ok(`chhwres -r virtualio --rsubtype fc -m ${S} -o a -p vios1 -s 41 -a adapter_type=server,remote_lpar_id=3,remote_slot_num=7`);
    await t.ok(`chhwres -r virtualio --rsubtype fc -m ${S} -o a -p aix01 -s 7 -a adapter_type=client,remote_lpar_id=1,remote_slot_num=41`);
    const fc = await t.ok(`lshwres -r virtualio --rsubtype fc --level lpar -m ${S} --filter lpar_names=aix01,slots=7 -F wwpns`);
    assert.match(fc, /^"c0507[0-9a-f]{11},c0507[0-9a-f]{11}"\n$/, 'a client vFC adapter gets a WWPN pair');
    await t.ok(`chhwres -r virtualio --rsubtype eth -m ${S} -o a -p vios1 -s 42 -a 'port_vlan_id=5,ieee_virtual_eth=1,"addl_vlan_ids=10,20",is_trunk=1,trunk_priority=1'`);
    await t.ok(`chhwres -r virtualio --rsubtype eth -m ${S} -o s -p vios1 -s 42 -a addl_vlan_ids+=30`);
    assert.equal(await t.ok(`lshwres -r virtualio --rsubtype eth --level lpar -m ${S} --filter lpar_names=vios1,slots=42 -F slot_num,is_trunk,trunk_priority,port_vlan_id,addl_vlan_ids`), '42,1,1,5,"10,20,30"\n');
    await t.ok(`chhwres -r virtualio --rsubtype eth -m ${S} -o a -p aix01 -s 8 -a port_vlan_id=10`);
    const macs = (await t.ok(`lshwres -r virtualio --rsubtype eth --level lpar -m ${S} -F mac_addr`)).trim().split('\n');
    assert.equal(new Set(macs).size, macs.length, 'MAC addresses are unique within the system');
    await t.ok(`chhwres -r virtualio --rsubtype eth -m ${S} -o r -p aix01 -s 8`);
    assert.equal(await t.ok(`lshwres -r virtualio --rsubtype eth --level lpar -m ${S} --filter lpar_names=aix01 -F slot_num`), '10\n');
  } finally { t.close(); }
});

test('wrong pairings, used slots, bad VLANs and misplaced trunk or server adapters are refused and change nothing', async () => {
  const t = await openSim();
  try {
    await t.ok(`chhwres -r virtualio --rsubtype fc -m ${S} -o a -p vios1 -s 41 -a adapter_type=server,remote_lpar_id=4,remote_slot_num=6`);
    await refused(t, `chhwres -r virtualio --rsubtype fc -m ${S} -o a -p aix01 -s 6 -a adapter_type=client,remote_lpar_id=1,remote_slot_num=44`, /^HSCLB023 Virtual fibre channel server adapter 44 for virtual fibre channel client adapter 6 was not found on Virtual I\/O Server partition 1\./);
    await refused(t, `chhwres -r virtualio --rsubtype fc -m ${S} -o a -p aix01 -s 6 -a adapter_type=client,remote_lpar_id=1,remote_slot_num=41`, /^HSCLB022 The mapping of virtual fibre channel client adapter 6 to virtual fibre channel server adapter 41 on Virtual I\/O Server partition 1 is not valid\.  Map/);
    await refused(t, `chhwres -r virtualio --rsubtype scsi -m ${S} -o a -p aix01 -s 6 -a adapter_type=client,remote_lpar_id=4,remote_slot_num=2`, /^HSCLSIM33 A client adapter must name a Virtual I\/O Server partition/);
    await refused(t, `chhwres -r virtualio --rsubtype scsi -m ${S} -o a -p vios1 -s 41 -a adapter_type=server,remote_lpar_id=3,remote_slot_num=5`, /^HSCLSIM9 Virtual slot 41 cannot be used: it is already in use/);
    await refused(t, `chhwres -r virtualio --rsubtype scsi -m ${S} -o a -p vios1 -s 1 -a adapter_type=server`, /^HSCLSIM9 Virtual slot 1 cannot be used: slots 0 and 1 are reserved/);
    await refused(t, `chhwres -r virtualio --rsubtype scsi -m ${S} -o a -p aix01 -s 20 -a adapter_type=client,remote_lpar_id=1,remote_slot_num=5`, /^HSCLSIM9 Virtual slot 20 cannot be used: it is not below the maximum/);
    await refused(t, `chhwres -r virtualio --rsubtype eth -m ${S} -o a -p aix01 -s 6 -a port_vlan_id=4095`, /^HSCLSIM13 The value 4095 is not valid for the attribute port_vlan_id/);
    await refused(t, `chhwres -r virtualio --rsubtype eth -m ${S} -o a -p aix01 -s 6 -a port_vlan_id=1,is_trunk=1,trunk_priority=1`, /^HSCLSIM33 Only Virtual I\/O Server partitions can have trunk adapters/);
    await refused(t, `chhwres -r virtualio --rsubtype eth -m ${S} -o a -p vios1 -s 45 -a port_vlan_id=1,is_trunk=1,trunk_priority=16`, /^HSCLSIM13 The value 16 is not valid for the attribute trunk_priority/);
    await refused(t, `chhwres -r virtualio --rsubtype scsi -m ${S} -o a -p aix01 -s 6 -a adapter_type=server`, /^HSCLSIM33 Only Virtual I\/O Server partitions can have server adapters/);
    await refused(t, `chhwres -r virtualio --rsubtype eth -m ${S} -o a -p aix04 -s 2 -a port_vlan_id=1`, /^HSCL05DF /);
    await refused(t, `mksyscfg -r lpar -m ${S} -i 'name=bad1,lpar_env=aixlinux,profile_name=p,min_mem=1024,desired_mem=1024,max_mem=2048,min_procs=1,desired_procs=1,max_procs=1,virtual_eth_adapters=2/0/1//2/0'`, /^HSCLSIM13 .*Only Virtual I\/O Server partitions can have trunk adapters/);
    await refused(t, `mksyscfg -r lpar -m ${S} -i 'name=bad2,lpar_env=aixlinux,profile_name=p,min_mem=1024,desired_mem=1024,max_mem=2048,min_procs=1,desired_procs=1,max_procs=1,virtual_eth_adapters=2/0/1//0/0/NOSWITCH'`, /^HSCLSIM13 .*virtual switch NOSWITCH does not exist/);
  } finally { t.close(); }
});

test('virtual switches: ETHERNET0 always exists; more can be made, set to VEPA, and removed when unused', async () => {
  const t = await openSim();
  try {
    await t.ok(`chhwres -r virtualio --rsubtype vswitch -m ${S} -o a --vswitch SANNET`);
    await t.ok(`chhwres -r virtualio --rsubtype vswitch -m ${S} -o s --vswitch SANNET -a switch_mode=VEPA`);
    assert.equal(await t.ok(`lshwres -r virtualio --rsubtype vswitch -m ${S} -F vswitch,switch_mode`), 'ETHERNET0,VEB\nSANNET,VEPA\n');
    await t.ok(`chhwres -r virtualio --rsubtype eth -m ${S} -o a -p aix01 -s 6 -a port_vlan_id=7,vswitch=SANNET`);
    await refused(t, `chhwres -r virtualio --rsubtype vswitch -m ${S} -o r --vswitch SANNET`, /^HSCLSIM33 The virtual switch SANNET is used by partition aix01/);
    await refused(t, `chhwres -r virtualio --rsubtype vswitch -m ${S} -o r --vswitch ETHERNET0`, /^HSCLSIM33 The default virtual switch ETHERNET0 cannot be removed/);
    await t.ok(`chhwres -r virtualio --rsubtype eth -m ${S} -o r -p aix01 -s 6`);
    await t.ok(`chhwres -r virtualio --rsubtype vswitch -m ${S} -o r --vswitch SANNET`);
  } finally { t.close(); }
});

test('rmsyscfg --vioscfg is refused whole while a VIOS serves the partition, and plain when nothing does', async () => {
  const t = await openSim();
  try {
    await t.ok(`chsysstate -r lpar -m ${S} -n aix03 -o shutdown --immed`);
    const r = await t.run(`rmsyscfg -r lpar -m ${S} -n aix03 --vioscfg`);
    assert.match(r.stdout, /^HSCLSIM29 The removal of a partition's Virtual I\/O Server configuration \(--vioscfg, --vdisk\) is not supported/);
    assert.match(await t.ok(`lssyscfg -r lpar -m ${S} -F name`), /^aix03$/m, 'nothing was removed');
    await t.ok(`rmsyscfg -r lpar -m ${S} -n aix04 --vioscfg`);
    assert.doesNotMatch(await t.ok(`lssyscfg -r lpar -m ${S} -F name`), /^aix04$/m);
  } finally { t.close(); }
});
