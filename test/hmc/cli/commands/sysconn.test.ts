// lssysconn, mksysconn, rmsysconn (hmc-cli.md §6.2; platform.md §2, §12: the HMC's connections to the
// FSPs; the partition data lives on the FSP, so re-adding a connection brings every partition back).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lab, S824, P795, S824_MTMS, P795_MTMS, refused, silent, snapshot } from './cli-support.ts';

describe('lssysconn -r all', () => {
  it('prints the VERIFIED form, one line per connected system', async () => {
    const t = await lab();
    assert.equal(await t.ok('lssysconn -r all'),
      'resource_type=sys,type_model_serial_num=8286-42A*21AB34C,sp=primary,sp_phys_loc=unavailable,ipaddr=10.10.0.11,alt_ipaddr=unavailable,state=Connected\n' +
      'resource_type=sys,type_model_serial_num=9119-FHB*02B7A6C,sp=primary,sp_phys_loc=unavailable,ipaddr=10.10.0.21,alt_ipaddr=unavailable,state=Connected\n');
  });

  it('-F type_model_serial_num is split on whitespace by Ansible', async () => {
    const t = await lab();
    const out = await t.ok('lssysconn -r all -F type_model_serial_num');
    assert.deepEqual(out.split(/\s+/).filter(Boolean), [S824_MTMS, P795_MTMS]);
  });

  it('--filter ipaddrs= selects a connection; -r frame lists none', async () => {
    const t = await lab();
    assert.equal(await t.ok('lssysconn -r all --filter ipaddrs=10.10.0.21 -F ipaddr,state'), '10.10.0.21,Connected\n');
    assert.equal(await t.ok('lssysconn -r frame'), 'No results were found.\n');
  });
});

describe('rmsysconn and mksysconn', () => {
  it('removing a connection hides the system; adding it again brings back every partition and profile', async () => {
    const t = await lab();
    const before = await snapshot(t);
    await silent(t, 'rmsysconn -ip 10.10.0.11');
    assert.equal(await t.ok('lssyscfg -r sys -F name'), `${P795}\n`);
    await refused(t, `lssyscfg -r lpar -m ${S824}`, 'HSCL8012');
    await silent(t, 'mksysconn -ip 10.10.0.11 --passwd Hmc4ccess');
    assert.equal(await snapshot(t), before);
  });

  it('rmsysconn -m SYS -o reset reconnects and re-reads the system', async () => {
    const t = await lab();
    const before = await snapshot(t);
    await silent(t, `rmsysconn -m ${S824} -o reset`);
    assert.equal(await snapshot(t), before);
  });

  it('an address where no FSP answers is listed under its address as No Connection', async () => {
    const t = await lab();
    await silent(t, 'mksysconn -ip 127.0.0.1:1 --passwd Hmc4ccess');
    assert.equal(await t.ok('lssyscfg -r sys -F name,state'), `127.0.0.1:1,No Connection\n${S824},Operating\n${P795},Operating\n`);
    assert.ok((await t.ok('lssysconn -r all')).includes(',ipaddr=127.0.0.1:1,alt_ipaddr=unavailable,state=No Connection\n'));
    await silent(t, 'rmsysconn -ip 127.0.0.1:1');
    assert.equal(await t.ok('lssyscfg -r sys -F name'), `${S824}\n${P795}\n`);
  });

  it('a duplicate connection, an unknown one and a missing address are refused', async () => {
    const t = await lab();
    await refused(t, 'mksysconn -ip 10.10.0.11 --passwd Hmc4ccess', 'HSCLSIM26');
    await refused(t, 'rmsysconn -ip 10.9.9.9', 'HSCLSIM26');
    await refused(t, 'mksysconn', 'HSCLSIM28');
    await refused(t, 'rmsysconn', 'HSCLSIM28');
    await refused(t, 'rmsysconn -m nosuch', 'HSCL8012');
  });
});
