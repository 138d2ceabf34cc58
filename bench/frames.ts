// Frames benchmark (issue "Ethernet" item 8): 64-byte frames from a client adapter to an external MAC
// through the virtual switch, the trunk adapter, the SEA and its physical port, delivered by the external
// LAN switch to the host's port. Target: at least 1,000,000 frames per second, i.e. at most 1,000 ns per
// frame. Baseline in the same run: the practical limit of a forwarding step, a loop that reads each frame's
// destination MAC and looks it up in a Map.
import { VirtualClock } from '../src/sim/clock.ts';
import { defaultConfig, INSTANT_TIMINGS } from '../src/sim/config.ts';
import { Simulator } from '../src/sim/simulator.ts';
import type { PartitionOses } from '../src/os/partition-oses.ts';
import { NET_COMMANDS } from '../src/os/client/commands/net/index.ts';
import { encodeFrame } from '../src/platform/hypervisor/ethernet/ethernet-frame.ts';
import { parseMac, readMac } from '../src/platform/hypervisor/ethernet/mac.ts';
import { nowNs } from './measure.ts';
import { figure, info } from './report.ts';

const SYS = 'Server-8286-42A-SN21AB34C';
const FRAMES = 1_000_000;
const RUNS = 7;
const TARGET_NS = 1000;

const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); return s[(s.length - 1) >> 1]; };

export async function framesBench(): Promise<void> {
  const clock = new VirtualClock();
  const sim = await Simulator.open({ memory: true, lab: 'default', config: defaultConfig({ timings: INSTANT_TIMINGS }), clock });
  try {
    const sys = sim.system(SYS);
    const oses = sim.fsps[sim.systems.indexOf(sys)].os as PartitionOses;
    const aix01 = sys.partitionByName('aix01')!;
    // One ping first: the switches learn both ends, as they would have in a running network.
    const r = NET_COMMANDS.ping({ sys, oses, p: aix01, stdin: '', now: () => clock.now() }, ['-c', '1', '10.10.1.1']);
    if (r.exit !== 0) throw new Error(`bench aborted: the warm-up ping failed\n${r.stdout}${r.stderr}`);
    const router = sim.lan.host('router1')!;
    const vswitch = oses.ethernet.vswitches.get('ETHERNET0')!;
    const lanSwitch = sim.lan.switches.get('lan1')!;
    const queue = oses.ethernet.queue;
    const port = vswitch.portIndex(`${aix01.def.lpar_id}/10`);
    const frame = encodeFrame({ dst: router.endpoint.mac, src: parseMac(aix01.run.alloc!.virtual_io.eth[0].mac_addr), tag: null, etherType: 0x88b5, payload: new Uint8Array(50) });
    if (frame.length !== 64) throw new Error(`bench aborted: frame of ${frame.length} bytes`);

    const send = (n: number): number => {
      const before = router.endpoint.counters.rxPackets;
      const lanBefore = lanSwitch.stats.unicast;
      const t0 = nowNs();
      for (let i = 0; i < n; i++) queue.send(vswitch.target, port, frame, 64, 0);
      const ns = Number(nowNs() - t0) / n;
      if (router.endpoint.counters.rxPackets - before !== n || lanSwitch.stats.unicast - lanBefore !== n) {
        throw new Error(`bench aborted: ${router.endpoint.counters.rxPackets - before} of ${n} frames reached the LAN host`);
      }
      return ns;
    };
    // Baseline: read each frame's destination MAC and look it up in a Map of the same size as the path's tables.
    const table = new Map<number, (len: number) => void>();
    let sink = 0;
    for (let i = 0; i < 16; i++) table.set(router.endpoint.mac + i, (len) => { sink += len; });
    const baseline = (n: number): number => {
      const t0 = nowNs();
      for (let i = 0; i < n; i++) { const to = table.get(readMac(frame, 0)); if (to) to(64); }
      return Number(nowNs() - t0) / n;
    };

    send(FRAMES / 4); baseline(FRAMES / 4); // warm the JIT on both paths
    const path: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < RUNS; i++) { path.push(send(FRAMES)); base.push(baseline(FRAMES)); }
    const ns = median(path);
    info('frames: 64-byte frames per second, client adapter to LAN host through vswitch, trunk, SEA, physical port', 1e9 / ns / 1e6, 'M/s', `median of ${RUNS} runs of ${FRAMES}`);
    figure('frames: ns per 64-byte frame, client adapter to LAN switch port (target >= 1M frames/s)', ns, 'ns', TARGET_NS, { name: 'read dst MAC + Map lookup', value: median(base) });
    if (sink === 0) console.log('(sink)');
  } finally {
    sim.close();
  }
}
