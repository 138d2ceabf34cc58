// Stopping the HMC's SSH server ends the sessions still open instead of waiting for their users to leave
// (a simulator stopped with an administrator logged in, or a test that failed half-way through a session).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSim } from '../../helpers/sim.ts';
import { startHmcSsh } from '../../../src/hmc/ssh/hmc-ssh.ts';
import { Term, until } from '../../helpers/ssh-term.ts';

test('close() ends open interactive sessions and resolves', async () => {
  const t = await openSim();
  const ssh = await startHmcSsh(t.sim.hmc, { hostKeyPath: null, host: '127.0.0.1', port: 0 });
  try {
    const a = await Term.open(ssh.port, {});
    await until(t, () => a.out.endsWith('hscroot@hmc01:~> '), 'the prompt');
    await ssh.close();
    await until(t, () => a.closed, 'the session to be ended by the server');
    assert.equal(a.closed, true);
  } finally { t.close(); }
});
