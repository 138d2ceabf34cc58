// One naming of a client partition's devices (devices.ts): the names its OS configured (state/) are the
// names every entry point uses — lspv, lsattr and lspath, dd in the shell, the block path
// (PartitionOses.blockDevice) and the network commands and IP stack — and they stay put when a VIOS stops,
// when cfgmgr adds a disk and when DLPAR removes an adapter. On the default lab (test/helpers/sim.ts): aix01
// has disks A and B through vios1 only, H through both VIOSes (vSCSI), J through both (vFC); aix03 has
// ent0 (slot 10, VLAN 1) and ent1 (slot 11, VLAN 4, where the LAN host 10.10.4.1 is).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSim, S824 as S, type TestSim } from '../../helpers/sim.ts';
import type { PartitionOses } from '../../../src/os/partition-oses.ts';
import { clientAdapters, namedDisks } from '../../../src/os/client/devices.ts';
import { BlockIoError } from '../../../src/os/client/errno.ts';

interface Lab {
  t: TestSim;
  oses: PartitionOses;
  id(lpar: string): number;
  sh(lpar: string, line: string): { stdout: string; stderr: string; exit: number };
  /** lspv's names, and each one's unique_id as lsattr shows it. */
  lspv(lpar: string): Map<string, string>;
  /** Name → uid as the block path names the disks (devices.ts). */
  blockNames(lpar: string): Map<string, string>;
  /** The first bytes of a disk's storage. */
  stored(uid: string, sizeBytes: number, n: number): string;
}

async function lab(): Promise<Lab> {
  const t = await openSim();
  const sys = t.sim.system(S);
  const oses = t.sim.fsps[0].os as PartitionOses;
  const sh = (lpar: string, line: string) => t.sim.osCommand(S, lpar, line);
  return {
    t, oses, sh,
    id: (lpar) => sys.partitionByName(lpar)!.def.lpar_id,
    lspv(lpar) {
      const names = sh(lpar, 'lspv').stdout.trim().split('\n').map((l) => l.split(/\s+/)[0]);
      return new Map(names.map((n) => [n, /^unique_id (\S+)/.exec(sh(lpar, `lsattr -El ${n} -a unique_id`).stdout)![1]]));
    },
    blockNames: (lpar) => new Map(namedDisks(oses, sys.partitionByName(lpar)!).map((d) => [d.name, d.uid])),
    stored(uid, sizeBytes, n) {
      const b = Buffer.alloc(n);
      oses.storage.volume(uid, sizeBytes).read(b, 0, n, 0);
      return b.toString('latin1');
    },
  };
}

const eio = (e: unknown): boolean => e instanceof BlockIoError && e.code === 'EIO';

test('vios1 stops: the disks keep their names in lspv, lspath shows Failed, and dd and the block path reach the same disks', async () => {
  const l = await lab();
  try {
    const aix = l.id('aix01');
    const before = l.lspv('aix01');
    assert.deepEqual([...before.keys()], ['hdisk0', 'hdisk1', 'hdisk2', 'hdisk3']);
    assert.deepEqual(l.blockNames('aix01'), before, 'the block path names the disks as the OS does');
    for (const [name, uid] of before) assert.equal(l.oses.blockDevice(aix, name).uid, uid);
    const size0 = l.oses.blockDevice(aix, 'hdisk0').sizeBytes;
    const size2 = l.oses.blockDevice(aix, 'hdisk2').sizeBytes;

    await l.t.ok(`chsysstate -r lpar -m ${S} -o shutdown --immed -n vios1`);
    assert.deepEqual(l.lspv('aix01'), before, 'lspv: the same names for the same disks');
    assert.deepEqual(l.blockNames('aix01'), before, 'the block path too');
    assert.equal(l.sh('aix01', 'lspath').stdout, [
      'Failed hdisk0 vscsi0', 'Failed hdisk1 vscsi0', 'Failed hdisk2 vscsi0', 'Enabled hdisk2 vscsi1', 'Failed hdisk3 fscsi0', 'Enabled hdisk3 fscsi1', '',
    ].join('\n'));
    // hdisk2 (H) still works through vios2: dd and blockDevice reach H.
    assert.equal(l.sh('aix01', 'echo H-MARK | dd of=/dev/hdisk2 conv=sync').exit, 0);
    assert.equal(l.stored(before.get('hdisk2')!, size2, 6), 'H-MARK');
    assert.equal(l.oses.blockDevice(aix, 'hdisk2').uid, before.get('hdisk2'));
    // hdisk0 (A) has no path left: an I/O error, never another disk.
    const r = l.sh('aix01', 'echo A-MARK | dd of=/dev/hdisk0 conv=sync');
    assert.notEqual(r.exit, 0);
    assert.match(r.stderr, /dd: \/dev\/hdisk0: There is an input or output error\./);
    assert.throws(() => l.oses.blockDevice(aix, 'hdisk0'), eio);
    for (const n of ['hdisk2', 'hdisk3']) assert.notEqual(l.oses.blockDevice(aix, n).read(0, 512).toString('latin1', 0, 6), 'A-MARK', `${n} did not get hdisk0's data`);

    await l.t.ok(`chsysstate -r lpar -m ${S} -o on -n vios1 -f default_profile`);
    assert.match(l.sh('aix01', 'lspath -l hdisk0').stdout, /^Enabled hdisk0 vscsi0$/m);
    assert.equal(l.sh('aix01', 'echo A-MARK | dd of=/dev/hdisk0 conv=sync').exit, 0);
    assert.equal(l.stored(before.get('hdisk0')!, size0, 6), 'A-MARK', 'hdisk0 is disk A again, as before');
    assert.deepEqual(l.lspv('aix01'), before);
  } finally { l.t.close(); }
});

test('cfgmgr picks up a new disk under the next free name, in the same line as dd; no other name moves', async () => {
  const l = await lab();
  try {
    const aix = l.id('aix01');
    const before = l.lspv('aix01');
    const vios2 = l.t.sim.system(S).partitionByName('vios2')!;
    const uid = l.oses.vios(vios2).diskUidOf('hdisk0')!; // vios2's free internal disk
    await l.t.ok(`viosvrcmd -m ${S} -p vios2 -c "mkvdev -vdev hdisk0 -vadapter vhost0 -dev vt_new"`);
    assert.deepEqual(l.lspv('aix01'), before, 'nothing new before cfgmgr');
    assert.deepEqual(l.blockNames('aix01'), before);
    assert.throws(() => l.oses.blockDevice(aix, 'hdisk4'), (e: unknown) => e instanceof BlockIoError && e.code === 'ENOENT');

    const r = l.sh('aix01', 'cfgmgr; echo NEWDISK | dd of=/dev/hdisk4 conv=sync');
    assert.equal(r.exit, 0, r.stderr);
    const after = l.lspv('aix01');
    assert.deepEqual(after, new Map([...before, ['hdisk4', uid]]), 'the new disk is hdisk4; the others keep theirs');
    assert.deepEqual(l.blockNames('aix01'), after);
    assert.equal(l.oses.blockDevice(aix, 'hdisk4').uid, uid);
    assert.equal(l.oses.blockDevice(l.id('vios2'), 'hdisk0').read(0, 512).toString('latin1', 0, 7), 'NEWDISK', 'what dd wrote is on vios2\'s hdisk0');
    assert.match(l.sh('aix01', 'lspath -l hdisk4').stdout, /^Enabled hdisk4 vscsi1\n$/);
  } finally { l.t.close(); }
});

test('DLPAR removes ent0: ent1 keeps its name in lsdev, ifconfig, entstat and the IP stack, and still carries en1\'s traffic', async () => {
  const l = await lab();
  try {
    const aix03 = l.t.sim.system(S).partitionByName('aix03')!;
    assert.equal(l.sh('aix03', 'ifconfig en1 10.10.4.103 netmask 255.255.255.0 up').exit, 0);
    assert.deepEqual(clientAdapters(l.oses, aix03).filter((a) => a.kind === 'eth').map((a) => [a.name, a.slot]), [['ent0', 10], ['ent1', 11]]);
    await l.t.ok(`chhwres -r virtualio --rsubtype eth -m ${S} -o r -p aix03 -s 10`);
    assert.deepEqual(clientAdapters(l.oses, aix03).filter((a) => a.kind === 'eth').map((a) => [a.name, a.slot]), [['ent1', 11]]);
    assert.deepEqual(l.oses.ethernet.stack(aix03).interfaces().map((i) => [i.name, i.device, i.adapter.slot]), [['en1', 'ent1', 11]]);
    assert.match(l.sh('aix03', 'lsdev -Cc adapter').stdout, /^ent1 +Available/m);
    assert.doesNotMatch(l.sh('aix03', 'lsdev -Cc adapter').stdout, /^ent0/m);
    assert.match(l.sh('aix03', 'ifconfig en1').stdout, /inet 10\.10\.4\.103 netmask 0xffffff00/);
    assert.notEqual(l.sh('aix03', 'ifconfig en0').exit, 0);
    assert.match(l.sh('aix03', 'entstat ent1').stdout, /ETHERNET STATISTICS \(ent1\)/);
    assert.notEqual(l.sh('aix03', 'entstat ent0').exit, 0);
    assert.match(l.sh('aix03', 'ping -c 1 10.10.4.1').stdout, /1 packets received/);
  } finally { l.t.close(); }
});
