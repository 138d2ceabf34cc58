// lshmcusr (platform.md §11, hmc-cli.md §4): the VERIFIED hscroot line byte for byte, -F/--header,
// --filter names, the empty result, -t default, and what a user without user administration sees.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openUsers, type UsersTest } from './harness.ts';

const HSCROOT = 'name=hscroot,taskrole=hmcsuperadmin,description=HMC Super User,pwage=99999,resourcerole=ALL:,authentication_type=local,remote_webui_access=1,remote_ssh_access=1,min_pwage=0,session_timeout=0,verify_timeout=15,idle_timeout=0,inactivity_expiration=0,resources=<ResourceID = ALL:><UserDefinedName = AllSystemResources>,password_encryption=md5,disabled=0';

describe('lshmcusr', () => {
  let u: UsersTest;
  before(async () => { u = await openUsers(); });
  after(() => u.close());

  it('prints the default user exactly as the real HMC does', async () => {
    assert.deepEqual(await u.run('lshmcusr'), [HSCROOT]);
    assert.deepEqual(await u.run('lshmcusr -t user'), [HSCROOT]);
  });

  it('prints selected fields with the delimiter given, and the header', async () => {
    // A value containing the delimiter is double-quoted (hmc-cli.md §4.2), so ALL: is quoted with ':'.
    assert.deepEqual(await u.run('lshmcusr -F name:taskrole:resourcerole:pwage:description'), ['hscroot:hmcsuperadmin:"ALL:":99999:HMC Super User']);
    assert.deepEqual(await u.run('lshmcusr -F name,resourcerole,resources'), ['hscroot,ALL:,<ResourceID = ALL:><UserDefinedName = AllSystemResources>']);
    assert.deepEqual(await u.run('lshmcusr -F name,disabled --header'), ['name,disabled', 'hscroot,0']);
  });

  it('refuses unknown fields and filters with the invalid-attribute message', async () => {
    await u.refused('lshmcusr -F name,password', /^An invalid attribute was entered\.  The invalid attribute is password\./);
    await u.refused('lshmcusr --filter "lpar_names=x"', /The invalid attribute is lpar_names\./);
  });

  it('filters by names; a filter matching nothing prints No results were found.', async () => {
    await u.run('mkhmcusr -i "name=oper1,taskrole=hmcoperator,passwd=Passw0rd1,description=Night shift"');
    await u.run('mkhmcusr -i "name=view1,taskrole=hmcviewer,passwd=Passw0rd1"');
    assert.deepEqual(await u.run('lshmcusr -F name'), ['hscroot', 'oper1', 'view1']);
    assert.deepEqual(await u.run('lshmcusr --filter "names=view1,oper1" -F name'), ['oper1', 'view1']);
    assert.deepEqual(await u.run('lshmcusr --filter names=nosuch'), ['No results were found.']);
  });

  it('shows a new user with the new-user defaults and a quoted description when it has a comma', async () => {
    await u.run('mkhmcusr -i "name=desc1,taskrole=hmcviewer,passwd=Passw0rd1,\\"description=Ops, night\\""');
    assert.deepEqual(await u.run('lshmcusr --filter names=desc1'), [
      'name=desc1,taskrole=hmcviewer,"description=Ops, night",pwage=99999,resourcerole=ALL:,authentication_type=local,remote_webui_access=0,remote_ssh_access=0,min_pwage=0,session_timeout=0,verify_timeout=15,idle_timeout=0,inactivity_expiration=0,resources=<ResourceID = ALL:><UserDefinedName = AllSystemResources>,password_encryption=md5,disabled=0',
    ]);
  });

  it('shows a user without user administration only their own account', async () => {
    assert.deepEqual(await u.run('lshmcusr -F name', 'view1'), ['view1']);
    assert.deepEqual(await u.run('lshmcusr -F name', 'oper1'), ['oper1']);
  });

  it('lists and changes the defaults for new users (-t default)', async () => {
    assert.deepEqual(await u.run('lshmcusr -t default'), [
      'pwage=99999,min_pwage=0,session_timeout=0,verify_timeout=15,idle_timeout=0,inactivity_expiration=0,remote_webui_access=0,remote_ssh_access=0',
    ]);
    await u.run('chhmcusr -t default -i "remote_ssh_access=1,session_timeout=30"');
    assert.deepEqual(await u.run('lshmcusr -t default -F remote_ssh_access,session_timeout'), ['1,30']);
    await u.run('mkhmcusr -u later1 -a hmcviewer --passwd Passw0rd1');
    assert.deepEqual(await u.run('lshmcusr --filter names=later1 -F remote_ssh_access:session_timeout'), ['1:30']);
    await u.refused('chhmcusr -t default -i "remote_ssh_access=1"', /^HSCL350B The user does not have the appropriate authority\.$/, 'view1');
  });
});
