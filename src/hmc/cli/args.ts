// Flag parsing for HMC commands. Each command declares its flags; anything else is refused with an
// HSCL-style usage error and nothing runs (issue "Platform core" item 6). Flags may come in any order and
// with any spacing (hmc-cli.md §2: HMC Scanner aligns its commands, Ansible adds trailing spaces).
import { fail } from '../../errors/hmc-error.ts';

export type FlagKind = 'value' | 'bool' | 'optvalue';
export type FlagSpec = Record<string, FlagKind>;

export interface ParsedArgs {
  values: Map<string, string>;
  bools: Set<string>;
  positional: string[];
}

export function parseArgs(command: string, argv: string[], spec: FlagSpec, allowPositional = 0): ParsedArgs {
  const values = new Map<string, string>();
  const bools = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const kind = spec[a];
    if (kind === undefined) {
      if (a.startsWith('-') && a.length > 1) fail('USAGE', { why: `The ${command} command does not accept the option ${a}.` });
      if (positional.length >= allowPositional) fail('USAGE', { why: `The ${command} command does not accept the argument ${a}.` });
      positional.push(a);
      continue;
    }
    if (values.has(a) || bools.has(a)) fail('USAGE', { why: `The option ${a} was specified more than once.` });
    if (kind === 'bool') { bools.add(a); continue; }
    const next = argv[i + 1];
    if (kind === 'optvalue' && (next === undefined || (next.startsWith('-') && spec[next] !== undefined))) { values.set(a, ''); continue; }
    if (next === undefined) fail('USAGE', { why: `The option ${a} needs a value.` });
    values.set(a, next);
    i++;
  }
  return { values, bools, positional };
}

export function need(p: ParsedArgs, flag: string, command: string): string {
  const v = p.values.get(flag);
  if (v === undefined) fail('USAGE', { why: `The ${command} command needs the ${flag} option.` });
  return v!;
}

/** `-p NAME` or `--id N` (hmc-cli.md §3.1); exactly one when `required`. */
export function lparRef(p: ParsedArgs, command: string, nameFlag = '-p', required = true): { name?: string; id?: number } | undefined {
  const name = p.values.get(nameFlag);
  const id = p.values.get('--id');
  if (name !== undefined && id !== undefined) fail('USAGE', { why: `Specify either ${nameFlag} or --id, not both.` });
  if (id !== undefined) {
    if (!/^\d+$/.test(id)) fail('USAGE', { why: `The partition ID ${id} is not a number.` });
    return { id: Number(id) };
  }
  if (name !== undefined) return { name };
  if (required) fail('USAGE', { why: `The ${command} command needs the ${nameFlag} or --id option.` });
  return undefined;
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) fail('USAGE', { why: `${value} is not a valid ${what}. Valid values are ${allowed.join(', ')}.` });
  return value as T;
}
