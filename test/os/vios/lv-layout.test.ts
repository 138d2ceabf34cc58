// Where a logical volume's bytes are (lv-layout.ts): the PP runs stored with the LV, or for a configuration
// saved without them, creation order, contiguous over the PVs in VG order; PP 1 at byte 0 of each PV.
// Hand-computed cases, then a property: whatever the VG, LVs never overlap, stay inside their PVs and have
// exactly their size. (Allocation by mklv and removal: pp-allocation.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lvDisk, lvDiskUid, lvLayout, type Extent } from '../../../src/os/vios/lv-layout.ts';
import type { VgConfig } from '../../../src/os/vios/vios-config.ts';

const MB = 1 << 20;
const vg = (ppSizeMB: number, pvs: string[], lvs: number[]): VgConfig =>
  ({ name: 'datavg', vgid: '00c4d7f0a5b3c2d1aaaa', ppSizeMB, pvs, lvs: lvs.map((pps, i) => ({ name: `lv${String(i).padStart(2, '0')}`, type: 'jfs2', pps })) });

test('LVs follow one another over the PVs in order, split where a PV ends', () => {
  // Two 1000 MB disks, 64 MB PPs: 15 PPs each (the 40 MB tail of each disk is unused).
  const g = vg(64, ['hdisk0', 'hdisk1'], [10, 10, 3]);
  const disks = (pv: string) => ({ uid: `UID-${pv}`, sizeMB: 1000 });
  assert.deepEqual(lvLayout(g, 0, disks), { sizeBytes: 640 * MB, extents: [{ uid: 'UID-hdisk0', start: 0, length: 640 * MB }] });
  assert.deepEqual(lvLayout(g, 1, disks), {
    sizeBytes: 640 * MB,
    extents: [{ uid: 'UID-hdisk0', start: 640 * MB, length: 320 * MB }, { uid: 'UID-hdisk1', start: 0, length: 320 * MB }],
  });
  assert.deepEqual(lvLayout(g, 2, disks), { sizeBytes: 192 * MB, extents: [{ uid: 'UID-hdisk1', start: 320 * MB, length: 192 * MB }] });
});

test('an LV whose PV the VIOS cannot see, or that does not fit, has no layout', () => {
  const g = vg(64, ['hdisk0', 'hdisk1'], [10, 10]);
  assert.equal(lvLayout(g, 1, (pv) => (pv === 'hdisk0' ? { uid: 'U0', sizeMB: 1000 } : undefined)), undefined);
  assert.equal(lvLayout(g, 1, () => ({ uid: 'U', sizeMB: 600 })), undefined, '20 PPs do not fit in 2 x 9');
  assert.equal(lvLayout(g, 5, () => ({ uid: 'U', sizeMB: 9999 })), undefined, 'no such LV');
  // The first LV does not need the missing second PV.
  assert.ok(lvLayout(g, 0, (pv) => (pv === 'hdisk0' ? { uid: 'U0', sizeMB: 1000 } : undefined)));
});

test('stored extents are where an LV is: in any order, with holes, on only the PVs they name', () => {
  const g: VgConfig = {
    name: 'datavg', vgid: '00c4d7f0a5b3c2d1aaaa', ppSizeMB: 64, pvs: ['hdisk0', 'hdisk1'],
    lvs: [
      { name: 'lv01', type: 'jfs2', pps: 3, extents: [{ pv: 'hdisk1', pp: 5, count: 2 }, { pv: 'hdisk0', pp: 1, count: 1 }] },
      { name: 'lv02', type: 'jfs2', pps: 2, extents: [{ pv: 'hdisk0', pp: 14, count: 2 }] },
    ],
  };
  const both = (pv: string) => ({ uid: `UID-${pv}`, sizeMB: 1000 }); // 15 PPs each
  assert.deepEqual(lvLayout(g, 0, both), {
    sizeBytes: 192 * MB,
    extents: [{ uid: 'UID-hdisk1', start: 256 * MB, length: 128 * MB }, { uid: 'UID-hdisk0', start: 0, length: 64 * MB }],
  });
  const onlyHdisk0 = (pv: string) => (pv === 'hdisk0' ? both(pv) : undefined);
  assert.deepEqual(lvLayout(g, 1, onlyHdisk0), { sizeBytes: 128 * MB, extents: [{ uid: 'UID-hdisk0', start: 832 * MB, length: 128 * MB }] }, 'lv02 needs hdisk0 only');
  assert.equal(lvLayout(g, 0, onlyHdisk0), undefined, 'lv01 is not whole without hdisk1');
  assert.equal(lvLayout(g, 1, () => ({ uid: 'U', sizeMB: 900 })), undefined, 'PPs 14-15 are past the end of a 14-PP disk');
  const short = structuredClone(g);
  short.lvs[1].extents = [{ pv: 'hdisk0', pp: 14, count: 1 }];
  assert.equal(lvLayout(short, 1, both), undefined, 'extents that do not add up to the LV\'s size are not a layout');
});

test('an LV-backed disk has an id of its own, stable, and different per VG and LV', () => {
  const g = vg(64, ['hdisk0'], [1, 1]);
  assert.deepEqual(lvDisk([g], 'lv01'), { uid: lvDiskUid(g.vgid, 'lv01'), label: 'lv01' });
  assert.equal(lvDisk([g], 'nolv'), undefined);
  assert.match(lvDiskUid(g.vgid, 'lv01'), /^3E2131[0-9A-F]{26}$/);
  assert.notEqual(lvDiskUid(g.vgid, 'lv01'), lvDiskUid(g.vgid, 'lv00'));
  assert.notEqual(lvDiskUid(g.vgid, 'lv01'), lvDiskUid('00c4d7f0a5b3c2d1bbbb', 'lv01'));
});

test('property: LVs never overlap, stay inside their PVs and have exactly their size', () => {
  const arb = fc.record({
    pp: fc.constantFrom(4, 8, 16, 64),
    sizes: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 4 }),
    lvs: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
  });
  fc.assert(fc.property(arb, ({ pp, sizes, lvs }) => {
    const pvs = sizes.map((_, i) => `hdisk${i}`);
    const g = vg(pp, pvs, lvs);
    const disk = (pv: string) => ({ uid: pv, sizeMB: sizes[pvs.indexOf(pv)] });
    const totalPPs = sizes.reduce((n, s) => n + Math.floor(s / pp), 0);
    const all: Extent[] = [];
    let used = 0;
    for (let i = 0; i < lvs.length; i++) {
      const l = lvLayout(g, i, disk);
      used += lvs[i];
      if (used > totalPPs) { assert.equal(l, undefined, `LV ${i} cannot fit`); continue; }
      assert.ok(l, `LV ${i} fits`);
      assert.equal(l.sizeBytes, lvs[i] * pp * MB);
      assert.equal(l.extents.reduce((n, e) => n + e.length, 0), l.sizeBytes);
      for (const e of l.extents) {
        assert.ok(e.start >= 0 && e.start + e.length <= Math.floor(sizes[pvs.indexOf(e.uid)] / pp) * pp * MB, 'inside the PV\'s PPs');
        assert.equal(e.start % (pp * MB), 0, 'starts on a PP boundary');
        all.push(e);
      }
    }
    for (let a = 0; a < all.length; a++) for (let b = a + 1; b < all.length; b++) {
      const x = all[a];
      const y = all[b];
      if (x.uid === y.uid) assert.ok(x.start + x.length <= y.start || y.start + y.length <= x.start, 'no two extents overlap');
    }
  }), { numRuns: 300 });
});
