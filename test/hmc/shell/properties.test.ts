// Properties of the restricted shell over generated input: it never throws whatever is typed, it never
// asks the HMC to run anything but an HMC command, shlex quoting delivers any argument unchanged, and
// grep's linear-time matcher agrees with JavaScript's regular expressions where the two syntaxes agree.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FakeHost, HMC_COMMANDS } from './fake-host.ts';
import { ShellSession } from '../../../src/hmc/shell/session.ts';
import { parseRegex } from '../../../src/hmc/shell/regex-parse.ts';
import { compile, search } from '../../../src/hmc/shell/regex-match.ts';

const answers = { lssyscfg: 'S1\nS2\n', viosvrcmd: 'ent4 Available Shared Ethernet Adapter\n' };

/** Python's shlex.quote, as hmc-mcp applies it to every argument. */
function shlexQuote(s: string): string {
  if (s === '') return "''";
  if (/^[\w@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'"'"'`)}'`;
}

const shellPieces = fc.constantFrom(
  ' ', '  ', ';', '|', '||', '&&', '&', '>', '>>', '<', '2>&1', '(', ')', '{', '}', '"', "'", '`', '\\', '$', '$(', '${', '}', '#', '\n',
  'echo', 'grep', 'grep -E', 'egrep', 'date', 'read', 'while', 'for', 'in', 'do', 'done', 'if', 'then', 'fi', 'true', 'false', 'exit',
  'break', 'test', '[', ']', 'x', 'x=1', '$x', '$?', 'i', 'lssyscfg', 'viosvrcmd', 'chsysstate', 'sh', '/bin/sh', 'rm', 'cat',
  '-r', 'sys', '-F', 'name', '*', '^a', '[0-9]+', '$(lssyscfg -r sys)', '`lssyscfg`', 'constructor', '__proto__',
);
const shellish = fc.array(shellPieces, { maxLength: 24 }).map((a) => a.join(''));

async function runChecked(line: string): Promise<void> {
  const host = new FakeHost(answers);
  const r = await new ShellSession(host).run(line);
  assert.equal(typeof r.stdout, 'string');
  assert.equal(typeof r.stderr, 'string');
  assert.ok(Number.isInteger(r.exit) && r.exit >= 0 && r.exit <= 255, `exit ${r.exit}`);
  for (const call of host.calls) assert.ok(HMC_COMMANDS.has(call.argv[0]), `host asked to run ${JSON.stringify(call.argv)}`);
}

describe('shell properties', () => {
  it('never throws out of run and never runs a non-HMC command on the host (arbitrary strings)', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), runChecked), { numRuns: 400 });
  });

  it('never throws out of run and never runs a non-HMC command on the host (shell-like input)', async () => {
    await fc.assert(fc.asyncProperty(shellish, runChecked), { numRuns: 600 });
  });

  it('delivers any shlex-quoted argument unchanged', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 4 }), async (args) => {
      const host = new FakeHost();
      const r = await new ShellSession(host).run(`lssyscfg ${args.map(shlexQuote).join(' ')}`);
      assert.equal(r.exit, 0);
      assert.deepEqual(host.argvs, [['lssyscfg', ...args]]);
    }), { numRuns: 400 });
  });

  it('delivers any value unchanged when the shell expands "$v" (no splitting, no re-parsing)', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), async (value) => {
      const host = new FakeHost();
      const session = new ShellSession(host);
      await session.run(`v=${shlexQuote(value)}`);
      await session.run('lssyscfg -n "$v" -m "`echo "=$v"`"');
      const echoed = `=${value}`.replace(/\n+$/, '');
      assert.deepEqual(host.argvs, [['lssyscfg', '-n', value, '-m', echoed]]);
    }), { numRuns: 300 });
  });
});

// Patterns whose ERE meaning and JavaScript meaning coincide (for "does the line contain a match").
const ereAtom: fc.Memo<string> = fc.memo((n) => (n <= 1
  ? fc.constantFrom('a', 'b', '.', '[ab]', '[^a]', '[a-c]', 'ab')
  : fc.oneof(
    fc.constantFrom('a', 'b', '.', '[ab]'),
    fc.tuple(ereAtom(n - 1), ereAtom(n - 1)).map(([x, y]) => x + y),
    fc.tuple(ereAtom(n - 1), ereAtom(n - 1)).map(([x, y]) => `(${x}|${y})`),
    fc.tuple(ereAtom(n - 1), fc.constantFrom('*', '+', '?', '{2}', '{1,3}', '{0,}')).map(([x, q]) => `(${x})${q}`),
  )));
const erePattern = fc.tuple(fc.boolean(), ereAtom(4), fc.boolean()).map(([b, body, e]) => `${b ? '^' : ''}${body}${e ? '$' : ''}`);
const toBre = (ere: string) => ere.replace(/[(){}|+?]/g, '\\$&');

describe('grep regular expressions', () => {
  it('agree with JavaScript RegExp on the shared syntax (ERE), and BRE spells the same patterns', () => {
    fc.assert(fc.property(erePattern, fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 8 }), { maxLength: 6 }), (pattern, lines) => {
      const ere = compile(parseRegex(pattern, 'extended'), false);
      const bre = compile(parseRegex(toBre(pattern), 'basic'), false);
      const js = new RegExp(pattern);
      for (const line of lines) {
        const expected = js.test(line);
        assert.equal(search(ere, line, () => {}), expected, `${pattern} on ${line}`);
        assert.equal(search(bre, line, () => {}), expected, `${toBre(pattern)} on ${line}`);
      }
    }), { numRuns: 500 });
  });

  it('ignores case on request', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'B', 'c'), maxLength: 8 }), (line) => {
      const prog = compile(parseRegex('[a-b]+C', 'extended'), true);
      assert.equal(search(prog, line, () => {}), /[a-b]+C/i.test(line));
    }));
  });
});
