// Word expansion (bash "Shell Expansions", restricted to what the simulated shell has): parameters
// (`$name`, `${name}`, `$?`), command substitution (its output with trailing newlines removed), field
// splitting of unquoted expansion results with IFS, and quote removal (already done by the lexer).
// Tilde expansion knows only `~` and `~/…` (the user's own home). Not done, and a documented difference:
// brace expansion and pathname expansion (the HMC user has no files a pattern could match in the
// simulator, so the word stays as it is, as bash leaves a pattern that matches nothing).
import { NAME_RE, type Script, type Word, type WordPart } from './ast.ts';
import { DEFAULT_IFS, splitFields } from './ifs.ts';
import { checkTextSize } from './limits.ts';

/** An expansion that fails the command (bash prints it and the command's status is 1). */
export class ExpansionError extends Error {
  override name = 'ExpansionError';
}

export interface ExpandEnv {
  /** A variable or special parameter; undefined when unset. */
  lookup(name: string): string | undefined;
  /** Runs a command substitution and returns everything it wrote to stdout. */
  substitute(body: Script): Promise<string>;
}

const SPECIAL = /^([?$#@*!0-9-]|[0-9]+)$/;

function parameter(p: Extract<WordPart, { k: 'param' }>, env: ExpandEnv): string {
  if (!NAME_RE.test(p.name) && !SPECIAL.test(p.name)) throw new ExpansionError(`${p.raw}: bad substitution`);
  return env.lookup(p.name) ?? '';
}

function withoutTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '\n') end--;
  return text.slice(0, end);
}

async function partValue(p: WordPart, env: ExpandEnv): Promise<string> {
  if (p.k === 'lit') return p.text;
  if (p.k === 'param') return parameter(p, env);
  return withoutTrailingNewlines(await env.substitute(p.body));
}

/** `~` or `~/…` at the start of an unquoted word: the home directory that replaces the `~`. */
function tilde(word: Word, env: ExpandEnv): string | null {
  const first = word.parts[0];
  if (first?.k !== 'lit' || first.quoted || !first.text.startsWith('~')) return null;
  if (first.text.length > 1 ? first.text[1] !== '/' : word.parts.length > 1) return null;
  return env.lookup('HOME') ?? '';
}

/** Expands words into the fields a command receives (`$x` with x="a b" gives two fields, "$x" one). */
export async function expandFields(words: readonly Word[], env: ExpandEnv): Promise<string[]> {
  const out: string[] = [];
  for (const word of words) {
    const home = tilde(word, env);
    let cur = home ?? '';
    let exists = home !== null; // a quoted part, even an empty one (""), makes a field
    const close = () => { if (exists) out.push(cur); cur = ''; exists = false; };
    for (const [k, p] of word.parts.entries()) {
      const value = k === 0 && home !== null && p.k === 'lit' ? p.text.slice(1) : await partValue(p, env);
      if (p.k === 'lit' || p.quoted) {
        cur += value;
        exists = true;
      } else {
        const split = splitFields(value, env.lookup('IFS') ?? DEFAULT_IFS);
        if (split.leading) close();
        split.fields.forEach((f, i) => {
          if (i > 0) close();
          cur += f;
          exists = true;
        });
        if (split.trailing) close();
      }
      checkTextSize(cur.length);
    }
    close();
  }
  return out;
}

/** Expands a word into one string without field splitting (assignments, here-strings). */
export async function expandString(word: Word, env: ExpandEnv): Promise<string> {
  let text = '';
  for (const p of word.parts) {
    text += await partValue(p, env);
    checkTextSize(text.length);
  }
  return text;
}

/** The word with parameters expanded but substitutions left as written: runs nothing (for refusals). */
export function expandStatic(word: Word, lookup: (name: string) => string | undefined): string {
  return word.parts.map((p) => (p.k === 'lit' ? p.text : p.k === 'subst' ? p.raw : lookup(p.name) ?? '')).join('');
}
