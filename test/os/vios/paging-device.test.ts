// What a VIOS reports about a device offered as an Active Memory Sharing paging space device
// (src/os/vios/paging-device.ts; platform.md §5.4): whole disks and logical volumes with their size, and
// whether a mapping, a volume group or the Defined state already claims them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { boot, ok } from './fixture.ts';

describe('ViosOs.pagingDevice', () => {
  it('a free whole disk: its size and location, type phys, not in use', () => {
    const { os } = boot();
    assert.deepEqual(os.pagingDevice('hdisk0'), { sizeMB: 286102, type: 'phys', location: 'U78D2.001.WZS01AB-P2-D1', inUse: null });
  });

  it('a logical volume: its partitions × partition size, type logical; the disk under it is in a volume group', () => {
    const { os } = boot();
    ok(os, 'mkvg -vg pagingvg hdisk1');
    ok(os, 'mklv -lv amspg01 pagingvg 8G');
    assert.deepEqual(os.pagingDevice('amspg01'), { sizeMB: 8192, type: 'logical', location: '', inUse: null });
    assert.match(os.pagingDevice('hdisk1')!.inUse!, /volume group "pagingvg"/);
  });

  it('a disk backing a virtual target device is in use; a device that is not a disk or LV, or does not exist, is null', () => {
    const { os } = boot();
    ok(os, 'mkvdev -vdev hdisk2 -vadapter vhost0 -dev lpar1_C');
    assert.match(os.pagingDevice('hdisk2')!.inUse!, /virtual target device "lpar1_C"/);
    assert.equal(os.pagingDevice('ent0'), null);
    assert.equal(os.pagingDevice('vhost0'), null);
    assert.equal(os.pagingDevice('hdisk99'), null);
  });

  it('a disk put in the Defined state is not usable', () => {
    const { os } = boot();
    ok(os, 'rmdev -dev hdisk0 -ucfg');
    assert.equal(os.pagingDevice('hdisk0')!.inUse, 'the Defined state');
  });
});
