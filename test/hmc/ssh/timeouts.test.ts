// Idle and session timeouts of SSH logins run on the injected clock (issue "HMC access" item 2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ssh2 from 'ssh2';
import { openSim } from '../../helpers/sim.ts';
import { startHmcSsh } from '../../../src/hmc/ssh/hmc-ssh.ts';

function login(port: number, user: string, password: string): Promise<{ closed: Promise<void>; client: ssh2.Client }> {
  return new Promise((resolve, reject) => {
    const c = new ssh2.Client();
    const closed = new Promise<void>((r) => c.on('close', () => r()));
    c.on('ready', () => resolve({ closed, client: c })).on('error', reject)
      .connect({ host: '127.0.0.1', port, username: user, password });
  });
}

test('an idle session ends after the user\'s idle_timeout, a busy one after session_timeout', async () => {
  const t = await openSim();
  const ssh = await startHmcSsh(t.sim.hmc, { hostKeyPath: null, host: '127.0.0.1', port: 0 });
  try {
    await t.ok("mkhmcusr -i 'name=op1,taskrole=hmcoperator,passwd=Operat0r1,remote_ssh_access=1,idle_timeout=2,session_timeout=10'");
    const a = await login(ssh.port, 'op1', 'Operat0r1');
    let aClosed = false;
    void a.closed.then(() => { aClosed = true; });
    t.clock.advance(110_000);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(aClosed, false, 'still open before two idle minutes');
    t.clock.advance(15_000);
    await Promise.race([a.closed, new Promise((_, rej) => setTimeout(() => rej(new Error('not closed after idle timeout')), 3000))]);

    // Busy: a command every minute keeps it from going idle, but the session ends after 10 minutes.
    const b = await login(ssh.port, 'op1', 'Operat0r1');
    let bClosed = false;
    void b.closed.then(() => { bClosed = true; });
    const exec = (): Promise<string> => new Promise((res, rej) => b.client.exec('lshmc -V', (e, st) => {
      if (e) return rej(e);
      let o = '';
      st.on('data', (d: Buffer) => { o += d; }).on('close', () => res(o));
    }));
    for (let minute = 1; minute <= 9; minute++) {
      t.clock.advance(60_000);
      assert.match(await exec(), /Release: 2/, `minute ${minute}`);
    }
    assert.equal(bClosed, false, 'open after 9 busy minutes');
    t.clock.advance(61_000);
    await Promise.race([b.closed, new Promise((_, rej) => setTimeout(() => rej(new Error('not closed after session timeout')), 3000))]);
  } finally {
    await ssh.close();
    t.close();
  }
});
