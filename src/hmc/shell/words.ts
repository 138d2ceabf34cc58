// POSIX shell word splitting with quote removal (hmc-cli.md §2): whitespace separates words; single quotes
// keep everything literally; double quotes keep spaces and honour \" \\ \$ \` escapes; a backslash outside
// quotes escapes the next character. Used for lab scripts and one-line commands; the SSH shell of the
// access issue builds pipes, loops and substitution on top of it.

export class ShellSyntaxError extends Error {}

export function splitWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) { words.push(cur); cur = ''; inWord = false; }
      continue;
    }
    inWord = true;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError('unexpected EOF while looking for matching `\'\'');
      cur += line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1])) { cur += line[j + 1]; j++; }
        else cur += line[j];
      }
      if (j >= line.length) throw new ShellSyntaxError('unexpected EOF while looking for matching `"\'');
      i = j;
    } else if (c === '\\') {
      if (i + 1 < line.length) { cur += line[i + 1]; i++; }
    } else {
      cur += c;
    }
  }
  if (inWord) words.push(cur);
  return words;
}
