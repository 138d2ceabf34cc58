// lssyscfg -r sys | lpar | prof | sysprof | frame (hmc-cli.md §4, §6.3; platform.md §2, §7.3).
// Expected lines are written from the default lab (src/sim/lab/default-lab.json + default-lab.hmc):
// the POWER8 S824 Server-8286-42A-SN21AB34C (16 cores, 512 GB, LMB 256 MB) and the POWER7 795
// Server-9119-FHB-SN02B7A6C (64 of 128 cores, 1 TB of 2 TB), on a virtual clock that starts at
// 01/01/2026 08:00:00 UTC.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  lab, labOf, bareLab, S824, P795, S824_MTMS, invalidAttribute, lines, keys, record, refused, lparField,
} from './cli-support.ts';

const common = 'work_group_id=none,shared_proc_pool_util_auth=0,allow_perf_collection=0,power_ctrl_lpar_ids=none';

/** `lssyscfg -r lpar -m Server-8286-42A-SN21AB34C`, written from the lab script. */
const S824_LPARS = [
  `name=vios1,lpar_id=1,lpar_env=vioserver,state=Running,resource_config=1,os_version=VIOS 3.1.4.21,logical_serial_num=21AB34C1,default_profile=default_profile,curr_profile=default_profile,${common},lpar_keylock=norm,auto_start=1,redundant_err_path_reporting=0,rmc_state=active,rmc_ipaddr=10.10.1.11,sync_curr_profile=0`,
  `name=vios2,lpar_id=2,lpar_env=vioserver,state=Running,resource_config=1,os_version=VIOS 3.1.4.21,logical_serial_num=21AB34C2,default_profile=default_profile,curr_profile=default_profile,${common},lpar_keylock=norm,auto_start=1,redundant_err_path_reporting=0,rmc_state=active,rmc_ipaddr=10.10.1.12,sync_curr_profile=0`,
  `name=aix01,lpar_id=3,lpar_env=aixlinux,state=Running,resource_config=1,os_version=AIX 7.2 7200-05-03-2148,logical_serial_num=21AB34C3,default_profile=default_profile,curr_profile=default_profile,${common},boot_mode=norm,lpar_keylock=norm,auto_start=0,redundant_err_path_reporting=0,rmc_state=active,rmc_ipaddr=10.10.1.101,sync_curr_profile=0`,
  `name=lnx02,lpar_id=4,lpar_env=aixlinux,state=Running,resource_config=1,os_version=Linux/Red Hat 4.18.0-477.10.1.el8_8.ppc64le 8.8,logical_serial_num=21AB34C4,default_profile=default_profile,curr_profile=default_profile,${common},boot_mode=norm,lpar_keylock=norm,auto_start=0,redundant_err_path_reporting=0,rmc_state=active,rmc_ipaddr=10.10.1.102,sync_curr_profile=0`,
  `name=aix03,lpar_id=5,lpar_env=aixlinux,state=Running,resource_config=1,os_version=AIX 7.3 7300-01-02-2320,logical_serial_num=21AB34C5,default_profile=default_profile,curr_profile=default_profile,${common},boot_mode=norm,lpar_keylock=norm,auto_start=0,redundant_err_path_reporting=0,rmc_state=active,rmc_ipaddr=10.10.1.103,sync_curr_profile=0`,
  `name=aix04,lpar_id=6,lpar_env=aixlinux,state=Not Activated,resource_config=0,os_version=Unknown,logical_serial_num=21AB34C6,default_profile=default_profile,curr_profile=,${common},boot_mode=norm,lpar_keylock=norm,auto_start=0,redundant_err_path_reporting=0,rmc_state=inactive,rmc_ipaddr=,sync_curr_profile=0`,
  `name=ibmi05,lpar_id=7,lpar_env=os400,state=Not Activated,resource_config=0,os_version=Unknown,logical_serial_num=21AB34C7,default_profile=default_profile,curr_profile=,${common},boot_mode=norm,lpar_keylock=norm,auto_start=0,redundant_err_path_reporting=0,rmc_state=inactive,rmc_ipaddr=,sync_curr_profile=0`,
];

/** platform.md §7.3: the VERIFIED V7R7.9 field order of `lssyscfg -r lpar`. */
const LPAR_FIELDS = ['name', 'lpar_id', 'lpar_env', 'state', 'resource_config', 'os_version', 'logical_serial_num',
  'default_profile', 'curr_profile', 'work_group_id', 'shared_proc_pool_util_auth', 'allow_perf_collection',
  'power_ctrl_lpar_ids', 'boot_mode', 'lpar_keylock', 'auto_start', 'redundant_err_path_reporting', 'rmc_state',
  'rmc_ipaddr', 'sync_curr_profile'];

const SERIAL_ADAPTERS = '"virtual_serial_adapters=0/server/1/any//any/1,1/server/1/any//any/1"';
const PROF_TAIL = 'hca_adapters=none,boot_mode=norm,conn_monitoring=0';
const PROF_END = 'power_ctrl_lpar_ids=none,work_group_id=none,redundant_err_path_reporting=0';
const HUGE = 'min_num_huge_pages=0,desired_num_huge_pages=0,max_num_huge_pages=0';

/** `lssyscfg -r prof -m Server-8286-42A-SN21AB34C`, written from the lab script (profiles grouped by LPAR). */
const S824_PROFILES = [
  `name=default_profile,lpar_name=vios1,lpar_id=1,lpar_env=vioserver,all_resources=0,min_mem=4096,desired_mem=8192,max_mem=16384,mem_mode=ded,hpt_ratio=1:64,proc_mode=ded,min_procs=1,desired_procs=2,max_procs=4,sharing_mode=share_idle_procs_always,"io_slots=21010200/none/1,21010201/none/1,21010202/none/1,21010203/none/0",lpar_io_pool_ids=none,max_virtual_slots=200,${SERIAL_ADAPTERS},"virtual_scsi_adapters=11/server/3/aix01/2/1,12/server/4/lnx02/2/1","virtual_eth_adapters=31/0/1//1/1,32/1/2/3/1/1,33/0/4//1/1,34/0/99//0/1",${PROF_TAIL},auto_start=1,${PROF_END}`,
  `name=default_profile,lpar_name=vios2,lpar_id=2,lpar_env=vioserver,all_resources=0,min_mem=4096,desired_mem=8192,max_mem=16384,mem_mode=ded,hpt_ratio=1:64,proc_mode=ded,min_procs=1,desired_procs=2,max_procs=4,sharing_mode=share_idle_procs_always,"io_slots=21010204/none/1,21010205/none/1,21010206/none/1,21010207/none/0",lpar_io_pool_ids=none,max_virtual_slots=200,${SERIAL_ADAPTERS},virtual_scsi_adapters=11/server/3/aix01/4/1,"virtual_eth_adapters=31/0/1//2/1,32/1/2/3/2/1,33/0/4//2/1,34/0/99//0/1",${PROF_TAIL},auto_start=1,${PROF_END}`,
  `name=default_profile,lpar_name=aix01,lpar_id=3,lpar_env=aixlinux,all_resources=0,min_mem=2048,desired_mem=8192,max_mem=16384,${HUGE},mem_mode=ded,hpt_ratio=1:64,proc_mode=shared,min_proc_units=0.5,desired_proc_units=1.0,max_proc_units=4.0,min_procs=1,desired_procs=2,max_procs=4,sharing_mode=uncap,uncap_weight=128,io_slots=none,lpar_io_pool_ids=none,max_virtual_slots=20,${SERIAL_ADAPTERS},"virtual_scsi_adapters=2/client/1/vios1/11/1,4/client/2/vios2/11/1",virtual_eth_adapters=10/0/1//0/0,${PROF_TAIL},auto_start=0,${PROF_END}`,
  `name=maint,lpar_name=aix01,lpar_id=3,lpar_env=aixlinux,all_resources=0,min_mem=2048,desired_mem=4096,max_mem=8192,${HUGE},mem_mode=ded,hpt_ratio=1:64,proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.2,max_proc_units=1.0,min_procs=1,desired_procs=1,max_procs=2,sharing_mode=cap,uncap_weight=0,io_slots=none,lpar_io_pool_ids=none,max_virtual_slots=20,${SERIAL_ADAPTERS},virtual_scsi_adapters=none,virtual_eth_adapters=none,hca_adapters=none,boot_mode=sms,conn_monitoring=0,auto_start=0,${PROF_END}`,
  `name=default_profile,lpar_name=lnx02,lpar_id=4,lpar_env=aixlinux,all_resources=0,min_mem=2048,desired_mem=4096,max_mem=8192,${HUGE},mem_mode=ded,hpt_ratio=1:64,proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.5,max_proc_units=2.0,min_procs=1,desired_procs=1,max_procs=2,sharing_mode=cap,uncap_weight=0,io_slots=none,lpar_io_pool_ids=none,max_virtual_slots=20,${SERIAL_ADAPTERS},virtual_scsi_adapters=2/client/1/vios1/12/1,"virtual_eth_adapters=10/0/2//0/0,11/0/3//0/0",${PROF_TAIL},auto_start=0,${PROF_END}`,
  `name=default_profile,lpar_name=aix03,lpar_id=5,lpar_env=aixlinux,all_resources=0,min_mem=2048,desired_mem=4096,max_mem=8192,${HUGE},mem_mode=ded,hpt_ratio=1:64,proc_mode=shared,min_proc_units=0.2,desired_proc_units=0.5,max_proc_units=2.0,min_procs=1,desired_procs=2,max_procs=4,sharing_mode=uncap,uncap_weight=64,io_slots=none,lpar_io_pool_ids=none,max_virtual_slots=20,${SERIAL_ADAPTERS},virtual_scsi_adapters=none,"virtual_eth_adapters=10/0/1//0/0,11/0/4//0/0",${PROF_TAIL},auto_start=0,${PROF_END}`,
  `name=default_profile,lpar_name=aix04,lpar_id=6,lpar_env=aixlinux,all_resources=0,min_mem=2048,desired_mem=4096,max_mem=8192,${HUGE},mem_mode=ded,hpt_ratio=1:64,proc_mode=ded,min_procs=1,desired_procs=1,max_procs=2,sharing_mode=share_idle_procs,io_slots=none,lpar_io_pool_ids=none,max_virtual_slots=20,${SERIAL_ADAPTERS},virtual_scsi_adapters=none,virtual_eth_adapters=none,${PROF_TAIL},auto_start=0,${PROF_END}`,
  `name=default_profile,lpar_name=ibmi05,lpar_id=7,lpar_env=os400,all_resources=0,min_mem=4096,desired_mem=8192,max_mem=16384,${HUGE},mem_mode=ded,hpt_ratio=1:64,proc_mode=shared,min_proc_units=0.5,desired_proc_units=1.0,max_proc_units=2.0,min_procs=1,desired_procs=1,max_procs=2,sharing_mode=uncap,uncap_weight=128,io_slots=none,lpar_io_pool_ids=none,max_virtual_slots=20,${SERIAL_ADAPTERS},virtual_scsi_adapters=none,virtual_eth_adapters=none,${PROF_TAIL},auto_start=0,${PROF_END}`,
];

/** platform.md §2: the VERIFIED V7R7.9 field order of `lssyscfg -r sys` (optional bracketed fields left out). */
const SYS_FIELDS = ['name', 'type_model', 'serial_num', 'ipaddr', 'state', 'detailed_state', 'sys_time', 'power_off_policy',
  'active_lpar_mobility_capable', 'inactive_lpar_mobility_capable', 'active_lpar_share_idle_procs_capable',
  'active_mem_expansion_capable', 'hardware_active_mem_expansion_capable', 'active_mem_sharing_capable',
  'addr_broadcast_perf_policy_capable', 'bsr_capable', 'cod_mem_capable', 'cod_proc_capable',
  'dynamic_platform_optimization_capable', 'electronic_err_reporting_capable', 'firmware_power_saver_capable',
  'hardware_power_saver_capable', 'hardware_discovery_capable', 'hca_capable', 'huge_page_mem_capable', 'lhea_capable',
  'lpar_avail_priority_capable', 'lpar_proc_compat_mode_capable', 'lpar_remote_restart_capable',
  'powervm_lpar_remote_restart_capable', 'lpar_suspend_capable', 'micro_lpar_capable', 'os400_capable',
  '5250_application_capable', 'redundant_err_path_reporting_capable', 'shared_eth_failover_capable',
  'sni_msg_passing_capable', 'sp_failover_capable', 'vet_activation_capable', 'virtual_fc_capable',
  'virtual_io_server_capable', 'virtual_switch_capable', 'vsn_phase2_capable', 'vsi_on_veth_capable',
  'assign_5250_cpw_percent', 'max_lpars', 'max_power_ctrl_lpars', 'hca_bandwidth_capabilities', 'service_lpar_id',
  'curr_sys_keylock', 'pend_sys_keylock', 'curr_power_on_side', 'pend_power_on_side', 'curr_power_on_speed',
  'pend_power_on_speed', 'curr_power_on_speed_override', 'pend_power_on_speed_override', 'power_on_type',
  'power_on_option', 'power_on_lpar_start_policy', 'pend_power_on_option', 'pend_power_on_lpar_start_policy',
  'power_on_method', 'power_on_attr', 'sp_boot_attr', 'sp_boot_major_type', 'sp_boot_minor_type', 'sp_version',
  'mfg_default_config', 'curr_mfg_default_ipl_source', 'pend_mfg_default_ipl_source', 'curr_mfg_default_boot_mode',
  'pend_mfg_default_boot_mode'];

describe('lssyscfg -r sys', () => {
  it('-F name,type_model,serial_num,ipaddr,state: one values-only line per system, systems by name', async () => {
    const t = await lab();
    assert.equal(await t.ok('lssyscfg -r sys -F name,type_model,serial_num,ipaddr,state'),
      'Server-8286-42A-SN21AB34C,8286-42A,21AB34C,10.10.0.11,Operating\n' +
      'Server-9119-FHB-SN02B7A6C,9119-FHB,02B7A6C,10.10.0.21,Operating\n');
    assert.equal(await t.ok('lssyscfg -r sys -F name:state'),
      'Server-8286-42A-SN21AB34C:Operating\nServer-9119-FHB-SN02B7A6C:Operating\n');
    t.close();
  });

  it('the key=value line keeps the VERIFIED field order, with lpar_proc_compat_modes quoted at the end', async () => {
    const t = await lab();
    const line = lines(await t.ok(`lssyscfg -r sys -m ${S824}`));
    assert.equal(line.length, 1);
    assert.deepEqual(keys(line[0]), [...SYS_FIELDS, 'lpar_proc_compat_modes']);
    assert.ok(line[0].startsWith('name=Server-8286-42A-SN21AB34C,type_model=8286-42A,serial_num=21AB34C,ipaddr=10.10.0.11,state=Operating,detailed_state=None,sys_time=01/01/2026 08:00:00,power_off_policy=0,'));
    assert.ok(line[0].endsWith(',"lpar_proc_compat_modes=default,POWER6,POWER6_plus,POWER7,POWER8"'));
    const r = record(line[0]);
    // max_lpars = min(cap, cores / min PU per VP) (platform.md §1.3): 16 / 0.05 = 320 and 64 / 0.10 = 640.
    assert.equal(r.get('max_lpars'), '320');
    assert.equal(r.get('hca_bandwidth_capabilities'), 'null');
    assert.equal(r.get('service_lpar_id'), 'none');
    assert.equal(r.get('power_on_type'), 'power on');
    assert.equal(record(await t.ok(`lssyscfg -r sys -m ${P795}`)).get('max_lpars'), '640');
    t.close();
  });

  it('a powered-off system prints unavailable for its capability fields (VERIFIED)', async () => {
    const t = await lab();
    await t.ok(`chsysstate -r sys -m ${P795} -o off --immed`);
    const r = record(await t.ok(`lssyscfg -r sys -m ${P795}`));
    assert.equal(r.get('state'), 'Power Off');
    assert.equal(r.get('power_off_policy'), 'unavailable');
    assert.equal(r.get('max_lpars'), 'unavailable');
    assert.equal(r.get('virtual_io_server_capable'), 'unavailable');
    assert.equal(r.get('name'), P795);
    assert.equal(r.get('type_model'), '9119-FHB');
    t.close();
  });

  it('-F uuid,name gives lower-case managed-system UUIDs; UUID is an invalid attribute', async () => {
    const t = await lab();
    const out = lines(await t.ok('lssyscfg -r sys -F uuid,name'));
    assert.equal(out.length, 2);
    for (const l of out) assert.match(l, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12},Server-/);
    await refused(t, 'lssyscfg -r sys -F UUID,name', invalidAttribute('UUID'));
    await refused(t, `lssyscfg -r sys -m ${S824} -F name,type_serial`, invalidAttribute('type_serial'));
    t.close();
  });

  it('-m SYS -F lpar_proc_compat_modes: a single list field is quoted', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lssyscfg -r sys -m ${S824} -F lpar_proc_compat_modes`), '"default,POWER6,POWER6_plus,POWER7,POWER8"\n');
    assert.equal(await t.ok(`lssyscfg -r sys -m ${S824} -F type_model`), '8286-42A\n');
    t.close();
  });

  it('-m accepts the MTMS instead of the name', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lssyscfg -r sys -m ${S824_MTMS} -F name`), `${S824}\n`);
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824_MTMS} --filter lpar_ids=1 -F name`), 'vios1\n');
    t.close();
  });
});

describe('lssyscfg -r lpar', () => {
  it('lists every partition by id with the VERIFIED fields; VIOS rows omit boot_mode', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824}`), S824_LPARS.join('\n') + '\n');
    for (const l of S824_LPARS) {
      const expected = l.includes('lpar_env=vioserver') ? LPAR_FIELDS.filter((f) => f !== 'boot_mode') : LPAR_FIELDS;
      assert.deepEqual(keys(l), expected);
    }
    t.close();
  });

  it('state is field 4 and never first or last, so fence_lpar finds it with ,state=(.*?),', async () => {
    const t = await lab();
    const out = lines(await t.ok(`lssyscfg -r lpar -m ${S824}`));
    const byRegex = out.map((l) => /,state=(.*?),/.exec(l)![1]);
    assert.deepEqual(byRegex, lines(await t.ok(`lssyscfg -r lpar -m ${S824} -F state`)));
    for (const l of out) assert.equal(keys(l)[3], 'state');
    t.close();
  });

  it('the 795 shows a partition at SMS in Open Firmware with boot_mode=sms and no RMC', async () => {
    const t = await lab();
    const out = lines(await t.ok(`lssyscfg -r lpar -m ${P795}`));
    assert.equal(out.length, 6);
    assert.equal(out[5],
      `name=aix14,lpar_id=6,lpar_env=aixlinux,state=Open Firmware,resource_config=1,os_version=Unknown,logical_serial_num=02B7A6C6,default_profile=default_profile,curr_profile=default_profile,${common},boot_mode=sms,lpar_keylock=norm,auto_start=0,redundant_err_path_reporting=0,rmc_state=inactive,rmc_ipaddr=,sync_curr_profile=0`);
    assert.equal(out[4],
      `name=lnx13,lpar_id=5,lpar_env=aixlinux,state=Not Activated,resource_config=0,os_version=Unknown,logical_serial_num=02B7A6C5,default_profile=default_profile,curr_profile=,${common},boot_mode=norm,lpar_keylock=norm,auto_start=0,redundant_err_path_reporting=0,rmc_state=inactive,rmc_ipaddr=,sync_curr_profile=0`);
    t.close();
  });

  it('--filter "lpar_names=NAME" gives the one line', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} --filter "lpar_names=aix01"`), S824_LPARS[2] + '\n');
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} --filter 'lpar_names=aix01'`), S824_LPARS[2] + '\n');
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} --filter lpar_ids=7`), S824_LPARS[6] + '\n');
    t.close();
  });

  it('an unknown partition name is HSCL8012 with exit status 1 (Ansible reads it as absent)', async () => {
    const t = await lab();
    const r = await t.run(`lssyscfg -r lpar -m ${S824} --filter 'lpar_names=nosuch'`);
    assert.equal(r.exit, 1);
    assert.equal(r.stdout, 'HSCL8012 The partition nosuch cannot be found.\n');
    assert.equal(r.stderr, '');
    t.close();
  });

  it('-F name:state uses the delimiter between the field names', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} -F name:state`),
      'vios1:Running\nvios2:Running\naix01:Running\nlnx02:Running\naix03:Running\naix04:Not Activated\nibmi05:Not Activated\n');
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} -F lpar_id`), '1\n2\n3\n4\n5\n6\n7\n');
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} -F name,lpar_env`),
      'vios1,vioserver\nvios2,vioserver\naix01,aixlinux\nlnx02,aixlinux\naix03,aixlinux\naix04,aixlinux\nibmi05,os400\n');
    t.close();
  });

  it('--header prints the requested field names first (VERIFIED, HMC V10R3)', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} --filter lpar_names=aix04 -F name,lpar_id,state,rmc_state --header`),
      'name,lpar_id,state,rmc_state\naix04,6,Not Activated,inactive\n');
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} --filter lpar_names=aix01 -F name:state --header`), 'name:state\naix01:Running\n');
    t.close();
  });

  it('-F curr_profile: the last activated profile, empty for a never-activated partition', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lssyscfg -r lpar -F curr_profile  -m ${S824} --filter "lpar_names=aix01"`), 'default_profile\n');
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} --filter lpar_names=aix04 -F curr_profile`), '\n');
    t.close();
  });

  it('-F desired_lpar_proc_compat_mode,curr_lpar_proc_compat_mode resolves default to the hardware mode', async () => {
    const t = await lab();
    assert.equal(await lparField(t, 'aix01', 'desired_lpar_proc_compat_mode,curr_lpar_proc_compat_mode'), 'default,POWER8');
    assert.equal(await lparField(t, 'aix11', 'desired_lpar_proc_compat_mode,curr_lpar_proc_compat_mode', P795), 'default,POWER7');
    await refused(t, `lssyscfg -r lpar -m ${S824} -F pend_lpar_proc_compat_mode`, invalidAttribute('pend_lpar_proc_compat_mode'));
    t.close();
  });

  it('-F uuid,name: partition UUIDs are upper case; -F msp,lpar_env shows msp for VIOS', async () => {
    const t = await lab();
    const out = lines(await t.ok(`lssyscfg -r lpar -m ${S824} -F uuid,name`));
    assert.equal(out.length, 7);
    for (const l of out) assert.match(l, /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12},/);
    assert.equal(lines(await t.ok(`lssyscfg -r lpar -m ${S824} -F msp,lpar_env`))[0], '1,vioserver');
    t.close();
  });

  it('a multi-value filter and the quoted-pair form both select several partitions', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} --filter "lpar_names=aix01,lnx02" -F name`), 'aix01\nlnx02\n');
    assert.equal(await t.ok(`lssyscfg -r prof -m ${S824} --filter '"lpar_names=aix01,lnx02",profile_names=default_profile' -F name,lpar_name`),
      'default_profile,aix01\ndefault_profile,lnx02\n');
    t.close();
  });

  it('a filter that matches nothing prints "No results were found." with exit status 0', async () => {
    const t = await lab();
    const r = await t.run(`lssyscfg -r lpar -m ${S824} --filter work_groups=5 -F name`);
    assert.deepEqual([r.stdout, r.stderr, r.exit], ['No results were found.\n', '', 0]);
    t.close();
  });

  it('an unknown filter name or -F field gives the invalid-attribute message', async () => {
    const t = await lab();
    await refused(t, `lssyscfg -r lpar -m ${S824} --filter bogus=1`, invalidAttribute('bogus'));
    await refused(t, `lssyscfg -r lpar -m ${S824} -F name,bogus`, invalidAttribute('bogus'));
    t.close();
  });

  it('an empty system lists no partitions: No results were found.', async () => {
    const t = await labOf({ lab: bareLab() });
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824}`), 'No results were found.\n');
    assert.equal(await t.ok(`lssyscfg -r lpar -m ${S824} -F lpar_id`), 'No results were found.\n');
    t.close();
  });
});

describe('lssyscfg -r prof', () => {
  it('lists every profile grouped by partition; VIOS lines omit huge pages, dedicated lines omit proc units', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lssyscfg -r prof -m ${S824}`), S824_PROFILES.join('\n') + '\n');
    t.close();
  });

  it('--filter "lpar_names=X,profile_names=P" gives one line; -F picks values', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lssyscfg -r prof -m ${S824} --filter "lpar_names=aix01,profile_names=maint"`), S824_PROFILES[3] + '\n');
    assert.equal(await t.ok(`lssyscfg -r prof -m ${S824} --filter "lpar_names=aix01,profile_names=maint" -F name,lpar_name,proc_mode,desired_procs,desired_mem`),
      'maint,aix01,shared,1,4096\n');
    t.close();
  });

  it('-F with a list value quotes it CSV style', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lssyscfg -r prof -m ${S824} --filter lpar_names=vios1 -F name,io_slots`),
      'default_profile,"21010200/none/1,21010201/none/1,21010202/none/1,21010203/none/0"\n');
    assert.equal(await t.ok(`lssyscfg -r prof -m ${S824} --filter lpar_names=vios1 -F name,virtual_scsi_adapters --header`),
      'name,virtual_scsi_adapters\ndefault_profile,"11/server/3/aix01/2/1,12/server/4/lnx02/2/1"\n');
    t.close();
  });

  it('-F shared_proc_pool_id,shared_proc_pool_name names the pool of a shared profile', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lssyscfg -r prof -m ${S824} --filter lpar_names=aix03 -F shared_proc_pool_id,shared_proc_pool_name`), '1,ProdPool\n');
    assert.equal(await t.ok(`lssyscfg -r prof -m ${P795} --filter lpar_names=aix11 -F shared_proc_pool_id,shared_proc_pool_name`), '1,DBPool\n');
    t.close();
  });

  it('reproduces the VERIFIED VIOS profile line of hmc-cli.md §7 from the Ansible mksyscfg record', async () => {
    const t = await labOf({ lab: bareLab() });
    await t.ok(`mksyscfg -r lpar -m ${S824} -i "lpar_env=vioserver,name=vios1,profile_name=default_profile,min_mem=2048,desired_mem=4096,max_mem=4096,min_procs=2,desired_procs=2,max_procs=2,boot_mode=norm,proc_mode=ded,sharing_mode=keep_idle_procs,max_virtual_slots=20,hpt_ratio=1:128,virtual_eth_adapters=\\"2/0/1//0/0/ETHERNET0//all/none,3/0/2//0/0/ETHERNET0//all/none\\""`);
    assert.equal(await t.ok(`lssyscfg -r prof -m ${S824} --filter "lpar_names=vios1,profile_names=default_profile"`),
      'name=default_profile,lpar_name=vios1,lpar_id=1,lpar_env=vioserver,all_resources=0,min_mem=2048,desired_mem=4096,max_mem=4096,mem_mode=ded,hpt_ratio=1:128,proc_mode=ded,min_procs=2,desired_procs=2,max_procs=2,sharing_mode=keep_idle_procs,io_slots=none,lpar_io_pool_ids=none,max_virtual_slots=20,"virtual_serial_adapters=0/server/1/any//any/1,1/server/1/any//any/1",virtual_scsi_adapters=none,"virtual_eth_adapters=2/0/1//0/0/ETHERNET0//all/none,3/0/2//0/0/ETHERNET0//all/none",hca_adapters=none,boot_mode=norm,conn_monitoring=0,auto_start=0,power_ctrl_lpar_ids=none,work_group_id=none,redundant_err_path_reporting=0\n');
    t.close();
  });

  it('reproduces the VERIFIED full profile line of platform.md §7.3', async () => {
    const t = await labOf({ lab: bareLab() });
    await t.ok(`mksyscfg -r lpar -m ${S824} -i 'name=aix01,lpar_id=5,lpar_env=aixlinux,profile_name=normal,min_mem=2048,desired_mem=6144,max_mem=10240,proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.3,max_proc_units=0.8,min_procs=1,desired_procs=1,max_procs=2,sharing_mode=cap,max_virtual_slots=10,"virtual_scsi_adapters=2/client/2/vios1/2/1,3/client/3/vios2/2/1","virtual_eth_adapters=6/1/6//0/0,7/0/7//0/0"'`);
    assert.equal(await t.ok(`lssyscfg -r prof -m ${S824}`),
      'name=normal,lpar_name=aix01,lpar_id=5,lpar_env=aixlinux,all_resources=0,min_mem=2048,desired_mem=6144,max_mem=10240,min_num_huge_pages=0,desired_num_huge_pages=0,max_num_huge_pages=0,mem_mode=ded,hpt_ratio=1:64,proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.3,max_proc_units=0.8,min_procs=1,desired_procs=1,max_procs=2,sharing_mode=cap,uncap_weight=0,io_slots=none,lpar_io_pool_ids=none,max_virtual_slots=10,"virtual_serial_adapters=0/server/1/any//any/1,1/server/1/any//any/1","virtual_scsi_adapters=2/client/2/vios1/2/1,3/client/3/vios2/2/1","virtual_eth_adapters=6/1/6//0/0,7/0/7//0/0",hca_adapters=none,boot_mode=norm,conn_monitoring=0,auto_start=0,power_ctrl_lpar_ids=none,work_group_id=none,redundant_err_path_reporting=0\n');
    t.close();
  });

  it('a list element with commas gets doubled quotes inside the quoted pair (VERIFIED mixed form)', async () => {
    const t = await lab();
    await t.ok(`mksyscfg -r lpar -m ${S824} -i 'name=vl1,lpar_env=aixlinux,profile_name=p,min_mem=2048,desired_mem=2048,max_mem=2048,proc_mode=ded,min_procs=1,desired_procs=1,max_procs=1,"virtual_eth_adapters=3/1/1/10/0/1,""2/1/1/3,4,5/0/1"",4/1/1/10/0/1"'`);
    const line = await t.ok(`lssyscfg -r prof -m ${S824} --filter lpar_names=vl1`);
    assert.ok(line.includes(',"virtual_eth_adapters=3/1/1/10/0/1,""2/1/1/3,4,5/0/1"",4/1/1/10/0/1",'), line);
    t.close();
  });

  it('an unknown profile of a known partition is HSCL8012', async () => {
    const t = await lab();
    await refused(t, `lssyscfg -r prof -m ${S824} --filter "lpar_names=aix01,profile_names=nosuch"`, 'HSCL8012');
    t.close();
  });
});

describe('lssyscfg -r sysprof and -r frame', () => {
  it('no system profiles and no frames: No results were found., exit 0', async () => {
    const t = await lab();
    for (const line of [`lssyscfg -r sysprof -m ${S824}`, 'lssyscfg -r frame', 'lssyscfg -r frame -F name,serial_num,state']) {
      const r = await t.run(line);
      assert.deepEqual([r.stdout, r.exit], ['No results were found.\n', 0], line);
    }
    t.close();
  });

  it('a system profile lists its partitions and profiles as quoted lists', async () => {
    const t = await lab();
    await t.ok(`mksyscfg -r sysprof -m ${S824} -i 'name=night,"lpar_names=aix04,ibmi05","profile_names=default_profile,default_profile"'`);
    assert.equal(await t.ok(`lssyscfg -r sysprof -m ${S824}`),
      'name=night,"lpar_names=aix04,ibmi05","profile_names=default_profile,default_profile"\n');
    assert.equal(await t.ok(`lssyscfg -r sysprof -m ${S824} -F name,lpar_names`), 'night,"aix04,ibmi05"\n');
    t.close();
  });
});
