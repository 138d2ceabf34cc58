// Backslash escapes of `echo -e` and of bash's `$'…'` quoting (the same table; they differ in how octal
// is written: `\0nnn` for echo, `\nnn` for `$'…'`, and only echo knows `\c`, "produce no further output").

const SIMPLE: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\',
};

export function decodeEscapes(text: string, style: 'echo' | 'ansi'): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\' || i + 1 >= text.length) { out += c; continue; }
    const n = text[i + 1];
    if (Object.hasOwn(SIMPLE, n)) { out += SIMPLE[n]; i++; continue; }
    if (style === 'echo' && n === 'c') return { text: out, stop: true };
    if (style === 'ansi' && (n === "'" || n === '"' || n === '?')) { out += n; i++; continue; }
    const octal = style === 'echo' ? /^0([0-7]{0,3})/.exec(text.slice(i + 1, i + 5)) : /^([0-7]{1,3})/.exec(text.slice(i + 1, i + 4));
    if (octal) { out += String.fromCharCode(parseInt(octal[1] || '0', 8) & 0xff); i += octal[0].length; continue; }
    const hex = n === 'x' ? /^[0-9A-Fa-f]{1,2}/.exec(text.slice(i + 2, i + 4)) : null;
    if (hex) { out += String.fromCharCode(parseInt(hex[0], 16)); i += 1 + hex[0].length; continue; }
    out += c; // an unknown escape stays as written, backslash included
  }
  return { text: out, stop: false };
}
