// POSIX regular expressions as GNU grep reads them: basic (BRE, plain `grep`: `\( \) \{ \} \| \+ \?` are
// the operators, `*` at the start is literal, `^`/`$` anchor only at the ends) and extended (ERE, `grep -E`
// and `egrep`), with the GNU escapes `\w \W \s \S \b \B \< \>`. Error texts are GNU grep 3.x's. The
// tree is matched by regex-match.ts in linear time; a user's pattern never reaches a backtracking engine,
// so no pattern can hang the simulator. Back-references (`\1`) are refused: they need backtracking.

export class RegexError extends Error {
  override name = 'RegexError';
}

export type Flavor = 'basic' | 'extended';
export type Assertion = 'bol' | 'eol' | 'wordBoundary' | 'notWordBoundary' | 'wordStart' | 'wordEnd' | 'notWordBefore' | 'notWordAfter';
export type CharTest = (c: string) => boolean;

export type Re =
  | { t: 'char'; test: CharTest }
  | { t: 'cat'; items: Re[] }
  | { t: 'alt'; items: Re[] }
  | { t: 'rep'; item: Re; min: number; max: number }
  | { t: 'assert'; kind: Assertion };

/** RE_DUP_MAX of glibc. */
const MAX_REPEAT = 32767;

export const isWordChar: CharTest = (c) => /^[\p{L}\p{N}_]$/u.test(c);
const isSpace: CharTest = (c) => ' \t\n\r\f\v'.includes(c);

const CLASSES: Record<string, CharTest> = {
  alpha: (c) => /^\p{L}$/u.test(c), digit: (c) => c >= '0' && c <= '9', alnum: (c) => /^[\p{L}\p{N}]$/u.test(c),
  upper: (c) => /^\p{Lu}$/u.test(c), lower: (c) => /^\p{Ll}$/u.test(c), space: isSpace, blank: (c) => c === ' ' || c === '\t',
  punct: (c) => /^[!-/:-@[-`{-~]$/.test(c), print: (c) => c >= ' ' && c !== '\x7f', graph: (c) => c > ' ' && c !== '\x7f',
  cntrl: (c) => c < ' ' || c === '\x7f', xdigit: (c) => /^[0-9A-Fa-f]$/.test(c),
};

const ESCAPES: Record<string, Re> = {
  w: { t: 'char', test: isWordChar }, W: { t: 'char', test: (c) => !isWordChar(c) },
  s: { t: 'char', test: isSpace }, S: { t: 'char', test: (c) => !isSpace(c) },
  b: { t: 'assert', kind: 'wordBoundary' }, B: { t: 'assert', kind: 'notWordBoundary' },
  '<': { t: 'assert', kind: 'wordStart' }, '>': { t: 'assert', kind: 'wordEnd' },
  '`': { t: 'assert', kind: 'bol' }, "'": { t: 'assert', kind: 'eol' },
};

const literal = (ch: string): Re => ({ t: 'char', test: (c) => c === ch });
const EMPTY: Re = { t: 'cat', items: [] };

export function parseRegex(pattern: string, flavor: Flavor): Re {
  return new RegexParser(pattern, flavor === 'extended').parse();
}

/** A fixed string (grep -F) as a tree. */
export function literalRe(text: string): Re {
  return { t: 'cat', items: Array.from(text, literal) };
}

class RegexParser {
  private i = 0;
  private depth = 0;

  constructor(private readonly p: string, private readonly ere: boolean) {}

  parse(): Re {
    const re = this.alt();
    if (this.i < this.p.length) throw new RegexError('Unmatched ) or \\)');
    return re;
  }

  private at(s: string): boolean {
    return this.p.startsWith(s, this.i);
  }

  private alt(): Re {
    const items = [this.cat()];
    while (this.at(this.ere ? '|' : '\\|')) {
      this.i += this.ere ? 1 : 2;
      items.push(this.cat());
    }
    return items.length === 1 ? items[0] : { t: 'alt', items };
  }

  private cat(): Re {
    const items: Re[] = [];
    while (this.i < this.p.length) {
      if (this.ere ? this.at('|') || (this.at(')') && this.depth > 0) : this.at('\\|') || this.at('\\)')) break;
      const atStart = items.length === 0 || (items.length === 1 && items[0].t === 'assert' && items[0].kind === 'bol');
      items.push(this.quantified(this.atom(items.length === 0, atStart)));
    }
    if (!this.ere && this.at('\\)') && this.depth === 0) throw new RegexError('Unmatched ) or \\)');
    return items.length === 1 ? items[0] : { t: 'cat', items };
  }

  /** `catStart`: first atom of a branch; `atStart`: also after a leading `^` (where `*` is literal). */
  private atom(catStart: boolean, atStart: boolean): Re {
    const p = this.p;
    const c = p[this.i];
    if (c === '[') return this.bracket();
    if (c === '.') { this.i++; return { t: 'char', test: () => true }; }
    if (this.ere) {
      if (c === '(') return this.group(1, ')');
      if (c === '^') { this.i++; return { t: 'assert', kind: 'bol' }; }
      if (c === '$') { this.i++; return { t: 'assert', kind: 'eol' }; }
      // GNU: a quantifier with nothing before it applies to the empty string
      if (atStart && (c === '*' || c === '+' || c === '?' || (c === '{' && this.interval(true) !== null))) return EMPTY;
    } else {
      if (this.at('\\(')) return this.group(2, '\\)');
      if (c === '^' && catStart) { this.i++; return { t: 'assert', kind: 'bol' }; }
      if (c === '$' && (this.i + 1 === p.length || p.startsWith('\\)', this.i + 1) || p.startsWith('\\|', this.i + 1))) {
        this.i++;
        return { t: 'assert', kind: 'eol' };
      }
      if (c === '*' && atStart) { this.i++; return literal('*'); }
      if (this.at('\\{') && atStart) { this.i += 2; return literal('{'); }
    }
    if (c === '\\') return this.escape();
    const ch = String.fromCodePoint(p.codePointAt(this.i) ?? 0);
    this.i += ch.length;
    return literal(ch);
  }

  private group(open: number, close: string): Re {
    this.i += open;
    this.depth++;
    const inner = this.alt();
    if (!this.at(close)) throw new RegexError('Unmatched ( or \\(');
    this.i += close.length;
    this.depth--;
    return inner;
  }

  private escape(): Re {
    const n = this.p[this.i + 1];
    if (n === undefined) throw new RegexError('Trailing backslash');
    this.i += 2;
    if (Object.hasOwn(ESCAPES, n)) return ESCAPES[n];
    if (n >= '1' && n <= '9') throw new RegexError('back-references are not supported by the simulated HMC shell');
    return literal(n);
  }

  private quantified(atom: Re): Re {
    let re = atom;
    for (;;) {
      let min: number;
      let max: number;
      if (this.at('*')) { this.i++; min = 0; max = Infinity; }
      else if (this.at(this.ere ? '+' : '\\+')) { this.i += this.ere ? 1 : 2; min = 1; max = Infinity; }
      else if (this.at(this.ere ? '?' : '\\?')) { this.i += this.ere ? 1 : 2; min = 0; max = 1; }
      else if (this.at(this.ere ? '{' : '\\{')) {
        const iv = this.interval(false);
        if (iv === null) return re; // ERE: `{` that does not start an interval is a literal
        [min, max] = iv;
      } else return re;
      re = { t: 'rep', item: re, min, max };
    }
  }

  /** `{m}`, `{m,}`, `{,n}`, `{m,n}` (BRE: `\{…\}`); null when ERE text is not an interval (then literal). */
  private interval(peek: boolean): [number, number] | null {
    const p = this.p;
    const open = this.ere ? 1 : 2;
    const close = this.ere ? '}' : '\\}';
    let j = this.i + open;
    const digits = () => { const s = j; while (j < p.length && p[j] >= '0' && p[j] <= '9') j++; return p.slice(s, j); };
    const lo = digits();
    const comma = p[j] === ',';
    if (comma) j++;
    const hi = comma ? digits() : lo;
    if (!p.startsWith(close, j)) {
      if (this.ere) return null;
      throw new RegexError(j >= p.length || (j + 1 >= p.length && p[j] === '\\') ? 'Unmatched \\{' : 'Invalid content of \\{\\}');
    }
    if (lo === '' && !comma) {
      if (this.ere) return null;
      throw new RegexError('Invalid content of \\{\\}');
    }
    const min = lo === '' ? 0 : Number(lo);
    const max = hi === '' ? Infinity : Number(hi);
    if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) throw new RegexError('Regular expression too big');
    if (max < min) throw new RegexError('Invalid content of \\{\\}');
    if (!peek) this.i = j + close.length;
    return [min, max];
  }

  private bracket(): Re {
    const p = this.p;
    const unmatched = () => new RegexError('Unmatched [, [^, [:, [., or [=');
    let j = this.i + 1;
    const negate = p[j] === '^';
    if (negate) j++;
    const start = j;
    const tests: CharTest[] = [];
    const element = (): string => {
      if (p[j] === '[' && (p[j + 1] === '.' || p[j + 1] === '=')) {
        const end = p.indexOf(`${p[j + 1]}]`, j + 2);
        if (end < 0) throw unmatched();
        const name = p.slice(j + 2, end);
        if ([...name].length !== 1) throw new RegexError('Invalid collation character');
        j = end + 2;
        return name;
      }
      const ch = String.fromCodePoint(p.codePointAt(j) ?? 0);
      j += ch.length;
      return ch;
    };
    for (let first = true; ; first = false) {
      if (j >= p.length) throw unmatched();
      if (p[j] === ']' && !first) break;
      if (p[j] === '[' && p[j + 1] === ':') {
        const end = p.indexOf(':]', j + 2);
        if (end < 0) throw unmatched();
        const name = p.slice(j + 2, end);
        if (!Object.hasOwn(CLASSES, name)) throw new RegexError('Invalid character class name');
        tests.push(CLASSES[name]);
        j = end + 2;
        continue;
      }
      const lo = element();
      if (p[j] === '-' && j + 1 < p.length && p[j + 1] !== ']') {
        j++;
        const hi = element();
        const a = lo.codePointAt(0) ?? 0;
        const b = hi.codePointAt(0) ?? 0;
        if (b < a) throw new RegexError('Invalid range end');
        tests.push((c) => { const x = c.codePointAt(0) ?? -1; return x >= a && x <= b; });
      } else {
        tests.push((c) => c === lo);
      }
    }
    const body = p.slice(start, j);
    if (body.length >= 2 && body.startsWith(':') && body.endsWith(':') && !negate) {
      throw new RegexError('character class syntax is [[:space:]], not [:space:]');
    }
    this.i = j + 1;
    return { t: 'char', test: (c) => tests.some((t) => t(c)) !== negate };
  }
}
