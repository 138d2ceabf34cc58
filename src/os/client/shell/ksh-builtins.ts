// What the client partition's ksh runs itself: control flow (`exit`, `break`, `continue`, `true`, `false`,
// `:`), `echo` (AIX's: backslash escapes are always interpreted, `\c` ends the output), `read`, `test`/`[`,
// and the text filters an administrator pipes listings into (`grep`, `egrep`, `fgrep`, `cat`, `head`,
// `tail`, `wc`) plus `date`. grep, test and date are the HMC shell's (the same POSIX behaviour; their
// messages get ksh's prefix). The table is a Map, so that `constructor` or `__proto__` is a lookup miss.
import type { BuiltinContext } from '../../../hmc/shell/builtins.ts';
import { condition } from '../../../hmc/shell/condition.ts';
import { date } from '../../../hmc/shell/date-format.ts';
import { decodeEscapes } from '../../../hmc/shell/escapes.ts';
import { grep } from '../../../hmc/shell/grep.ts';
import { DEFAULT_IFS, splitForRead } from '../../../hmc/shell/ifs.ts';
import { ExitSignal, LoopSignal, type Budget } from '../../../hmc/shell/limits.ts';
import { Sink } from '../../../hmc/shell/streams.ts';
import { Scope } from '../../../hmc/shell/variables.ts';
import { KSH_MSG } from '../data/client-messages.ts';
import type { Frame } from './ksh-runner.ts';

export type KshBuiltin = (argv: string[], f: Frame, env: { budget: Budget; now(): number }) => number;

/** Runs one of the HMC shell's utilities with ksh's message prefix instead of rbash's. */
const borrowed = (run: (argv: string[], ctx: BuiltinContext) => number): KshBuiltin => (argv, f, env) => {
  const err = new Sink();
  const ctx: BuiltinContext = { io: { ...f.io, err }, scope: new Scope(new Map()), loops: f.loops, budget: env.budget, now: env.now };
  const status = run(argv, ctx);
  f.io.err.write(err.text().replace(/^-rbash: /gm, 'ksh: '));
  return status;
};

const echo: KshBuiltin = (argv, f) => {
  const { text, stop } = decodeEscapes(argv.slice(1).join(' '), 'echo');
  f.io.out.write(stop ? text : `${text}\n`);
  return 0;
};

const exit: KshBuiltin = (argv, f) => {
  const arg = argv[1] ?? String(f.vars.status);
  if (!/^-?[0-9]+$/.test(arg)) { f.io.err.write(`${KSH_MSG.badNumber(argv[0], arg)}\n`); return 1; }
  throw new ExitSignal(Number(BigInt(arg) & 255n));
};

const loopControl = (kind: 'break' | 'continue'): KshBuiltin => (argv, f) => {
  const arg = argv[1] ?? '1';
  if (!/^[0-9]+$/.test(arg) || Number(arg) < 1) { f.io.err.write(`${KSH_MSG.badNumber(kind, arg)}\n`); return 1; }
  if (f.loops === 0) return 0; // ksh ignores break/continue outside a loop
  throw new LoopSignal(kind, Math.min(Number(arg), f.loops));
};

/** `read [-r] name…`: one line of stdin, split with IFS; the last name takes the rest. */
const read: KshBuiltin = (argv, f) => {
  const raw = argv[1] === '-r';
  const names = argv.slice(raw ? 2 : 1);
  const got = f.io.stdin.readLine();
  if (got === null) return 1;
  const line = raw ? got.line : got.line.replace(/\\(.)/g, '$1');
  const values = splitForRead(line, f.vars.lookup('IFS') ?? DEFAULT_IFS, Math.max(1, names.length));
  (names.length ? names : ['REPLY']).forEach((n, i) => f.vars.vars.set(n, values[i] ?? ''));
  return got.complete ? 0 : 1;
};

/** The lines of stdin (a final line without newline counts). */
const lines = (text: string): string[] => {
  const ls = text.split('\n');
  if (text.endsWith('\n') || text === '') ls.pop();
  return ls;
};

/** `-n N`, `-N` or nothing: how many lines head/tail keep (10 by default). */
function lineCount(argv: string[]): number | null {
  const a = argv[1];
  if (a === undefined) return 10;
  if (a === '-n') return /^[0-9]+$/.test(argv[2] ?? '') ? Number(argv[2]) : null;
  return /^-[0-9]+$/.test(a) ? Number(a.slice(1)) : null;
}

const headTail = (which: 'head' | 'tail'): KshBuiltin => (argv, f) => {
  const n = lineCount(argv);
  if (n === null || argv.length > (argv[1] === '-n' ? 3 : 2)) { f.io.err.write(`${KSH_MSG.usage(which, '[-n count]')}\n`); return 2; }
  const ls = lines(f.io.stdin.readAll());
  const keep = which === 'head' ? ls.slice(0, n) : ls.slice(Math.max(0, ls.length - n));
  f.io.out.write(keep.map((l) => `${l}\n`).join(''));
  return 0;
};

const cat: KshBuiltin = (argv, f) => {
  const files = argv.slice(1).filter((a) => a !== '-');
  if (files.length) { for (const x of files) f.io.err.write(`${KSH_MSG.catCannotOpen(x)}\n`); return 2; }
  f.io.out.write(f.io.stdin.readAll());
  return 0;
};

/** `wc [-l] [-w] [-c]` of stdin, right-aligned in AIX's widths (UNCERTAIN: 8 columns each). */
const wc: KshBuiltin = (argv, f) => {
  const flags = argv.slice(1).join('').replace(/-/g, '');
  if (/[^lwc]/.test(flags)) { f.io.err.write(`${KSH_MSG.usage('wc', '[-c|-m] [-lw] [File...]')}\n`); return 2; }
  const text = f.io.stdin.readAll();
  const counts = { l: (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter(Boolean).length, c: Buffer.byteLength(text, 'latin1') };
  const which = flags === '' ? ['l', 'w', 'c'] : ['l', 'w', 'c'].filter((k) => flags.includes(k));
  f.io.out.write(`${which.map((k) => String(counts[k as 'l' | 'w' | 'c']).padStart(8)).join('')}\n`);
  return 0;
};

export const KSH_BUILTINS: ReadonlyMap<string, KshBuiltin> = new Map<string, KshBuiltin>([
  ['echo', echo],
  ['true', () => 0],
  [':', () => 0],
  ['false', () => 1],
  ['exit', exit],
  ['break', loopControl('break')],
  ['continue', loopControl('continue')],
  ['read', read],
  ['test', borrowed(condition)],
  ['[', borrowed(condition)],
  ['grep', borrowed((a, c) => grep(a, c, 'basic'))],
  ['egrep', borrowed((a, c) => grep(a, c, 'extended'))],
  ['fgrep', borrowed((a, c) => grep(a, c, 'fixed'))],
  ['date', borrowed(date)],
  ['cat', cat],
  ['head', headTail('head')],
  ['tail', headTail('tail')],
  ['wc', wc],
]);
