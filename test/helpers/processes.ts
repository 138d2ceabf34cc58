// Real processes for end-to-end tests: managed systems (`powervm-sim system`) and HMCs (`powervm-sim
// start`), all on 127.0.0.1 with ports chosen by the OS. Commands reach an HMC over its control socket.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendControl } from '../../src/hmc/control/control-socket.ts';
import { splitWords } from '../../src/hmc/shell/words.ts';
import type { CommandResult } from '../../src/hmc/cli/command.ts';
import { withInstantTimings } from './sim.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'powervm-sim.js');

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), `pvs-${prefix}-`));

export interface Proc { child: ChildProcess; stdout: () => string; kill(signal?: NodeJS.Signals): Promise<void> }

function spawnSim(args: string[], readyPattern: RegExp): Promise<Proc & { match: RegExpMatchArray }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => { out += d; });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { err += d; });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const proc: Proc = {
    child,
    stdout: () => out,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const m = readyPattern.exec(out);
      if (m) { child.stdout!.off('data', check); resolve({ ...proc, match: m }); }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`powervm-sim ${args.join(' ')} exited ${code} before it was ready\n${out}\n${err}`)));
  });
}

export interface SystemProc extends Proc { address: string }

/** A managed system of the default lab (index 0: the S824) as its own process. */
export async function startSystem(dataDir: string, opts: { index?: number; config?: object; presetPasswords?: boolean; port?: number } = {}): Promise<SystemProc> {
  const args = ['--data-dir', dataDir];
  { const f = join(dataDir, 'config.json'); writeFileSync(f, JSON.stringify(withInstantTimings(opts.config))); args.push('--config', f); }
  args.push('system', '--lab', 'default', '--index', String(opts.index ?? 0), '--listen', `127.0.0.1:${opts.port ?? 0}`);
  if (opts.presetPasswords !== false) args.push('--preset-passwords');
  const p = await spawnSim(args, /^listening (\S+) /m);
  return { ...p, address: p.match[1] };
}

export interface HmcProc extends Proc { dataDir: string; sshPort: number; run(line: string): Promise<CommandResult & { text: string }>; ok(line: string): Promise<string> }

/** An HMC (with the given lab's in-process systems, `empty` for none) as its own process. */
export async function startHmc(dataDir: string, opts: { lab?: string; config?: object } = {}): Promise<HmcProc> {
  const args = ['--data-dir', dataDir];
  { const f = join(dataDir, '..', `${dataDir.split('/').pop()}-config.json`); writeFileSync(f, JSON.stringify(withInstantTimings(opts.config))); args.push('--config', f); }
  args.push('start', '--lab', opts.lab ?? 'empty', '--ssh-port', '0', '--listen-host', '127.0.0.1');
  const p = await spawnSim(args, /^Run HMC commands with/m);
  const sshPort = Number(/^HMC SSH on [^:]+:(\d+)/m.exec(p.stdout())?.[1]);
  const sock = join(dataDir, 'hmc.sock');
  const run = async (line: string) => {
    const r = await sendControl(sock, splitWords(line), 'hscroot');
    if (!r) throw new Error('the HMC control socket does not answer');
    return { ...r, text: r.stdout + r.stderr };
  };
  return {
    ...p, dataDir, run, sshPort,
    async ok(line) {
      const r = await run(line);
      if (r.exit !== 0) throw new Error(`command failed (exit ${r.exit}): ${line}\n${r.text}`);
      return r.stdout;
    },
  };
}

/** Poll (on the wall clock: these are real processes) until `check` passes or the time runs out. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15000, stepMs = 200): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try { return await check(); } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, stepMs));
    }
  }
}
