// Parser for HMC attribute records: the text of `-i "…"` (mksyscfg/chsyscfg/migrlpar) and
// `-a "…"` (chhwres) after the shell has removed its own quoting (hmc-cli.md §3.2).
//
// A record is `attr=value` pairs separated by commas. Values that contain commas must be protected,
// and real clients use two styles that must both be accepted (hmc-cli.md §3.2):
//   1. IBM style, the whole pair quoted:   name=v1,"virtual_eth_adapters=a,b"
//   2. value style, only the value quoted: virtual_eth_adapters="a,b"      (Ansible)
// Inside a quoted segment a doubled quote `""` stands for one `"` character; this is how a list
// element that itself contains commas is written (`"virtual_eth_adapters=""2/1/1/3,4,5/0/1"""`, the
// same form as the output grammar, hmc-cli.md §4.1 / platform.md §7.3).
//
// SIM-RULE (no verified evidence of anything looser): a `"` may only open a segment at the start of a
// pair or right after its operator, and a closing `"` must be followed by `,` or the end of the
// record. Any other `"` is a syntax error; `"` is a record delimiter on the HMC (§3.2).

/** One `name op value` pair of an attribute record; `value` has the record-level quoting removed. */
export type AttributePair = { name: string; op: '=' | '+=' | '-='; value: string };

/** Syntax error in an attribute record, filter or field selection; the caller maps it to HMC text. */
export class RecordSyntaxError extends Error {
  override readonly name = 'RecordSyntaxError';
  /** The offending token (may be empty, e.g. for an empty token between two commas). */
  readonly detail: string;
  constructor(message: string, detail: string) {
    super(message);
    this.detail = detail;
  }
}

/** A top-level comma-separated token with its quoting removed. */
export type RecordToken = {
  /** Token text with quotes removed and `""` turned into `"`. */
  text: string;
  /** True when the token used either quoting style. */
  quoted: boolean;
  /** The token as written, for error messages. */
  raw: string;
};

/** Reads the quoted segment whose opening `"` is at `start`; returns its content and the index after it. */
function readQuoted(text: string, start: number): { content: string; end: number } {
  let content = '';
  let i = start + 1;
  for (;;) {
    if (i >= text.length) {
      throw new RecordSyntaxError(`unterminated double quote in ${text.slice(start)}`, text.slice(start));
    }
    const ch = text[i];
    if (ch === '"') {
      if (text[i + 1] === '"') {
        content += '"';
        i += 2;
        continue;
      }
      return { content, end: i + 1 };
    }
    content += ch;
    i++;
  }
}

/** Index of the next `,` at or after `from`, or the text length. Used only to quote error tokens. */
function tokenEnd(text: string, from: number): number {
  const j = text.indexOf(',', from);
  return j < 0 ? text.length : j;
}

/**
 * Splits a record into its top-level tokens, honouring both quoting styles. Shared with the
 * `--filter` parser (hmc-cli.md §3.3 accepts the same quoted-pair form). The empty string gives one
 * empty token, so callers see it like any other token without `=`.
 */
export function tokenizeRecord(text: string): RecordToken[] {
  const tokens: RecordToken[] = [];
  let i = 0;
  for (;;) {
    const start = i;
    let body = '';
    let quoted = false;
    if (text[i] === '"') {
      // IBM style: the whole pair is one quoted segment.
      const q = readQuoted(text, i);
      body = q.content;
      quoted = true;
      i = q.end;
    } else {
      while (i < text.length && text[i] !== ',') {
        const ch = text[i];
        if (ch === '"') {
          // Value style: allowed only right after the first `=` of the token.
          if (!body.endsWith('=') || body.indexOf('=') !== body.length - 1) {
            const raw = text.slice(start, tokenEnd(text, i));
            throw new RecordSyntaxError(`unexpected double quote in ${raw}`, raw);
          }
          const q = readQuoted(text, i);
          body += q.content;
          quoted = true;
          i = q.end;
          break;
        }
        body += ch;
        i++;
      }
    }
    if (i < text.length && text[i] !== ',') {
      const raw = text.slice(start, tokenEnd(text, i));
      throw new RecordSyntaxError(`unexpected text after closing double quote in ${raw}`, raw);
    }
    tokens.push({ text: body, quoted, raw: text.slice(start, i) });
    if (i >= text.length) return tokens;
    i++; // skip the comma; a trailing comma yields a final empty token
  }
}

const NAME_RE = /^[a-z0-9_]+$/;

/** Splits `name=value` / `name+=value` / `name-=value` at the first `=`. */
function splitPair(token: RecordToken): AttributePair {
  const eq = token.text.indexOf('=');
  if (eq < 0) {
    // e.g. `backing_devices=dev1,dev2` unquoted: `dev2` has no `=` (hmc-cli.md §3.2).
    throw new RecordSyntaxError(`attribute ${token.raw} has no "="`, token.raw);
  }
  let name = token.text.slice(0, eq);
  let op: AttributePair['op'] = '=';
  const last = name[name.length - 1];
  if (last === '+' || last === '-') {
    op = last === '+' ? '+=' : '-=';
    name = name.slice(0, -1);
  }
  if (name === '') throw new RecordSyntaxError(`empty attribute name in ${token.raw}`, token.raw);
  if (!NAME_RE.test(name)) {
    throw new RecordSyntaxError(`invalid attribute name ${name} in ${token.raw}`, token.raw);
  }
  return { name, op, value: token.text.slice(eq + 1) };
}

/**
 * Parses an `-i`/`-a` attribute record into its pairs, in order. Duplicate names are returned as they
 * are (the caller reports them). Throws RecordSyntaxError on a token without `=`, an unterminated or
 * misplaced quote, or an empty/invalid attribute name.
 */
export function parseAttributeRecord(text: string): AttributePair[] {
  return tokenizeRecord(text).map(splitPair);
}

/**
 * Splits a list value (`a,b`, `"2/1/1/3,4,5/0/1",3/1/1/10/0/1`) into its elements. An element wrapped
 * in `"…"` may contain commas, and `""` inside it is one `"` (the inverse of formatListText in
 * output.ts). `''` → []. `none` is returned as the element `none`; the caller decides what it means.
 */
export function splitListValue(value: string): string[] {
  if (value === '') return [];
  const out: string[] = [];
  let i = 0;
  for (;;) {
    const start = i;
    let element = '';
    if (value[i] === '"') {
      const q = readQuoted(value, i);
      element = q.content;
      i = q.end;
      if (i < value.length && value[i] !== ',') {
        const raw = value.slice(start, tokenEnd(value, i));
        throw new RecordSyntaxError(`unexpected text after closing double quote in ${raw}`, raw);
      }
    } else {
      const end = tokenEnd(value, i);
      element = value.slice(i, end);
      if (element.includes('"')) {
        throw new RecordSyntaxError(`unexpected double quote in list element ${element}`, element);
      }
      i = end;
    }
    out.push(element);
    if (i >= value.length) return out;
    i++;
  }
}
