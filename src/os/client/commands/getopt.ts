// POSIX getopt for the client's AIX commands: flags may be grouped (`-Cc disk`, `-El hdisk0`, `-vl ent0`),
// a flag's value may be attached (`-cdisk`) or the next word, `--` ends the flags, and a flag may repeat
// (`-a attr -a attr`). The spec names the letters, `:` after one that takes a value (as getopt(3)).
import { err, type ClientResult } from '../shell/client-command.ts';

export interface Opts {
  /** Values per flag letter in order; a flag without a value records ''. */
  flags: Map<string, string[]>;
  operands: string[];
  has(letter: string): boolean;
  /** The last value given for a flag. */
  value(letter: string): string | undefined;
  all(letter: string): string[];
}

/** Parsed options, or the usage error to print (exit 1 unless the command says otherwise). */
export function getopt(cmd: string, argv: string[], spec: string, usage: string): Opts | ClientResult {
  const takes = new Map<string, boolean>();
  for (let i = 0; i < spec.length; i++) if (spec[i] !== ':') takes.set(spec[i], spec[i + 1] === ':');
  const flags = new Map<string, string[]>();
  const operands: string[] = [];
  const add = (k: string, v: string): void => { flags.set(k, [...(flags.get(k) ?? []), v]); };
  const fail = (why: string): ClientResult => err(`${cmd}: ${why}\n${usage}`);
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { i++; break; }
    if (!a.startsWith('-') || a === '-') break;
    for (let k = 1; k < a.length; k++) {
      const c = a[k];
      const arg = takes.get(c);
      if (arg === undefined) return fail(`Not a recognized flag: ${c}`);
      if (!arg) { add(c, ''); continue; }
      const v = k + 1 < a.length ? a.slice(k + 1) : argv[++i];
      if (v === undefined) return fail(`Flag -${c} requires a parameter`);
      add(c, v);
      break;
    }
  }
  operands.push(...argv.slice(i));
  return {
    flags, operands,
    has: (l) => flags.has(l),
    value: (l) => flags.get(l)?.at(-1),
    all: (l) => flags.get(l) ?? [],
  };
}

export const isResult = (x: Opts | ClientResult): x is ClientResult => 'exit' in x;

/**
 * `-F format`: each field name (a run of letters, digits and `_`) is replaced by the device's value,
 * everything else is kept (AIX: "column names separated by non-alphanumeric characters or white space").
 * Unknown names print as empty fields.
 */
export function formatFields(format: string, value: (field: string) => string | undefined): string {
  return format.replace(/[A-Za-z0-9_]+/g, (f) => value(f) ?? '');
}
