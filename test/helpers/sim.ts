// Test harness: a fresh in-memory simulator on virtual time, driven with command lines exactly as a user
// types them (split by the same shell word rules the HMC uses).
import { VirtualClock } from '../../src/sim/clock.ts';
import { defaultConfig, INSTANT_TIMINGS } from '../../src/sim/config.ts';
import { Simulator, type SimulatorOptions } from '../../src/sim/simulator.ts';
import { loadLab, type Lab } from '../../src/sim/lab.ts';
import { splitWords } from '../../src/hmc/shell/words.ts';
import type { CommandResult } from '../../src/hmc/cli/command.ts';

/** Tests run with instant boots unless they set timings themselves (the product's defaults take seconds). */
export function withInstantTimings(config: unknown = {}): Record<string, unknown> {
  const c = (config ?? {}) as Record<string, unknown>;
  return { ...c, timings: { ...INSTANT_TIMINGS, ...(c.timings as object | undefined) } };
}

export const S824 = 'Server-8286-42A-SN21AB34C';
export const P795 = 'Server-9119-FHB-SN02B7A6C';

export interface TestSim {
  sim: Simulator;
  clock: VirtualClock;
  /** Run one command line; returns stdout+stderr and the exit status. */
  run(line: string, user?: string): Promise<CommandResult & { text: string }>;
  /** Run and require exit 0; returns stdout. */
  ok(line: string): Promise<string>;
  close(): void;
}

export async function openSim(opts: { lab?: string | Lab; config?: unknown; dataDir?: string; clock?: VirtualClock; fsync?: boolean } = {}): Promise<TestSim> {
  const clock = opts.clock ?? new VirtualClock();
  const o: SimulatorOptions = {
    memory: opts.dataDir === undefined, dataDir: opts.dataDir, lab: opts.lab ?? 'default',
    config: defaultConfig(withInstantTimings(opts.config)), clock, fsync: opts.fsync ?? false,
  };
  const sim = await Simulator.open(o);
  const run = async (line: string, user = 'hscroot') => {
    const r = await sim.hmcCommand(splitWords(line), { user });
    return { ...r, text: r.stdout + r.stderr };
  };
  return {
    sim, clock, run,
    async ok(line) {
      const r = await run(line);
      if (r.exit !== 0) throw new Error(`command failed (exit ${r.exit}): ${line}\n${r.text}`);
      return r.stdout;
    },
    close: () => sim.close(),
  };
}

/** The built-in `bare` lab: the default lab's hardware, connected, with no partitions. */
export function bareLab(): Lab {
  return loadLab('bare');
}
