// lsrefcode -r lpar | sys (hmc-cli.md §6.8; platform.md §7.5). The first four fields are the documented
// form `lpar_name=…,lpar_id=…,time_stamp=MM/DD/YYYY hh:mm:ss,refcode=…`; the codes follow the SIM-RULE
// table of §7.5 (blank for running AIX and VIOS, "Linux ppc64le" for running Linux, 00000000 when Not
// Activated, AA00E158 at SMS, C2… while starting, D2… while shutting down).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lab, S824, P795, keys, lines, refused, silent } from './cli-support.ts';

describe('lsrefcode -r lpar', () => {
  it('lists every partition with its reference code (the lab started at 01/01/2026 08:00:00)', async () => {
    const t = await lab();
    const ts = 'time_stamp=01/01/2026 08:00:00';
    assert.equal(await t.ok(`lsrefcode -r lpar -m ${S824}`), [
      `lpar_name=vios1,lpar_id=1,${ts},refcode=,word2=00000000`,
      `lpar_name=vios2,lpar_id=2,${ts},refcode=,word2=00000000`,
      `lpar_name=aix01,lpar_id=3,${ts},refcode=,word2=00000000`,
      `lpar_name=lnx02,lpar_id=4,${ts},refcode=Linux ppc64le,word2=00000000`,
      `lpar_name=aix03,lpar_id=5,${ts},refcode=,word2=00000000`,
      `lpar_name=aix04,lpar_id=6,${ts},refcode=00000000,word2=00000000`,
      `lpar_name=ibmi05,lpar_id=7,${ts},refcode=00000000,word2=00000000`,
    ].join('\n') + '\n');
    for (const l of lines(await t.ok(`lsrefcode -r lpar -m ${S824}`))) assert.deepEqual(keys(l).slice(0, 4), ['lpar_name', 'lpar_id', 'time_stamp', 'refcode']);
  });

  it('--filter "lpar_names=NAME" -F lpar_name:refcode; a partition at SMS shows AA00E158', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lsrefcode -r lpar -m ${P795} --filter "lpar_names=aix14" -F lpar_name:refcode`), 'aix14:AA00E158\n');
    // -n 10: the history, most recent first: blank while running, C2008130 when it started.
    assert.equal(await t.ok(`lsrefcode -r lpar -m ${P795} --filter lpar_names=aix11 -n 10 -F refcode`), '\nC2008130\n');
    assert.equal(await t.ok(`lsrefcode -r lpar -m ${P795} --filter lpar_ids=5 -F lpar_name,refcode`), 'lnx13,00000000\n');
  });

  it('follows a partition through Starting (C2…), Running (blank) and Shutting Down (D2…) on the clock', async () => {
    const t = await lab({ timings: { partitionBootMs: 1000, partitionShutdownMs: 5000 } });
    const code = async () => t.ok(`lsrefcode -r lpar -m ${S824} --filter lpar_names=aix04 -F refcode,time_stamp`);
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n aix04`);
    assert.match(await code(), /^C2[0-9A-F]{6},01\/01\/2026 08:00:00\n$/);
    t.clock.advance(1000);
    assert.equal(await code(), ',01/01/2026 08:00:01\n');
    await silent(t, `chsysstate -r lpar -m ${S824} -o shutdown -n aix04`);
    assert.match(await code(), /^D2[0-9A-F]{6},01\/01\/2026 08:00:01\n$/);
    t.clock.advance(5000);
    assert.equal(await code(), '00000000,01/01/2026 08:00:06\n');
  });

  it('an unknown partition is HSCL8012; an unknown field is the invalid-attribute message', async () => {
    const t = await lab();
    await refused(t, `lsrefcode -r lpar -m ${S824} --filter lpar_names=nosuch`, 'HSCL8012');
    await refused(t, `lsrefcode -r lpar -m ${S824} -F lpar_name,bogus`,
      'An invalid attribute was entered.  The invalid attribute is bogus.  Correct the input and retry the command.\n');
  });
});

describe('lsrefcode -r sys', () => {
  it('a running system has a blank reference code; -s p -n 20 are accepted', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lsrefcode -r sys -m ${S824}`), 'time_stamp=01/01/2026 08:00:00,refcode=,word2=00000000\n');
    assert.equal(await t.ok(`lsrefcode -r sys -m ${S824} -s p -n 20 -F refcode`), '\n');
  });

  it('a powered-off system shows a B1 code, an initializing one a C1 progress code', async () => {
    const t = await lab();
    await silent(t, `chsysstate -r sys -m ${S824} -o off --immed`);
    assert.match(await t.ok(`lsrefcode -r sys -m ${S824} -F refcode`), /^B1[0-9A-F]{6}\n$/);
    await silent(t, `chsysstate -r sys -m ${S824} -o on`);
    assert.match(await t.ok(`lsrefcode -r sys -m ${S824} -F refcode`), /^C1[0-9A-F]{6}\n$/);
    t.clock.advance(3000);
    assert.equal(await t.ok(`lsrefcode -r sys -m ${S824} -F refcode`), '\n');
  });

  it('the -n usage message says what a valid value is', async () => {
    const t = await lab();
    const msg = await refused(t, `lsrefcode -r lpar -m ${S824} -n ten`, 'HSCLSIM28');
    assert.doesNotMatch(msg, /Valid values are \./, msg);
  });

  it('a bad -s or -n is a usage error', async () => {
    const t = await lab();
    await refused(t, `lsrefcode -r sys -m ${S824} -s x`, 'HSCLSIM28');
    await refused(t, `lsrefcode -r lpar -m ${S824} -n ten`, 'HSCLSIM28');
  });
});
