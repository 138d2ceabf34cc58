// The runtime issue's "done when", end to end over the real SSH server on virtual time: an administrator
// activates aix01, watches it boot on its console, logs in, sees its disks, pings a partition on the same
// VLAN (aix03, VLAN 1, same virtual switch) and a host across the SEA (the LAN's router on VLAN 1), fails to
// reach a partition on another VLAN, writes a block with dd, and finds it after the simulator restarts.
// (Utilization by weight: test/hmc/cli/commands/lslparutil.test.ts; AMS paging:
// test/platform/hypervisor/runtime/memory-runtime.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSim, S824 as S } from '../helpers/sim.ts';
import { startHmcSsh } from '../../src/hmc/ssh/hmc-ssh.ts';
import { Term, until } from '../helpers/ssh-term.ts';

const PROMPT = 'hscroot@hmc01:~> ';

test('activate, watch the boot, log in, see disks, ping on the VLAN and across the SEA, write a block that survives a restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pvs-scenario-'));
  const config = { timings: { partitionBootMs: 20_000, rmcActiveDelayMs: 10_000 } };
  try {
    const t = await openSim({ dataDir: dir, config });
    const ssh = await startHmcSsh(t.sim.hmc, { hostKeyPath: null, host: '127.0.0.1', port: 0 });
    try {
      await t.ok(`chsysstate -r lpar -m ${S} -n aix01 -o shutdown --immed`);
      const a = await Term.open(ssh.port, {});
      await until(t, () => a.out.endsWith(PROMPT), 'the HMC prompt');
      a.type(`mkvterm -m ${S} -p aix01\r`);
      await until(t, () => a.out.includes(' Open Completed.'), 'the console');

      const b = await Term.open(ssh.port, { exec: `chsysstate -r lpar -m ${S} -n aix01 -o on -f default_profile` });
      await until(t, () => b.exit !== null, 'the activation command');
      assert.equal(b.exit, 0, b.out);
      await until(t, () => a.out.includes('1 = SMS Menu'), 'the firmware menu');
      assert.equal((await t.ok(`lssyscfg -r lpar -m ${S} --filter lpar_names=aix01 -F state`)).trim(), 'Starting');
      await until(t, () => a.out.includes('Console login: '), 'the login prompt');
      assert.match(a.out, /Welcome to AIX\.[^]*AIX Version 7/);

      const step = async (line: string, done: (out: string) => boolean, what: string): Promise<string> => {
        const from = a.out.length;
        a.type(`${line}\r`);
        await until(t, () => done(a.since(from)), what);
        return a.since(from);
      };
      await step('root', (o) => o.endsWith("root's Password: "), 'the password prompt');
      await step('passw0rd', (o) => o.endsWith('# '), 'the root prompt');
      const lspv = await step('lspv', (o) => o.endsWith('# '), 'lspv');
      assert.deepEqual(lspv.split('\r\n').filter((l) => /^hdisk\d/.test(l)).map((l) => l.split(/\s+/)[0]), ['hdisk0', 'hdisk1', 'hdisk2', 'hdisk3']);

      const sameVlan = await step('ping -c 2 10.10.1.103', (o) => o.endsWith('# '), 'ping aix03');
      assert.match(sameVlan, /2 packets transmitted, 2 packets received, 0% packet loss/);
      const acrossSea = await step('ping -c 2 10.10.1.1', (o) => o.endsWith('# '), 'ping the router');
      assert.match(acrossSea, /64 bytes from 10\.10\.1\.1: icmp_seq=0/);
      assert.match(acrossSea, /2 packets received, 0% packet loss/);
      const otherVlan = await step('ping -c 1 10.10.1.102', (o) => o.endsWith('# '), 'ping lnx02 on VLAN 2');
      assert.match(otherVlan, /1 packets transmitted, 0 packets received, 100% packet loss/);

      const dd = await step('echo sector-survives-restart | dd of=/dev/hdisk2 bs=512 conv=sync', (o) => o.endsWith('# '), 'dd');
      assert.match(dd, /0\+1 records in\r\n1\+0 records out/);
      a.type('~.y');
      await until(t, () => a.out.endsWith(PROMPT), 'back at the HMC');
      a.client.end();
    } finally {
      await ssh.close();
      t.close();
    }

    const again = await openSim({ dataDir: dir, config });
    try {
      const r = again.sim.osCommand(S, 'aix01', 'dd if=/dev/hdisk2 bs=512 count=1 | head -1');
      assert.equal(r.exit, 0, r.stderr);
      assert.match(r.stdout, /^sector-survives-restart/);
    } finally { again.close(); }
  } finally { rmSync(dir, { recursive: true, force: true }); }
});
