// `grep`, `egrep`, `fgrep` over standard input (hmc-cli.md §2: `| grep True`, `| grep -E "^fcs[0-9]+ +"`,
// `| egrep "…"`), GNU grep's options `-i -v -c -w -x -E -F -G -e -q -s -n` and its exit status: 0 when a
// line was selected, 1 when none was, 2 on an error (bad pattern, a file operand: the HMC user has none).
import type { BuiltinContext } from './builtins.ts';
import { literalRe, parseRegex, RegexError, type Re } from './regex-parse.ts';
import { compile, search } from './regex-match.ts';

type Mode = 'basic' | 'extended' | 'fixed';

interface Options {
  mode: Mode;
  ignoreCase: boolean;
  invert: boolean;
  count: boolean;
  word: boolean;
  line: boolean;
  quiet: boolean;
  noMessages: boolean;
  lineNumber: boolean;
}

type Flag = (o: Options) => void;
const FLAGS: Record<string, Flag> = {
  i: (o) => { o.ignoreCase = true; }, y: (o) => { o.ignoreCase = true; }, v: (o) => { o.invert = true; },
  c: (o) => { o.count = true; }, w: (o) => { o.word = true; }, x: (o) => { o.line = true; },
  E: (o) => { o.mode = 'extended'; }, F: (o) => { o.mode = 'fixed'; }, G: (o) => { o.mode = 'basic'; },
  q: (o) => { o.quiet = true; }, s: (o) => { o.noMessages = true; }, n: (o) => { o.lineNumber = true; },
  h: () => {}, H: () => {},
};
const LONG_FLAGS: Record<string, string> = {
  'ignore-case': 'i', 'invert-match': 'v', count: 'c', 'word-regexp': 'w', 'line-regexp': 'x', 'extended-regexp': 'E',
  'fixed-strings': 'F', 'basic-regexp': 'G', quiet: 'q', silent: 'q', 'no-messages': 's', 'line-number': 'n',
  'no-filename': 'h', 'with-filename': 'H', color: 'h', colour: 'h',
};

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

class UsageError extends Error {}

/** Splits the arguments into options, patterns and file operands (options may come anywhere, as in GNU). */
function parseArgs(argv: string[], mode: Mode): { o: Options; patterns: string[] | null; files: string[] } {
  const o: Options = { mode, ignoreCase: false, invert: false, count: false, word: false, line: false, quiet: false, noMessages: false, lineNumber: false };
  let patterns: string[] | null = null;
  const operands: string[] = [];
  const pattern = (p: string | undefined, name: string) => {
    if (p === undefined) throw new UsageError(`grep: option requires an argument -- '${name}'\n${USAGE}`);
    (patterns ??= []).push(p);
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { operands.push(...argv.slice(i + 1)); break; }
    if (a.startsWith('--')) {
      const [name, value] = a.slice(2).split(/=(.*)/s, 2);
      if (name === 'regexp') pattern(value ?? argv[++i], 'e');
      else if (name === 'file') throw new UsageError(`grep: ${value ?? argv[++i] ?? ''}: No such file or directory\n`);
      else if (Object.hasOwn(LONG_FLAGS, name)) FLAGS[LONG_FLAGS[name]](o);
      else throw new UsageError(`grep: unrecognized option '${a}'\n${USAGE}`);
      continue;
    }
    if (!a.startsWith('-') || a === '-') { operands.push(a); continue; }
    for (let k = 1; k < a.length; k++) {
      const c = a[k];
      if (c === 'e' || c === 'f') {
        const value = k + 1 < a.length ? a.slice(k + 1) : argv[++i];
        if (c === 'f') throw new UsageError(value === undefined ? `grep: option requires an argument -- 'f'\n${USAGE}` : `grep: ${value}: No such file or directory\n`);
        pattern(value, 'e');
        break;
      }
      if (c === 'P') throw new UsageError('grep: Perl matching not supported in a --disable-perl-regexp build\n');
      if (!Object.hasOwn(FLAGS, c)) throw new UsageError(`grep: invalid option -- '${c}'\n${USAGE}`);
      FLAGS[c](o);
    }
  }
  if (patterns === null) {
    if (!operands.length) throw new UsageError(USAGE);
    patterns = [operands.shift() as string];
  }
  return { o, patterns, files: operands };
}

const SPECIAL: Record<Mode, RegExp> = { basic: /[\\.[*^$]/, extended: /[\\.[*^$+?{}()|]/, fixed: /(?!)/ };

/** A line test for the patterns; plain words (`grep True`) take a fast path with no regular expression. */
function matcher(patterns: string[], o: Options, charge: (steps: number) => void): (line: string) => boolean {
  const list = patterns.flatMap((p) => p.split('\n'));
  if (!o.word && !o.line && list.every((p) => !SPECIAL[o.mode].test(p))) {
    const needles = o.ignoreCase ? list.map((p) => p.toLowerCase()) : list;
    return (line) => {
      const hay = o.ignoreCase ? line.toLowerCase() : line;
      return needles.some((n) => hay.includes(n));
    };
  }
  const trees = list.map((p): Re => {
    const re = o.mode === 'fixed' ? literalRe(p) : parseRegex(p, o.mode);
    if (o.line) return { t: 'cat', items: [{ t: 'assert', kind: 'bol' }, re, { t: 'assert', kind: 'eol' }] };
    if (o.word) return { t: 'cat', items: [{ t: 'assert', kind: 'notWordBefore' }, re, { t: 'assert', kind: 'notWordAfter' }] };
    return re;
  });
  const prog = compile(trees.length === 1 ? trees[0] : { t: 'alt', items: trees }, o.ignoreCase);
  return (line) => search(prog, line, charge);
}

export function grep(argv: string[], ctx: BuiltinContext, mode: Mode): number {
  const err = (text: string) => ctx.io.err.write(text);
  let parsed: ReturnType<typeof parseArgs>;
  let test: (line: string) => boolean;
  try {
    parsed = parseArgs(argv, mode);
    test = matcher(parsed.patterns ?? [], parsed.o, (steps) => ctx.budget.regex(steps));
  } catch (e) {
    if (e instanceof UsageError) err(e.message);
    else if (e instanceof RegexError) err(`grep: ${e.message}\n`);
    else throw e;
    return 2;
  }
  const { o, files } = parsed;
  let failed = false;
  for (const f of files.filter((f) => f !== '-')) {
    if (!o.noMessages) err(`grep: ${f}: No such file or directory\n`);
    failed = true;
  }
  const readsStdin = files.length === 0 || files.includes('-');
  const text = readsStdin ? ctx.io.stdin.readAll() : '';
  const lines = text === '' ? [] : text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  let selected = 0;
  const out: string[] = [];
  for (const [n, line] of lines.entries()) {
    if (test(line) === o.invert) continue;
    selected++;
    if (o.quiet) return 0;
    if (!o.count) out.push(o.lineNumber ? `${n + 1}:${line}\n` : `${line}\n`);
  }
  if (o.count && !o.quiet && readsStdin) out.push(files.length > 1 ? `(standard input):${selected}\n` : `${selected}\n`);
  ctx.io.out.write(out.join(''));
  return failed ? 2 : selected > 0 ? 0 : 1;
}
