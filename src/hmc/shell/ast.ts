// Tokens and syntax tree of the restricted HMC shell (hmc-cli.md §2). The lexer produces tokens whose
// words keep their parts apart (literal text, `$name`, command substitution) because quoting decides
// later which expansion results are split into fields; the parser turns them into the tree below.

/** Redirection operators bash knows; which of them the restricted shell allows is decided in redirect.ts. */
export type RedirOp = '>' | '>>' | '>|' | '<' | '<<' | '<<-' | '<<<' | '<>' | '>&' | '<&' | '&>' | '&>>';

/** One piece of a word. `quoted` marks text inside quotes: it is never split into fields. */
export type LexPart =
  | { k: 'lit'; text: string; quoted: boolean }
  | { k: 'param'; name: string; quoted: boolean; raw: string }
  | { k: 'subst'; tokens: Token[]; quoted: boolean; raw: string };

export type Token =
  | { t: 'word'; parts: LexPart[]; raw: string }
  | { t: 'op'; op: ';' | ';;' | '&&' | '||' | '|' | '|&' | '&' | '(' | ')' | '\n'; raw: string }
  | { t: 'redir'; op: RedirOp; fd: number | null; raw: string };

export type WordPart =
  | { k: 'lit'; text: string; quoted: boolean }
  | { k: 'param'; name: string; quoted: boolean; raw: string }
  | { k: 'subst'; body: Script; quoted: boolean; raw: string };

export interface Word { parts: WordPart[]; raw: string }
export interface Redir { op: RedirOp; fd: number | null; target: Word }
export interface Assign { name: string; value: Word }

export interface SimpleCommand { k: 'simple'; assigns: Assign[]; words: Word[]; redirs: Redir[] }
export interface LoopCommand { k: 'while'; until: boolean; cond: Script; body: Script; redirs: Redir[] }
export interface ForCommand { k: 'for'; name: string; items: Word[] | null; body: Script; redirs: Redir[] }
export interface IfCommand { k: 'if'; branches: { cond: Script; body: Script }[]; orElse: Script | null; redirs: Redir[] }
/** `( list )` runs in a subshell, `{ list; }` in the current shell. */
export interface GroupCommand { k: 'group'; subshell: boolean; body: Script; redirs: Redir[] }
export type Command = SimpleCommand | LoopCommand | ForCommand | IfCommand | GroupCommand;

export interface Pipeline { negate: boolean; cmds: Command[] }
/** `a && b || c`: the first pipeline, then each further one with the operator before it. */
export interface AndOr { first: Pipeline; rest: { op: '&&' | '||'; pipeline: Pipeline }[] }
/** A list of and-or lists separated by `;` or newlines. */
export type Script = AndOr[];

export const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The word's text when it is one unquoted literal (how reserved words such as `do` are recognised). */
export function plainText(parts: readonly (LexPart | WordPart)[]): string | null {
  if (parts.length !== 1) return null;
  const p = parts[0];
  return p.k === 'lit' && !p.quoted ? p.text : null;
}
