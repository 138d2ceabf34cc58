// What the restricted shell refuses (hmc-cli.md §2): unknown commands, `/` in command names, redirection
// to or from files, syntax errors. Every refusal runs nothing on the HMC.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { run, shell } from './fake-host.ts';

async function refused(line: string, stderr: string, exit: number): Promise<void> {
  const r = await run(line, { lssyscfg: 'Server-1\n' });
  assert.deepEqual(r.host.calls, [], `${line} must not reach the HMC`);
  assert.deepEqual({ stdout: r.stdout, stderr: r.stderr, exit: r.exit }, { stdout: '', stderr, exit }, line);
}

describe('commands the HMC user cannot run', () => {
  it('answers an unknown command with "command not found" and 127', async () => {
    await refused('lsfoo -r sys', '-rbash: lsfoo: command not found\n', 127);
  });

  it('treats shell programs and file utilities as unknown commands', async () => {
    for (const name of ['sh', 'bash', 'rm', 'touch', 'cat', 'ls', 'python3', 'node', 'printenv', 'eval', 'source', '.']) {
      await refused(`${name} -c lssyscfg`, `-rbash: ${name}: command not found\n`, 127);
    }
  });

  it('never looks up names that only exist on JavaScript objects', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      await refused(name, `-rbash: ${name}: command not found\n`, 127);
    }
  });

  it('refuses a command name with a slash', async () => {
    await refused('/bin/sh', "-rbash: /bin/sh: restricted: cannot specify `/' in command names\n", 1);
    await refused('./lssyscfg -r sys', "-rbash: ./lssyscfg: restricted: cannot specify `/' in command names\n", 1);
    await refused('/usr/hmcrbin/lssyscfg -r sys', "-rbash: /usr/hmcrbin/lssyscfg: restricted: cannot specify `/' in command names\n", 1);
  });

  it('refuses cd and exec', async () => {
    await refused('cd /tmp', '-rbash: cd: restricted\n', 1);
    await refused('exec lssyscfg -r sys', '-rbash: exec: restricted\n', 1);
  });

  it('refuses to change PATH or SHELL', async () => {
    await refused('PATH=/bin', '-rbash: PATH: readonly variable\n', 1);
    await refused('SHELL=/bin/bash lssyscfg -r sys', '-rbash: SHELL: readonly variable\n', 1);
  });
});

describe('redirections', () => {
  it('refuses output to a file in every form, and runs nothing of that command', async () => {
    await refused('lssyscfg -r sys > out', '-rbash: out: restricted: cannot redirect output\n', 1);
    await refused('lssyscfg -r sys >> out', '-rbash: out: restricted: cannot redirect output\n', 1);
    await refused('lssyscfg -r sys >| out', '-rbash: out: restricted: cannot redirect output\n', 1);
    await refused('lssyscfg -r sys &> out', '-rbash: out: restricted: cannot redirect output\n', 1);
    await refused('lssyscfg -r sys >&out', '-rbash: out: restricted: cannot redirect output\n', 1);
    await refused('lssyscfg -r sys 2>/dev/null', '-rbash: /dev/null: restricted: cannot redirect output\n', 1);
    await refused('lssyscfg -r sys 1>out', '-rbash: out: restricted: cannot redirect output\n', 1);
    await refused('>out lssyscfg -r sys', '-rbash: out: restricted: cannot redirect output\n', 1);
    await refused('lssyscfg -r sys>out', '-rbash: out: restricted: cannot redirect output\n', 1);
  });

  it('refuses input from a file', async () => {
    await refused('lssyscfg -r sys < in', '-rbash: in: restricted: cannot redirect input\n', 1);
    await refused('grep x </etc/passwd', '-rbash: /etc/passwd: restricted: cannot redirect input\n', 1);
  });

  it('refuses the whole pipeline and runs no substitution of it', async () => {
    await refused('lssyscfg -r sys | grep x > out', '-rbash: out: restricted: cannot redirect output\n', 1);
    await refused('lssyscfg -r sys -m `lssyscfg -r sys -F name` > out', '-rbash: out: restricted: cannot redirect output\n', 1);
    await refused('echo > $(lssyscfg -r sys)', '-rbash: $(lssyscfg -r sys): restricted: cannot redirect output\n', 1);
  });

  it('names the file after parameter expansion', async () => {
    const { host, session } = shell();
    await session.run('F=/tmp/x');
    assert.deepEqual(await session.run('lssyscfg -r sys >$F'), { stdout: '', stderr: '-rbash: /tmp/x: restricted: cannot redirect output\n', exit: 1 });
    assert.deepEqual(host.calls, []);
  });

  it('refuses redirections of loops, and only the refused command of a line', async () => {
    const r = await run('echo a; while true; do lssyscfg -r sys; done > out; echo b');
    assert.deepEqual(r.host.calls, []);
    assert.deepEqual([r.stdout, r.stderr, r.exit], ['a\nb\n', '-rbash: out: restricted: cannot redirect output\n', 0]);
  });

  it('allows descriptor duplication and here-strings, which touch no file', async () => {
    const r = await run('lssyscfg -r sys 2>&1 | grep -c HSCL', { lssyscfg: { stderr: 'HSCL1234 failed\n', exit: 1 } });
    assert.deepEqual([r.stdout, r.stderr, r.exit], ['1\n', '', 0]);
    const r2 = await run('echo oops >&2; grep b <<< "a b"; lssyscfg -r sys 2>&-', { lssyscfg: { stdout: 'out\n', stderr: 'err\n' } });
    assert.deepEqual([r2.stdout, r2.stderr], ['a b\nout\n', 'oops\n']);
  });
});

describe('syntax errors run nothing', () => {
  const cases: [string, string][] = [
    ['lssyscfg -r sys; echo "abc', "-rbash: unexpected EOF while looking for matching `\"'\n-rbash: syntax error: unexpected end of file\n"],
    ["lssyscfg -r sys -m 'abc", "-rbash: unexpected EOF while looking for matching `''\n-rbash: syntax error: unexpected end of file\n"],
    ['lssyscfg -r sys -m `lssyscfg', "-rbash: unexpected EOF while looking for matching ``'\n-rbash: syntax error: unexpected end of file\n"],
    ['lssyscfg -r sys -m $(lssyscfg -r sys', "-rbash: unexpected EOF while looking for matching `)'\n-rbash: syntax error: unexpected end of file\n"],
    ['lssyscfg | while read x; do echo $x', '-rbash: syntax error: unexpected end of file\n'],
    ['lssyscfg; done', "-rbash: syntax error near unexpected token `done'\n"],
    ['lssyscfg | while read x; do; done', "-rbash: syntax error near unexpected token `;'\n"],
    ['lssyscfg ;; lssyscfg', "-rbash: syntax error near unexpected token `;;'\n"],
    ['; lssyscfg', "-rbash: syntax error near unexpected token `;'\n"],
    ['| grep x', "-rbash: syntax error near unexpected token `|'\n"],
    ['lssyscfg | | grep x', "-rbash: syntax error near unexpected token `|'\n"],
    ['lssyscfg && && x', "-rbash: syntax error near unexpected token `&&'\n"],
    ['lssyscfg >', "-rbash: syntax error near unexpected token `newline'\n"],
    ['lssyscfg ) ', "-rbash: syntax error near unexpected token `)'\n"],
    ['if lssyscfg; then echo; fi fi', "-rbash: syntax error near unexpected token `fi'\n"],
  ];
  for (const [line, stderr] of cases) {
    it(line, async () => refused(line, stderr, 2));
  }

  it('sets $? to 2 after a syntax error', async () => {
    const { session } = shell();
    await session.run('echo "');
    assert.equal((await session.run('echo $?')).stdout, '2\n');
  });

  it('refuses constructs the simulated shell does not have, before running anything', async () => {
    await refused('lssyscfg -r sys &', '-rbash: &: background jobs: not supported by the simulated HMC shell\n', 2);
    await refused('lssyscfg -r sys <<EOF', '-rbash: <<: here-documents: not supported by the simulated HMC shell\n', 2);
    await refused('case x in x) lssyscfg;; esac', '-rbash: case: not supported by the simulated HMC shell\n', 2);
    await refused('echo $((1+2)); lssyscfg', '-rbash: $((: arithmetic expansion is not supported by the simulated HMC shell\n', 2);
  });
});
