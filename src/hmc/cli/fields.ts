// Listings: every `ls*` command renders rows through a field table, in the default key=value form or the
// `-F` selected form with `--header` (hmc-cli.md §4). A field table is data: name and how to read the
// value. `defaults` says which fields the plain form prints, in VERIFIED order; the others are selectable
// with -F only.
import { fail } from '../../errors/hmc-error.ts';
import { formatKeyValueRecord, formatSelectedFields, NO_RESULTS, parseFieldSelection, type OutValue } from './grammar/output.ts';
import { RecordSyntaxError } from './grammar/attribute-record.ts';
import type { ParsedArgs } from './args.ts';

export type Getter<T> = (row: T) => OutValue | undefined;
export interface FieldTable<T> {
  /** Every field, by name. */
  fields: Record<string, Getter<T>>;
  /** The plain listing's fields for a row, in order; a getter returning undefined omits the pair. */
  defaults: (row: T) => readonly string[];
}

export function renderListing<T>(out: string[], rows: readonly T[], table: FieldTable<T>, args: ParsedArgs): void {
  const spec = args.values.get('-F');
  const header = args.bools.has('--header');
  if (spec === undefined || spec === '') {
    if (header && spec === undefined) fail('USAGE', { why: 'The --header option can be used only with the -F option.' });
    if (rows.length === 0) { out.push(NO_RESULTS); return; }
    for (const r of rows) {
      const pairs: [string, OutValue][] = [];
      for (const f of table.defaults(r)) {
        const v = table.fields[f](r);
        if (v !== undefined) pairs.push([f, v]);
      }
      if (spec === '') out.push(formatSelectedFields(pairs.map(([, v]) => v), ','));
      else out.push(formatKeyValueRecord(pairs));
    }
    return;
  }
  let sel: { fields: string[]; delimiter: string };
  try {
    sel = parseFieldSelection(spec);
  } catch (e) {
    if (e instanceof RecordSyntaxError) return fail('INVALID_ATTRIBUTE', { name: e.detail || spec });
    throw e;
  }
  for (const f of sel.fields) if (!Object.hasOwn(table.fields, f)) fail('INVALID_ATTRIBUTE', { name: f });
  if (rows.length === 0) { out.push(NO_RESULTS); return; }
  if (header) out.push(sel.fields.join(sel.delimiter));
  for (const r of rows) out.push(formatSelectedFields(sel.fields.map((f) => table.fields[f](r) ?? ''), sel.delimiter));
}

/** Shorthands for field tables. */
export const num = (n: number): string => String(n);
export const list = (l: readonly string[]): readonly string[] => l;
