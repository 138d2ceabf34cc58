// `shutdown` typed in a client partition stops the OS and powers the partition off through the platform
// (Not Activated, as the HMC then shows it); `-r` activates it again, which the OS sees as a boot.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clientLab, S } from './client-lab.ts';

const state = async (l: Awaited<ReturnType<typeof clientLab>>, name: string): Promise<string> =>
  (await l.hmc(`lssyscfg -r lpar -m ${S} -F state --filter lpar_names=${name}`)).trim();

describe('shutdown', () => {
  it('halts: the SHUTDOWN PROGRAM text, then the partition is Not Activated and answers no more commands', async () => {
    const l = await clientLab();
    try {
      const r = l.sh('shutdown -F; echo not reached');
      assert.equal(r.exit, 0);
      const out = r.stdout.split('\n');
      assert.deepEqual(out.slice(0, 2), ['', 'SHUTDOWN PROGRAM']);
      assert.match(out[2], /^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d UTC \d{4}$/);
      assert.equal(out[4], "Wait for '....Halt completed....' before stopping.");
      assert.ok(out.includes('Bringing down network interfaces: en0 lo0'));
      assert.equal(out.at(-2), '....Halt completed....');
      assert.doesNotMatch(r.stdout, /not reached/);
      assert.equal(await state(l, 'aix01'), 'Not Activated');
      assert.equal(l.sh('lspv').exit, 1, 'no OS to ask');
      await l.hmc(`chsysstate -r lpar -m ${S} -o on -n aix01 -f default_profile`);
      assert.match(l.ok('errpt'), /\n9DBCFDEE   \d{10} T O errdemon       ERROR LOGGING TURNED ON\n2BFA76F6   \d{10} T S SYSPROC        SYSTEM SHUTDOWN BY USER\n9DBCFDEE /);
      assert.equal(l.ok('lspv | wc -l').trim(), '4', 'the disks are found again at boot');
    } finally { l.close(); }
  });

  it('takes the configured OS shutdown time: Shutting Down first', async () => {
    const l = await clientLab({ config: { timings: { partitionShutdownMs: 30_000 } } });
    try {
      l.ok('shutdown');
      assert.equal(await state(l, 'aix01'), 'Shutting Down');
      l.t.clock.advance(30_000);
      assert.equal(await state(l, 'aix01'), 'Not Activated');
    } finally { l.close(); }
  });

  it('-r restarts: Running again, and the OS sees a boot even in the same millisecond', async () => {
    const l = await clientLab();
    try {
      l.ok('chdev -l hdisk0 -a queue_depth=8');
      assert.match(l.ok('shutdown -r; echo not reached'), /Wait for 'Rebooting\.\.\.' before stopping\.\n[\s\S]*Rebooting \. \. \.\n$/);
      assert.equal(await state(l, 'aix01'), 'Running');
      assert.equal(l.ok('errpt | grep -c "ERROR LOGGING TURNED ON"'), '2\n');
      assert.equal(l.ok('lsattr -El hdisk0 -a queue_depth -F value'), '8\n', 'the ODM keeps chdev values across the reboot');
    } finally { l.close(); }
  });

  it('refuses what it does not simulate rather than ignoring it', async () => {
    const l = await clientLab();
    try {
      assert.match(l.sh('shutdown +5').stderr, /^shutdown: a delayed shutdown \(\+5\) is not simulated/);
      assert.equal(l.sh('shutdown -Z').exit, 1);
      assert.equal(await state(l, 'aix01'), 'Running');
    } finally { l.close(); }
  });
});
