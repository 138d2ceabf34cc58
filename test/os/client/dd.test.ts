// dd in a client partition: bytes written to /dev/hdiskN travel the block path (vSCSI or NPIV) to the
// disk's storage and read back identical, through either MPIO path, and after a simulator restart; AIX's
// record counts, suffixes, skip/seek, raw-disk rules and error messages.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientLab, S, type ClientLab } from './client-lab.ts';
import { ddNumber } from '../../../src/os/client/commands/dd.ts';

let l: ClientLab;
before(async () => { l = await clientLab(); });
after(() => l.close());

/** What `od -x` prints for these bytes, computed here from the bytes (big-endian words, 8 a line). */
const hexWords = (b: Buffer): string[] => Array.from({ length: b.length / 2 }, (_, i) => b.readUInt16BE(i * 2).toString(16).padStart(4, '0'));

describe('dd round trips', () => {
  it('writes what echo gives it and reads it back (block device, any length)', () => {
    assert.deepEqual(l.sh('echo "hello world" | dd of=/dev/hdisk1'), { stdout: '', stderr: '0+1 records in\n0+1 records out\n', exit: 0 });
    assert.equal(l.ok('dd if=/dev/hdisk1 bs=16 count=1 2>/dev/null | od -c'),
      '0000000   h   e   l   l   o       w   o   r   l   d  \\n  \\0  \\0  \\0  \\0\n0000020\n');
    // the bytes are on disk B's storage: the block path reads them through the disk's own device
    const dev = l.oses.blockDevice(l.lpar('aix01').def.lpar_id, 'hdisk1');
    assert.equal(dev.read(0, 512).subarray(0, 12).toString('latin1'), 'hello world\n');
    assert.equal(dev.uid, l.uid('aix01', 'B'));
  });

  it('copies random bytes to an NPIV LUN and od -x shows them as the disk holds them', () => {
    assert.deepEqual(l.sh('dd if=/dev/urandom of=/dev/rhdisk3 bs=4k count=2'), { stdout: '', stderr: '2+0 records in\n2+0 records out\n', exit: 0 });
    const disk = l.oses.blockDevice(l.lpar('aix01').def.lpar_id, 'hdisk3').read(0, 512).subarray(0, 32);
    assert.notDeepEqual(disk, Buffer.alloc(32), 'random bytes arrived');
    const w = hexWords(disk);
    assert.equal(l.ok('dd if=/dev/rhdisk3 bs=512 count=1 2>/dev/null | od -x | head -2'), `0000000 ${w.slice(0, 8).join(' ')}\n0000020 ${w.slice(8).join(' ')}\n`);
  });

  it('seek and skip count records of the block size; sync pads a short record', () => {
    l.ok('echo abc | dd of=/dev/rhdisk1 bs=1k seek=3 conv=sync 2>/dev/null');
    assert.equal(l.ok('dd if=/dev/rhdisk1 bs=512 skip=6 count=1 2>/dev/null | od -c | head -1'), '0000000   a   b   c  \\n  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0\n');
    assert.equal(l.sh('dd if=/dev/rhdisk1 bs=1k skip=3 count=2 | wc -c').stdout.trim(), '2048');
  });

  it('reads H through vios2 when vios1 stops (MPIO failover), the same bytes', async () => {
    const l2 = await clientLab();
    try {
      l2.ok('echo failover | dd of=/dev/hdisk2 2>/dev/null');
      await l2.hmc(`chsysstate -r lpar -m ${S} -o shutdown --immed -n vios1`);
      assert.equal(l2.ok('lspath -l hdisk2'), 'Failed hdisk2 vscsi0\nEnabled hdisk2 vscsi1\n');
      assert.equal(l2.ok('dd if=/dev/hdisk2 bs=9 count=1 2>/dev/null'), 'failover\n');
    } finally { l2.close(); }
  });

  it('what dd wrote is still there after the simulator restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'powervm-dd-'));
    try {
      const a = await clientLab({ dataDir: dir });
      a.ok('echo persisted on J | dd of=/dev/hdisk3 2>/dev/null');
      a.ok('echo persisted on A | dd of=/dev/hdisk0 seek=100 2>/dev/null');
      a.close();
      const b = await clientLab({ dataDir: dir });
      try {
        assert.equal(b.ok('dd if=/dev/hdisk3 bs=16 count=1 2>/dev/null'), 'persisted on J\n\0');
        assert.equal(b.ok('dd if=/dev/hdisk0 skip=100 bs=512 count=1 2>/dev/null | head -1'), 'persisted on A\n');
      } finally { b.close(); }
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});

describe('dd rules and messages', () => {
  it('sizes with AIX suffixes and products', () => {
    assert.deepEqual(['512', '4k', '2b', '1m', '2x512', '3w', 'k', '1q', ''].map(ddNumber), [512, 4096, 1024, 1 << 20, 1024, 6, null, null, null]);
  });

  it('refuses unknown operands and bad numbers', () => {
    assert.deepEqual(l.sh('dd foo=bar'), { stdout: '', stderr: 'dd: 0511-049 An unknown argument was specified: foo=bar\n', exit: 2 });
    assert.deepEqual(l.sh('dd bs=0 if=/dev/zero count=1'), { stdout: '', stderr: 'dd: 0511-050 The value specified for bs=0 is not valid.\n', exit: 2 });
    assert.equal(l.sh('dd conv=ascii').exit, 2);
  });

  it('names a missing disk or file', () => {
    assert.deepEqual(l.sh('dd if=/dev/hdisk9 count=1'), { stdout: '', stderr: 'dd: /dev/hdisk9: A file or directory in the path name does not exist.\n', exit: 2 });
    assert.deepEqual(l.sh('dd if=/dev/zero of=/tmp/x count=1'), { stdout: '', stderr: 'dd: /tmp/x: A file or directory in the path name does not exist.\n', exit: 2 });
  });

  it('a raw disk takes whole sectors only; a block device takes any length', () => {
    assert.deepEqual(l.sh('dd if=/dev/rhdisk0 bs=100 count=1'), { stdout: '', stderr: 'dd: 0511-051 The read failed.\n0+0 records in\n0+0 records out\n', exit: 2 });
    assert.equal(l.sh('dd if=/dev/hdisk0 bs=100 count=1').stderr, '1+0 records in\n1+0 records out\n');
  });

  it('stops at the end of the disk: reads end early, writes fail', () => {
    const sectors = Number(l.ok('lsattr -El hdisk3 -a size_in_mb -F value')) * 2048;
    assert.equal(l.sh(`dd if=/dev/rhdisk3 skip=${sectors - 1} count=5 of=/dev/null`).stderr, '1+0 records in\n1+0 records out\n');
    assert.deepEqual(l.sh(`dd if=/dev/zero of=/dev/rhdisk3 seek=${sectors - 1} count=2`), { stdout: '', stderr: 'dd: 0511-053 The write failed.\n2+0 records in\n1+0 records out\n', exit: 2 });
  });

  it('bounds one dd (SIM limit) instead of running forever', () => {
    const r = l.sh('dd if=/dev/zero of=/dev/null bs=1m');
    assert.equal(r.exit, 2);
    assert.equal(r.stderr, 'dd: transfer stopped after 67108864 bytes (the simulator\'s limit for one dd)\n64+0 records in\n64+0 records out\n');
  });

  it('/dev/urandom is deterministic per partition: a fresh simulator draws the same bytes', async () => {
    const first = l.ok('dd if=/dev/urandom bs=16 count=1 2>/dev/null | od -x', 'aix03');
    const other = await clientLab();
    try {
      assert.equal(other.ok('dd if=/dev/urandom bs=16 count=1 2>/dev/null | od -x', 'aix03'), first);
      assert.notEqual(other.ok('dd if=/dev/urandom bs=16 count=1 2>/dev/null | od -x', 'aix03'), first, 'the next draw differs');
    } finally { other.close(); }
  });
});
