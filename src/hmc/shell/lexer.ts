// Splits a command line into words, operators and redirections the way bash does (hmc-cli.md §2): single
// quotes keep everything; double quotes keep spaces and honour \" \\ \$ \` escapes and expansions; a
// backslash outside quotes escapes the next character; `#` at the start of a word begins a comment.
// Words keep literal text, `$name`/`${name}` and command substitutions (`$( )`, backticks) as separate
// parts, because quoting decides later which expansion results are split into fields (expand.ts).
import type { LexPart, RedirOp, Token } from './ast.ts';
import { decodeEscapes } from './escapes.ts';
import { LIMITS, ShellLimitError } from './limits.ts';
import { ShellSyntaxError } from './words.ts';

type OpToken = Extract<Token, { t: 'op' }>['op'];

// Longest first, so that `&&` wins over `&` and `>>` over `>`.
const OPERATORS: readonly [string, 'op' | 'redir'][] = [
  ['&>>', 'redir'], ['<<<', 'redir'], ['<<-', 'redir'],
  ['&&', 'op'], ['||', 'op'], [';;', 'op'], ['|&', 'op'], ['&>', 'redir'], ['<<', 'redir'], ['<>', 'redir'],
  ['<&', 'redir'], ['>>', 'redir'], ['>|', 'redir'], ['>&', 'redir'],
  ['&', 'op'], [';', 'op'], ['|', 'op'], ['(', 'op'], [')', 'op'], ['\n', 'op'], ['<', 'redir'], ['>', 'redir'],
];

const WORD_END = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);

export const unexpectedEof = (closing: string): ShellSyntaxError =>
  new ShellSyntaxError(`unexpected EOF while looking for matching \`${closing}'\nsyntax error: unexpected end of file`);

export function tokenize(src: string): Token[] {
  return new Lexer(src, 0).tokens(false);
}

class Lexer {
  pos = 0;
  private parts: LexPart[] = [];

  constructor(private readonly src: string, private readonly depth: number) {}

  /** Tokens up to the end of the source, or (inSubst) up to the `)` that closes `$(`. */
  tokens(inSubst: boolean): Token[] {
    const out: Token[] = [];
    const s = this.src;
    let parens = 0;
    for (;;) {
      while (this.pos < s.length) {
        if (s[this.pos] === ' ' || s[this.pos] === '\t') this.pos++;
        else if (s[this.pos] === '\\' && s[this.pos + 1] === '\n') this.pos += 2;
        else break;
      }
      if (this.pos >= s.length) {
        if (inSubst) throw unexpectedEof(')');
        return out;
      }
      if (s[this.pos] === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
        continue;
      }
      const op = this.operator();
      if (op === null) { out.push(this.word()); continue; }
      if (op.t === 'op' && op.op === '(') parens++;
      if (op.t === 'op' && op.op === ')') {
        if (inSubst && parens === 0) return out;
        parens--;
      }
      out.push(op);
    }
  }

  private operator(): Token | null {
    const s = this.src;
    let j = this.pos;
    while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
    const fd = j > this.pos && (s[j] === '<' || s[j] === '>') ? Number(s.slice(this.pos, j)) : null;
    for (const [text, kind] of OPERATORS) {
      if (!s.startsWith(text, j) || (fd !== null && kind !== 'redir') || (fd === null && j !== this.pos)) continue;
      const raw = s.slice(this.pos, j + text.length);
      this.pos = j + text.length;
      return kind === 'op' ? { t: 'op', op: text as OpToken, raw } : { t: 'redir', op: text as RedirOp, fd, raw };
    }
    return null;
  }

  private lit(text: string, quoted: boolean): void {
    const last = this.parts.at(-1);
    if (last && last.k === 'lit' && last.quoted === quoted) last.text += text;
    else this.parts.push({ k: 'lit', text, quoted });
  }

  private word(): Token {
    const s = this.src;
    const start = this.pos;
    this.parts = [];
    while (this.pos < s.length && !WORD_END.has(s[this.pos])) {
      const c = s[this.pos];
      if (c === '\\') {
        if (this.pos + 1 >= s.length) this.lit('\\', true); // a backslash ending the line stays
        else if (s[this.pos + 1] !== '\n') this.lit(s[this.pos + 1], true);
        this.pos += 2;
      } else if (c === "'") {
        const end = s.indexOf("'", this.pos + 1);
        if (end < 0) throw unexpectedEof("'");
        this.lit(s.slice(this.pos + 1, end), true);
        this.pos = end + 1;
      } else if (c === '"') {
        this.doubleQuoted();
      } else if (c === '$') {
        this.dollar(false);
      } else if (c === '`') {
        this.backtick(false);
      } else {
        this.lit(c, false);
        this.pos++;
      }
    }
    return { t: 'word', parts: this.parts, raw: s.slice(start, this.pos) };
  }

  private doubleQuoted(): void {
    const s = this.src;
    this.pos++;
    this.lit('', true); // "" is an (empty) word of its own
    for (;;) {
      if (this.pos >= s.length) throw unexpectedEof('"');
      const c = s[this.pos];
      if (c === '"') { this.pos++; return; }
      if (c === '\\') {
        const n = s[this.pos + 1];
        if (n === '\n') { this.pos += 2; continue; }
        if (n !== undefined && '$`"\\'.includes(n)) { this.lit(n, true); this.pos += 2; continue; }
        this.lit('\\', true);
        this.pos++;
      } else if (c === '$') {
        this.dollar(true);
      } else if (c === '`') {
        this.backtick(true);
      } else {
        this.lit(c, true);
        this.pos++;
      }
    }
  }

  private dollar(quoted: boolean): void {
    const s = this.src;
    const i = this.pos;
    const n = s[i + 1] ?? '';
    if (n === '(') {
      if (s[i + 2] === '(') throw new ShellSyntaxError('$((: arithmetic expansion is not supported by the simulated HMC shell');
      const sub = new Lexer(s, this.nestedDepth());
      sub.pos = i + 2;
      const tokens = sub.tokens(true);
      this.parts.push({ k: 'subst', tokens, quoted, raw: s.slice(i, sub.pos) });
      this.pos = sub.pos;
    } else if (n === '{') {
      const end = s.indexOf('}', i + 2);
      if (end < 0) throw unexpectedEof('}');
      this.parts.push({ k: 'param', name: s.slice(i + 2, end), quoted, raw: s.slice(i, end + 1) });
      this.pos = end + 1;
    } else if (n === "'" && !quoted) {
      let j = i + 2;
      while (j < s.length && s[j] !== "'") j += s[j] === '\\' ? 2 : 1;
      if (j >= s.length) throw unexpectedEof("'");
      this.lit(decodeEscapes(s.slice(i + 2, j), 'ansi').text, true);
      this.pos = j + 1;
    } else if (n === '"' && !quoted) {
      this.pos = i + 1; // $"…" (locale translation) is "…"
    } else if (/[A-Za-z_]/.test(n)) {
      let j = i + 2;
      while (j < s.length && /[A-Za-z0-9_]/.test(s[j])) j++;
      this.parts.push({ k: 'param', name: s.slice(i + 1, j), quoted, raw: s.slice(i, j) });
      this.pos = j;
    } else if (n !== '' && '0123456789?$#@*!-'.includes(n)) {
      this.parts.push({ k: 'param', name: n, quoted, raw: s.slice(i, i + 2) });
      this.pos = i + 2;
    } else {
      this.lit('$', quoted);
      this.pos = i + 1;
    }
  }

  private backtick(quoted: boolean): void {
    const s = this.src;
    let j = this.pos + 1;
    let body = '';
    for (;;) {
      if (j >= s.length) throw unexpectedEof('`');
      const c = s[j];
      if (c === '`') break;
      const n = s[j + 1];
      if (c === '\\' && n !== undefined && ('$`\\'.includes(n) || (quoted && n === '"'))) { body += n; j += 2; continue; }
      body += c;
      j++;
    }
    const tokens = new Lexer(body, this.nestedDepth()).tokens(false);
    this.parts.push({ k: 'subst', tokens, quoted, raw: s.slice(this.pos, j + 1) });
    this.pos = j + 1;
  }

  private nestedDepth(): number {
    if (this.depth + 1 > LIMITS.substitutionDepth) {
      throw new ShellLimitError(`command substitution: nested more than ${LIMITS.substitutionDepth} levels deep`);
    }
    return this.depth + 1;
  }
}
