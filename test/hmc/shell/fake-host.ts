// A stand-in for the HMC behind the restricted shell: records every command the shell asks it to run
// (argv after quote removal and expansion, and the stdin a pipe fed it) and answers canned output.
import type { ShellHost, ShellIO } from '../../../src/hmc/shell/session.ts';
import { ShellSession } from '../../../src/hmc/shell/session.ts';

export const HMC_COMMANDS = new Set([
  'lssyscfg', 'chsysstate', 'viosvrcmd', 'lshwres', 'chhwres', 'chsyscfg', 'mksyscfg', 'rmsyscfg', 'lshmc', 'lsrefcode', 'mkauthkeys',
]);

/** 2026-11-25 09:17:40 UTC, a Wednesday. */
export const SIM_TIME = Date.UTC(2026, 10, 25, 9, 17, 40);

export type Answer = string | Partial<ShellIO> | ((argv: string[], stdin: string) => string | Partial<ShellIO>);

export class FakeHost implements ShellHost {
  readonly calls: { argv: string[]; stdin: string }[] = [];

  constructor(private readonly answers: Record<string, Answer> = {}, private readonly time = SIM_TIME) {}

  isHmcCommand(name: string): boolean {
    return HMC_COMMANDS.has(name);
  }

  async runHmc(argv: string[], stdin: string): Promise<ShellIO> {
    this.calls.push({ argv: [...argv], stdin });
    const answer = Object.hasOwn(this.answers, argv[0]) ? this.answers[argv[0]] : '';
    const a = typeof answer === 'function' ? answer(argv, stdin) : answer;
    return typeof a === 'string' ? { stdout: a, stderr: '', exit: 0 } : { stdout: '', stderr: '', exit: 0, ...a };
  }

  now(): number {
    return this.time;
  }

  get argvs(): string[][] {
    return this.calls.map((c) => c.argv);
  }
}

/** A fresh session on a fake host. */
export function shell(answers: Record<string, Answer> = {}): { host: FakeHost; session: ShellSession } {
  const host = new FakeHost(answers);
  return { host, session: new ShellSession(host, { user: 'hscroot', hostname: 'hmc01' }) };
}

/** Runs one line in a fresh session. */
export async function run(line: string, answers: Record<string, Answer> = {}): Promise<ShellIO & { host: FakeHost }> {
  const { host, session } = shell(answers);
  return { ...(await session.run(line)), host };
}
