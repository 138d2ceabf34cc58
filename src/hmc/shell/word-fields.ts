// The expansion steps both simulated shells share (the HMC's rbash, expand.ts, which runs command
// substitutions asynchronously, and the client partition's ksh, src/os/client/shell/ksh-expand.ts, which
// runs them at once): which parameter names exist, tilde expansion, and how a word's expanded parts become
// the fields a command receives. Each shell computes the parts' values its own way and hands them here.
import { NAME_RE, type Word } from './ast.ts';
import { splitFields } from './ifs.ts';
import { checkTextSize } from './limits.ts';

const SPECIAL = /^([?$#@*!0-9-]|[0-9]+)$/;

/** A name `$name` / `${name}` may use: a variable name or a special parameter. */
export const isParameterName = (name: string): boolean => NAME_RE.test(name) || SPECIAL.test(name);

/** `~` or `~/…` at the start of an unquoted word: the home directory that replaces the `~`, else null. */
export function tildeHome(word: Word, lookup: (name: string) => string | undefined): string | null {
  const first = word.parts[0];
  if (first?.k !== 'lit' || first.quoted || !first.text.startsWith('~')) return null;
  if (first.text.length > 1 ? first.text[1] !== '/' : word.parts.length > 1) return null;
  return lookup('HOME') ?? '';
}

/**
 * The fields one word gives (`$x` with x="a b" gives two fields, "$x" one): `values[k]` is the expanded
 * text of part k (for a tilde word, part 0 without its `~`), `home` what tildeHome returned. Literal and
 * quoted parts join the current field; unquoted expansion results are split with IFS. Appends to `out`.
 */
export function wordFields(word: Word, home: string | null, values: readonly string[], ifs: string, out: string[]): void {
  let cur = home ?? '';
  let exists = home !== null; // a quoted part, even "" alone, makes a field
  const close = (): void => { if (exists) out.push(cur); cur = ''; exists = false; };
  word.parts.forEach((p, k) => {
    const value = values[k];
    if (p.k === 'lit' || p.quoted) {
      cur += value;
      exists = true;
    } else {
      const split = splitFields(value, ifs);
      if (split.leading) close();
      split.fields.forEach((f, i) => { if (i > 0) close(); cur += f; exists = true; });
      if (split.trailing) close();
    }
    checkTextSize(cur.length);
  });
  close();
}
