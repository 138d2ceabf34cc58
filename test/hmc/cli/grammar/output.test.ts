// Output grammar (hmc-cli.md §4.1, §4.2, §4.4; platform.md §7.3). Every VERIFIED sample is rebuilt
// from typed pairs and compared byte for byte.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RecordSyntaxError } from '../../../../src/hmc/cli/grammar/attribute-record.ts';
import {
  NO_RESULTS,
  formatKeyValueRecord,
  formatListText,
  formatSelectedFields,
  parseFieldSelection,
  type OutValue,
} from '../../../../src/hmc/cli/grammar/output.ts';

type Pairs = [string, OutValue][];

/** Builds pairs from a compact `key=value` spec where `|` separates list elements (test helper). */
const kv = (spec: string): Pairs =>
  spec.split(';').map((p) => {
    const eq = p.indexOf('=');
    const v = p.slice(eq + 1);
    return [p.slice(0, eq), v.includes('|') ? v.split('|') : v];
  });

describe('formatListText', () => {
  it('joins elements, quoting those with commas; empty list is none', () => {
    assert.equal(formatListText([]), 'none');
    assert.equal(formatListText(['2/server/5/aix01/3/0']), '2/server/5/aix01/3/0');
    assert.equal(formatListText(['a', 'b']), 'a,b');
    assert.equal(formatListText(['3/1/1/10/0/1', '2/1/1/3,4,5/0/1']), '3/1/1/10/0/1,"2/1/1/3,4,5/0/1"');
    assert.equal(formatListText(['a"b']), '"a""b"');
    assert.equal(formatListText(['']), '');
  });
});

describe('formatKeyValueRecord: VERIFIED single pairs (hmc-cli.md §4.1, platform.md §7.3)', () => {
  const cases: [Pairs, string][] = [
    [[['possible_hpt_ratios', ['1:32', '1:64', '1:128', '1:256', '1:512']]], '"possible_hpt_ratios=1:32,1:64,1:128,1:256,1:512"'],
    [[['feature_codes', ['5702', '5705', '5710']]], '"feature_codes=5702,5705,5710"'],
    [[['ipaddr', ['10.1.2.34', '192.168.20.10']]], '"ipaddr=10.1.2.34,192.168.20.10"'],
    [[['virtual_eth_adapters', ['2/1/1/3,4,5/0/1']]], '"virtual_eth_adapters=""2/1/1/3,4,5/0/1"""'],
    [
      [['virtual_eth_adapters', ['3/1/1/10/0/1', '2/1/1/3,4,5/0/1', '3/1/1/10/0/1']]],
      '"virtual_eth_adapters=3/1/1/10/0/1,""2/1/1/3,4,5/0/1"",3/1/1/10/0/1"',
    ],
    [
      [['virtual_eth_adapters', ['3/1/1/10/0/1', '2/1/1/3,4,5/0/1', '4/1/1/10/0/1']]],
      '"virtual_eth_adapters=3/1/1/10/0/1,""2/1/1/3,4,5/0/1"",4/1/1/10/0/1"',
    ],
    [
      [['virtual_fc_adapters', ['4/client/1/vios1/22/c050760a1b2c0010,c050760a1b2c0011/1', '5/client/2/vios2/22/c050760a1b2c0012,c050760a1b2c0013/1']]],
      '"virtual_fc_adapters=""4/client/1/vios1/22/c050760a1b2c0010,c050760a1b2c0011/1"",""5/client/2/vios2/22/c050760a1b2c0012,c050760a1b2c0013/1"""',
    ],
    [[['virtual_serial_adapters', ['0/server/1/any//any/1', '1/server/1/any//any/1']]], '"virtual_serial_adapters=0/server/1/any//any/1,1/server/1/any//any/1"'],
    [[['io_slots', ['21010002/none/1', '21050003/none/1']]], '"io_slots=21010002/none/1,21050003/none/1"'],
    [[['virtual_scsi_adapters', ['2/server/5/aix01/3/0']]], 'virtual_scsi_adapters=2/server/5/aix01/3/0'],
    [[['state', 'Not Activated']], 'state=Not Activated'],
    [[['os_version', 'AIX 7.2 7200-04-00-0000']], 'os_version=AIX 7.2 7200-04-00-0000'],
    [[['sys_time', '10/14/2017 19:45:21']], 'sys_time=10/14/2017 19:45:21'],
    [[['description', 'HMC Super User']], 'description=HMC Super User'],
    [[['rmc_ipaddr', ''], ['curr_profile', ''], ['addl_vlan_ids', '']], 'rmc_ipaddr=,curr_profile=,addl_vlan_ids='],
    [[['io_slots', []], ['virtual_scsi_adapters', []], ['lpar_io_pool_ids', []], ['power_ctrl_lpar_ids', []], ['work_group_id', 'none']],
      'io_slots=none,virtual_scsi_adapters=none,lpar_io_pool_ids=none,power_ctrl_lpar_ids=none,work_group_id=none'],
    [[['resources', '<ResourceID = ALL:><UserDefinedName = AllSystemResources>']], 'resources=<ResourceID = ALL:><UserDefinedName = AllSystemResources>'],
    [[['lpar_id', 5], ['min_proc_units', '0.1']], 'lpar_id=5,min_proc_units=0.1'],
    // No verified sample has a `"` in a value; it must be quoted so the record stays parseable (§3.2).
    [[['description', 'say "hi"']], '"description=say ""hi"""'],
  ];
  for (const [pairs, expected] of cases) {
    it(expected.slice(0, 70), () => assert.equal(formatKeyValueRecord(pairs), expected));
  }
});

describe('formatKeyValueRecord: VERIFIED full lines', () => {
  it('full profile line (platform.md §7.3)', () => {
    const expected =
      'name=normal,lpar_name=aix01,lpar_id=5,lpar_env=aixlinux,all_resources=0,min_mem=2048,desired_mem=6144,max_mem=10240,min_num_huge_pages=0,desired_num_huge_pages=0,max_num_huge_pages=0,mem_mode=ded,hpt_ratio=1:64,proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.3,max_proc_units=0.8,min_procs=1,desired_procs=1,max_procs=2,sharing_mode=cap,uncap_weight=0,io_slots=none,lpar_io_pool_ids=none,max_virtual_slots=10,"virtual_serial_adapters=0/server/1/any//any/1,1/server/1/any//any/1","virtual_scsi_adapters=2/client/2/vios1/2/1,3/client/3/vios2/2/1","virtual_eth_adapters=6/1/6//0/0,7/0/7//0/0",hca_adapters=none,boot_mode=norm,conn_monitoring=0,auto_start=0,power_ctrl_lpar_ids=none,work_group_id=none,redundant_err_path_reporting=0';
    const pairs: Pairs = [
      ['name', 'normal'], ['lpar_name', 'aix01'], ['lpar_id', 5], ['lpar_env', 'aixlinux'], ['all_resources', 0],
      ['min_mem', 2048], ['desired_mem', 6144], ['max_mem', 10240], ['min_num_huge_pages', 0],
      ['desired_num_huge_pages', 0], ['max_num_huge_pages', 0], ['mem_mode', 'ded'], ['hpt_ratio', '1:64'],
      ['proc_mode', 'shared'], ['min_proc_units', '0.1'], ['desired_proc_units', '0.3'], ['max_proc_units', '0.8'],
      ['min_procs', 1], ['desired_procs', 1], ['max_procs', 2], ['sharing_mode', 'cap'], ['uncap_weight', 0],
      ['io_slots', []], ['lpar_io_pool_ids', []], ['max_virtual_slots', 10],
      ['virtual_serial_adapters', ['0/server/1/any//any/1', '1/server/1/any//any/1']],
      ['virtual_scsi_adapters', ['2/client/2/vios1/2/1', '3/client/3/vios2/2/1']],
      ['virtual_eth_adapters', ['6/1/6//0/0', '7/0/7//0/0']], ['hca_adapters', []], ['boot_mode', 'norm'],
      ['conn_monitoring', 0], ['auto_start', 0], ['power_ctrl_lpar_ids', []], ['work_group_id', 'none'],
      ['redundant_err_path_reporting', 0],
    ];
    assert.equal(formatKeyValueRecord(pairs), expected);
  });
  it('VIOS profile fragment: single-element list not quoted (platform.md §7.3)', () => {
    assert.equal(
      formatKeyValueRecord([
        ['io_slots', ['21010002/none/1', '21050003/none/1']], ['max_virtual_slots', 200],
        ['virtual_scsi_adapters', ['2/server/5/aix01/3/0']],
        ['virtual_eth_adapters', ['6/0/6//2/1', '8/0/8//2/1', '9/0/6//0/0']],
      ]),
      '"io_slots=21010002/none/1,21050003/none/1",max_virtual_slots=200,virtual_scsi_adapters=2/server/5/aix01/3/0,"virtual_eth_adapters=6/0/6//2/1,8/0/8//2/1,9/0/6//0/0"',
    );
  });
  // VERIFIED lines without list values: every pair must stay unquoted (spaces, `*`, `:`, empty values).
  const plainLines: [string, string][] = [
    ['lssysconn -r all (hmc-cli.md §6.2)', 'resource_type=sys,type_model_serial_num=9131-52A*1234ABC,sp=primary,sp_phys_loc=unavailable,ipaddr=10.1.2.30,alt_ipaddr=unavailable,state=Connected'],
    ['lshmc -r (hmc-cli.md §6.1)', 'ssh=enable,sshprotocol=,remotewebui=enable,xntp=disable,xntpserver=127.127.1.0,syslogserver=,syslogtcpserver=,syslogtlsserver=,netboot=disable,altdiskboot=disable,ldap=disable,kerberos=disable,kerberos_default_realm=,kerberos_realm_kdc=,kerberos_clockskew=,kerberos_ticket_lifetime=,kpasswd_admin=,trace=,kerberos_keyfile_present=,legacyhmccomm=disable,sol=disabled'],
    ['lshmcldap -r config (hmc-cli.md §6.1)', 'primary=,backup=,basedn=,timelimit=,bindtimelimit=,referrals=,ssl=0,loginattribute=,hmcauthnameattribute=,hmcuserpropsattribute=,binddn=,bindpwset=0,automanage=0,auth=ldap,searchfilter=,scope=one,tlscacert=,hmcgroups='],
    ['lshwres virtualio scsi row (hmc-cli.md §6.5)', 'lpar_name=aix01,lpar_id=5,slot_num=3,state=1,is_required=1,adapter_type=client,remote_lpar_id=3,remote_lpar_name=vios2,remote_slot_num=2'],
    ['lshwres virtualio slot row (hmc-cli.md §6.5)', 'lpar_name=vios1,lpar_id=2,curr_max_virtual_slots=200,pend_max_virtual_slots=200,next_avail_virtual_slot=3'],
    ['sample-session lssyscfg -r lpar line (hmc-cli.md §7)', 'name=aix01,lpar_id=3,lpar_env=aixlinux,state=Running,resource_config=1,os_version=AIX 7.2 7200-05-03-2148,logical_serial_num=7812ABC3,default_profile=default_profile,curr_profile=default_profile,work_group_id=none,shared_proc_pool_util_auth=0,allow_perf_collection=0,power_ctrl_lpar_ids=none,boot_mode=norm,lpar_keylock=norm,auto_start=0,redundant_err_path_reporting=0,rmc_state=active,rmc_ipaddr=10.1.2.103,sync_curr_profile=0'],
  ];
  for (const [title, line] of plainLines) {
    it(title, () => assert.equal(formatKeyValueRecord(kv(line.replaceAll(',', ';'))), line));
  }
  it('keeps state a middle field for the fence_lpar regex ,state=(.*?), (hmc-cli.md §4.1)', () => {
    const line = formatKeyValueRecord([['name', 'aix01'], ['lpar_id', 3], ['state', 'Not Activated'], ['rmc_state', 'none']]);
    assert.equal(/,state=(.*?),/.exec(line)?.[1], 'Not Activated');
  });
  it('lshmc -n, abridged pairs with quoted lists (hmc-cli.md §6.1)', () => {
    assert.equal(
      formatKeyValueRecord(kv('hostname=hmc01;domain=example.com;ipaddr=10.1.2.34|192.168.20.10;networkmask=255.255.255.0|255.255.255.0;gateway=10.1.2.1;nameserver=;domainsuffix=;slipipaddr=10.253.0.1;slipnetmask=255.255.0.0;ipaddrlpar=10.1.2.34|192.168.20.10')),
      'hostname=hmc01,domain=example.com,"ipaddr=10.1.2.34,192.168.20.10","networkmask=255.255.255.0,255.255.255.0",gateway=10.1.2.1,nameserver=,domainsuffix=,slipipaddr=10.253.0.1,slipnetmask=255.255.0.0,"ipaddrlpar=10.1.2.34,192.168.20.10"',
    );
    assert.equal(
      formatKeyValueRecord(kv('ipv4addr_eth0=10.1.2.34;ipv4netmask_eth0=255.255.255.0;ipv4dhcp_eth0=off')),
      'ipv4addr_eth0=10.1.2.34,ipv4netmask_eth0=255.255.255.0,ipv4dhcp_eth0=off',
    );
    assert.equal(
      formatKeyValueRecord(kv('jumboframe_eth0=off;speed_eth0=auto;duplex_eth0=auto;tso_eth0=off')),
      'jumboframe_eth0=off,speed_eth0=auto,duplex_eth0=auto,tso_eth0=off',
    );
  });
  it('lsaccfg -t resourcerole (hmc-cli.md §6.1)', () => {
    assert.equal(
      formatKeyValueRecord([
        ['name', 'L2support'],
        ['resources', ['lpar:root/ibmhscS1_0|1*9131-52A*1234ABC|IBMHSC_Partition', 'lpar:root/ibmhscS1_0|5*9131-52A*1234ABC|IBMHSC_Partition']],
      ]),
      'name=L2support,"resources=lpar:root/ibmhscS1_0|1*9131-52A*1234ABC|IBMHSC_Partition,lpar:root/ibmhscS1_0|5*9131-52A*1234ABC|IBMHSC_Partition"',
    );
  });
  it('lshmc -V, V9 multi-line pair form (hmc-cli.md §6.1)', () => {
    const expected = '"version= Version: 9\n Release: 2\n Service Pack: 950\nHMC Build level 2109150411\nMH01890 - HMC V9R2 M950\n","base_version=V9R2\n"';
    assert.equal(
      formatKeyValueRecord([
        ['version', ' Version: 9\n Release: 2\n Service Pack: 950\nHMC Build level 2109150411\nMH01890 - HMC V9R2 M950\n'],
        ['base_version', 'V9R2\n'],
      ]),
      expected,
    );
  });
  it('sample-session lssyscfg -r prof line (hmc-cli.md §7)', () => {
    const prof = 'name=default_profile,lpar_name=vios1,lpar_id=1,lpar_env=vioserver,all_resources=0,min_mem=2048,desired_mem=4096,max_mem=4096,mem_mode=ded,hpt_ratio=1:128,proc_mode=ded,min_procs=2,desired_procs=2,max_procs=2,sharing_mode=keep_idle_procs,io_slots=none,lpar_io_pool_ids=none,max_virtual_slots=20,"virtual_serial_adapters=0/server/1/any//any/1,1/server/1/any//any/1",virtual_scsi_adapters=none,"virtual_eth_adapters=2/0/1//0/0/ETHERNET0//all/none,3/0/2//0/0/ETHERNET0//all/none",hca_adapters=none,boot_mode=norm,conn_monitoring=0,auto_start=0,power_ctrl_lpar_ids=none,work_group_id=none,redundant_err_path_reporting=0';
    const spec = 'name=default_profile;lpar_name=vios1;lpar_id=1;lpar_env=vioserver;all_resources=0;min_mem=2048;desired_mem=4096;max_mem=4096;mem_mode=ded;hpt_ratio=1:128;proc_mode=ded;min_procs=2;desired_procs=2;max_procs=2;sharing_mode=keep_idle_procs;io_slots=none;lpar_io_pool_ids=none;max_virtual_slots=20;virtual_serial_adapters=0/server/1/any//any/1|1/server/1/any//any/1;virtual_scsi_adapters=none;virtual_eth_adapters=2/0/1//0/0/ETHERNET0//all/none|3/0/2//0/0/ETHERNET0//all/none;hca_adapters=none;boot_mode=norm;conn_monitoring=0;auto_start=0;power_ctrl_lpar_ids=none;work_group_id=none;redundant_err_path_reporting=0';
    assert.equal(formatKeyValueRecord(kv(spec)), prof);
  });
});

describe('formatSelectedFields (hmc-cli.md §4.2, VERIFIED)', () => {
  it('joins values with the delimiter', () => {
    assert.equal(formatSelectedFields(['Server-9131-52A-SN1234ABC', '1234ABC', 'Operating'], ','), 'Server-9131-52A-SN1234ABC,1234ABC,Operating');
    assert.equal(formatSelectedFields(['aix01', 'Running'], ':'), 'aix01:Running');
    assert.equal(formatSelectedFields(['lnx02', 'Not Activated'], ':'), 'lnx02:Not Activated');
    assert.equal(formatSelectedFields(['lnx03', 3, 'Not Activated', 'inactive'], ','), 'lnx03,3,Not Activated,inactive');
    assert.equal(formatSelectedFields(['FW950.80', 183, '01VL950'], ','), 'FW950.80,183,01VL950');
    assert.equal(formatSelectedFields([1, 0, 'eth', 'U78D2.001.WZS01AB-P1-C4-T1', 1, 1, 60, 1], ','), '1,0,eth,U78D2.001.WZS01AB-P1-C4-T1,1,1,60,1');
  });
  it('header is the field names joined with the same delimiter', () => {
    assert.equal(formatSelectedFields(['name', 'lpar_id', 'state', 'rmc_state'], ','), 'name,lpar_id,state,rmc_state');
    const spec = 'adapter_id,phys_port_id,phys_port_type,phys_port_loc,state,config_logical_ports,phys_port_max_logical_ports,curr_eth_logical_ports';
    const { fields, delimiter } = parseFieldSelection(spec);
    assert.equal(formatSelectedFields(fields, delimiter), spec);
  });
  it('quotes values containing the delimiter, a comma or a quote', () => {
    assert.equal(
      formatSelectedFields(['default_profile', ['2/client/1/vios1/21/1', '3/client/2/vios2/21/1']], ','),
      'default_profile,"2/client/1/vios1/21/1,3/client/2/vios2/21/1"',
    );
    assert.equal(formatSelectedFields(['a:b', 'c'], ':'), '"a:b":c');
    assert.equal(formatSelectedFields(['x', ['p', 'q']], ':'), 'x:"p,q"');
    assert.equal(formatSelectedFields(['say "hi"'], ','), '"say ""hi"""');
    assert.equal(formatSelectedFields([['2/1/1/3,4,5/0/1']], ','), '"""2/1/1/3,4,5/0/1"""');
    assert.equal(formatSelectedFields([[]], ','), 'none');
  });
});

describe('parseFieldSelection', () => {
  it('finds the delimiter between field names', () => {
    assert.deepEqual(parseFieldSelection('name,lpar_id'), { fields: ['name', 'lpar_id'], delimiter: ',' });
    assert.deepEqual(parseFieldSelection('name:state'), { fields: ['name', 'state'], delimiter: ':' });
    assert.deepEqual(parseFieldSelection('name:serial_num:state'), { fields: ['name', 'serial_num', 'state'], delimiter: ':' });
    assert.deepEqual(parseFieldSelection('lpar_name::refcode'), { fields: ['lpar_name', 'refcode'], delimiter: '::' });
    assert.deepEqual(parseFieldSelection('uuid'), { fields: ['uuid'], delimiter: ',' });
    assert.deepEqual(parseFieldSelection('UUID,name'), { fields: ['UUID', 'name'], delimiter: ',' });
  });
  it('rejects empty specs, leading/trailing delimiters and mixed delimiters', () => {
    for (const spec of ['', ':', ',name', 'name,', 'a,b:c', 'a:b,c', 'a,b,,c']) {
      assert.throws(() => parseFieldSelection(spec), RecordSyntaxError, spec);
    }
  });
});

describe('NO_RESULTS', () => {
  it('is the VERIFIED text (hmc-cli.md §4.4)', () => assert.equal(NO_RESULTS, 'No results were found.'));
});

/** CSV-aware splitter: `"…"` fields with `""` escapes, separated by a one-character delimiter. */
function splitCsv(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      for (i++; ; i++) {
        if (i >= line.length) throw new Error(`unterminated quote in ${line}`);
        if (line[i] === '"' && line[i + 1] === '"') { field += '"'; i++; }
        else if (line[i] === '"') { i++; break; }
        else field += line[i];
      }
    } else {
      const j = line.indexOf(delimiter, i);
      field = line.slice(i, j < 0 ? line.length : j);
      i = j < 0 ? line.length : j;
    }
    out.push(field);
    if (i >= line.length) return out;
    assert.equal(line[i], delimiter, `garbage after field in ${line}`);
    i++;
  }
}

describe('output properties', () => {
  const delimiterArb = fc.constantFrom(',', ':', ';', '|', ' ', '\t', '/');
  const textArb = fc.string({ unit: 'binary-ascii', maxLength: 15 });
  const valueArb: fc.Arbitrary<OutValue> = fc.oneof(textArb, fc.integer(), fc.array(textArb, { maxLength: 4 }));
  const render = (v: OutValue): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : formatListText(v));

  it('(c) formatSelectedFields splits back into the values with a CSV splitter', () => {
    fc.assert(
      fc.property(fc.array(valueArb, { minLength: 1, maxLength: 6 }), delimiterArb, (values, delimiter) => {
        assert.deepEqual(splitCsv(formatSelectedFields(values, delimiter), delimiter), values.map(render));
      }),
      { numRuns: 1000 },
    );
  });
  it('parseFieldSelection recovers fields joined with one delimiter', () => {
    const field = fc.stringMatching(/^[A-Za-z0-9_]{1,10}$/);
    const delim = fc.stringMatching(/^[^A-Za-z0-9_]{1,3}$/);
    fc.assert(
      fc.property(fc.array(field, { minLength: 2, maxLength: 6 }), delim, (fields, delimiter) => {
        assert.deepEqual(parseFieldSelection(fields.join(delimiter)), { fields, delimiter });
      }),
    );
  });
  it('parseFieldSelection throws only RecordSyntaxError on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (spec) => {
        try {
          const { fields, delimiter } = parseFieldSelection(spec);
          assert.equal(fields.join(delimiter), spec);
        } catch (err) {
          assert.ok(err instanceof RecordSyntaxError, String(err));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
