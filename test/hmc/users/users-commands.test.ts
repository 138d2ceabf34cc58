// mkhmcusr / chhmcusr / rmhmcusr / mkauthkeys round trips through the commands, and their refusals.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openUsers, sshKeyLine, type UsersTest } from './harness.ts';

describe('user administration commands', () => {
  let u: UsersTest;
  const now = () => u.t.clock.now();
  before(async () => { u = await openUsers(); });
  after(() => u.close());

  it('mkhmcusr -i creates a user that can log in with its password', async () => {
    await u.run('mkhmcusr -i "name=alice,taskrole=hmcoperator,description=Operator,passwd=Start1234,pwage=90,remote_ssh_access=1"');
    assert.deepEqual(await u.run('lshmcusr --filter names=alice -F name,taskrole,description,pwage,remote_ssh_access'), ['alice,hmcoperator,Operator,90,1']);
    assert.deepEqual(u.store.authenticate('alice', 'Start1234', now()), { ok: true });
    assert.deepEqual(u.store.authenticate('alice', 'wrong', now()), { ok: false, reason: 'bad-password' });
  });

  it('mkhmcusr -u/-a/-d/--passwd/-M creates the same kind of user', async () => {
    await u.run('mkhmcusr -u bob -a hmcviewer -d "Read only" --passwd Start1234 -M 30');
    assert.deepEqual(await u.run('lshmcusr --filter names=bob -F taskrole:description:pwage'), ['hmcviewer:Read only:30']);
  });

  it('mkhmcusr refuses duplicates, unknown roles, missing passwords, bad values and short passwords', async () => {
    await u.refused('mkhmcusr -i "name=alice,taskrole=hmcviewer,passwd=Start1234"', /^HSCLSIM41 A user named alice already exists/);
    await u.refused('mkhmcusr -i "name=carol,taskrole=hmcboss,passwd=Start1234"', /^HSCLSIM44 The task role hmcboss was not found/);
    await u.refused('mkhmcusr -i "name=carol,taskrole=hmcviewer"', /^HSCLSIM14 The required attribute passwd/);
    await u.refused('mkhmcusr -i "name=carol,taskrole=hmcviewer,passwd=Start1234,remote_ssh_access=2"', /^HSCLSIM13 The value 2 is not valid for the attribute remote_ssh_access/);
    await u.refused('mkhmcusr -i "name=carol,taskrole=hmcviewer,passwd=abc"', /^HSCLSIM43 The password does not meet the password rules: it must be at least 7 characters long/);
    await u.refused('mkhmcusr -i "name=carol,taskrole=hmcviewer,passwd=Start1234,color=red"', /The invalid attribute is color\./);
    await u.refused('mkhmcusr -i "name=9lives,taskrole=hmcviewer,passwd=Start1234"', /^HSCLSIM13 The value 9lives is not valid for the attribute name/);
    assert.equal(u.store.getUser('carol'), undefined);
  });

  it('only hmcsuperadmin may create users', async () => {
    await u.refused('mkhmcusr -i "name=dave,taskrole=hmcsuperadmin,passwd=Start1234"', /^HSCL350B /, 'alice');
    assert.equal(u.store.getUser('dave'), undefined);
  });

  it('chhmcusr -t changes one attribute; -i changes several at once', async () => {
    await u.run('chhmcusr -u bob -t desc -v "Auditor"');
    await u.run('chhmcusr -u bob -t taskrole -v hmcoperator');
    await u.run('chhmcusr -i "name=bob,pwage=60,session_timeout=120,remote_ssh_access=1"');
    assert.deepEqual(await u.run('lshmcusr --filter names=bob -F description,taskrole,pwage,session_timeout,remote_ssh_access'), ['Auditor,hmcoperator,60,120,1']);
  });

  it('chhmcusr -i is all or nothing', async () => {
    await u.refused('chhmcusr -i "name=bob,passwd=Other5678,taskrole=nosuch"', /^HSCLSIM44 /);
    assert.deepEqual(u.store.authenticate('bob', 'Other5678', now()), { ok: false, reason: 'bad-password' });
  });

  it('any user may change their own password, but nothing else and nobody else', async () => {
    await u.run('chhmcusr -u bob -t passwd -v NewPass99', 'bob');
    assert.deepEqual(u.store.authenticate('bob', 'NewPass99', now()), { ok: true });
    await u.refused('chhmcusr -u bob -t taskrole -v hmcsuperadmin', /^HSCL350B /, 'bob');
    await u.refused('chhmcusr -u alice -t passwd -v Hijack123', /^HSCL350B /, 'bob');
    await u.refused('chhmcusr -i "name=bob,passwd=NewPass98,pwage=5"', /^HSCL350B /, 'bob');
    assert.equal(u.store.getUser('bob')!.taskrole, 'hmcoperator');
  });

  it('the administrator resets another user\'s password', async () => {
    await u.run('chhmcusr -u alice -t passwd -v Reset1234');
    assert.deepEqual(u.store.authenticate('alice', 'Reset1234', now()), { ok: true });
  });

  it('chhmcusr -o d / -o e disables and enables an account', async () => {
    await u.run('chhmcusr -o d -u alice');
    assert.deepEqual(await u.run('lshmcusr --filter names=alice -F disabled'), ['1']);
    assert.deepEqual(u.store.authenticate('alice', 'Reset1234', now()), { ok: false, reason: 'disabled' });
    assert.equal(u.store.mayRun('alice', 'lssyscfg'), false);
    await u.run('chhmcusr -o e -u alice');
    assert.deepEqual(u.store.authenticate('alice', 'Reset1234', now()), { ok: true });
    await u.refused('chhmcusr -o d -u hscroot', /^HSCLSIM42 The user hscroot cannot be disabled/);
  });

  it('chhmcusr -t name renames, keeping the password', async () => {
    await u.run('chhmcusr -u alice -t name -v alice2');
    assert.equal(u.store.getUser('alice'), undefined);
    assert.deepEqual(u.store.authenticate('alice2', 'Reset1234', now()), { ok: true });
    await u.refused('chhmcusr -u nosuch -t desc -v x', /^HSCLSIM40 The user nosuch was not found/);
  });

  it('rmhmcusr removes a user but never hscroot or the caller', async () => {
    await u.run('rmhmcusr -u alice2');
    assert.deepEqual(await u.run('lshmcusr --filter names=alice2'), ['No results were found.']);
    await u.refused('rmhmcusr -u hscroot', /^HSCLSIM42 The user hscroot cannot be removed/);
    await u.run('mkhmcusr -i "name=admin2,taskrole=hmcsuperadmin,passwd=Start1234"');
    await u.refused('rmhmcusr -u admin2', /^HSCLSIM42 The user admin2 cannot be removed: a user cannot remove their own account/, 'admin2');
    await u.refused('rmhmcusr -u admin2', /^HSCL350B /, 'bob');
    await u.refused('rmhmcusr -u nosuch', /^HSCLSIM40 /);
  });

  it('rmhmcusr -t local removes every local user except hscroot and the caller', async () => {
    await u.run('rmhmcusr -t local', 'admin2');
    assert.deepEqual(u.store.listUsers().map((x) => x.name), ['admin2', 'hscroot']);
  });

  it('mkauthkeys -a installs a key for the caller; -r removes it by comment', async () => {
    await u.run('mkhmcusr -i "name=erin,taskrole=hmcviewer,passwd=Start1234,remote_ssh_access=1"');
    const k = sshKeyLine('erin@laptop');
    await u.run(`mkauthkeys -a "${k.line}"`, 'erin');
    assert.equal(u.store.checkPublicKey('erin', 'ssh-ed25519', k.blob), true);
    assert.equal(u.store.checkPublicKey('hscroot', 'ssh-ed25519', k.blob), false);
    await u.run('mkauthkeys -r erin@laptop', 'erin');
    assert.equal(u.store.checkPublicKey('erin', 'ssh-ed25519', k.blob), false);
  });

  it('mkauthkeys -u for another user needs user administration', async () => {
    const k = sshKeyLine('ops');
    await u.refused(`mkauthkeys -u hscroot -a "${k.line}"`, /^HSCL350B /, 'erin');
    await u.run(`mkauthkeys -u erin --add "${k.line}"`);
    assert.equal(u.store.checkPublicKey('erin', 'ssh-ed25519', k.blob), true);
  });

  it('mkauthkeys refuses malformed keys and reports missing HMC-to-HMC trust', async () => {
    await u.refused('mkauthkeys -a "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIA== x"', /^HSCLSIM50 The SSH public key is not valid: the key data is not a ssh-rsa key/);
    await u.refused('mkauthkeys -a "not-a-key"', /^HSCLSIM50 /);
    await u.refused('mkauthkeys --ip 10.0.0.9 --test', /^HSCL3653 .*10\.0\.0\.9/);
  });
});
