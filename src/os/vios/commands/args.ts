// ioscli flag parsing: flags are `-word`; a flag takes no value, one value, an optional value (`-attr` in
// `lsdev -dev X -attr [name]`, `-fcp` in `vfcmap … -fcp` to unmap), or every word up to the next flag
// (`chdev -attr a=v b=w`). Flags may come in any order (HMC Scanner sends `lsdev -attr -dev fcs0`).
import { fail, VIOS_MSG } from '../vios-errors.ts';

export type FlagKind = 'bool' | 'value' | 'optional' | 'multi';

export interface ParsedArgs {
  has(flag: string): boolean;
  value(flag: string): string | undefined;
  list(flag: string): string[];
  positional: string[];
}

const isFlag = (w: string): boolean => /^-[A-Za-z]/.test(w);

export function parseArgs(cmd: string, args: string[], spec: Record<string, FlagKind>, maxPositional = 0): ParsedArgs {
  const seen = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    if (!isFlag(w)) { positional.push(w); continue; }
    const kind = Object.hasOwn(spec, w) ? spec[w] : undefined;
    if (kind === undefined) fail(VIOS_MSG.usage(cmd, `"${w}" is not a valid flag.`));
    if (seen.has(w)) fail(VIOS_MSG.usage(cmd, `the flag ${w} was given more than once.`));
    const vals: string[] = [];
    if (kind === 'value') {
      if (i + 1 >= args.length || isFlag(args[i + 1])) fail(VIOS_MSG.usage(cmd, `the flag ${w} needs a value.`));
      vals.push(args[++i]);
    } else if (kind === 'optional') {
      if (i + 1 < args.length && !isFlag(args[i + 1])) vals.push(args[++i]);
    } else if (kind === 'multi') {
      while (i + 1 < args.length && !isFlag(args[i + 1])) vals.push(args[++i]);
    }
    seen.set(w, vals);
  }
  if (positional.length > maxPositional) fail(VIOS_MSG.usage(cmd, `unexpected argument "${positional[maxPositional]}".`));
  return {
    has: (f) => seen.has(f),
    value: (f) => seen.get(f)?.[0],
    list: (f) => seen.get(f) ?? [],
    positional,
  };
}

/** `-attr a=v b=w` → map; a word without `=` or an attribute given twice is a usage error. */
export function parseAssignments(cmd: string, words: string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq <= 0) fail(VIOS_MSG.usage(cmd, `"${w}" is not of the form attribute=value.`));
    const k = w.slice(0, eq);
    if (m.has(k)) fail(VIOS_MSG.usage(cmd, `the attribute ${k} was given more than once.`));
    m.set(k, w.slice(eq + 1));
  }
  return m;
}
