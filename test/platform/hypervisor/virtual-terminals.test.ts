// The system's virtual terminal server (issue "Consoles" items 1-3): one session per partition, rmvterm
// forces it closed, output addressed by a cursor, keystrokes to the partition's firmware or OS, and the boot
// messages appearing in step with the boot sequence on the virtual clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSim, S824 as S, type TestSim } from '../../helpers/sim.ts';
import { virtualTerminals, type VirtualTerminals } from '../../../src/platform/hypervisor/virtual-terminals.ts';
import { Tx } from '../../../src/platform/tx.ts';
import { isHmcError } from '../../../src/errors/hmc-error.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BOOT_MS = 10_000;

async function sim(config: object = {}): Promise<{ t: TestSim; vt: VirtualTerminals }> {
  const t = await openSim({ config: { timings: { partitionBootMs: BOOT_MS }, ...config } });
  return { t, vt: virtualTerminals(t.sim.system(S)) };
}

/** A session's reader: everything new since the last read. */
function reader(vt: VirtualTerminals, session: string, cursor: number): () => { data: string; open: boolean } {
  let c = cursor;
  return () => { const r = vt.read(session, c); c = r.cursor; return { data: r.data, open: r.open }; };
}

const errKey = (fn: () => unknown): string => {
  try { fn(); } catch (e) { if (isHmcError(e)) return e.key; throw e; }
  return 'no error';
};

test('boot messages appear in order as the virtual clock advances, each read giving only what is new', async () => {
  const { t, vt } = await sim();
  try {
    const { session, cursor } = vt.open({ name: 'aix04' }); // Not Activated: the terminal opens anyway
    const next = reader(vt, session, cursor);
    assert.deepEqual(next(), { data: '', open: true });
    await t.ok(`chsysstate -r lpar -m ${S} -n aix04 -o on`);
    const seen: string[] = [];
    for (let s = 1; s <= 10; s++) { t.clock.advance(1000); seen.push(next().data); }
    // BOOT_PROGRESS: banner at 10 %, firmware at 25 %, boot list at 40 %, loader at 55 %, OS at 70 % and 85 %, login at 100 %.
    assert.match(seen[0], /^\r\nIBM IBM IBM/);
    assert.equal(seen[1], '', 'nothing new between steps');
    assert.match(seen[2], /1 = SMS Menu {26}5 = Default Boot List/);
    assert.match(seen[3], /^ ok\r\n$/);
    assert.match(seen[5], /Welcome to AIX\.[^]*processor count: 1;  memory size: 4096MB;/);
    assert.match(seen[5], /The current time and date: 08:00:05 01\/01\/2026/, 'the simulated time');
    assert.match(seen[6], /System initialization completed\./);
    assert.match(seen[8], /Multi-user initialization completed/);
    assert.match(seen[9], /AIX Version 7\r\nCopyright IBM Corporation, 1982, 2020\.\r\nConsole login: $/);
    assert.ok(!seen.join('').includes('Console login') || seen[9].includes('Console login'), 'the login prompt comes last');
  } finally { t.close(); }
});

test('an instant boot (partitionBootMs 0) prints every step at once, in the same order', async () => {
  const t = await openSim();
  try {
    const vt = virtualTerminals(t.sim.system(S));
    const { session, cursor } = vt.open({ name: 'aix04' });
    await t.ok(`chsysstate -r lpar -m ${S} -n aix04 -o on`);
    const out = vt.read(session, cursor).data;
    const at = ['IBM IBM', 'SMS Menu', 'Speaker  ok', 'Welcome to AIX.', 'System initialization', 'Multi-user initialization completed', 'Console login: '].map((s) => out.indexOf(s));
    assert.ok(at.every((x, i) => x >= 0 && (i === 0 || x > at[i - 1])), JSON.stringify(at));
  } finally { t.close(); }
});

test('one session per partition; rmvterm closes it and its holder sees the end; a new open then succeeds', async () => {
  const { t, vt } = await sim();
  try {
    const first = vt.open({ id: 6 });
    assert.equal(errKey(() => vt.open({ name: 'aix04' })), 'VTERM_ALREADY_OPEN');
    assert.equal(vt.isOpen(6), true);
    assert.deepEqual(vt.close({ ref: { name: 'aix04' } }), { closed: true });
    assert.equal(vt.read(first.session, first.cursor).open, false);
    assert.deepEqual(vt.close({ ref: { name: 'aix04' } }), { closed: false }, 'nothing left to close');
    const second = vt.open({ name: 'aix04' });
    assert.notEqual(second.session, first.session);
    vt.write(first.session, 'ignored\r'); // a stale session's keystrokes go nowhere
    assert.equal(vt.read(second.session, second.cursor).data, '');
    assert.equal(errKey(() => vt.open({ name: 'nosuch' })), 'PARTITION_NOT_FOUND');
    assert.equal(errKey(() => vt.open({ name: 'ibmi05' })), 'NOT_IMPLEMENTED');
  } finally { t.close(); }
});

test('a session no HMC has read for longer than the lease can be taken over', async () => {
  const { t, vt } = await sim({ consoles: { sessionLeaseMs: 30_000 } });
  try {
    const s = vt.open({ name: 'aix04' });
    t.clock.advance(29_000);
    vt.read(s.session, s.cursor);
    t.clock.advance(29_000);
    assert.equal(errKey(() => vt.open({ name: 'aix04' })), 'VTERM_ALREADY_OPEN', 'read 29 s ago: still held');
    t.clock.advance(2_000);
    assert.doesNotThrow(() => vt.open({ name: 'aix04' }));
    assert.equal(vt.read(s.session, s.cursor).open, false);
  } finally { t.close(); }
});

test('a partition with an open terminal cannot be removed until rmvterm closes it', async () => {
  const { t } = await sim();
  try {
    virtualTerminals(t.sim.system(S)).open({ name: 'aix04' });
    const r = await t.run(`rmsyscfg -r lpar -m ${S} -n aix04`);
    assert.equal(r.exit, 1);
    assert.equal(r.text, 'HSCLSIM80 A virtual terminal session is open for partition aix04. Close it with rmvterm and retry the command.\n');
    await t.ok(`rmvterm -m ${S} -p aix04`);
    await t.ok(`rmsyscfg -r lpar -m ${S} -n aix04`);
  } finally { t.close(); }
});

test('console login: root with the configured password, a refused password, the shell, exit back to login', async () => {
  const { t, vt } = await sim({ consoles: { aixRootPassword: 'S3cret' } });
  try {
    const s = vt.open({ name: 'aix04' });
    const next = reader(vt, s.session, s.cursor);
    await t.ok(`chsysstate -r lpar -m ${S} -n aix04 -o on`);
    vt.write(s.session, 'root\r');
    assert.equal(next().data.includes('Password'), false, 'keystrokes during the boot are lost');
    t.clock.advance(BOOT_MS);
    assert.match(next().data, /Console login: $/);
    vt.write(s.session, 'root\r');
    assert.equal(next().data, "root\r\nroot's Password: ");
    vt.write(s.session, 'passw0rd\r');
    assert.equal(next().data, '\r\n3004-007 You entered an invalid login name or password.\r\nConsole login: ');
    vt.write(s.session, 'root\rS3cret\r');
    assert.match(next().data, /Welcome to AIX Version 7\.2 on partition aix04\.\r\n\*+\r\n# $/);
    vt.write(s.session, 'ech\x7fho\r');
    assert.equal(next().data.slice(0, 8), 'ech\b \bho', 'Backspace erases on the screen');
    vt.write(s.session, 'exit\r');
    assert.match(next().data, /exit\r\n[^]*AIX Version 7\r\n[^]*Console login: $/);
  } finally { t.close(); }
});

test('a VIOS console logs in as padmin and runs padmin commands without RMC', async () => {
  const { t, vt } = await sim({ timings: { partitionBootMs: BOOT_MS, rmcActiveDelayMs: 600_000 } });
  try {
    await t.ok(`chsysstate -r lpar -m ${S} -n vios2 -o shutdown --immed`);
    const s = vt.open({ name: 'vios2' });
    const next = reader(vt, s.session, s.cursor);
    await t.ok(`chsysstate -r lpar -m ${S} -n vios2 -o on`);
    t.clock.advance(BOOT_MS);
    assert.match(next().data, /IBM Virtual I\/O Server 3\.1\.4\.21\r\n\r\nConsole login: $/);
    vt.write(s.session, 'padmin\rpadmin\r');
    assert.match(next().data, /padmin's Password: \r\n[^]*\$ $/);
    assert.equal((await t.ok(`lssyscfg -r lpar -m ${S} --filter lpar_names=vios2 -F rmc_state`)).trim(), 'inactive');
    vt.write(s.session, 'ioslevel\r');
    assert.equal(next().data, 'ioslevel\r\n3.1.4.21\r\n$ ');
  } finally { t.close(); }
});

test('a Linux console ends at "<hostname> login:" and shuts down with its own messages', async () => {
  const { t, vt } = await sim({ timings: { partitionBootMs: BOOT_MS, partitionShutdownMs: 5_000 } });
  try {
    await t.ok(`chsysstate -r lpar -m ${S} -n lnx02 -o shutdown --immed`);
    const s = vt.open({ name: 'lnx02' });
    const next = reader(vt, s.session, s.cursor);
    await t.ok(`chsysstate -r lpar -m ${S} -n lnx02 -o on`);
    t.clock.advance(BOOT_MS);
    const boot = next().data;
    assert.match(boot, /Preparing to boot Linux version 4\.18\.0-477\.10\.1\.el8_8\.ppc64le/);
    assert.match(boot, /Red Hat Enterprise Linux 8\.8\r\nKernel 4\.18\.0-477\.10\.1\.el8_8\.ppc64le on an ppc64le\r\n\r\nlnx02 login: $/);
    assert.ok(!boot.includes('Welcome to AIX'));
    await t.ok(`chsysstate -r lpar -m ${S} -n lnx02 -o shutdown`);
    assert.match(next().data, /Stopped target Multi-User System[^]*reboot: Power down\r\n$/);
    t.clock.advance(5_000);
    vt.write(s.session, 'root\r');
    assert.deepEqual(next(), { data: '', open: true }, 'the terminal stays open on a partition that is off');
  } finally { t.close(); }
});

test('boot mode sms stops at the SMS menu, of at the Open Firmware prompt, which answer what is typed', async () => {
  const { t, vt } = await sim();
  try {
    const s = vt.open({ name: 'aix04' });
    const next = reader(vt, s.session, s.cursor);
    await t.ok(`chsysstate -r lpar -m ${S} -n aix04 -o on -b sms`);
    t.clock.advance(BOOT_MS);
    const sms = next().data;
    assert.match(sms, /Main Menu\r\n1\. {3}Select Language[^]*Type menu item number and press Enter or select Navigation key:$/);
    assert.ok(!sms.includes('Welcome to AIX'), 'the OS is never loaded');
    vt.write(s.session, '5\r');
    assert.match(next().data, /^5\r\n\r\nThis simulated firmware shows the SMS main menu only/);
    await t.ok(`chsysstate -r lpar -m ${S} -n aix04 -o shutdown --immed`);
    await t.ok(`chsysstate -r lpar -m ${S} -n aix04 -o on -b of`);
    t.clock.advance(BOOT_MS);
    assert.match(next().data, /Speaker  ok\r\n\r\n0 > $/);
    vt.write(s.session, '\r');
    assert.equal(next().data, '\r\n ok\r\n0 > ');
  } finally { t.close(); }
});

test('what a rolled-back change wrote to a console is taken back', async () => {
  const { t, vt } = await sim();
  try {
    const sys = t.sim.system(S);
    const p = sys.partitionByName('aix01')!;
    const term = vt.terminal(p);
    const before = term.cursor;
    const tx = new Tx();
    vt.event(tx, p, { kind: 'shutdown' });
    assert.ok(term.cursor > before, 'the shutdown messages were written');
    for (const undo of tx.undo.values()) undo();
    assert.equal(term.cursor, before);
  } finally { t.close(); }
});

test('after a simulator restart, the console of a partition that kept running waits at its login prompt', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pvs-vterm-'));
  try {
    const first = await openSim({ dataDir: dir });
    first.close();
    const t = await openSim({ dataDir: dir });
    try {
      const vt = virtualTerminals(t.sim.system(S));
      const s = vt.open({ name: 'aix01' });
      vt.write(s.session, '\r');
      assert.equal(vt.read(s.session, s.cursor).data, '\r\nConsole login: ');
    } finally { t.close(); }
  } finally { rmSync(dir, { recursive: true, force: true }); }
});
