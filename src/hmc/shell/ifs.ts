// Field splitting with IFS, as POSIX describes it: IFS white space (space, tab, newline) around fields is
// dropped and runs of it separate fields; any other IFS character separates exactly two fields. Used for
// unquoted expansion results and for `read`.

export const DEFAULT_IFS = ' \t\n';

const isWhite = (c: string) => c === ' ' || c === '\t' || c === '\n';

export interface Split {
  fields: string[];
  /** The text began (ends) with a separator: a field in progress before (after) it is closed. */
  leading: boolean;
  trailing: boolean;
}

export function splitFields(text: string, ifs: string): Split {
  if (text === '') return { fields: [], leading: false, trailing: false };
  if (ifs === '') return { fields: [text], leading: false, trailing: false };
  const white = (c: string) => isWhite(c) && ifs.includes(c);
  let i = 0;
  while (i < text.length && white(text[i])) i++;
  if (i === text.length) return { fields: [], leading: true, trailing: true };
  const leading = i > 0;
  const fields: string[] = [];
  let cur = '';
  let trailing = false;
  while (i < text.length) {
    const c = text[i];
    if (!ifs.includes(c)) { cur += c; i++; continue; }
    // one separator: IFS white space, at most one other IFS character, IFS white space
    while (i < text.length && white(text[i])) i++;
    if (i < text.length && ifs.includes(text[i]) && !white(text[i])) i++;
    while (i < text.length && white(text[i])) i++;
    fields.push(cur);
    cur = '';
    trailing = i === text.length;
  }
  if (!trailing) fields.push(cur);
  return { fields, leading, trailing };
}

/** `read v1 v2 … vn`: n fields, the last one the rest of the line without trailing IFS white space. */
export function splitForRead(line: string, ifs: string, n: number): string[] {
  const white = (c: string) => isWhite(c) && ifs.includes(c);
  let i = 0;
  while (i < line.length && white(line[i])) i++;
  const out: string[] = [];
  for (let k = 0; k < n - 1; k++) {
    let cur = '';
    while (i < line.length && !ifs.includes(line[i])) cur += line[i++];
    out.push(cur);
    while (i < line.length && white(line[i])) i++;
    if (i < line.length && ifs.includes(line[i]) && !white(line[i])) i++;
    while (i < line.length && white(line[i])) i++;
  }
  let end = line.length;
  while (end > i && white(line[end - 1])) end--;
  out.push(line.slice(i, end));
  return out;
}
