// UserStore on its own (an in-memory SQLite database): the default user, password hashing, lockout and
// unlock on supplied times, public keys, policy validation and password history.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hashPassword, verifyPassword } from '../../../src/hmc/users/password.ts';
import { memoryStore, sshKeyLine, TEST_COST } from './harness.ts';

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;
const DAY = 86_400_000;

describe('UserStore: default user and password storage', () => {
  it('creates hscroot / abc123 with role hmcsuperadmin when the table is empty, once', () => {
    const s = memoryStore();
    const u = s.getUser('hscroot')!;
    assert.equal(u.taskrole, 'hmcsuperadmin');
    assert.equal(u.description, 'HMC Super User');
    assert.equal(u.resourcerole, 'ALL:');
    assert.deepEqual(s.authenticate('hscroot', 'abc123', T0), { ok: true });
    assert.equal(s.listUsers().length, 1);
  });

  it('never stores a password in clear, and salts every password', () => {
    const s = memoryStore();
    s.createUser({ name: 'u1', taskrole: 'hmcviewer', password: 'Secret-Pw-1' }, T0);
    s.createUser({ name: 'u2', taskrole: 'hmcviewer', password: 'Secret-Pw-1' }, T0);
    const db = (s as unknown as { db: import('better-sqlite3').Database }).db;
    const dump = JSON.stringify(db.prepare('SELECT * FROM hmc_users').all()) + JSON.stringify(db.prepare('SELECT * FROM hmc_pwd_history').all());
    assert.ok(!dump.includes('Secret-Pw-1') && !dump.includes('abc123'), 'a clear-text password is in the database');
    const rows = db.prepare("SELECT pw_hash, pw_salt FROM hmc_users WHERE name IN ('u1', 'u2')").all() as { pw_hash: Buffer; pw_salt: Buffer }[];
    assert.equal(rows.length, 2);
    assert.ok(!rows[0].pw_hash.equals(rows[1].pw_hash), 'same password, same hash: no salt');
    assert.ok(!rows[0].pw_salt.equals(rows[1].pw_salt));
  });

  it('verifies exactly the password that was hashed (property)', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => {
      const h = hashPassword(a, TEST_COST);
      return verifyPassword(a, h) && verifyPassword(b, h) === (a === b);
    }), { numRuns: 50 });
  });
});

describe('UserStore: lockout', () => {
  it('locks after N consecutive failures for M minutes, then unlocks', () => {
    const s = memoryStore({ maxFailedLogins: 3, lockoutMinutes: 10 });
    for (let i = 0; i < 3; i++) assert.deepEqual(s.authenticate('hscroot', 'wrong', T0 + i), { ok: false, reason: 'bad-password' });
    assert.deepEqual(s.authenticate('hscroot', 'abc123', T0 + 5 * MIN), { ok: false, reason: 'locked' });
    assert.deepEqual(s.authenticate('hscroot', 'abc123', T0 + 2 + 10 * MIN - 1), { ok: false, reason: 'locked' });
    assert.deepEqual(s.authenticate('hscroot', 'abc123', T0 + 2 + 10 * MIN), { ok: true });
  });

  it('a good password resets the count of failures', () => {
    const s = memoryStore({ maxFailedLogins: 3 });
    s.authenticate('hscroot', 'wrong', T0);
    s.authenticate('hscroot', 'wrong', T0);
    assert.deepEqual(s.authenticate('hscroot', 'abc123', T0), { ok: true });
    s.authenticate('hscroot', 'wrong', T0);
    s.authenticate('hscroot', 'wrong', T0);
    assert.deepEqual(s.authenticate('hscroot', 'abc123', T0), { ok: true });
  });

  it('defaults to 5 failures and 15 minutes', () => {
    const s = memoryStore();
    for (let i = 0; i < 4; i++) s.authenticate('hscroot', 'wrong', T0);
    assert.deepEqual(s.authenticate('hscroot', 'abc123', T0), { ok: true });
    for (let i = 0; i < 5; i++) s.authenticate('hscroot', 'wrong', T0);
    assert.deepEqual(s.authenticate('hscroot', 'abc123', T0 + 15 * MIN - 1), { ok: false, reason: 'locked' });
    assert.deepEqual(s.authenticate('hscroot', 'abc123', T0 + 15 * MIN), { ok: true });
  });

  it('tells unknown users, disabled accounts and refused remote access apart', () => {
    const s = memoryStore();
    s.createUser({ name: 'v1', taskrole: 'hmcviewer', password: 'Passw0rd1' }, T0);
    assert.deepEqual(s.authenticate('nosuch', 'x', T0), { ok: false, reason: 'unknown' });
    assert.deepEqual(s.authenticate('v1', 'Passw0rd1', T0), { ok: false, reason: 'ssh-disabled' });
    assert.deepEqual(s.authenticate('v1', 'Passw0rd1', T0, 'webui'), { ok: false, reason: 'webui-disabled' });
    s.updateUser('v1', { remote_ssh_access: 1 });
    assert.deepEqual(s.authenticate('v1', 'Passw0rd1', T0), { ok: true });
    s.setDisabled('v1', true);
    assert.deepEqual(s.authenticate('v1', 'Passw0rd1', T0), { ok: false, reason: 'disabled' });
  });
});

describe('UserStore: public keys', () => {
  it('accepts only the installed key, for a user allowed to log in over SSH', () => {
    const s = memoryStore();
    const k = sshKeyLine('me@host');
    const other = sshKeyLine('other');
    s.addAuthorizedKey('hscroot', k.line);
    s.addAuthorizedKey('hscroot', k.line);
    assert.equal(s.getUser('hscroot')!.authorized_keys.length, 1, 'a key installed twice is kept once');
    assert.equal(s.checkPublicKey('hscroot', 'ssh-ed25519', k.blob), true);
    assert.equal(s.checkPublicKey('hscroot', 'ssh-ed25519', other.blob), false);
    assert.equal(s.checkPublicKey('hscroot', 'ssh-rsa', k.blob), false);
    assert.equal(s.removeAuthorizedKeys('hscroot', k.line), 1);
    assert.equal(s.checkPublicKey('hscroot', 'ssh-ed25519', k.blob), false);
  });
});

describe('UserStore: password policies', () => {
  it('applies the base length when no policy is active', () => {
    const s = memoryStore();
    s.createUser({ name: 'p1', taskrole: 'hmcviewer', password: 'Passw0rd1' }, T0);
    assert.deepEqual(s.validatePassword('p1', 'short'), { ok: false, why: 'it must be at least 7 characters long' });
    assert.deepEqual(s.validatePassword('p1', 'longenough'), { ok: true });
  });

  it('checks composition, history and minimum age against the active policy', () => {
    const s = memoryStore();
    s.createUser({ name: 'p1', taskrole: 'hmcviewer', password: 'Passw0rd1' }, T0);
    s.policies.create({ name: 'strict', min_length: 10, min_digits: 2, min_uppercase_chars: 1, min_special_chars: 1, hist_size: 2, min_pwage: 1 });
    assert.deepEqual(s.validatePassword('p1', 'Ab1!Ab1!Ab1!'), { ok: true }, 'inactive policy must not apply');
    s.policies.activate('strict');
    assert.deepEqual(s.validatePassword('p1', 'Ab1!'), { ok: false, why: 'it must be at least 10 characters long' });
    assert.deepEqual(s.validatePassword('p1', 'Abcdefgh1!'), { ok: false, why: 'it must contain at least 2 digits' });
    assert.deepEqual(s.validatePassword('p1', 'abcdefg12!'), { ok: false, why: 'it must contain at least 1 uppercase characters' });
    assert.deepEqual(s.validatePassword('p1', 'Abcdefgh12'), { ok: false, why: 'it must contain at least 1 special characters' });
    assert.deepEqual(s.validatePassword('p1', 'Abcdefg12!'), { ok: true });
    assert.deepEqual(s.validatePassword('p1', 'Abcdefg12!', { nowMs: T0 + DAY - 1 }).ok, false, 'min_pwage: changed too soon');
    s.setPassword('p1', 'Abcdefg12!', T0 + DAY, { self: true });
    s.setPassword('p1', 'Bcdefgh23@', T0 + 2 * DAY, { self: true });
    assert.deepEqual(s.validatePassword('p1', 'Abcdefg12!'), { ok: false, why: 'it must differ from the last 2 password(s)' });
    s.setPassword('p1', 'Cdefghi34#', T0 + 3 * DAY);
    assert.deepEqual(s.validatePassword('p1', 'Abcdefg12!'), { ok: true }, 'older than hist_size');
    assert.deepEqual(s.validatePassword('hscroot', 'abcdefgh'), { ok: true }, 'hscroot is exempt from policies');
    s.policies.deactivate();
    assert.deepEqual(s.validatePassword('p1', 'abcdefgh'), { ok: true });
  });
});
