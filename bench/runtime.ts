// The hypervisor runtime over a long span (capacity planning: a year replayed at --speed max): a year of
// 600 running partitions with daily workloads advanced through HypervisorRuntime (demand from the workload
// table, dispatch, cycle counters), on virtual time with no HMC sampling. Printed as a ratio to the
// dispatcher alone (integrateSteps) over the same year on the same model in the same run: the rest is what
// the runtime adds (asking for demand, AME, paging, counting).
import { performance } from 'node:perf_hooks';
import { VirtualClock } from '../src/sim/clock.ts';
import { defaultConfig, INSTANT_TIMINGS } from '../src/sim/config.ts';
import { Simulator } from '../src/sim/simulator.ts';
import { createOutput, integrateSteps } from '../src/platform/hypervisor/dispatcher/dispatcher.ts';
import { bigLab, SYS } from './lab.ts';
import { activate, createAll, lparName } from './partitions.ts';
import { figure, info } from './report.ts';

const DEFINED = 1000, RUNNING = 600, DAY_MS = 86_400_000, YEAR_MS = 365 * DAY_MS;

export async function runtimeBench(): Promise<void> {
  const clock = new VirtualClock();
  const sim = await Simulator.open({ memory: true, lab: bigLab(), config: defaultConfig({ timings: INSTANT_TIMINGS, hmc: { utilSampleRateSec: 0 } }), clock });
  try {
    await createAll(sim, SYS, DEFINED);
    await activate(sim, SYS, RUNNING);
    // Daily curves of different sizes and peak hours; at the busiest hours demand exceeds the 64 cores.
    for (let i = 1; i <= DEFINED; i++) {
      const r = sim.workloadCommand([SYS, lparName(i), 'daily', `base=0.0${1 + (i % 5)}`, `peak=0.${2 + (i % 3)}`, `peak_hour=${9 + (i % 8)}`]);
      if (r.exit !== 0) throw new Error(`bench aborted: workload for ${lparName(i)}: ${r.stderr}`);
    }
    const sys = sim.system(SYS);
    const rt = sys.runtime;
    rt.advance();
    const { model, parts } = rt.runtimeModel();
    if (parts.length !== RUNNING) throw new Error(`bench aborted: ${parts.length} partitions in the runtime model, expected ${RUNNING}`);

    const t0 = performance.now();
    clock.advance(YEAR_MS);
    rt.advance();
    const sec = (performance.now() - t0) / 1000;
    const c = rt.counters.physical;
    info('runtime year: mean shared PU busy', c.utilized / (365 * 86400 * sys.config.runtime.procCyclesPerSecond), 'PU', `of ${model.sharedCores} cores`);
    figure(`runtime year of ${RUNNING} running partitions, daily workloads (1-minute steps)`, sec, 's', 20);

    // The dispatcher alone on the same model and the same demand: a day of minute vectors from the same
    // workloads (daily curves repeat every day), cycled over the year.
    const step = sys.config.runtime.longHorizonStepMs, steps = Math.floor(YEAR_MS / step), perDay = Math.round(DAY_MS / step);
    const table = sim.workloads.get(sys)!;
    const minutes = Array.from({ length: perDay }, (_, s) => {
      const d = new Float64Array(model.n);
      table.fill(parts, s * step, (s + 1) * step, d, null, null);
      return d;
    });
    const out = createOutput(model);
    const t1 = performance.now();
    integrateSteps(model, step, steps, (s) => minutes[s % perDay], out);
    const dSec = (performance.now() - t1) / 1000;
    info('dispatcher alone over the same year (integrateSteps)', dSec, 's');
    info('runtime year / dispatcher-only year', sec / dSec, 'x', 'what the runtime adds to dispatching');
  } finally {
    sim.close();
  }
}
