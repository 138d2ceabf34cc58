// Partition consoles through the real SSH server (issue "Consoles"): an administrator opens aix01's console
// with mkvterm, activates the partition, watches it boot, logs in as root, sees its disks with lspv and leaves
// with ~.; rmvterm from a second session closes the first; one console per partition; no pty, no console.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSim, S824 as S, type TestSim } from '../helpers/sim.ts';
import { startHmcSsh } from '../../src/hmc/ssh/hmc-ssh.ts';
import { Term, until } from '../helpers/ssh-term.ts';

const PROMPT = 'hscroot@hmc01:~> ';
const BOOT_MS = 10_000;

async function setup(): Promise<{ t: TestSim; port: number; close(): Promise<void> }> {
  const t = await openSim({ config: { timings: { partitionBootMs: BOOT_MS } } });
  const ssh = await startHmcSsh(t.sim.hmc, { hostKeyPath: null, host: '127.0.0.1', port: 0 });
  await t.ok(`chsysstate -r lpar -m ${S} -n aix01 -o shutdown --immed`);
  return { t, port: ssh.port, close: async () => { await ssh.close(); t.close(); } };
}

test('mkvterm: watch aix01 boot on its console, log in as root, lspv, leave with ~.', async () => {
  const { t, port, close } = await setup();
  try {
    const a = await Term.open(port, {});
    await until(t, () => a.out.endsWith(PROMPT), 'the HMC prompt');
    a.type(`mkvterm -m ${S} -p aix01\r`);
    await until(t, () => a.out.includes(' Open Completed.\r\n\r\n'), 'the console to open');
    assert.ok(a.out.endsWith(` Open in progress \r\n\r\n Open Completed.\r\n\r\n`), JSON.stringify(a.out.slice(-80)));
    const opened = a.out.length;

    // Activate from elsewhere; the console shows the boot as simulated time passes.
    await t.ok(`chsysstate -r lpar -m ${S} -n aix01 -o on`);
    await until(t, () => a.out.includes('IBM IBM IBM'), 'the firmware banner', 50, 100);
    assert.ok(!a.since(opened).includes('Welcome to AIX.'), 'the OS has not started yet');
    await until(t, () => a.out.includes('Console login: '), 'the login prompt');
    const boot = a.since(opened);
    const order = ['IBM IBM IBM', '1 = SMS Menu', 'Memory      Keyboard     Network     SCSI     Speaker  ok', 'Welcome to AIX.',
      'System initialization completed.', 'Multi-user initialization completed', 'AIX Version 7', 'Console login: '];
    const at = order.map((s) => boot.indexOf(s));
    assert.ok(at.every((x) => x >= 0), `every step is shown: ${JSON.stringify(at)}`);
    assert.deepEqual([...at].sort((x, y) => x - y), at, 'in boot order');
    // aix01's profile: 2 virtual processors, 8192 MB; its first virtual SCSI client adapter is in slot 2.
    assert.match(boot, /processor count: 2;  memory size: 8192MB;/);
    assert.match(boot, /boot device: \/vdevice\/v-scsi@30000002\/disk@8100000000000000:2/);
    assert.ok(!/\{\w+\}/.test(boot), 'no placeholder left unfilled');

    const mark = a.out.length;
    a.type('root\r');
    await until(t, () => a.out.endsWith("root's Password: "), 'the password prompt');
    a.type('wrong\r');
    await until(t, () => a.since(mark).includes('invalid login name or password.\r\nConsole login: '), 'the refusal');
    assert.ok(!a.since(mark).includes('wrong'), 'a password is not echoed');
    a.type('root\rpassw0rd\r');
    await until(t, () => a.out.endsWith('# '), 'the root prompt');
    const before = a.out.length;
    a.type('lspv\r');
    await until(t, () => /hdisk\d+[^]*# $/.test(a.since(before)), 'lspv output');
    const lspv = a.since(before);
    assert.ok(lspv.startsWith('lspv\r\n'), 'the console echoes the command');
    const disks = lspv.split('\r\n').filter((l) => /^hdisk\d+\s/.test(l));
    assert.ok(disks.length >= 2, `aix01 sees its disks: ${lspv}`);
    assert.equal(disks[0].split(/\s+/)[0], 'hdisk0');

    a.type('~.');
    await until(t, () => a.out.endsWith(' Terminate session? [y/n]'), 'the escape question');
    a.type('y');
    await until(t, () => a.out.endsWith(PROMPT), 'the HMC prompt again');
    a.type(`lssyscfg -r lpar -m ${S} --filter lpar_names=aix01 -F state\r`);
    await until(t, () => a.out.endsWith(`Running\r\n${PROMPT}`), 'the shell works after the console');
    // The session is closed on the system: a new one opens at once.
    a.type(`mkvterm -m ${S} -p aix01\r`);
    await until(t, () => a.out.endsWith(' Open Completed.\r\n\r\n'), 'a second open after ~.');
    // Like a real console, the partition kept root logged in while nobody watched.
    a.type('\r');
    await until(t, () => a.out.endsWith(' Open Completed.\r\n\r\n\r\n# '), 'the root prompt after Enter');
    a.type('exit\r');
    await until(t, () => a.out.endsWith('\r\nConsole login: '), 'the login prompt after exit');
    a.type('~.y');
    await until(t, () => a.out.endsWith(PROMPT), 'left again');
    a.client.end();
  } finally { await close(); }
});

test('one console per partition; rmvterm from another session ends the open one', async () => {
  const { t, port, close } = await setup();
  try {
    const a = await Term.open(port, {});
    await until(t, () => a.out.endsWith(PROMPT), 'the HMC prompt');
    a.type(`mkvterm -m ${S} --id 3\r`);
    await until(t, () => a.out.endsWith(' Open Completed.\r\n\r\n'), 'the console to open');

    const b = await Term.open(port, { exec: `mkvterm -m ${S} -p aix01`, pty: true });
    await until(t, () => b.exit !== null, 'the second mkvterm to end');
    assert.equal(b.out, 'A terminal session is already open for this partition. Only one open session is allowed for a partition. Exiting....\r\n');
    assert.equal(b.exit, 1);

    const c = await Term.open(port, { exec: `rmvterm -m ${S} -p aix01` });
    await until(t, () => c.exit !== null, 'rmvterm');
    assert.equal(c.exit, 0, c.out);
    await until(t, () => a.out.endsWith(PROMPT), 'the first session back at the HMC prompt');
    assert.match(a.out, /closed \(rmvterm\)\.\r\n/);

    // Now the console is free again: an exec with a pty holds it until ~. and exits 0.
    const d = await Term.open(port, { exec: `mkvterm -m ${S} -p aix01`, pty: true });
    await until(t, () => d.out.includes(' Open Completed.'), 'the exec console to open');
    d.type('\r~.');
    await until(t, () => d.out.endsWith(' Terminate session? [y/n]'), 'the escape question');
    d.type('y');
    await until(t, () => d.exit !== null, 'the exec to end');
    assert.equal(d.exit, 0);
    a.client.end();
  } finally { await close(); }
});

test('mkvterm without a terminal, and for a partition that does not exist, is refused', async () => {
  const { t, port, close } = await setup();
  try {
    const noPty = await Term.open(port, { exec: `mkvterm -m ${S} -p aix01` });
    await until(t, () => noPty.exit !== null, 'mkvterm without a pty');
    assert.equal(noPty.exit, 1);
    assert.match(noPty.out, /^HSCLSIM81 The mkvterm command needs an interactive terminal\./);
    const none = await Term.open(port, { exec: `mkvterm -m ${S} -p nosuch`, pty: true });
    await until(t, () => none.exit !== null, 'mkvterm of an unknown partition');
    assert.equal(none.out, 'HSCL8012 The partition nosuch cannot be found.\r\n');
    const rm = await t.run(`rmvterm -m ${S} -p nosuch`);
    assert.equal(rm.text, 'HSCL8012 The partition nosuch cannot be found.\n');
  } finally { await close(); }
});
