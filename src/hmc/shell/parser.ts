// Builds the syntax tree of one command line (ast.ts) from the lexer's tokens: lists separated by `;` and
// newlines, `&&`/`||`, pipelines, simple commands with assignments and redirections, and the compound
// commands clients use (`while read …; do …; done` from HMC Scanner; `for`, `until`, `if`, `( … )` and
// `{ …; }` for the one-liners administrators type). Errors read like bash's ("syntax error near
// unexpected token `done'"). Constructs the simulated shell does not have (`case`, functions, background
// jobs, here documents, arithmetic) are refused before anything runs rather than misread.
import {
  NAME_RE, plainText,
  type AndOr, type Assign, type Command, type ForCommand, type GroupCommand, type IfCommand, type LexPart, type LoopCommand,
  type Pipeline, type Redir, type Script, type SimpleCommand, type Token, type Word, type WordPart,
} from './ast.ts';
import { tokenize } from './lexer.ts';
import { LIMITS, ShellLimitError } from './limits.ts';
import { ShellSyntaxError } from './words.ts';

type WordToken = Extract<Token, { t: 'word' }>;
type RedirToken = Extract<Token, { t: 'redir' }>;

/** Reserved words that only close a compound command: wrong where a command should start. */
const CLOSERS = new Set(['do', 'done', 'then', 'else', 'elif', 'fi', '}', 'esac', '!']);
const UNSUPPORTED = new Set(['case', 'select', 'function', '[[', 'coproc']);
const [DO, DONE, THEN, FI, CLOSE_PAREN, CLOSE_BRACE] = ['do', 'done', 'then', 'fi', ')', '}'].map((w) => new Set([w]));
const AFTER_THEN = new Set(['elif', 'else', 'fi']);
const NEWLINE: Token = { t: 'op', op: '\n', raw: '\n' };

const unsupported = (what: string) => new ShellSyntaxError(`${what}: not supported by the simulated HMC shell`);

/** Parses a whole command line; throws ShellSyntaxError (or ShellLimitError) and then nothing may run. */
export function parse(src: string): Script {
  return new Parser(tokenize(src), { depth: 0 }).script();
}

class Parser {
  private pos = 0;

  /** `nesting` is shared with the parsers of substitutions, so that all nesting together is bounded. */
  constructor(private readonly toks: Token[], private readonly nesting: { depth: number }) {}

  script(): Script {
    const out: Script = [];
    this.skipNewlines();
    while (this.peek()) {
      out.push(this.andOr());
      if (this.separator() || !this.peek()) continue;
      this.near(this.peek());
    }
    return out;
  }

  private peek(): Token | undefined {
    return this.toks[this.pos];
  }

  private reserved(): string | null {
    const t = this.peek();
    return t?.t === 'word' ? plainText(t.parts) : null;
  }

  private skipNewlines(): void {
    for (let t = this.peek(); t?.t === 'op' && t.op === '\n'; t = this.peek()) this.pos++;
  }

  private near(tok: Token | undefined): never {
    if (!tok) throw new ShellSyntaxError('syntax error: unexpected end of file');
    const what = tok.t === 'op' && tok.op === '\n' ? 'newline' : tok.raw;
    throw new ShellSyntaxError(`syntax error near unexpected token \`${what}'`);
  }

  /** At a reserved word of `stops` (or at `)` when `stops` has it)? */
  private atStop(stops: ReadonlySet<string>): boolean {
    const t = this.peek();
    if (t?.t === 'op') return t.op === ')' && stops.has(')');
    const r = this.reserved();
    return r !== null && stops.has(r);
  }

  private expect(word: string): void {
    if (!this.atStop(new Set([word]))) this.near(this.peek());
    this.pos++;
  }

  /** Consumes `;` or newlines after a command; refuses `&` (no background jobs in this shell). */
  private separator(): boolean {
    const t = this.peek();
    if (t?.t !== 'op') return false;
    if (t.op === '&') throw unsupported('&: background jobs');
    if (t.op !== ';' && t.op !== '\n') return false;
    this.pos++;
    this.skipNewlines();
    return true;
  }

  /** A compound list, ended by one of the reserved words in `stops` (which is left for the caller). */
  private list(stops: ReadonlySet<string>): Script {
    const out: Script = [];
    this.skipNewlines();
    for (;;) {
      if (this.atStop(stops)) {
        if (!out.length) this.near(this.peek());
        return out;
      }
      if (!this.peek()) this.near(undefined);
      out.push(this.andOr());
      if (this.separator()) continue;
      if (stops.has(')') && this.atStop(stops)) return out; // `(a)` needs no `;` before `)`
      this.near(this.peek());
    }
  }

  private andOr(): AndOr {
    const node: AndOr = { first: this.pipeline(), rest: [] };
    for (let t = this.peek(); t?.t === 'op' && (t.op === '&&' || t.op === '||'); t = this.peek()) {
      this.pos++;
      this.skipNewlines();
      node.rest.push({ op: t.op, pipeline: this.pipeline() });
    }
    return node;
  }

  private pipeline(): Pipeline {
    const negate = this.reserved() === '!';
    if (negate) this.pos++;
    const cmds = [this.command()];
    for (let t = this.peek(); t?.t === 'op' && (t.op === '|' || t.op === '|&'); t = this.peek()) {
      this.pos++;
      // `a |& b` is `a 2>&1 | b`
      if (t.op === '|&') cmds[cmds.length - 1].redirs.push({ op: '>&', fd: 2, target: { parts: [{ k: 'lit', text: '1', quoted: false }], raw: '1' } });
      this.skipNewlines();
      cmds.push(this.command());
    }
    return { negate, cmds };
  }

  private command(): Command {
    const t = this.peek();
    const r = this.reserved();
    const paren = t?.t === 'op' && t.op === '(';
    if (paren || r === '{' || r === 'while' || r === 'until' || r === 'for' || r === 'if') {
      this.enter();
      const c = paren || r === '{' ? this.group(paren)
        : r === 'for' ? this.forCommand() : r === 'if' ? this.ifCommand() : this.loopCommand(r === 'until');
      this.nesting.depth--;
      for (let n = this.peek(); n?.t === 'redir'; n = this.peek()) { this.pos++; c.redirs.push(this.redirection(n)); }
      return c;
    }
    if (r !== null && CLOSERS.has(r)) this.near(t);
    if (r !== null && UNSUPPORTED.has(r)) throw unsupported(r);
    return this.simple();
  }

  private enter(): void {
    if (++this.nesting.depth > LIMITS.compoundDepth) throw new ShellLimitError(`commands nested more than ${LIMITS.compoundDepth} levels deep`);
  }

  private group(subshell: boolean): GroupCommand {
    this.pos++;
    const body = this.list(subshell ? CLOSE_PAREN : CLOSE_BRACE);
    this.expect(subshell ? ')' : '}');
    return { k: 'group', subshell, body, redirs: [] };
  }

  private loopCommand(until: boolean): LoopCommand {
    this.pos++;
    const cond = this.list(DO);
    this.expect('do');
    const body = this.list(DONE);
    this.expect('done');
    return { k: 'while', until, cond, body, redirs: [] };
  }

  private forCommand(): ForCommand {
    this.pos++;
    const t = this.peek();
    if (t?.t !== 'word') this.near(t);
    const name = plainText(t.parts);
    if (name === null || !NAME_RE.test(name)) throw new ShellSyntaxError(`\`${t.raw}': not a valid identifier`);
    this.pos++;
    this.skipNewlines();
    let items: Word[] | null = null;
    if (this.reserved() === 'in') {
      this.pos++;
      items = [];
      for (let w = this.peek(); w?.t === 'word'; w = this.peek()) { this.pos++; items.push(this.word(w)); }
      if (!this.separator()) this.near(this.peek());
    } else {
      this.separator();
    }
    this.expect('do');
    const body = this.list(DONE);
    this.expect('done');
    return { k: 'for', name, items, body, redirs: [] };
  }

  private ifCommand(): IfCommand {
    const node: IfCommand = { k: 'if', branches: [], orElse: null, redirs: [] };
    do {
      this.pos++; // `if` or `elif`
      const cond = this.list(THEN);
      this.expect('then');
      node.branches.push({ cond, body: this.list(AFTER_THEN) });
    } while (this.reserved() === 'elif');
    if (this.reserved() === 'else') {
      this.pos++;
      node.orElse = this.list(FI);
    }
    this.expect('fi');
    return node;
  }

  private simple(): SimpleCommand {
    const cmd: SimpleCommand = { k: 'simple', assigns: [], words: [], redirs: [] };
    for (let t = this.peek(); t?.t === 'word' || t?.t === 'redir'; t = this.peek()) {
      this.pos++;
      if (t.t === 'redir') { cmd.redirs.push(this.redirection(t)); continue; }
      const a = cmd.words.length === 0 ? this.assignment(t) : null;
      if (a) cmd.assigns.push(a);
      else cmd.words.push(this.word(t));
    }
    if (!cmd.assigns.length && !cmd.words.length && !cmd.redirs.length) this.near(this.peek());
    return cmd;
  }

  private redirection(t: RedirToken): Redir {
    if (t.op === '<<' || t.op === '<<-') throw unsupported(`${t.raw}: here-documents`);
    const target = this.peek();
    if (target?.t !== 'word') this.near(target ?? NEWLINE); // `echo >` is "near unexpected token `newline'"
    this.pos++;
    return { op: t.op, fd: t.fd, target: this.word(target) };
  }

  /** `NAME=value` before the command name (the `NAME=` must be unquoted, as in bash). */
  private assignment(t: WordToken): Assign | null {
    const first = t.parts[0];
    if (first?.k !== 'lit' || first.quoted) return null;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text);
    if (!m) return null;
    const rest: LexPart[] = [{ k: 'lit', text: first.text.slice(m[0].length), quoted: false }, ...t.parts.slice(1)];
    return { name: m[1], value: this.word({ t: 'word', parts: rest, raw: t.raw.slice(m[0].length) }) };
  }

  private word(t: WordToken): Word {
    const parts = t.parts.map((p): WordPart => {
      if (p.k !== 'subst') return p;
      this.enter();
      const body = new Parser(p.tokens, this.nesting).script();
      this.nesting.depth--;
      return { k: 'subst', body, quoted: p.quoted, raw: p.raw };
    });
    return { parts, raw: t.raw };
  }
}
