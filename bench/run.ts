// Benchmarks (project rule: targets are checked here, with figures and ratios printed, never in unit tests).
// Run: npm run bench   (best with --expose-gc: node --expose-gc --import tsx bench/run.ts)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualClock } from '../src/sim/clock.ts';
import { defaultConfig, INSTANT_TIMINGS } from '../src/sim/config.ts';
import { Simulator } from '../src/sim/simulator.ts';
import { bigLab, SYS } from './lab.ts';
import { activate, createAll, must } from './partitions.ts';
import { findGc, medianMs, msSince, nowNs, settledHeap } from './measure.ts';
import { baselineRows, formatRows } from './baseline.ts';
import { figure, info, skip, summary } from './report.ts';
import { accessBench } from './access.ts';
import { viosBench } from './vios.ts';
import { blockIoBench } from './block-io.ts';
import { framesBench } from './frames.ts';
import { dispatcherBench } from './dispatcher.ts';
import { runtimeBench } from './runtime.ts';

const N = 1000;
const ACTIVE = 300;
const RUNS = 31;
const WARMUP = 5;

async function open(dataDir?: string): Promise<{ sim: Simulator; clock: VirtualClock }> {
  const clock = new VirtualClock();
  const sim = await Simulator.open({ memory: !dataDir, dataDir, fsync: true, lab: bigLab(), config: defaultConfig({ timings: INSTANT_TIMINGS }), clock });
  await must(sim, ['lssyscfg', '-r', 'sys', '-m', SYS]); // warm the command path before anything is measured
  return { sim, clock };
}

const rowCount = (s: string): number => s.split('\n').filter(Boolean).length;

async function inMemory(): Promise<void> {
  const { sim, clock } = await open();
  const { gc, how } = findGc();
  const heap0 = gc ? settledHeap(gc) : 0;
  const rss0 = process.memoryUsage().rss;
  const t0 = nowNs();
  await createAll(sim, SYS, N);
  figure(`create ${N} partitions (memory)`, msSince(t0), 'ms', 5000);
  if (gc) figure(`heap per defined partition (${how})`, (settledHeap(gc) - heap0) / N / 1024, 'KB', 30);
  else skip('heap per defined partition', 'no gc available; run node with --expose-gc');
  info('rss growth per defined partition', (process.memoryUsage().rss - rss0) / N / 1024, 'KB', 'includes the SQLite :memory: cache; noisy');

  const heapDefined = gc ? settledHeap(gc) : 0;
  const t1 = nowNs();
  await activate(sim, SYS, ACTIVE);
  // A minute of running: the dispatcher's model, cycle counters, console buffers, one utilization sample.
  clock.advance(60_000);
  info(`activate ${ACTIVE} partitions (memory)`, msSince(t1), 'ms');
  // Project target (the issue names no figure): a running partition costs at most 64 KB more than a defined one.
  if (gc) figure(`heap per running partition, beyond its definition (${how})`, (settledHeap(gc) - heapDefined) / ACTIVE / 1024, 'KB', 64);
  else skip('heap per running partition', 'no gc available; run node with --expose-gc');
  const states = (await must(sim, ['lssyscfg', '-r', 'lpar', '-m', SYS, '-F', 'state'])).split('\n');
  const running = states.filter((s) => s === 'Running').length;
  if (running !== ACTIVE) throw new Error(`bench aborted: expected ${ACTIVE} Running partitions, found ${running}`);

  const rows = baselineRows(N);
  let sink = 0;
  const base = { name: `join ${N}x20 key=value`, value: await medianMs(() => { sink += formatRows(rows); }, WARMUP, RUNS) };
  info(`baseline: format ${N} rows of 20 key=value (median of ${RUNS})`, base.value, 'ms');

  for (const argv of [['lssyscfg', '-r', 'lpar', '-m', SYS], ['lshwres', '-r', 'proc', '-m', SYS, '--level', 'lpar']]) {
    const n = rowCount(await must(sim, argv));
    if (n !== N) throw new Error(`bench aborted: ${argv.join(' ')} printed ${n} rows, expected ${N}`);
    const ms = await medianMs(async () => { sink += (await must(sim, argv)).length; }, WARMUP, RUNS);
    figure(`${argv.slice(0, 3).join(' ')}${argv.includes('--level') ? ' --level lpar' : ''} (${N} rows, ${ACTIVE} running, median of ${RUNS})`, ms, 'ms', 20, base);
  }
  if (sink === 0) console.log('(sink)');
  sim.close();
}

async function onDisk(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'powervm-sim-bench-'));
  try {
    const { sim } = await open(dir);
    const t0 = nowNs();
    await createAll(sim, SYS, N);
    info(`create ${N} partitions (disk, fsync)`, msSince(t0), 'ms', 'fsync on; temp data dir removed afterwards');
    sim.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`powervm-sim bench: node ${process.version}, ${N} partitions on ${SYS}`);
await inMemory();
await onDisk();
await accessBench();
await viosBench();
await blockIoBench();
await framesBench();
dispatcherBench();
await runtimeBench();
summary();
