// The HMC access password (platform.md §4): a new system waits in Pending Authentication until chsyspwd
// sets all three FSP passwords; an HMC presenting a wrong access password sees Failed Authentication and
// can do nothing but fix the password.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLab, parseScript } from '../../../src/sim/lab.ts';
import { openSim } from '../../helpers/sim.ts';

const S = 'Server-8286-42A-SN21AB34C';

function labWith(passwords: boolean, script: string) {
  const lab = loadLab('default');
  const sys = { ...lab.file.systems[0] };
  if (!passwords) delete (sys as { fspPasswords?: unknown }).fspPasswords;
  return { file: { ...lab.file, systems: [sys] }, script: parseScript(script) };
}

test('a new system shows Pending Authentication until its three FSP passwords are set', async () => {
  const t = await openSim({ lab: labWith(false, 'mksysconn -ip 10.10.0.11\n') });
  try {
    assert.equal(await t.ok('lssyscfg -r sys -F name,state'), '10.10.0.11,Pending Authentication - Password Updates Required\n');
    const blocked = await t.run('lssyscfg -r lpar -m 10.10.0.11');
    assert.equal(blocked.exit, 1);
    await t.ok('chsyspwd -m 10.10.0.11 -t access --newpasswd Acc3ss01');
    await t.ok('chsyspwd -m 10.10.0.11 -t admin --newpasswd Adm1n001');
    assert.match(await t.ok('lssysconn -r all -F state'), /^Pending Authentication/);
    await t.ok('chsyspwd -m 10.10.0.11 -t general --newpasswd Gen3ral01');
    assert.equal(await t.ok('lssyscfg -r sys -F name,state'), `${S},Operating\n`);
    // A set password changes only with the current one.
    const wrong = await t.run(`chsyspwd -m ${S} -t admin --passwd nope --newpasswd Other001`);
    assert.match(wrong.stdout, /^HSCLSIM31 /);
    await t.ok(`chsyspwd -m ${S} -t admin --passwd Adm1n001 --newpasswd Other001`);
  } finally { t.close(); }
});

test('a wrong stored access password shows Failed Authentication until the right one is given', async () => {
  const t = await openSim({ lab: labWith(true, 'mksysconn -ip 10.10.0.11 --passwd wrongpass\n') });
  try {
    assert.equal(await t.ok('lssyscfg -r sys -F name,state'), '10.10.0.11,Failed Authentication\n');
    assert.equal((await t.run('chsysstate -r sys -m 10.10.0.11 -o off --immed')).exit, 1);
    assert.equal(t.sim.system(S).cfg.state, 'Operating', 'nothing reached the system');
    await t.ok('chsyspwd -m 10.10.0.11 -t access --passwd Hmc4ccess --newpasswd Hmc4ccess2');
    assert.equal(await t.ok('lssyscfg -r sys -F name,state'), `${S},Operating\n`);
    assert.match(await t.ok(`lshwres -r proc -m ${S} --level sys -F configurable_sys_proc_units`), /^16\.0$/m);
  } finally { t.close(); }
});
