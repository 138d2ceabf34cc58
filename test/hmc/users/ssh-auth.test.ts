// The SSH server's view of the users store: password and key logins, the SSH gate, and timeouts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sshAuthFor } from '../../../src/hmc/users/ssh-auth.ts';
import { memoryStore, sshKeyLine } from './harness.ts';

describe('sshAuthFor', () => {
  it('answers the SSH server from the store, on the supplied clock', () => {
    const s = memoryStore({ maxFailedLogins: 2, lockoutMinutes: 1 });
    let t = 1_000_000;
    const auth = sshAuthFor(s, () => t);
    s.createUser({ name: 'v1', taskrole: 'hmcviewer', password: 'Passw0rd1', idle_timeout: 5, session_timeout: 60 }, t);
    assert.deepEqual(auth.maySsh('v1'), { ok: false, reason: 'ssh-disabled' });
    assert.deepEqual(auth.maySsh('nosuch'), { ok: false, reason: 'unknown' });
    assert.deepEqual(auth.timeouts('v1'), { idleMs: 300_000, sessionMs: 3_600_000 });
    assert.deepEqual(auth.password('hscroot', 'abc123'), { ok: true });
    auth.password('hscroot', 'x');
    auth.password('hscroot', 'x');
    assert.deepEqual(auth.maySsh('hscroot'), { ok: false, reason: 'locked' });
    t += 60_000;
    assert.deepEqual(auth.maySsh('hscroot'), { ok: true });
    const k = sshKeyLine('k');
    s.addAuthorizedKey('hscroot', k.line);
    assert.deepEqual(auth.authorizedKeys('hscroot'), [k.line]);
  });
});
