// lsaccfg / mkaccfg / chaccfg / rmaccfg: custom task roles capped by their parent, and what they allow.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openUsers, type UsersTest } from './harness.ts';

describe('access control commands', () => {
  let u: UsersTest;
  before(async () => { u = await openUsers(); });
  after(() => u.close());

  it('lists no custom resource roles, and the predefined task roles', async () => {
    assert.deepEqual(await u.run('lsaccfg -t resourcerole'), ['No results were found.']);
    assert.deepEqual(await u.run('lsaccfg -t taskrole -F name'), ['hmcsuperadmin', 'hmcoperator', 'hmcviewer', 'hmcpe', 'hmcservicerep']);
    const viewer = await u.run('lsaccfg -t taskrole --filter taskroles=hmcviewer');
    assert.equal(viewer.length, 1);
    assert.match(viewer[0], /^name=hmcviewer,"resources=view:lsaccfg\+[a-z_+]+,self-service:chhmcusr\+mkauthkeys"$/);
  });

  it('mkaccfg creates a task role from IBM\'s example and the role allows exactly its tasks', async () => {
    await u.run('mkaccfg -t taskrole -i name=lsonly,parent=hmcoperator,resources=cec:lshwres+lssyscfg');
    assert.deepEqual(await u.run('lsaccfg -t taskrole --filter taskroles=lsonly'), ['name=lsonly,resources=cec:lshwres+lssyscfg,parent=hmcoperator']);
    await u.run('mkhmcusr -i "name=lsuser,taskrole=lsonly,passwd=Passw0rd1"');
    assert.equal(u.store.mayRun('lsuser', 'lssyscfg'), true);
    assert.equal(u.store.mayRun('lsuser', 'lshwres'), true);
    assert.equal(u.store.mayRun('lsuser', 'chsysstate'), false);
    assert.equal(u.store.mayRun('lsuser', 'lsrefcode'), false);
  });

  it('refuses a role with more authority than its parent, unknown tasks, parents and duplicates', async () => {
    await u.refused('mkaccfg -t taskrole -i "name=sneaky,parent=hmcviewer,resources=cec:chsysstate"', /^HSCLSIM13 The value chsysstate is not valid for the attribute resources\. A task role cannot have more authority than the role hmcviewer/);
    await u.refused('mkaccfg -t taskrole -i "name=x,parent=hmcviewer,resources=cec:fly"', /^HSCLSIM13 The value fly is not valid/);
    await u.refused('mkaccfg -t taskrole -i "name=x,parent=nosuch,resources=cec:lshwres"', /^HSCLSIM44 The task role nosuch was not found/);
    await u.refused('mkaccfg -t taskrole -i "name=lsonly,parent=hmcviewer,resources=cec:lshwres"', /^HSCLSIM45 /);
    await u.refused('mkaccfg -t taskrole -i "name=hmcviewer,parent=hmcviewer,resources=cec:lshwres"', /^HSCLSIM45 /);
    await u.refused('mkaccfg -t resourcerole -i "name=r,resources=x"', /^HSCLSIM29 The custom managed resource role is not supported/);
  });

  it('a role based on a custom role is capped by it', async () => {
    await u.run('mkaccfg -t taskrole -i "name=sub,parent=lsonly,resources=cec:lssyscfg"');
    await u.refused('mkaccfg -t taskrole -i "name=sub2,parent=lsonly,resources=cec:lsrefcode"', /^HSCLSIM13 The value lsrefcode/);
  });

  it('chaccfg adds and removes tasks with += and -=; predefined roles cannot change', async () => {
    await u.run('chaccfg -t taskrole -i "name=lsonly,resources+=lpar:chsysstate"');
    assert.equal(u.store.mayRun('lsuser', 'chsysstate'), true);
    await u.run('chaccfg -t taskrole -i "name=lsonly,resources-=lshwres"');
    assert.deepEqual(await u.run('lsaccfg -t taskrole --filter taskroles=lsonly -F resources'), ['"cec:lssyscfg,lpar:chsysstate"']);
    assert.equal(u.store.mayRun('lsuser', 'lshwres'), false);
    await u.run('chaccfg -t taskrole -i "name=lsonly,\\"resources=cec:lssyscfg+lshwres,lpar:chsysstate\\""');
    assert.equal(u.store.mayRun('lsuser', 'lshwres'), true);
    await u.refused('chaccfg -t taskrole -i "name=hmcviewer,resources+=cec:chsysstate"', /^HSCLSIM46 The task role hmcviewer cannot be changed: it is a predefined task role/);
    await u.refused('chaccfg -t taskrole -i "name=lsonly,parent=hmcsuperadmin"', /^HSCLSIM16 /);
  });

  it('rmaccfg refuses roles in use or with dependants, then removes', async () => {
    await u.refused('rmaccfg -t taskrole -n lsonly', /^HSCLSIM46 The task role lsonly cannot be removed: it is assigned to user\(s\) lsuser/);
    await u.run('rmaccfg -t taskrole -n sub');
    await u.run('chhmcusr -u lsuser -t taskrole -v hmcviewer');
    await u.run('rmaccfg -t taskrole -n lsonly');
    assert.deepEqual(await u.run('lsaccfg -t taskrole -F name'), ['hmcsuperadmin', 'hmcoperator', 'hmcviewer', 'hmcpe', 'hmcservicerep']);
    await u.refused('rmaccfg -t taskrole -n hmcoperator', /^HSCLSIM46 /);
  });

  it('only hmcsuperadmin administers roles', async () => {
    await u.refused('mkaccfg -t taskrole -i "name=r,parent=hmcviewer,resources=cec:lshwres"', /^HSCL350B /, 'lsuser');
    assert.equal((await u.run('lsaccfg -t taskrole -F name', 'lsuser')).length, 5);
  });
});
