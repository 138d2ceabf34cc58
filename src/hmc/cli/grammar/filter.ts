// Parser for `--filter` values (hmc-cli.md §3.3).
//
// Real clients send `lpar_names=vios1`, `"lpar_names=vios1,profile_names=default_profile"`,
// `names=a,b` and, when a multi-value filter is combined with another one, the quoted-pair form
// `"lpar_names=a,b",profile_names=p` (IBM documented). SIM-RULE from §3.3: split on commas; a token
// containing `=` starts a new filter, a token without `=` is one more value of the previous filter;
// also accept the quoted-pair form. The value-style form `lpar_names="a,b"` is accepted too because
// the tokenizer is shared with the attribute-record parser (§3.2).
//
// Which filter names are valid for a command is decided by the caller.

import { RecordSyntaxError, splitListValue, tokenizeRecord } from './attribute-record.ts';

/**
 * Parses a `--filter` value into filter name → values, in order of appearance. Throws
 * RecordSyntaxError for an empty filter, a leading token without `=`, an empty token, an empty filter
 * name, a repeated filter name or bad quoting.
 */
export function parseFilter(text: string): Map<string, string[]> {
  const filters = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const token of tokenizeRecord(text)) {
    const eq = token.text.indexOf('=');
    if (eq < 0) {
      // A bare value continues the previous filter (`lpar_names=a,b`). A quoted token without `=`
      // or an empty token (`a=1,,b`, trailing comma) has no such reading.
      if (current === undefined) {
        throw new RecordSyntaxError(`filter ${token.raw} has no "="`, token.raw);
      }
      if (token.quoted || token.text === '') {
        throw new RecordSyntaxError(`invalid filter value ${token.raw}`, token.raw);
      }
      current.push(token.text);
      continue;
    }
    const name = token.text.slice(0, eq);
    const value = token.text.slice(eq + 1);
    if (name === '') throw new RecordSyntaxError(`empty filter name in ${token.raw}`, token.raw);
    if (filters.has(name)) {
      throw new RecordSyntaxError(`filter ${name} is specified more than once`, token.raw);
    }
    // A quoted pair carries its whole value list (elements may themselves be quoted, §3.2);
    // an unquoted pair carries exactly one value, further values follow as bare tokens. An empty
    // value is kept as one empty value either way so the caller sees the same thing.
    current = token.quoted && value !== '' ? splitListValue(value) : [value];
    filters.set(name, current);
  }
  return filters;
}
