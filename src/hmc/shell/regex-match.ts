// Matches a regular expression tree (regex-parse.ts) against a line with a Thompson NFA run in lock-step
// (a "Pike VM" without captures): every position is visited once with at most one thread per
// instruction, so the time is linear in the line for a given pattern, whatever the pattern. grep only
// needs to know whether a line contains a match, which is all this answers.
import { isWordChar, RegexError, type Assertion, type CharTest, type Re } from './regex-parse.ts';

/** Instructions after compiling `a{1000}` into 1000 copies; beyond this the pattern is refused. */
const MAX_PROGRAM = 20_000;

interface Split { op: 'split'; x: number; y: number }
interface Jump { op: 'jmp'; x: number }
type Inst =
  | { op: 'char'; test: CharTest }
  | Split
  | Jump
  | { op: 'assert'; kind: Assertion }
  | { op: 'match' };

export type Program = readonly Inst[];

const caseless = (test: CharTest): CharTest => (c) => test(c) || test(c.toLowerCase()) || test(c.toUpperCase());

export function compile(re: Re, ignoreCase: boolean): Program {
  const prog: Inst[] = [];
  const emit = <T extends Inst>(inst: T): T => {
    if (prog.length >= MAX_PROGRAM) throw new RegexError('Regular expression too big');
    prog.push(inst);
    return inst;
  };
  const split = (): Split => emit({ op: 'split', x: prog.length + 1, y: 0 });
  const gen = (r: Re): void => {
    switch (r.t) {
      case 'char': emit({ op: 'char', test: ignoreCase ? caseless(r.test) : r.test }); return;
      case 'assert': emit({ op: 'assert', kind: r.kind }); return;
      case 'cat': for (const item of r.items) gen(item); return;
      case 'alt': {
        const exits: Jump[] = [];
        r.items.forEach((item, k) => {
          if (k === r.items.length - 1) { gen(item); return; }
          const choice = split();
          gen(item);
          exits.push(emit<Jump>({ op: 'jmp', x: 0 }));
          choice.y = prog.length;
        });
        for (const j of exits) j.x = prog.length;
        return;
      }
      case 'rep': {
        for (let k = 0; k < r.min; k++) gen(r.item);
        if (r.max === Infinity) {
          const start = prog.length;
          const loop = split();
          gen(r.item);
          emit<Jump>({ op: 'jmp', x: start });
          loop.y = prog.length;
        } else {
          for (let k = r.min; k < r.max; k++) {
            const optional = split();
            gen(r.item);
            optional.y = prog.length;
          }
        }
      }
    }
  };
  gen(re);
  emit({ op: 'match' });
  return prog;
}

function holds(kind: Assertion, chars: readonly string[], pos: number): boolean {
  const before = pos > 0 && isWordChar(chars[pos - 1]);
  const after = pos < chars.length && isWordChar(chars[pos]);
  switch (kind) {
    case 'bol': return pos === 0;
    case 'eol': return pos === chars.length;
    case 'wordBoundary': return before !== after;
    case 'notWordBoundary': return before === after;
    case 'wordStart': return !before && after;
    case 'wordEnd': return before && !after;
    case 'notWordBefore': return !before;
    case 'notWordAfter': return !after;
  }
}

/** Does the line contain a match? `charge` is told the work done (the command line's budget). */
export function search(prog: Program, line: string, charge: (steps: number) => void): boolean {
  const chars = Array.from(line);
  const mark = new Int32Array(prog.length).fill(-1);
  const stack: number[] = [];
  let steps = 0;
  let generation = 0;
  let matched = false;
  const add = (list: number[], start: number, pos: number) => {
    stack.push(start);
    while (stack.length) {
      const pc = stack.pop() as number;
      if (mark[pc] === generation) continue;
      mark[pc] = generation;
      steps++;
      const inst = prog[pc];
      switch (inst.op) {
        case 'jmp': stack.push(inst.x); break;
        case 'split': stack.push(inst.y, inst.x); break;
        case 'assert': if (holds(inst.kind, chars, pos)) stack.push(pc + 1); break;
        case 'match': matched = true; break;
        case 'char': list.push(pc); break;
      }
    }
  };
  let current: number[] = [];
  for (let pos = 0; ; pos++) {
    generation = pos;
    add(current, 0, pos); // unanchored: a match may start anywhere
    if (matched || pos === chars.length) break;
    const next: number[] = [];
    generation = pos + 1;
    for (const pc of current) {
      const inst = prog[pc];
      steps++;
      if (inst.op === 'char' && inst.test(chars[pos])) add(next, pc + 1, pos + 1);
    }
    if (matched) break;
    current = next;
    if (steps > 65_536) { charge(steps); steps = 0; }
  }
  charge(steps);
  return matched;
}
