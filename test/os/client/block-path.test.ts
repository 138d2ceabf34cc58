// Blocks a client writes to hdiskN travel its virtual SCSI or virtual FC adapter, the hypervisor's pairing,
// the VIOS's mapping and the backing device to the storage, and read back identical (issue "block data
// path"). All on the default lab (test/helpers/sim.ts): aix01 has disks A and B (vios1's internal disks)
// and LUN H by vSCSI, H also through vios2, and LUN J by virtual FC through both VIOSes; aix03 has LUNs
// F and G by virtual FC through vios1; vios2's internal disks hdisk0 and hdisk1 are free.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { openSim, S824 as S, type TestSim } from '../../helpers/sim.ts';
import type { PartitionOses } from '../../../src/os/partition-oses.ts';
import type { ManagedSystem } from '../../../src/platform/managed-system.ts';
import { namedDisks } from '../../../src/os/client/devices.ts';
import { BlockIoError, type AixErrnoCode } from '../../../src/os/client/errno.ts';
import type { BlockDevice } from '../../../src/os/client/block-device.ts';

const KB64 = 64 * 1024;
const MB = 1 << 20;

const pattern = (n: number, seed: number): Buffer => {
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) b[i] = (i * 131 + seed * 17 + (i >> 9)) & 0xff;
  return b;
};

interface Lab {
  t: TestSim; sys: ManagedSystem; oses: PartitionOses;
  id(lpar: string): number;
  /** Open the disk a client sees with this label (A, H, J, an LV name). */
  open(lpar: string, label: string): BlockDevice;
  /** A VIOS's own device name for a disk uid (hdiskN on that VIOS). */
  viosDisk(vios: string, uid: string): BlockDevice;
  vios(name: string, cmd: string): Promise<string>;
  power(name: string, on: boolean): Promise<void>;
}

async function lab(): Promise<Lab> {
  const t = await openSim();
  const sys = t.sim.system(S);
  const oses = t.sim.fsps[0].os as PartitionOses;
  const id = (n: string): number => sys.partitionByName(n)!.def.lpar_id;
  return {
    t, sys, oses, id,
    open(lpar, label) {
      const d = namedDisks(oses, sys.partitionByName(lpar)!).find((x) => x.label === label);
      assert.ok(d, `${lpar} sees ${label}`);
      return oses.blockDevice(id(lpar), d.name);
    },
    viosDisk(vios, uid) {
      const os = oses.vios(sys.partitionByName(vios)!);
      const name = Array.from({ length: 20 }, (_, i) => `hdisk${i}`).find((n) => os.diskUidOf(n) === uid);
      assert.ok(name, `${vios} has a disk ${uid}`);
      return oses.blockDevice(id(vios), name);
    },
    vios: (name, cmd) => t.ok(`viosvrcmd -m ${S} -p ${name} -c "${cmd}"`),
    async power(name, on) {
      await t.ok(on ? `chsysstate -r lpar -m ${S} -o on -n ${name} -f default_profile` : `chsysstate -r lpar -m ${S} -o shutdown --immed -n ${name}`);
    },
  };
}

const fails = (code: AixErrnoCode) => (e: unknown): boolean => {
  assert.ok(e instanceof BlockIoError, `a BlockIoError, not ${String(e)}`);
  assert.equal(e.code, code, e.detail);
  return true;
};

test('vSCSI, whole disk: what aix01 writes to disk A is on disk A\'s storage, where vios1 reads it as its own hdisk', async () => {
  const l = await lab();
  try {
    const a = l.open('aix01', 'A');
    assert.deepEqual(a.activePath(), { kind: 'vscsi', adapterSlot: 2, vios: 'vios1' });
    const data = pattern(KB64, 1);
    a.write(MB, data);
    assert.deepEqual(a.read(MB, KB64), data);
    assert.deepEqual(l.oses.storage.volume(a.uid, a.sizeBytes).sizeBytes, a.sizeBytes);
    const raw = Buffer.alloc(KB64);
    l.oses.storage.volume(a.uid, a.sizeBytes).read(raw, 0, KB64, MB);
    assert.deepEqual(raw, data, 'at the same offset of the backing disk');
    assert.deepEqual(l.viosDisk('vios1', a.uid).read(MB, KB64), data, 'the VIOS reads the same bytes from its hdisk');
    assert.ok(l.open('aix01', 'B').read(MB, KB64).every((x) => x === 0), 'disk B is another disk');
  } finally { l.t.close(); }
});

test('vSCSI, logical volumes: two LVs are disjoint regions of the VG\'s disks, the second spanning both PVs', async () => {
  const l = await lab();
  try {
    await l.vios('vios2', 'mkvg -vg datavg hdisk0 hdisk1');
    await l.vios('vios2', 'mklv -lv lv_a datavg 100G');
    await l.vios('vios2', 'mklv -lv lv_b datavg 200G');
    await l.vios('vios2', 'mkvdev -vdev lv_a -vadapter vhost0');
    await l.vios('vios2', 'mkvdev -vdev lv_b -vadapter vhost0');
    const os2 = l.oses.vios(l.sys.partitionByName('vios2')!);
    const [vg] = os2.volumeGroups();
    const pp = vg.ppSizeMB * MB;
    const pv0 = l.oses.blockDevice(l.id('vios2'), 'hdisk0');
    const pv1 = l.oses.blockDevice(l.id('vios2'), 'hdisk1');
    const perPv = Math.floor(pv0.sizeBytes / pp);
    const a = l.open('aix01', 'lv_a');
    const b = l.open('aix01', 'lv_b');
    assert.deepEqual(b.activePath(), { kind: 'vscsi', adapterSlot: 4, vios: 'vios2' });
    assert.equal(a.sizeBytes, 100 * 1024 * MB);
    assert.equal(b.sizeBytes, 200 * 1024 * MB);
    assert.notEqual(a.uid, b.uid);
    const aPPs = a.sizeBytes / pp;
    assert.ok(aPPs + b.sizeBytes / pp > perPv, 'lv_b really spans the two disks');

    const endOfA = pattern(KB64, 2);
    const startOfB = pattern(KB64, 3);
    a.write(a.sizeBytes - KB64, endOfA);
    b.write(0, startOfB);
    assert.deepEqual(a.read(a.sizeBytes - KB64, KB64), endOfA, 'writing lv_b did not touch lv_a');
    assert.deepEqual(b.read(0, KB64), startOfB);
    assert.deepEqual(pv0.read(aPPs * pp - KB64, 2 * KB64), Buffer.concat([endOfA, startOfB]), 'lv_b starts on hdisk0 right after lv_a');

    const boundary = (perPv - aPPs) * pp; // lv_b's first byte on hdisk1
    const across = pattern(2 * KB64, 4);
    b.write(boundary - KB64, across);
    assert.deepEqual(b.read(boundary - KB64, 2 * KB64), across, 'a transfer across the PV boundary reads back whole');
    assert.deepEqual(pv0.read(perPv * pp - KB64, KB64), across.subarray(0, KB64), 'its first half at the end of hdisk0\'s PPs');
    assert.deepEqual(pv1.read(0, KB64), across.subarray(KB64), 'its second half at the start of hdisk1');
    assert.equal(l.t.sim.osCommand(S, 'aix01', `lsattr -El ${namedDisks(l.oses, l.sys.partitionByName('aix01')!).find((d) => d.label === 'lv_b')!.name} -a unique_id`).stdout,
      `unique_id ${b.uid} Unique device identifier False\n`);
  } finally { l.t.close(); }
});

test('removing a logical volume (rmvdev -rmlv) leaves the LVs created after it, and their data, where they are', async () => {
  const l = await lab();
  try {
    await l.vios('vios2', 'mkvg -vg datavg hdisk0');
    await l.vios('vios2', 'mklv -lv lva datavg 1G');
    await l.vios('vios2', 'mklv -lv lvb datavg 1G');
    await l.vios('vios2', 'mkvdev -vdev lva -vadapter vhost0 -dev vta');
    await l.vios('vios2', 'mkvdev -vdev lvb -vadapter vhost0 -dev vtb');
    const sh = (line: string) => l.t.sim.osCommand(S, 'aix01', line);
    assert.equal(sh('cfgmgr').exit, 0);
    const b = l.open('aix01', 'lvb');
    const tail = pattern(KB64, 14);
    assert.equal(sh(`echo LVBDATA | dd of=/dev/${b.name} conv=sync`).exit, 0, 'the client writes lvb through its shell');
    b.write(b.sizeBytes - KB64, tail);
    const head = b.read(0, 512);
    assert.equal(head.toString('latin1', 0, 8), 'LVBDATA\n');

    assert.equal(await l.vios('vios2', 'rmvdev -vtd vta -rmlv'), 'vta deleted\n');
    assert.deepEqual(b.read(0, 512), head, 'lvb\'s first sector is still there');
    assert.deepEqual(b.read(b.sizeBytes - KB64, KB64), tail, 'and its last');
    assert.match(sh(`dd if=/dev/${b.name} count=1 | od -c | head -1`).stdout, /^0000000 +L +V +B +D +A +T +A +\\n/, 'as dd reads it');

    // A new LV takes lva's freed PPs, and writing it does not touch lvb.
    await l.vios('vios2', 'mklv -lv lvc datavg 1G');
    const vg = l.oses.vios(l.sys.partitionByName('vios2')!).volumeGroups()[0];
    assert.deepEqual(vg.lvs.map((x) => [x.name, x.extents?.[0].pp]), [['lvb', 1 + 1024 / vg.ppSizeMB], ['lvc', 1]]);
    await l.vios('vios2', 'mkvdev -vdev lvc -vadapter vhost0 -dev vtc');
    assert.equal(sh('cfgmgr').exit, 0);
    l.open('aix01', 'lvc').write(0, Buffer.alloc(2 * MB, 0xee));
    assert.deepEqual(b.read(0, 512), head);
  } finally { l.t.close(); }
});

test('vFC (NPIV): aix03 writes LUN F through its virtual FC adapter; the LUN\'s storage holds it, LUN G does not', async () => {
  const l = await lab();
  try {
    const f = l.open('aix03', 'F');
    assert.deepEqual(f.activePath(), { kind: 'vfc', adapterSlot: 3, vios: 'vios1' });
    assert.equal(f.sizeBytes, 51200 * MB, 'the LUN\'s size from the array (mklun --size 51200)');
    const data = pattern(KB64, 5);
    f.write(7 * MB, data);
    assert.deepEqual(f.read(7 * MB, KB64), data);
    const raw = Buffer.alloc(KB64);
    l.oses.storage.volume(f.uid, f.sizeBytes).read(raw, 0, KB64, 7 * MB);
    assert.deepEqual(raw, data);
    assert.ok(l.open('aix03', 'G').read(7 * MB, KB64).every((x) => x === 0));
  } finally { l.t.close(); }
});

test('dual VIOS: aix01 reaches H (vSCSI) and J (vFC) through both VIOSes; fails over when vios1 stops and back when it returns', async () => {
  const l = await lab();
  try {
    const h = l.open('aix01', 'H');
    const j = l.open('aix01', 'J');
    const a = l.open('aix01', 'A');
    assert.deepEqual(h.activePath(), { kind: 'vscsi', adapterSlot: 2, vios: 'vios1' });
    assert.deepEqual(j.activePath(), { kind: 'vfc', adapterSlot: 3, vios: 'vios1' });
    const ph = pattern(KB64, 6);
    const pj = pattern(KB64, 7);
    h.write(0, ph);
    j.write(0, pj);
    assert.deepEqual(l.viosDisk('vios1', h.uid).read(0, KB64), ph, 'vios1 sees H as its own hdisk');
    assert.deepEqual(l.viosDisk('vios2', h.uid).read(0, KB64), ph, 'and so does vios2: one LUN');

    await l.power('vios1', false);
    assert.deepEqual(h.activePath(), { kind: 'vscsi', adapterSlot: 4, vios: 'vios2' });
    assert.deepEqual(j.activePath(), { kind: 'vfc', adapterSlot: 5, vios: 'vios2' });
    assert.deepEqual(h.read(0, KB64), ph, 'the same data through vios2');
    assert.deepEqual(j.read(0, KB64), pj);
    assert.throws(() => a.read(0, 512), fails('EIO'), 'disk A has no path but vios1');
    const ph2 = pattern(KB64, 8);
    h.write(KB64, ph2);

    await l.power('vios1', true);
    assert.deepEqual(h.activePath(), { kind: 'vscsi', adapterSlot: 2, vios: 'vios1' }, 'back on the first path');
    assert.deepEqual(h.read(0, 2 * KB64), Buffer.concat([ph, ph2]), 'what was written through vios2 is there through vios1');
    assert.deepEqual(a.read(0, 512), Buffer.alloc(512), 'disk A answers again');
  } finally { l.t.close(); }
});

test('no working path: I/O fails with EIO, and works again when a path comes back', async () => {
  const l = await lab();
  try {
    const h = l.open('aix01', 'H');
    const data = pattern(KB64, 9);
    h.write(0, data);
    await l.power('vios1', false);
    await l.power('vios2', false);
    assert.equal(h.activePath(), undefined);
    assert.throws(() => h.write(0, data), fails('EIO'));
    assert.throws(() => h.read(0, KB64), (e: unknown) => fails('EIO')(e) && (e as Error).message === 'There is an input or output error.');
    assert.throws(() => l.oses.blockDevice(l.id('aix01'), 'hdisk0'), fails('EIO'), 'a client without VIOSes keeps its disks configured, with no path to them');
    await l.power('vios2', true);
    assert.deepEqual(h.read(0, KB64), data);
  } finally { l.t.close(); }
});

test('configuration changes re-route open devices: a VTD removed on vios1, J unmasked from one client adapter, then the other', async () => {
  const l = await lab();
  try {
    const h = l.open('aix01', 'H');
    const j = l.open('aix01', 'J');
    const data = pattern(KB64, 10);
    h.write(0, data);
    j.write(0, data);
    await l.vios('vios1', 'rmvdev -vtd aix01_H');
    assert.deepEqual(h.activePath(), { kind: 'vscsi', adapterSlot: 4, vios: 'vios2' });
    assert.deepEqual(h.read(0, KB64), data);
    const wwpns = (slot: number): string => l.sys.partitionByName('aix01')!.run.alloc!.virtual_io.fc.find((x) => x.slot === slot)!.wwpns!.join(',');
    assert.equal(l.t.sim.sanCommand(['rmhostmap', '-a', 'ds8k', '-l', 'J', '-w', wwpns(3)]).exit, 0);
    assert.deepEqual(j.activePath(), { kind: 'vfc', adapterSlot: 5, vios: 'vios2' });
    assert.deepEqual(j.read(0, KB64), data);
    assert.equal(l.t.sim.sanCommand(['rmhostmap', '-a', 'ds8k', '-l', 'J', '-w', wwpns(5)]).exit, 0);
    assert.throws(() => j.read(0, KB64), fails('EIO'));
  } finally { l.t.close(); }
});

test('raw-disk rules: whole sectors (EINVAL), inside the disk (ENXIO), devices that exist (ENOENT)', async () => {
  const l = await lab();
  try {
    const h = l.open('aix01', 'H');
    const sector = pattern(512, 11);
    h.write(h.sizeBytes - 512, sector);
    assert.deepEqual(h.read(h.sizeBytes - 512, 512), sector, 'the last sector is the disk\'s');
    assert.throws(() => h.write(h.sizeBytes, sector), fails('ENXIO'));
    assert.throws(() => h.read(h.sizeBytes - 512, 1024), fails('ENXIO'));
    assert.throws(() => h.write(100, sector), fails('EINVAL'));
    assert.throws(() => h.write(0, Buffer.alloc(100)), fails('EINVAL'));
    assert.throws(() => h.read(-512, 512), fails('EINVAL'));
    assert.throws(() => h.read(0.5, 512), fails('EINVAL'));
    assert.throws(() => h.write(0, sector, 256, 512), fails('EINVAL'), 'more than the buffer holds');
    assert.throws(() => h.readInto(0, Buffer.alloc(1024), -512, 512), fails('EINVAL'), 'before the buffer');
    const two = pattern(1024, 12);
    h.write(4096, two, 512, 512);
    assert.deepEqual(h.read(4096, 512), two.subarray(512), 'only the part of the buffer asked for');
    const into = Buffer.alloc(1536, 0xaa);
    h.readInto(4096, into, 512, 512);
    assert.deepEqual(into.subarray(512, 1024), two.subarray(512));
    assert.ok(into.subarray(0, 512).every((x) => x === 0xaa) && into.subarray(1024).every((x) => x === 0xaa));
    assert.throws(() => l.oses.blockDevice(l.id('aix01'), 'hdisk9'), fails('ENOENT'));
    assert.throws(() => l.oses.blockDevice(999, 'hdisk0'), fails('ENOENT'));
    assert.throws(() => l.oses.blockDevice(l.id('aix04'), 'hdisk0'), fails('ENOENT'), 'a partition that is not running sees no disk');
  } finally { l.t.close(); }
});

test('steady state: transfers do not move the I/O generation, so the route is resolved once', async () => {
  const l = await lab();
  try {
    const h = l.open('aix01', 'H');
    h.write(0, pattern(KB64, 13));
    const gen = l.oses.ioGeneration;
    for (let i = 0; i < 100; i++) h.write(i * KB64, pattern(KB64, i));
    h.read(0, 100 * KB64);
    await l.vios('vios1', 'lsmap -all');
    assert.equal(l.oses.ioGeneration, gen, 'neither I/O nor a listing changes anything');
    await l.vios('vios2', 'mkvg -vg datavg hdisk0');
    assert.ok(l.oses.ioGeneration > gen, 'a VIOS configuration change does');
  } finally { l.t.close(); }
});

test('property: random transfers through an LV spanning two disks read back as a plain byte array would', async () => {
  const l = await lab();
  try {
    await l.vios('vios2', 'mkvg -vg datavg hdisk0 hdisk1');
    await l.vios('vios2', 'mklv -lv lv_a datavg 100G');
    await l.vios('vios2', 'mklv -lv lv_b datavg 200G');
    await l.vios('vios2', 'mkvdev -vdev lv_b -vadapter vhost0');
    const [vg] = l.oses.vios(l.sys.partitionByName('vios2')!).volumeGroups();
    const pp = vg.ppSizeMB * MB;
    const pvBytes = l.oses.blockDevice(l.id('vios2'), 'hdisk0').sizeBytes;
    const boundary = (Math.floor(pvBytes / pp) - vg.lvs[0].pps) * pp;
    const b = l.open('aix01', 'lv_b');
    // A 1 MB window around the PV boundary; the model is a plain buffer of that window.
    const WINDOW = MB;
    const base = boundary - WINDOW / 2;
    const model = Buffer.alloc(WINDOW);
    const sectors = WINDOW / 512;
    const op = fc.record({ write: fc.boolean(), at: fc.integer({ min: 0, max: sectors - 1 }), n: fc.integer({ min: 1, max: 256 }), seed: fc.integer({ min: 0, max: 255 }) });
    fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 20 }), (ops) => {
      for (const o of ops) {
        const off = o.at * 512;
        const len = Math.min(o.n, sectors - o.at) * 512;
        if (o.write) {
          const data = pattern(len, o.seed);
          b.write(base + off, data);
          data.copy(model, off);
        } else if (!b.read(base + off, len).equals(model.subarray(off, off + len))) return false;
      }
      return b.read(base, WINDOW).equals(model);
    }), { numRuns: 100 });
  } finally { l.t.close(); }
});
