// Disk contents survive a simulator restart on the same data directory (DESIGN.md: disk contents are
// sparse files, one per disk or LUN, in `<dataDir>/storage`): written through the whole path, the
// simulator closed and opened again, read back identical through the same path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSim, S824 as S } from '../../helpers/sim.ts';
import type { PartitionOses } from '../../../src/os/partition-oses.ts';

const block = (n: number, seed: number): Buffer => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + seed) & 0xff));

test('data written through vSCSI and vFC is read back identical after the simulator restarts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'powervm-blocks-'));
  try {
    const h = block(65_536, 1);
    const f = block(65_536, 2);
    let uids: string[];
    {
      const t = await openSim({ dataDir: dir });
      const oses = t.sim.fsps[0].os as PartitionOses;
      const sys = t.sim.system(S);
      const dh = oses.blockDevice(sys.partitionByName('aix01')!.def.lpar_id, 'hdisk2'); // LUN H, vSCSI
      const df = oses.blockDevice(sys.partitionByName('aix03')!.def.lpar_id, 'hdisk0'); // LUN F, vFC
      dh.write(3 << 20, h);
      df.write(5 << 20, f);
      uids = [dh.uid, df.uid];
      t.close();
    }
    for (const uid of uids) {
      const file = join(dir, 'storage', `${uid}.img`);
      assert.ok(existsSync(file), `${file} exists`);
      assert.equal(statSync(file).size, (uids[0] === uid ? 102400 : 51200) * 1048576, 'the size of the LUN');
    }
    const t = await openSim({ dataDir: dir });
    try {
      const oses = t.sim.fsps[0].os as PartitionOses;
      const sys = t.sim.system(S);
      const dh = oses.blockDevice(sys.partitionByName('aix01')!.def.lpar_id, 'hdisk2');
      const df = oses.blockDevice(sys.partitionByName('aix03')!.def.lpar_id, 'hdisk0');
      assert.deepEqual([dh.uid, df.uid], uids, 'the same disks after the restart');
      assert.deepEqual(dh.read(3 << 20, h.length), h);
      assert.deepEqual(df.read(5 << 20, f.length), f);
      assert.ok(dh.read(0, 512).every((x) => x === 0), 'and nothing where nothing was written');
    } finally { t.close(); }
  } finally { rmSync(dir, { recursive: true, force: true }); }
});
