// Drives partitions through the HMC CLI exactly as a user would; any non-zero exit aborts the bench.
import type { Simulator } from '../src/sim/simulator.ts';

export const lparName = (i: number): string => `lp${String(i).padStart(4, '0')}`;

export function createArgv(sys: string, i: number): string[] {
  return ['mksyscfg', '-r', 'lpar', '-m', sys, '-i',
    `name=${lparName(i)},lpar_env=aixlinux,profile_name=default_profile,min_mem=1024,desired_mem=2048,max_mem=4096,` +
    'proc_mode=shared,min_proc_units=0.05,desired_proc_units=0.1,max_proc_units=1.0,min_procs=1,desired_procs=1,max_procs=2,' +
    'sharing_mode=uncap,uncap_weight=128'];
}

export async function must(sim: Simulator, argv: string[]): Promise<string> {
  const r = await sim.hmcCommand(argv);
  if (r.exit !== 0) throw new Error(`bench aborted: exit ${r.exit} from: ${argv.join(' ')}\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** Create partitions lp0001..lpNNNN. */
export async function createAll(sim: Simulator, sys: string, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) await must(sim, createArgv(sys, i));
}

/** Activate lp0001..lpNNNN with their default profile. */
export async function activate(sim: Simulator, sys: string, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) {
    await must(sim, ['chsysstate', '-r', 'lpar', '-m', sys, '-n', lparName(i), '-o', 'on', '-f', 'default_profile']);
  }
}
