// Word expansion (bash "Shell Expansions", restricted to what the simulated shell has): parameters
// (`$name`, `${name}`, `$?`), command substitution (its output with trailing newlines removed), field
// splitting of unquoted expansion results with IFS, and quote removal (already done by the lexer).
// Tilde expansion knows only `~` and `~/…` (the user's own home). Not done, and a documented difference:
// brace expansion and pathname expansion (the HMC user has no files a pattern could match in the
// simulator, so the word stays as it is, as bash leaves a pattern that matches nothing).
import type { Script, Word, WordPart } from './ast.ts';
import { DEFAULT_IFS } from './ifs.ts';
import { checkTextSize } from './limits.ts';
import { isParameterName, tildeHome, wordFields } from './word-fields.ts';

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

function parameter(p: Extract<WordPart, { k: 'param' }>, env: ExpandEnv): string {
  if (!isParameterName(p.name)) throw new ExpansionError(`${p.raw}: bad substitution`);
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

/** Expands words into the fields a command receives (`$x` with x="a b" gives two fields, "$x" one). */
export async function expandFields(words: readonly Word[], env: ExpandEnv): Promise<string[]> {
  const out: string[] = [];
  for (const word of words) {
    const home = tildeHome(word, (n) => env.lookup(n));
    const values: string[] = [];
    for (const [k, p] of word.parts.entries()) {
      values.push(k === 0 && home !== null && p.k === 'lit' ? p.text.slice(1) : await partValue(p, env));
    }
    wordFields(word, home, values, env.lookup('IFS') ?? DEFAULT_IFS, out);
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
