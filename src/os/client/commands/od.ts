// `od` (octal dump) of standard input, the AIX tool for looking at bytes `dd` read from a disk: `-x` hex
// 2-byte words, `-o` (the default) octal words, `-d` unsigned decimal words, `-c` characters, `-t x1|x2|o1|
// o2|d1|d2|c`; `-A d|o|x|n` the offset base (octal by default), `-j skip` and `-N count` bytes. Words are
// big-endian: POWER is (so `od -x` shows the bytes in the order they are on the disk). 16 bytes a line, a
// line equal to the one before shown as `*`, and the total length as the last offset, as POSIX od does.
// Spacing: POSIX/GNU's (a space before each field, fields right-aligned in their width; UNCERTAIN for AIX).
import { err, ok, type ClientCommand } from '../shell/client-command.ts';
import { getopt, isResult } from './getopt.ts';

const USAGE = 'Usage: od [-v] [-A AddressBase] [-j Skip] [-N Count] [-t TypeString ...] [-c | -d | -o | -x]';

type Kind = 'x' | 'o' | 'd' | 'c';
interface Format { kind: Kind; size: 1 | 2 }

const CHAR_NAMES: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

function field(f: Format, bytes: Buffer, at: number): string {
  if (f.kind === 'c') {
    const b = bytes[at];
    const s = CHAR_NAMES[b] ?? (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : b.toString(8).padStart(3, '0'));
    return s.padStart(4);
  }
  const v = f.size === 1 ? bytes[at] : (bytes[at] << 8) | (bytes[at + 1] ?? 0);
  const digits = { x: f.size * 2, o: f.size === 1 ? 3 : 6, d: f.size === 1 ? 3 : 5 }[f.kind];
  const text = f.kind === 'x' ? v.toString(16) : f.kind === 'o' ? v.toString(8) : String(v);
  return ` ${f.kind === 'd' ? text.padStart(digits) : text.padStart(digits, '0')}`;
}

function parseType(t: string): Format | null {
  const m = /^([xodc])([12])?$/.exec(t);
  if (!m) return null;
  if (m[1] === 'c') return { kind: 'c', size: 1 };
  return { kind: m[1] as Kind, size: m[2] === '1' ? 1 : 2 };
}

export const od: ClientCommand = (ctx, argv) => {
  const o = getopt('od', argv, 'vA:j:N:t:cdox', USAGE);
  if (isResult(o)) return o;
  if (o.operands.length) return err(`od: ${o.operands[0]}: A file or directory in the path name does not exist.`, 2);
  const formats: Format[] = [];
  for (const letter of ['x', 'o', 'd', 'c']) if (o.has(letter)) formats.push(letter === 'c' ? { kind: 'c', size: 1 } : { kind: letter as Kind, size: 2 });
  for (const t of o.all('t')) {
    const f = parseType(t);
    if (!f) return err(`od: The type string ${t} is not valid.\n${USAGE}`);
    formats.push(f);
  }
  if (!formats.length) formats.push({ kind: 'o', size: 2 });
  const base = o.value('A') ?? 'o';
  if (!['d', 'o', 'x', 'n'].includes(base)) return err(`od: The address base ${base} is not valid.\n${USAGE}`);
  const num = (v: string | undefined, dflt: number): number | null => (v === undefined ? dflt : /^\d+$/.test(v) ? Number(v) : null);
  const skip = num(o.value('j'), 0);
  const count = num(o.value('N'), Infinity);
  if (skip === null || count === null) return err(USAGE);
  const data = Buffer.from(ctx.stdin, 'latin1').subarray(skip, skip + count);
  const offset = (n: number): string => (base === 'n' ? '' : n.toString({ d: 10, o: 8, x: 16 }[base as 'd' | 'o' | 'x']).padStart(7, '0'));
  const lines: string[] = [];
  let previous: string | null = null;
  let starred = false;
  for (let at = 0; at < data.length; at += 16) {
    const chunk = data.subarray(at, Math.min(at + 16, data.length));
    const key = chunk.toString('latin1');
    if (!o.has('v') && key === previous && chunk.length === 16) {
      if (!starred) lines.push('*');
      starred = true;
      continue;
    }
    previous = key;
    starred = false;
    formats.forEach((f, i) => {
      let text = '';
      for (let k = 0; k < chunk.length; k += f.size) text += field(f, chunk, k);
      lines.push(`${i === 0 ? offset(skip + at) : ' '.repeat(base === 'n' ? 0 : 7)}${text}`);
    });
  }
  if (base !== 'n') lines.push(offset(skip + data.length));
  return ok(lines.map((l) => `${l}\n`).join(''));
};
