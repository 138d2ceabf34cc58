// VIOS benchmarks (issue "VIOS" item 7): `lsmap -all` on a VIOS holding 1,000 vSCSI mappings, and the
// visibility computation (what every client partition sees) for ~1,000 vSCSI clients; target 50 ms each.
// Both topologies are built in memory with HMC commands, SAN commands and VIOS commands, as a user would;
// each figure is printed beside a plain-JS baseline measured in the same run.
import { VirtualClock } from '../src/sim/clock.ts';
import { defaultConfig, INSTANT_TIMINGS } from '../src/sim/config.ts';
import { Simulator } from '../src/sim/simulator.ts';
import { parseScript, type Lab } from '../src/sim/lab.ts';
import { buildHardware, type HardwareDescription } from '../src/platform/io/hardware.ts';
import { clientDisks, VisibilityContext, type ClientDisk } from '../src/os/client/visibility.ts';
import type { Partition } from '../src/platform/managed-system.ts';
import type { PartitionOses } from '../src/os/partition-oses.ts';
import type { ViosOs } from '../src/os/vios/vios-os.ts';
import { naturalCompare } from '../src/os/vios/device-names.ts';
import { must } from './partitions.ts';
import { findGc, medianMs, msSince, nowNs } from './measure.ts';
import { figure, info } from './report.ts';

const TARGET_MS = 50;
const RUNS = 15;
const WARMUP = 3;
/** Bench 1: 100 vhosts × 10 VTDs (a vhost holds at most 63, vios.md §2.3). */
const MAPPINGS = 1000;
const VHOSTS = 100;
/** Bench 2: the VIOS plus 999 clients = the E980's 1,000-partition platform cap (model-catalog maxPartitions). */
const CLIENTS = 999;
const FIRST_SERVER_SLOT = 11;
const CLIENT_SLOT = 2;

interface Rig { sim: Simulator; clock: VirtualClock; sys: string; oses: PartitionOses; vios: ViosOs }

function description(serial: string, fspIp: string, unitSerial: string): HardwareDescription {
  return {
    mtm: '9080-M9S', serial, fspIp, cores: 96, memoryGB: 8192, lmbMB: 256,
    fspPasswords: { access: 'benchpass', admin: 'benchadmin', general: 'benchgeneral' },
    units: [{ type: '78D3', model: '001', serial: unitSerial, slots: [
      { loc: 'C1', adapter: 'fc-16gb-2port' },
      { loc: 'C2', adapter: 'eth-2port-10gb' },
    ] }],
  };
}

const lunName = (i: number): string => `L${String(i).padStart(4, '0')}`;
const clientName = (i: number): string => `cl${String(i).padStart(4, '0')}`;

/**
 * A 9080-M9S whose VIOS (id 1) owns the NPIV FC adapter in C1, port 1 cabled to an NPIV switch, with
 * `luns` LUNs masked to that port and the given server adapters; the VIOS is installed and activated.
 */
async function openRig(serial: string, fspIp: string, unitSerial: string, luns: number, serverAdapters: string[], maxSlots: number): Promise<Rig> {
  const d = description(serial, fspIp, unitSerial);
  const sys = `Server-9080-M9S-SN${serial}`;
  const fcDrc = buildHardware(d).slots.find((s) => s.phys_loc === 'C1')!.drc_index;
  const lines = [
    `mksysconn -ip ${fspIp} --passwd benchpass`,
    '@san mkswitch -n fabA --npiv yes',
    '@san mkarray -n ds1 -s fabA',
    `@cable ${sys} C1 1 fabA`,
  ];
  for (let i = 1; i <= luns; i++) lines.push(`@san mklun -a ds1 -n ${lunName(i)} --size 10240`, `@map-port ds1 ${lunName(i)} ${sys} C1 1`);
  lines.push(
    `mksyscfg -r lpar -m ${sys} -i 'name=vios1,lpar_id=1,lpar_env=vioserver,profile_name=default,min_mem=4096,desired_mem=8192,max_mem=16384,` +
      'proc_mode=shared,min_proc_units=0.5,desired_proc_units=2.0,max_proc_units=4.0,min_procs=1,desired_procs=2,max_procs=4,sharing_mode=uncap,uncap_weight=255,' +
      `max_virtual_slots=${maxSlots},"io_slots=${fcDrc}/none/1","virtual_scsi_adapters=${serverAdapters.join(',')}"'`,
    `@os ${sys} vios1 "VIOS 3.1.4.21" 10.10.9.11`,
    `chsysstate -r lpar -m ${sys} -n vios1 -o on -f default`,
  );
  const lab: Lab = { file: { name: `bench-vios-${serial}`, systems: [d] }, script: parseScript(`${lines.join('\n')}\n`) };
  const clock = new VirtualClock();
  const sim = await Simulator.open({ memory: true, lab, config: defaultConfig({ timings: INSTANT_TIMINGS }), clock });
  clock.advance(60_000);
  const oses = sim.fsps[0].os as PartitionOses;
  const vios = oses.vios(sim.system(sys).partitionByName('vios1')!);
  return { sim, clock, sys, oses, vios };
}

async function viosCmd(r: Rig, line: string): Promise<string> {
  return must(r.sim, ['viosvrcmd', '-m', r.sys, '-p', 'vios1', '-c', line]);
}

function direct(r: Rig, line: string): string {
  const x = r.vios.run(line);
  if (x.exit !== 0) throw new Error(`bench aborted: VIOS exit ${x.exit} from: ${line}\n${x.stdout}${x.stderr}`);
  return x.stdout;
}

/** hdisk names in natural order (the SAN LUNs seen through fcs0, in LUN order). */
const hdisks = (r: Rig): string[] => r.vios.devices().filter((d) => d.cls === 'hdisk').map((d) => d.name).sort(naturalCompare);

/**
 * Medians of `a` and `b` run alternately (after WARMUP rounds), in ms, with a full collection before each
 * timed call when one is available, so that neither pays for the other's garbage.
 */
async function pairedMedians(a: () => unknown, b: () => unknown): Promise<[number, number]> {
  const { gc } = findGc();
  const ta: number[] = [];
  const tb: number[] = [];
  const time = async (fn: () => unknown): Promise<number> => {
    gc?.();
    const t0 = nowNs();
    await fn();
    return msSince(t0);
  };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const x = await time(a);
    const y = await time(b);
    if (i >= WARMUP) { ta.push(x); tb.push(y); }
  }
  const med = (t: number[]): number => { t.sort((x, y) => x - y); return t.length % 2 ? t[(t.length - 1) / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2; };
  return [med(ta), med(tb)];
}

const vtdLines = (lsmap: string): number => lsmap.split('\n').filter((l) => /^VTD\s/.test(l) && !l.includes('NO VIRTUAL TARGET DEVICE FOUND')).length;

// --- baselines --------------------------------------------------------------------------------------------

/** The same text `lsmap -all` prints, built by a plain loop from precomputed strings; returns its length. */
function lsmapLikeText(blocks: { svsa: string; physloc: string; client: string; vtds: { vtd: string; lun: string; backing: string; physloc: string }[] }[]): number {
  const out: string[] = [];
  for (const b of blocks) {
    if (out.length) out.push('');
    out.push(`${'SVSA'.padEnd(16)}${'Physloc'.padEnd(45)}Client Partition ID`, `${'-'.repeat(15)} ${'-'.repeat(44)} ${'-'.repeat(18)}`,
      `${b.svsa.padEnd(16)}${b.physloc.padEnd(45)}${b.client}`, '');
    b.vtds.forEach((t, i) => {
      if (i) out.push('');
      out.push(`${'VTD'.padEnd(22)}${t.vtd}`, `${'Status'.padEnd(22)}Available`, `${'LUN'.padEnd(22)}${t.lun}`,
        `${'Backing device'.padEnd(22)}${t.backing}`, `${'Physloc'.padEnd(22)}${t.physloc}`, `${'Mirrored'.padEnd(22)}false`);
    });
  }
  return out.join('\n').length;
}

function baselineBlocks(vhosts: number, perVhost: number): Parameters<typeof lsmapLikeText>[0] {
  return Array.from({ length: vhosts }, (_, v) => ({
    svsa: `vhost${v}`, physloc: `U9080.M9S.78B9E81-V1-C${FIRST_SERVER_SLOT + v}`, client: '0x00000000',
    vtds: Array.from({ length: perVhost }, (_, k) => ({
      vtd: `vtscsi${v * perVhost + k}`, lun: `0x8${k + 1}00000000000000`, backing: `hdisk${v * perVhost + k}`,
      physloc: `U78D3.001.WZS0E81-P1-C1-T1-W500507680B215A3C-L${(v * perVhost + k).toString(16).toUpperCase()}000000000000`,
    })),
  }));
}

// --- bench 1: lsmap -all with 1,000 mappings --------------------------------------------------------------

/** Bench 1's VIOS: 1,000 LUNs mapped round-robin onto 100 vhosts; checked with lsmap before it is returned. */
export async function lsmapRig(): Promise<Rig> {
  const t0 = nowNs();
  const servers = Array.from({ length: VHOSTS }, (_, v) => `${FIRST_SERVER_SLOT + v}/server/any//any/0`);
  const r = await openRig('78B9E81', '10.10.0.41', 'WZS0E81', MAPPINGS, servers, FIRST_SERVER_SLOT + VHOSTS + 10);
  info(`lsmap setup: system, SAN (${MAPPINGS} LUNs masked to fcs0), VIOS with ${VHOSTS} vhosts, activated`, msSince(t0), 'ms');
  await viosCmd(r, 'cfgdev');
  const disks = hdisks(r);
  if (disks.length !== MAPPINGS) throw new Error(`bench aborted: the VIOS sees ${disks.length} hdisks, expected ${MAPPINGS}`);
  // The first mappings through the HMC (viosvrcmd), the rest on the VIOS model: the same ioscli code path.
  const VIA_HMC = 20;
  const line = (i: number): string => `mkvdev -vdev ${disks[i]} -vadapter vhost${i % VHOSTS}`;
  const t1 = nowNs();
  for (let i = 0; i < VIA_HMC; i++) await viosCmd(r, line(i));
  const hmcEach = msSince(t1) / VIA_HMC;
  const t2 = nowNs();
  for (let i = VIA_HMC; i < MAPPINGS; i++) direct(r, line(i));
  const directEach = msSince(t2) / (MAPPINGS - VIA_HMC);
  info(`lsmap setup: ${MAPPINGS} mkvdev`, msSince(t1), 'ms',
    `${hmcEach.toFixed(2)} ms each for the first ${VIA_HMC} through viosvrcmd, ${directEach.toFixed(2)} ms each for the rest on the VIOS model`);
  info('lsmap setup total', msSince(t0), 'ms');
  const text = await viosCmd(r, 'lsmap -all');
  const n = vtdLines(text);
  if (n !== MAPPINGS) throw new Error(`bench aborted: lsmap -all printed ${n} VTD lines, expected ${MAPPINGS}`);
  if (direct(r, 'lsmap -all') !== text) throw new Error('bench aborted: lsmap -all differs between viosvrcmd and the VIOS model');
  return r;
}

async function lsmapBench(): Promise<void> {
  const r = await lsmapRig();
  const argv = ['viosvrcmd', '-m', r.sys, '-p', 'vios1', '-c', 'lsmap -all'];

  const blocks = baselineBlocks(VHOSTS, MAPPINGS / VHOSTS);
  let sink = 0;
  const base = { name: `plain loop, ${VHOSTS} blocks/${MAPPINGS} VTD groups`, value: await medianMs(() => { sink += lsmapLikeText(blocks); }, WARMUP, RUNS) };
  info(`baseline: build ${VHOSTS} lsmap-like blocks with ${MAPPINGS} VTD groups (median of ${RUNS})`, base.value, 'ms');
  // The HMC path and the VIOS model alone, run alternately so that both see the same machine load.
  const [hmcMs, vMs] = await pairedMedians(async () => { sink += (await must(r.sim, argv)).length; }, () => { sink += direct(r, 'lsmap -all').length; });
  figure(`viosvrcmd lsmap -all (${MAPPINGS} mappings on ${VHOSTS} vhosts, median of ${RUNS}, gc before each)`, hmcMs, 'ms', TARGET_MS, base);
  info(`lsmap -all on the VIOS model directly (median of ${RUNS}, alternating with the above, gc before each)`, vMs, 'ms',
    `HMC command + FSP link + RMC overhead ${(hmcMs - vMs).toFixed(2)} ms; x${(vMs / base.value).toFixed(1)} the baseline`);
  info(`  of which oses.syncNpivLogins(), run by PartitionOses.viosCommand after every VIOS command (median of ${RUNS})`,
    await medianMs(() => r.oses.syncNpivLogins(), WARMUP, RUNS), 'ms');
  if (sink === 0) console.log('(sink)');
  r.sim.close();
}

// --- bench 2: what 999 clients see ------------------------------------------------------------------------

export interface VisibilityRig extends Rig { system: ReturnType<Simulator['system']>; clients: Partition[] }

/** Bench 2's system: 999 running clients, each paired with its own vhost holding one mapped LUN. */
export async function visibilityRig(): Promise<VisibilityRig> {
  const t0 = nowNs();
  // Client k+1 (lpar id k+2) has its client adapter in slot 2, paired with the VIOS's server slot 11+k.
  const servers = Array.from({ length: CLIENTS }, (_, k) => `${FIRST_SERVER_SLOT + k}/server/${k + 2}/${clientName(k + 1)}/${CLIENT_SLOT}/0`);
  const r = await openRig('78B9E82', '10.10.0.42', 'WZS0E82', CLIENTS, servers, FIRST_SERVER_SLOT + CLIENTS + 10);
  info(`visibility setup: system, SAN (${CLIENTS} LUNs), VIOS with ${CLIENTS} server adapters, activated`, msSince(t0), 'ms');

  await viosCmd(r, 'cfgdev');
  const disks = hdisks(r);
  if (disks.length !== CLIENTS) throw new Error(`bench aborted: the VIOS sees ${disks.length} hdisks, expected ${CLIENTS}`);
  const tMap = nowNs();
  // The VIOS side is prepared before the clients are defined, as an administrator may do; each mkvdev
  // then costs less (viosEnvironment looks for every server adapter's client among all partitions).
  for (let k = 0; k < CLIENTS; k++) direct(r, `mkvdev -vdev ${disks[k]} -vadapter vhost${k}`);
  info(`visibility setup: ${CLIENTS} mkvdev on the VIOS model (before the clients are defined)`, msSince(tMap), 'ms');

  const tCreate = nowNs();
  for (let i = 1; i <= CLIENTS; i++) {
    await must(r.sim, ['mksyscfg', '-r', 'lpar', '-m', r.sys, '-i',
      `name=${clientName(i)},lpar_id=${i + 1},lpar_env=aixlinux,profile_name=default,min_mem=512,desired_mem=1024,max_mem=2048,` +
      'proc_mode=shared,min_proc_units=0.05,desired_proc_units=0.05,max_proc_units=1.0,min_procs=1,desired_procs=1,max_procs=1,sharing_mode=uncap,uncap_weight=128,' +
      `max_virtual_slots=10,virtual_scsi_adapters=${CLIENT_SLOT}/client/1/vios1/${FIRST_SERVER_SLOT + i - 1}/0`]);
  }
  info(`visibility setup: create ${CLIENTS} clients (mksyscfg)`, msSince(tCreate), 'ms');

  const tOn = nowNs();
  for (let i = 1; i <= CLIENTS; i++) await must(r.sim, ['chsysstate', '-r', 'lpar', '-m', r.sys, '-n', clientName(i), '-o', 'on', '-f', 'default']);
  r.clock.advance(60_000);
  info(`visibility setup: activate ${CLIENTS} clients (chsysstate)`, msSince(tOn), 'ms');
  info('visibility setup total', msSince(t0), 'ms');

  const system = r.sim.system(r.sys);
  const clients = Array.from({ length: CLIENTS }, (_, k) => system.partitionByName(clientName(k + 1))!);
  const running = clients.filter((p) => p.run.state === 'Running').length;
  if (running !== CLIENTS) throw new Error(`bench aborted: ${running} of ${CLIENTS} clients Running`);
  return { ...r, system, clients };
}

/** Each client sees exactly one disk, through vSCSI, and no two clients see the same disk. */
function checkSeen(seen: ClientDisk[][]): void {
  const uids = new Set<string>();
  seen.forEach((ds, k) => {
    if (ds.length !== 1 || ds[0].kind !== 'vscsi') throw new Error(`bench aborted: ${clientName(k + 1)} sees ${JSON.stringify(ds)}`);
    uids.add(ds[0].uid);
  });
  if (uids.size !== seen.length) throw new Error(`bench aborted: ${uids.size} distinct disks seen by ${seen.length} clients`);
}

async function visibilityBench(): Promise<void> {
  const r = await visibilityRig();
  const { system, clients, oses } = r;
  // One visibility computation: a context examines each VIOS once and serves every client from it.
  const all = (): ClientDisk[][] => { const ctx = new VisibilityContext(system, oses); return clients.map((p) => clientDisks(system, oses, p, ctx)); };

  // Warm-up on a few clients, then one timed full pass, which is also checked. A median of RUNS passes
  // is taken only when a pass is short enough to keep the bench within its time budget.
  for (let i = 0; i < WARMUP; i++) all();
  const t0 = nowNs();
  const seen = all();
  const firstMs = msSince(t0);
  checkSeen(seen);
  let sink = 0;
  const runs = firstMs < 1000 ? RUNS : firstMs < 5000 ? 3 : 1;
  const totalMs = runs === 1 ? firstMs : await medianMs(() => { sink += all().length; }, 0, runs);

  // Baseline: each client's answer precomputed in a Map, looked up per client.
  const answers = new Map(clients.map((p, k) => [p.def.lpar_id, seen[k]]));
  const base = { name: `Map lookup per client x${CLIENTS}`, value: await medianMs(() => { for (const p of clients) sink += answers.get(p.def.lpar_id)!.length; }, WARMUP, RUNS) };
  info(`baseline: Map lookup of each client's disks (${CLIENTS} clients, median of ${RUNS})`, base.value, 'ms');
  figure(`visibility: all ${CLIENTS} running clients (clientDisks with one VisibilityContext), 1 vSCSI disk each (${runs === 1 ? 'one pass' : `median of ${runs}`})`, totalMs, 'ms', TARGET_MS, base);
  info('visibility: per client', totalMs / CLIENTS, 'ms', `target share ${(TARGET_MS / CLIENTS).toFixed(3)} ms; baseline ${(base.value / CLIENTS * 1000).toFixed(3)} µs per client`);

  // Where a client's share goes: the two whole-VIOS computations clientDisks() repeats for every client.
  const viosPart = system.partitionByName('vios1')!;
  info(`  of which one oses.syncNpivLogins() (median of ${RUNS}; no vfcmap on this VIOS)`, await medianMs(() => oses.syncNpivLogins(), WARMUP, RUNS), 'ms');
  info(`  of which one vios.vscsiMappings() (all ${CLIENTS} mappings, median of ${RUNS})`, await medianMs(() => { sink += oses.vios(viosPart).vscsiMappings().length; }, WARMUP, RUNS), 'ms');

  // The same VIOS through lsmap: 999 vhosts with one mapping each, clients running (informational).
  const argv = ['viosvrcmd', '-m', r.sys, '-p', 'vios1', '-c', 'lsmap -all'];
  const text = await must(r.sim, argv);
  if (vtdLines(text) !== CLIENTS) throw new Error(`bench aborted: lsmap -all printed ${vtdLines(text)} VTD lines, expected ${CLIENTS}`);
  const [lsMs, lsDirect] = await pairedMedians(async () => { sink += (await must(r.sim, argv)).length; }, () => { sink += direct(r, 'lsmap -all').length; });
  info(`viosvrcmd lsmap -all on this VIOS (${CLIENTS} vhosts x 1 mapping, ${CLIENTS} running clients, median of ${RUNS})`, lsMs, 'ms',
    `on the VIOS model directly ${lsDirect.toFixed(1)} ms; the 50 ms target is checked on bench 1's layout`);
  if (sink === 0) console.log('(sink)');
  r.sim.close();
}

export async function viosBench(): Promise<void> {
  await lsmapBench();
  await visibilityBench();
}
