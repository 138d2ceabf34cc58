// Block I/O benchmark (issue "block data path"): write throughput in 64 KiB blocks through the whole
// virtual SCSI path of a client (aix01's hdisk2 = LUN H: vscsi0 → vios1's vhost0 → VTD aix01_H → hdisk4 →
// the LUN's sparse file) as a ratio to writing the same amount the same way (positional writeSync on an
// open descriptor of a file of the same size) directly, in the same run. Target: at least 0.85.
// Both sides write to files in the same temporary directory with fsync off: the figure is the cost of the
// path (route check, range check, store lookup), not of the disk; with fsync on both would wait on
// fdatasync for every block and the ratio would say nothing. Best of several alternating rounds.
import { closeSync, constants, ftruncateSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualClock } from '../src/sim/clock.ts';
import { defaultConfig, INSTANT_TIMINGS } from '../src/sim/config.ts';
import { Simulator } from '../src/sim/simulator.ts';
import type { PartitionOses } from '../src/os/partition-oses.ts';
import { msSince, nowNs } from './measure.ts';
import { figure, info } from './report.ts';

const BLOCK = 64 * 1024;
const TOTAL_MB = 256;
const ROUNDS = 7;
const TARGET = 0.85;
const SYSTEM = 'Server-8286-42A-SN21AB34C';

function block(): Buffer {
  const b = Buffer.allocUnsafe(BLOCK);
  for (let i = 0; i < BLOCK; i++) b[i] = (i * 131 + 7) & 0xff;
  return b;
}

export async function blockIoBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'powervm-sim-blockio-'));
  let sim: Simulator | undefined;
  let fd = -1;
  try {
    sim = await Simulator.open({ dataDir: join(dir, 'sim'), fsync: false, lab: 'default', config: defaultConfig({ timings: INSTANT_TIMINGS }), clock: new VirtualClock() });
    const sys = sim.system(SYSTEM);
    const oses = sim.fsps[sim.systems.indexOf(sys)].os as PartitionOses;
    const disk = oses.blockDevice(sys.partitionByName('aix01')!.def.lpar_id, 'hdisk2');
    const path = disk.activePath();
    if (path?.kind !== 'vscsi') throw new Error(`bench aborted: aix01 hdisk2 is not on a vSCSI path (${JSON.stringify(path)})`);
    fd = openSync(join(dir, 'direct.img'), constants.O_RDWR | constants.O_CREAT, 0o644);
    ftruncateSync(fd, disk.sizeBytes);
    const data = block();
    const blocks = (TOTAL_MB * 1024 * 1024) / BLOCK;
    const viaPath = (): number => {
      const t0 = nowNs();
      for (let i = 0; i < blocks; i++) disk.write(i * BLOCK, data);
      return msSince(t0);
    };
    const direct = (): number => {
      const t0 = nowNs();
      for (let i = 0; i < blocks; i++) {
        let done = 0;
        while (done < BLOCK) done += writeSync(fd, data, done, BLOCK - done, i * BLOCK + done);
      }
      return msSince(t0);
    };
    viaPath(); direct(); // warm: allocate the files' pages, compile both loops
    let bestPath = Infinity;
    let bestDirect = Infinity;
    for (let r = 0; r < ROUNDS; r++) {
      bestPath = Math.min(bestPath, viaPath());
      bestDirect = Math.min(bestDirect, direct());
    }
    if (!disk.read(0, BLOCK).equals(data) || !disk.read((blocks - 1) * BLOCK, BLOCK).equals(data)) throw new Error('bench aborted: data did not read back');
    const mbps = (ms: number): number => TOTAL_MB / (ms / 1000);
    info(`block write ${TOTAL_MB} MB in 64 KiB blocks, direct to a file (best of ${ROUNDS})`, mbps(bestDirect), 'MB/s', 'positional writeSync on an open fd, fsync off');
    info(`block write ${TOTAL_MB} MB in 64 KiB blocks through aix01 hdisk2 (vSCSI via vios1, best of ${ROUNDS})`, mbps(bestPath), 'MB/s');
    info('block write throughput ratio path/direct', bestDirect / bestPath, 'x', `target >= ${TARGET}`);
    figure('block write cost ratio path/direct (time through the vSCSI path over direct time)', bestPath / bestDirect, 'x', 1 / TARGET);
  } finally {
    if (fd >= 0) closeSync(fd);
    sim?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
