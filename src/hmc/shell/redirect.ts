// Redirections in the restricted shell (hmc-cli.md §2, SIM-RULE): rbash refuses every redirection of
// output to a file (`>`, `>>`, `>|`, `&>`, `2>/dev/null`, …: "restricted: cannot redirect output"). The
// HMC user has no files to read either, so `<` from a file is refused the same way (SIM-RULE: real rbash
// would try to open the file). What stays allowed: duplicating descriptors (`2>&1`, `>&2`, `2>&-`) and
// here-strings (`<<< word`), which touch no file.
//
// The check is static and made before anything of the pipeline runs (see interpreter.ts), so a refused
// command never reaches the HMC; the file name in the message is expanded without running substitutions.
import type { Command, Redir } from './ast.ts';
import { ExpansionError, expandStatic, expandString, type ExpandEnv } from './expand.ts';
import { Input, Sink, type Io } from './streams.ts';

type Kind = 'output' | 'input' | 'dup' | 'herestring';

function kind(r: Redir, target: string): Kind {
  switch (r.op) {
    case '<': case '<<': case '<<-': return 'input';
    case '<<<': return 'herestring';
    case '>&': return /^([0-9]+|-)$/.test(target) ? 'dup' : 'output'; // `>&file` is `&>file`
    case '<&': return /^([0-9]+|-)$/.test(target) ? 'dup' : 'input';
    default: return 'output';
  }
}

/** bash's message (without `-rbash: `) for the first redirection of these commands that is refused. */
export function refusal(cmds: readonly Command[], lookup: (name: string) => string | undefined): string | null {
  for (const cmd of cmds) {
    for (const r of cmd.redirs) {
      const target = expandStatic(r.target, lookup);
      const k = kind(r, target);
      if (k === 'dup' || k === 'herestring') continue;
      if (target === '') return `${r.target.raw}: ambiguous redirect`;
      return `${target}: restricted: cannot redirect ${k}`;
    }
  }
  return null;
}

/** Applies the allowed redirections (descriptor duplication, here-strings) of one command. */
export async function applyRedirs(redirs: readonly Redir[], io: Io, env: ExpandEnv): Promise<Io> {
  let cur = io;
  for (const r of redirs) {
    if (r.op === '<<<') {
      cur = { ...cur, stdin: new Input(`${await expandString(r.target, env)}\n`) };
      continue;
    }
    const target = expandStatic(r.target, (n) => env.lookup(n));
    if (kind(r, target) !== 'dup') throw new ExpansionError(`${target}: restricted: cannot redirect output`);
    const fd = r.fd ?? (r.op === '<&' ? 0 : 1);
    const stream = (n: string): Sink | null => (n === '1' ? cur.out : n === '2' ? cur.err : n === '-' ? new Sink(true) : null);
    if (fd === 0) {
      if (target !== '0') throw new ExpansionError(`${target}: Bad file descriptor`);
      continue;
    }
    const to = stream(target);
    if (to === null) throw new ExpansionError(`${target}: Bad file descriptor`);
    if (fd === 1) cur = { ...cur, out: to };
    else if (fd === 2) cur = { ...cur, err: to };
    // other descriptors: nothing in this shell writes to them
  }
  return cur;
}
