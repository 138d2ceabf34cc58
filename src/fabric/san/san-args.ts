// Argument parsing and column output of the storage administrator's commands (san-commands.ts).
// Flags come in any order, each at most once; an unknown flag or a stray argument is refused before the
// command runs, like the HMC's own commands (hmc/cli/args.ts), but with the SAN's error entries.
import { sanFail } from './san-fail.ts';

export type FlagKind = 'value' | 'bool';
export type FlagSpec = Record<string, FlagKind>;

export class SanArgs {
  constructor(private readonly command: string, private readonly values: Map<string, string>, private readonly bools: Set<string>) {}

  get(flag: string): string | undefined { return this.values.get(flag); }
  has(flag: string): boolean { return this.bools.has(flag) || this.values.has(flag); }

  need(flag: string): string {
    const v = this.values.get(flag);
    if (v === undefined) sanFail('SAN_USAGE', { why: `The ${this.command} command needs the ${flag} option.` });
    return v!;
  }

  /** A whole number, or undefined when the flag is absent. */
  int(flag: string): number | undefined {
    const v = this.values.get(flag);
    if (v === undefined) return undefined;
    if (!/^\d{1,15}$/.test(v)) sanFail('SAN_USAGE', { why: `The value ${v} of ${flag} is not a whole number.` });
    return Number(v);
  }

  yesNo(flag: string): boolean | undefined {
    const v = this.values.get(flag);
    if (v === undefined) return undefined;
    if (v !== 'yes' && v !== 'no') sanFail('SAN_USAGE', { why: `The value ${v} of ${flag} is not valid. Valid values are yes, no.` });
    return v === 'yes';
  }

  /** A comma-separated list; empty items are kept so that the value checks can name them. */
  list(flag: string): string[] | undefined {
    const v = this.values.get(flag);
    return v === undefined ? undefined : v.split(',').map((x) => x.trim());
  }

  needList(flag: string): string[] { return this.need(flag).split(',').map((x) => x.trim()); }
}

export function parseSanArgs(command: string, argv: readonly string[], spec: FlagSpec): SanArgs {
  const values = new Map<string, string>();
  const bools = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const kind = spec[a];
    if (kind === undefined) {
      sanFail('SAN_USAGE', { why: a.startsWith('-') ? `The ${command} command does not accept the option ${a}.` : `The ${command} command does not accept the argument ${a}.` });
    }
    if (values.has(a) || bools.has(a)) sanFail('SAN_USAGE', { why: `The option ${a} was specified more than once.` });
    if (kind === 'bool') { bools.add(a); continue; }
    const next = argv[i + 1];
    if (next === undefined) sanFail('SAN_USAGE', { why: `The option ${a} needs a value.` });
    values.set(a, next);
    i++;
  }
  return new SanArgs(command, values, bools);
}

/**
 * Output form of every listing (chosen to read like a switch or array CLI): one header line of lower-case
 * column names, then one line per object; each column left-aligned and padded to its widest value, columns
 * separated by two spaces, no trailing blanks; `-` for an empty value. An empty listing prints nothing
 * (as IBM's storage CLIs do), so `| wc -l` counts objects plus one header.
 */
export function columns(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string[] {
  if (rows.length === 0) return [];
  const cells = [header, ...rows].map((r) => r.map((c) => (c === '' ? '-' : String(c))));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd());
}
