// `test` and `[` (bash builtins), for `if [ "$state" = Running ]; then …` one-liners: string and integer
// comparisons, -z/-n, `!` and parentheses, by argument count as POSIX specifies. The HMC user has no
// files, so file tests (-e, -f, -d, …) are false (SIM-RULE).
import type { BuiltinContext } from './builtins.ts';

class TestError extends Error {}

const FILE_TESTS = new Set(['-e', '-f', '-d', '-r', '-w', '-x', '-s', '-L', '-h', '-p', '-S', '-b', '-c']);
const INT_OPS: Record<string, (a: bigint, b: bigint) => boolean> = {
  '-eq': (a, b) => a === b, '-ne': (a, b) => a !== b, '-lt': (a, b) => a < b,
  '-le': (a, b) => a <= b, '-gt': (a, b) => a > b, '-ge': (a, b) => a >= b,
};
const STRING_OPS: Record<string, (a: string, b: string) => boolean> = {
  '=': (a, b) => a === b, '==': (a, b) => a === b, '!=': (a, b) => a !== b, '<': (a, b) => a < b, '>': (a, b) => a > b,
};

function integer(s: string): bigint {
  if (!/^[ \t]*[+-]?[0-9]+[ \t]*$/.test(s) || s.length > 64) throw new TestError(`${s}: integer expression expected`);
  return BigInt(s.trim());
}

function unary(op: string, arg: string): boolean {
  if (op === '-z') return arg === '';
  if (op === '-n') return arg !== '';
  if (FILE_TESTS.has(op)) return false;
  throw new TestError(`${op}: unary operator expected`);
}

function binary(a: string, op: string, b: string): boolean {
  if (Object.hasOwn(STRING_OPS, op)) return STRING_OPS[op](a, b);
  if (Object.hasOwn(INT_OPS, op)) return INT_OPS[op](integer(a), integer(b));
  if (op === '-a') return a !== '' && b !== '';
  if (op === '-o') return a !== '' || b !== '';
  throw new TestError(`${op}: binary operator expected`);
}

function evaluate(args: string[]): boolean {
  switch (args.length) {
    case 0: return false;
    case 1: return args[0] !== '';
    case 2: return args[0] === '!' ? args[1] === '' : unary(args[0], args[1]);
    case 3:
      if (Object.hasOwn(STRING_OPS, args[1]) || Object.hasOwn(INT_OPS, args[1]) || args[1] === '-a' || args[1] === '-o') return binary(args[0], args[1], args[2]);
      if (args[0] === '!') return !evaluate(args.slice(1));
      if (args[0] === '(' && args[2] === ')') return args[1] !== '';
      throw new TestError(`${args[1]}: binary operator expected`);
    case 4:
      if (args[0] === '!') return !evaluate(args.slice(1));
      if (args[0] === '(' && args[3] === ')') return evaluate(args.slice(1, 3));
      throw new TestError('too many arguments');
    default:
      throw new TestError('too many arguments');
  }
}

export function condition(argv: string[], ctx: BuiltinContext): number {
  let args = argv.slice(1);
  if (argv[0] === '[') {
    if (args.at(-1) !== ']') {
      ctx.io.err.write("-rbash: [: missing `]'\n");
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(args) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    ctx.io.err.write(`-rbash: ${argv[0]}: ${e.message}\n`);
    return 2;
  }
}
