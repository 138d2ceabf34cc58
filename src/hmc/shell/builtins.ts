// Commands the simulated shell runs itself: the bash builtins clients use (`echo`, `read`, `true`,
// `false`, `exit`, `break`, `continue`, `test`/`[`) and the utilities of hmc-cli.md §2's SIM-RULE
// (`grep`, `egrep`, `fgrep`, `date`). rbash refuses `cd` and `exec`. Everything else that is not an HMC
// command is "command not found" (interpreter.ts). The table is a Map, so that names such as
// `constructor` or `__proto__` can never reach anything but a lookup miss.
import { NAME_RE } from './ast.ts';
import { condition } from './condition.ts';
import { date } from './date-format.ts';
import { decodeEscapes } from './escapes.ts';
import { grep } from './grep.ts';
import { DEFAULT_IFS, splitForRead } from './ifs.ts';
import { ExitSignal, LoopSignal, type Budget } from './limits.ts';
import type { Io } from './streams.ts';
import type { Scope } from './variables.ts';

export interface BuiltinContext {
  io: Io;
  scope: Scope;
  /** How many loops enclose the command (for `break` and `continue`). */
  loops: number;
  budget: Budget;
  now(): number;
}

export type Builtin = (argv: string[], ctx: BuiltinContext) => number;

function echo(argv: string[], ctx: BuiltinContext): number {
  let i = 1;
  let newline = true;
  let escapes = false;
  for (; i < argv.length && /^-[neE]+$/.test(argv[i]); i++) {
    for (const c of argv[i].slice(1)) {
      if (c === 'n') newline = false;
      else escapes = c === 'e';
    }
  }
  let text = argv.slice(i).join(' ');
  if (escapes) {
    const decoded = decodeEscapes(text, 'echo');
    text = decoded.text;
    if (decoded.stop) newline = false;
  }
  ctx.io.out.write(newline ? `${text}\n` : text);
  return 0;
}

/** An odd number of backslashes at the end: the last one escapes the newline. */
function endsInEscape(line: string): boolean {
  let n = 0;
  while (n < line.length && line[line.length - 1 - n] === '\\') n++;
  return n % 2 === 1;
}

/** `read [-r] [name …]`: one line of stdin split with IFS; the last name gets the rest of the line. */
function read(argv: string[], ctx: BuiltinContext): number {
  let raw = false;
  let i = 1;
  for (; i < argv.length && argv[i].startsWith('-') && argv[i] !== '-'; i++) {
    if (argv[i] === '--') { i++; break; }
    for (const c of argv[i].slice(1)) {
      if (c === 'r') { raw = true; continue; }
      ctx.io.err.write(`-rbash: read: -${c}: invalid option\nread: usage: read [-r] [name ...]\n`);
      return 2;
    }
  }
  const names = argv.length > i ? argv.slice(i) : ['REPLY'];
  let got = ctx.io.stdin.readLine();
  let line = got?.line ?? '';
  let complete = got?.complete ?? false;
  if (!raw) {
    // a backslash at the end of a line continues it on the next one; other backslashes escape a character
    while (complete && endsInEscape(line)) {
      got = ctx.io.stdin.readLine();
      line = line.slice(0, -1) + (got?.line ?? '');
      complete = got?.complete ?? false;
    }
    line = line.replace(/\\(.)/g, '$1');
  }
  // as bash, the line is consumed even when a name turns out to be invalid
  const bad = names.find((n) => !NAME_RE.test(n));
  if (bad !== undefined) {
    ctx.io.err.write(`-rbash: read: \`${bad}': not a valid identifier\n`);
    return 1;
  }
  const values = splitForRead(line, ctx.scope.lookup('IFS') ?? DEFAULT_IFS, names.length);
  for (const [k, name] of names.entries()) {
    const refused = ctx.scope.set(name, values[k]);
    if (refused) { ctx.io.err.write(`-rbash: ${refused}\n`); return 1; }
  }
  return complete ? 0 : 1;
}

function exit(argv: string[], ctx: BuiltinContext): number {
  const arg = argv[1];
  if (arg === undefined) throw new ExitSignal(ctx.scope.status);
  if (!/^[+-]?[0-9]+$/.test(arg)) {
    ctx.io.err.write(`-rbash: ${argv[0]}: ${arg}: numeric argument required\n`);
    throw new ExitSignal(2);
  }
  if (argv.length > 2) {
    ctx.io.err.write(`-rbash: ${argv[0]}: too many arguments\n`);
    return 1;
  }
  throw new ExitSignal(Number(BigInt(arg) & 255n));
}

function loopControl(kind: 'break' | 'continue'): Builtin {
  return (argv, ctx) => {
    const arg = argv[1] ?? '1';
    if (!/^[0-9]+$/.test(arg) || Number(arg) < 1) {
      ctx.io.err.write(`-rbash: ${kind}: ${arg}: loop count out of range\n`);
      return 1;
    }
    if (ctx.loops === 0) {
      ctx.io.err.write(`-rbash: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`);
      return 0;
    }
    throw new LoopSignal(kind, Math.min(Number(arg), ctx.loops));
  };
}

const restricted = (name: string): Builtin => (_argv, ctx) => {
  ctx.io.err.write(`-rbash: ${name}: restricted\n`);
  return 1;
};

export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ['echo', echo],
  ['read', read],
  ['true', () => 0],
  [':', () => 0],
  ['false', () => 1],
  ['exit', exit],
  ['logout', exit],
  // fence_lpar logs out with `quit` (hmc-cli.md §1)
  ['quit', exit],
  ['break', loopControl('break')],
  ['continue', loopControl('continue')],
  ['test', condition],
  ['[', condition],
  ['cd', restricted('cd')],
  ['exec', restricted('exec')],
  ['grep', (argv, ctx) => grep(argv, ctx, 'basic')],
  ['egrep', (argv, ctx) => grep(argv, ctx, 'extended')],
  ['fgrep', (argv, ctx) => grep(argv, ctx, 'fixed')],
  ['date', date],
]);
