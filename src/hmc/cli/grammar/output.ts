// HMC output formatting: default `key=value` records (hmc-cli.md §4.1, platform.md §7.3), `-F`
// selected fields with a user-chosen delimiter and `--header` (hmc-cli.md §4.2), and the empty-result
// text (§4.4). All of these are VERIFIED formats that real parsers (Ansible parseCSV, fence_lpar
// regexes, hmc-mcp csv.reader, HMC Scanner) depend on byte for byte.

import { RecordSyntaxError } from './attribute-record.ts';

/** A field value: text, a number already formatted by the caller, or a list of element strings. */
export type OutValue = string | number | readonly string[];

/** Printed on stdout, exit status 0, when a listing has no rows (hmc-cli.md §4.4, VERIFIED text). */
export const NO_RESULTS = 'No results were found.';

/** Wraps `text` in double quotes with each inner `"` doubled (the CSV style the HMC uses). */
function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * List value text: elements joined by commas; an element containing a comma is wrapped in `"…"`
 * (`3/1/1/10/0/1,"2/1/1/3,4,5/0/1"`, platform.md §7.3). An element containing `"` is also quoted with
 * the quote doubled (no verified sample; this keeps splitListValue an exact inverse). Empty list →
 * `none` (platform.md §7.3: `io_slots=none`, `virtual_scsi_adapters=none`).
 */
export function formatListText(list: readonly string[]): string {
  if (list.length === 0) return 'none';
  return list.map((el) => (el.includes(',') || el.includes('"') ? quote(el) : el)).join(',');
}

function valueText(value: OutValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return formatListText(value);
}

/**
 * The default output line: `key=value` pairs joined by commas. A pair whose text contains a comma or a
 * double quote is wrapped whole in double quotes with inner quotes doubled, which yields the
 * VERIFIED forms `"ipaddr=10.1.2.34,192.168.20.10"` and `"virtual_eth_adapters=""2/1/1/3,4,5/0/1"""`
 * (hmc-cli.md §4.1). Spaces, `:`, `<…>` and empty values stay unquoted (`state=Not Activated`,
 * `rmc_ipaddr=`). A pair whose value spans lines is quoted as well: that is the VERIFIED V7–V9
 * `lshmc -V` form (`"version= Version: 9\n…\n","base_version=V9R2\n"`, hmc-cli.md §6.1).
 */
export function formatKeyValueRecord(pairs: ReadonlyArray<readonly [string, OutValue]>): string {
  return pairs
    .map(([key, value]) => {
      const text = `${key}=${valueText(value)}`;
      return /[,"\r\n]/.test(text) ? quote(text) : text;
    })
    .join(',');
}

/**
 * The `-F` output line: values only, in the requested order, joined by the delimiter. A value whose
 * text contains the delimiter, a comma, a double quote (or a line break) is double-quoted CSV style
 * (`default_profile,"2/client/1/vios1/21/1,3/client/2/vios2/21/1"`, hmc-cli.md §4.2, VERIFIED).
 * Quoting a single list field (`-F lpar_proc_compat_modes`) is UNCERTAIN there; the default is to
 * quote, as for any value with commas. `--header` is this function applied to the field names.
 */
export function formatSelectedFields(values: readonly OutValue[], delimiter: string): string {
  return values
    .map((value) => {
      const text = valueText(value);
      const needsQuote =
        /[,"\r\n]/.test(text) || (delimiter !== '' && text.includes(delimiter));
      return needsQuote ? quote(text) : text;
    })
    .join(delimiter);
}

/**
 * Parses the `-F` argument. Field names are `[A-Za-z0-9_]+`; the delimiter is whatever the user put
 * between them (`name,lpar_id` → `,`, `name:state` → `:`, hmc-cli.md §4.2). A single field uses `,`.
 * Throws RecordSyntaxError for an empty spec, a spec that starts or ends with a delimiter, or mixed
 * delimiters (`a,b:c`): the output could not be split back unambiguously. Field names are not checked
 * here (unknown names are the caller's invalid-attribute error, platform.md §15.1).
 */
export function parseFieldSelection(spec: string): { fields: string[]; delimiter: string } {
  const parts = spec.match(/[A-Za-z0-9_]+|[^A-Za-z0-9_]+/g);
  if (parts === null) throw new RecordSyntaxError('empty field list', spec);
  const isField = (s: string): boolean => /^[A-Za-z0-9_]/.test(s);
  if (!isField(parts[0]) || !isField(parts[parts.length - 1])) {
    throw new RecordSyntaxError(`field list ${spec} starts or ends with a delimiter`, spec);
  }
  // parts alternate field, delimiter, field, … because the two patterns are complementary.
  const fields = parts.filter((_, i) => i % 2 === 0);
  const delimiters = parts.filter((_, i) => i % 2 === 1);
  const delimiter = delimiters[0] ?? ',';
  const other = delimiters.find((d) => d !== delimiter);
  if (other !== undefined) {
    throw new RecordSyntaxError(`mixed delimiters "${delimiter}" and "${other}" in ${spec}`, spec);
  }
  return { fields, delimiter };
}
