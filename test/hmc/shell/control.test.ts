// Lists, statuses, variables, quoting, substitution and loops of the restricted shell, checked against
// what bash does with the same lines (hmc-cli.md §2).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { run, shell } from './fake-host.ts';

const out = async (line: string) => {
  const r = await run(line);
  return [r.stdout, r.exit] as const;
};

describe('lists and statuses', () => {
  it('runs ; && || with bash precedence and sets $?', async () => {
    assert.deepEqual(await out('false; echo $?; true; echo $?'), ['1\n0\n', 0]);
    assert.deepEqual(await out('false && echo a || echo b'), ['b\n', 0]);
    assert.deepEqual(await out('true || echo a && echo b'), ['b\n', 0]);
    assert.deepEqual(await out('false || false'), ['', 1]);
    assert.deepEqual(await out('lsfoo || echo fallback $?'), ['fallback 127\n', 0]);
  });

  it('takes the status of a line from its last pipeline, and of a pipeline from its last element', async () => {
    assert.deepEqual(await out('true; false'), ['', 1]);
    assert.deepEqual(await out('false | true'), ['', 0]);
    assert.deepEqual(await out('true | false'), ['', 1]);
    assert.deepEqual(await out('! true; echo $?; ! false'), ['1\n', 0]);
  });

  it('keeps stdout and stderr apart, each in the order commands wrote them', async () => {
    const r = await run('echo 1; nosuch; echo 2; lssyscfg -r sys; echo 3', { lssyscfg: { stdout: 'hmc out\n', stderr: 'hmc err\n' } });
    assert.deepEqual([r.stdout, r.stderr], ['1\n2\nhmc out\n3\n', '-rbash: nosuch: command not found\nhmc err\n']);
  });

  it('accepts comments, newlines and trailing separators', async () => {
    assert.deepEqual(await out('echo a # comment ; echo b'), ['a\n', 0]);
    assert.deepEqual(await out('echo a#b ;  '), ['a#b\n', 0]);
    assert.deepEqual(await out('echo a\necho b\n'), ['a\nb\n', 0]);
    assert.deepEqual(await out('   '), ['', 0]);
  });

  it('runs the lines of a session one after the other, even when they arrive together', async () => {
    const { session } = shell({ lssyscfg: 'S1\n' });
    const first = session.run('lssyscfg -r sys; echo "[$x]"');
    const second = session.run('x=2; echo "[$x]"');
    assert.deepEqual((await Promise.all([first, second])).map((r) => r.stdout), ['S1\n[]\n', '[2]\n']);
  });

  it('runs exit at the top level as the end of the session', async () => {
    const { session } = shell();
    assert.deepEqual(await session.run('echo a; exit 3; echo b'), { stdout: 'a\n', stderr: '', exit: 3 });
    assert.equal(session.exited, true);
    const s2 = shell().session;
    assert.deepEqual(await s2.run('echo | exit 4; echo $?'), { stdout: '4\n', stderr: '', exit: 0 });
    assert.equal(s2.exited, false);
  });
});

describe('quoting and expansion', () => {
  it('removes quotes and honours escapes as bash does', async () => {
    assert.deepEqual(await out(`echo "a  b" 'c  d' e\\ \\ f`), ['a  b c  d e  f\n', 0]);
    assert.deepEqual(await out('echo "x\\"y\\\\z\\$w\\`q\\n"'), ['x"y\\z$w`q\\n\n', 0]);
    assert.deepEqual(await out(`echo '$HOME' "$HOME" \\$HOME`), ['$HOME /home/hscroot $HOME\n', 0]);
    assert.deepEqual(await out(`echo 'it'"'"'s' "" x`), ["it's  x\n", 0]);
    assert.deepEqual(await out(`echo $'a\\tb'`), ['a\tb\n', 0]);
  });

  it('expands $name, ${name}, $? and leaves unset names empty', async () => {
    const { session } = shell();
    await session.run('V=vios1');
    assert.deepEqual(await session.run('echo $V ${V}x "$V" $Vx [$unset]'), { stdout: 'vios1 vios1x vios1 []\n', stderr: '', exit: 0 });
    assert.deepEqual(await session.run('echo $USER@$HOSTNAME'), { stdout: 'hscroot@hmc01\n', stderr: '', exit: 0 });
    assert.deepEqual(await session.run('echo ${V:-x}'), { stdout: '', stderr: '-rbash: ${V:-x}: bad substitution\n', exit: 1 });
  });

  it('splits unquoted expansions into fields, but not quoted ones', async () => {
    const r = await run('X="a   b"; for w in $X; do echo "[$w]"; done; for w in "$X"; do echo "[$w]"; done; E=; for w in $E "$E"; do echo "<$w>"; done');
    assert.equal(r.stdout, '[a]\n[b]\n[a   b]\n<>\n');
  });

  it('splits on IFS', async () => {
    assert.deepEqual(await out('IFS=,; L="a,b,,c"; for x in $L; do echo "[$x]"; done'), ['[a]\n[b]\n[]\n[c]\n', 0]);
  });

  it('substitutes commands: backticks and $( ), nested, trailing newlines removed, split unless quoted', async () => {
    const r = await run('echo "[`lssyscfg -r sys -F name`]"; for s in $(lssyscfg -r sys -F name); do echo "<$s>"; done', { lssyscfg: 'sys1\nsys2\n\n\n' });
    assert.equal(r.stdout, '[sys1\nsys2]\n<sys1>\n<sys2>\n');
    assert.deepEqual(await out('echo $(echo $(echo in)side) "`echo \\`echo deep\\``"'), ['inside deep\n', 0]);
    assert.deepEqual(await out('x=$(false); echo $?'), ['1\n', 0]);
  });

  it('runs each HMC command of a for loop over substituted names (the usual HMC one-liner)', async () => {
    const r = await run('for m in $(lssyscfg -r sys -F name); do lssyscfg -r lpar -m $m -F name; done', {
      lssyscfg: (argv) => (argv.includes('sys') ? 'S1\nS2\n' : `${argv[4]}-lpar\n`),
    });
    assert.deepEqual(r.host.argvs, [
      ['lssyscfg', '-r', 'sys', '-F', 'name'],
      ['lssyscfg', '-r', 'lpar', '-m', 'S1', '-F', 'name'],
      ['lssyscfg', '-r', 'lpar', '-m', 'S2', '-F', 'name'],
    ]);
    assert.equal(r.stdout, 'S1-lpar\nS2-lpar\n');
  });

  it('keeps variables set in a pipeline element or a substitution to that subshell', async () => {
    assert.deepEqual(await out('X=1; echo a | while read X; do :; done; echo $X; Y=$(Z=2; echo $Z); echo $Z$Y'), ['1\n2\n', 0]);
  });

  it('sets a prefix assignment for one command only', async () => {
    const { session } = shell();
    assert.equal((await session.run('echo "a:b" | IFS=: read x y; echo $x')).stdout, '\n');
    assert.equal((await session.run('IFS=: read x y <<< "a:b c"; echo "$y"; echo "[$IFS]"')).stdout, 'b c\n[ \t\n]\n');
  });
});

describe('builtins', () => {
  it('echo with -n and -e', async () => {
    assert.deepEqual(await out('echo -n a; echo b'), ['ab\n', 0]);
    assert.deepEqual(await out('echo -e "a\\tb\\nc"; echo -e "x\\cy"; echo "a\\tb"'), ['a\tb\nc\nxa\\tb\n', 0]);
    assert.deepEqual(await out('echo -- -n -x'), ['-- -n -x\n', 0]);
  });

  it('read: one line per call, the last variable gets the rest, status 1 at the end', async () => {
    const r = await run('echo "  one two   three  " | while read a b; do echo "[$a][$b]"; done; echo x | while read a; do read b; echo "$a|$b|$?"; done');
    assert.equal(r.stdout, '[one][two   three]\nx||1\n');
    assert.deepEqual(await out('read -r a <<< "x\\\\y"; echo "$a"; read a <<< "x\\\\y"; echo "$a"'), ['x\\y\nxy\n', 0]);
  });

  it('while, until, for, if, break and continue', async () => {
    assert.deepEqual(await out('for i in 1 2 3 4; do if [ $i = 2 ]; then continue; elif [ $i = 4 ]; then break; fi; echo $i; done'), ['1\n3\n', 0]);
    assert.deepEqual(await out('for i in a b; do for j in 1 2; do echo $i$j; break 2; done; done'), ['a1\n', 0]);
    assert.deepEqual(await out('x=; until [ "$x" = yyy ]; do x=y$x; done; echo $x'), ['yyy\n', 0]);
    assert.deepEqual(await out('while false; do echo never; done; echo $?'), ['0\n', 0]);
    assert.deepEqual(await out('if lsfoo; then echo a; else echo b $?; fi'), ['b 127\n', 0]);
    assert.deepEqual(await out('( echo sub; exit 5 ); echo $?; { echo grp; }'), ['sub\n5\ngrp\n', 0]);
  });

  it('test and [', async () => {
    assert.deepEqual(await out('[ a = a ] && [ 3 -lt 10 ] && [ -n x ] && [ -z "" ] && test ! -f /etc/passwd && echo ok'), ['ok\n', 0]);
    const r = await run('[ a = a');
    assert.deepEqual([r.stderr, r.exit], ["-rbash: [: missing `]'\n", 2]);
    const i = await run('[ 1 -eq x ]');
    assert.deepEqual([i.stderr, i.exit], ['-rbash: [: x: integer expression expected\n', 2]);
  });
});
