// lspwdpolicy / mkpwdpolicy / chpwdpolicy / rmpwdpolicy through the commands, as Ansible's
// hmc_pwdpolicy drives them (hmc-cli.md §6.1), and the active policy's effect on mkhmcusr/chhmcusr.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openUsers, type UsersTest } from './harness.ts';

const MEDIUM = 'name=HMC Medium Security Password Policy,description=HMC Medium Security Password Policy,active=0,min_pwage=1,pwage=180,warn_pwage=7,min_length=8,hist_size=10,min_digits=0,min_uppercase_chars=1,min_lowercase_chars=6,min_special_chars=0';

describe('password policy commands', () => {
  let u: UsersTest;
  before(async () => { u = await openUsers(); });
  after(() => u.close());

  it('lists the predefined medium security policy and the inactive status', async () => {
    assert.deepEqual(await u.run('lspwdpolicy -t p'), [MEDIUM]);
    assert.deepEqual(await u.run('lspwdpolicy -t s'), ['active=0,active_policy_name=']);
  });

  it('mkpwdpolicy creates a policy that lists every attribute as given', async () => {
    await u.run('mkpwdpolicy -i "name=corp,description=Corporate,min_pwage=0,pwage=90,warn_pwage=5,min_length=12,hist_size=3,min_digits=1,min_uppercase_chars=1,min_lowercase_chars=1,min_special_chars=1"');
    assert.deepEqual(await u.run('lspwdpolicy -t p --filter names=corp'), [
      'name=corp,description=Corporate,active=0,min_pwage=0,pwage=90,warn_pwage=5,min_length=12,hist_size=3,min_digits=1,min_uppercase_chars=1,min_lowercase_chars=1,min_special_chars=1',
    ]);
    await u.refused('mkpwdpolicy -i "name=corp"', /^HSCLSIM48 A password policy named corp already exists/);
    await u.refused('mkpwdpolicy -i "name=bad,min_pwage=10,pwage=5"', /^HSCLSIM13 The value 10 is not valid for the attribute min_pwage/);
    await u.refused('mkpwdpolicy -i "name=bad,new_name=x"', /The invalid attribute is new_name\./);
    await u.refused('mkpwdpolicy -i "description=x"', /^HSCLSIM14 The required attribute name/);
  });

  it('chpwdpolicy -o m changes and renames; the predefined policy cannot change', async () => {
    await u.run('chpwdpolicy -o m -i "name=corp,min_length=10,new_name=corp2"');
    assert.deepEqual(await u.run('lspwdpolicy -t p -F name:min_length'), ['HMC Medium Security Password Policy:8', 'corp2:10']);
    await u.refused('chpwdpolicy -o m -i "name=HMC Medium Security Password Policy,pwage=5"', /^HSCLSIM49 The password policy HMC Medium Security Password Policy cannot be changed/);
    await u.refused('chpwdpolicy -o m -i "name=nosuch,pwage=5"', /^HSCLSIM47 /);
  });

  it('chpwdpolicy -o a activates one policy, which then rules new passwords', async () => {
    await u.run('chpwdpolicy -o a -n corp2');
    assert.deepEqual(await u.run('lspwdpolicy -t s'), ['active=1,active_policy_name=corp2']);
    assert.deepEqual(await u.run('lspwdpolicy -t p -F name,active'), ['HMC Medium Security Password Policy,0', 'corp2,1']);
    await u.refused('mkhmcusr -i "name=weak,taskrole=hmcviewer,passwd=weakpassword"', /^HSCLSIM43 The password does not meet the password rules: it must contain at least 1 digits/);
    await u.run('mkhmcusr -i "name=strong,taskrole=hmcviewer,passwd=Str0ng!Passw"');
    await u.refused('chhmcusr -u strong -t passwd -v short1!A', /^HSCLSIM43 .*at least 10 characters/);
  });

  it('an active policy cannot be removed; -o d deactivates it; then rmpwdpolicy removes it', async () => {
    await u.refused('rmpwdpolicy -n corp2', /^HSCLSIM49 The password policy corp2 cannot be removed: it is the active policy/);
    await u.run('chpwdpolicy -o d');
    assert.deepEqual(await u.run('lspwdpolicy -t s'), ['active=0,active_policy_name=']);
    await u.run('rmpwdpolicy -n corp2');
    assert.deepEqual(await u.run('lspwdpolicy -t p -F name'), ['HMC Medium Security Password Policy']);
    await u.refused('rmpwdpolicy -n "HMC Medium Security Password Policy"', /^HSCLSIM49 .*cannot be removed: it is predefined/);
  });

  it('only hmcsuperadmin administers policies; viewers may list them', async () => {
    await u.run('mkhmcusr -i "name=oper,taskrole=hmcoperator,passwd=Passw0rd1"');
    await u.refused('mkpwdpolicy -i "name=x"', /^HSCL350B /, 'oper');
    await u.refused('chpwdpolicy -o a -n "HMC Medium Security Password Policy"', /^HSCL350B /, 'oper');
    await u.refused('rmpwdpolicy -n x', /^HSCL350B /, 'oper');
    assert.deepEqual(await u.run('lspwdpolicy -t s', 'oper'), ['active=0,active_policy_name=']);
  });
});
