// The client partition's ksh: lists, pipes into grep and friends, quoting, variables kept through a login,
// redirection to /dev/null only, ksh's messages and statuses; and fuzzing: whatever line is typed, the shell
// answers and never throws.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { clientLab, type ClientLab } from '../client-lab.ts';
import { ClientShell } from '../../../../src/os/client/shell/ksh-session.ts';

let l: ClientLab;
before(async () => { l = await clientLab(); });
after(() => l.close());

describe('ksh command lines', () => {
  it('pipes a listing into grep, head and wc', () => {
    const adapters = l.ok('lsdev -Cc adapter');
    assert.equal(l.ok('lsdev -Cc adapter | grep vscsi'), adapters.split('\n').filter((x) => x.includes('vscsi')).map((x) => `${x}\n`).join(''));
    assert.equal(l.ok('lspv | head -n 2'), l.ok('lspv').split('\n').slice(0, 2).map((x) => `${x}\n`).join(''));
    assert.equal(l.ok('lspv | wc -l').trim(), String(l.ok('lspv').split('\n').length - 1));
    assert.equal(l.ok('lsdev -Cc disk | grep -c Available | cat'), '4\n');
  });

  it('runs lists with ; && || and !', () => {
    assert.equal(l.ok('false && echo no; false || echo yes; ! false && echo negated'), 'yes\nnegated\n');
    assert.equal(l.sh('lsdev -l nothere || echo "status $?"').stdout, 'status 1\n');
  });

  it('quotes, expands variables and command substitutions, loops', () => {
    assert.equal(l.ok('echo \'a  b\' "c $HOME" `hostname`'), 'a  b c / aix01\n');
    assert.equal(l.ok('for d in hdisk0 hdisk1; do lspath -l $d -F name:parent; done'), 'hdisk0:vscsi0\nhdisk1:vscsi0\n');
    assert.equal(l.ok('n=$(lspv | wc -l); echo $n disks'), `${l.ok('lspv').split('\n').length - 1} disks\n`);
    assert.equal(l.ok('echo "tab\\there\\c"; echo'), 'tab\there\n');
  });

  it('keeps variables and $? between the lines of one login', () => {
    const shell = new ClientShell(l.sys, l.oses, l.lpar('aix01').def.lpar_id);
    assert.equal(shell.run('D=hdisk3').exit, 0);
    assert.equal(shell.run('lsattr -El $D -a reserve_policy').stdout, 'reserve_policy single_path Reserve Policy True\n');
    shell.run('nosuchcommand');
    assert.equal(shell.run('echo $?').stdout, '127\n');
    const r = shell.run('exit 3');
    assert.equal(r.exit, 3);
    assert.ok(shell.exited);
    assert.equal(shell.prompt, '# ');
  });

  it('redirects to /dev/null and between descriptors, and refuses other files', () => {
    assert.deepEqual(l.sh('nosuchcommand 2>/dev/null; echo $?'), { stdout: '127\n', stderr: '', exit: 0 });
    assert.deepEqual(l.sh('lsdev -l nothere 2>&1 >/dev/null | grep -c 0514-519'), { stdout: '1\n', stderr: '', exit: 0 });
    assert.deepEqual(l.sh('lspv > /tmp/pv'), { stdout: '', stderr: 'ksh: /tmp/pv: 0403-005 Cannot create the specified file.\n', exit: 1 });
    assert.deepEqual(l.sh('cat < /etc/hosts'), { stdout: '', stderr: 'ksh: /etc/hosts: 0403-016 Cannot find or open the file.\n', exit: 1 });
    assert.equal(l.ok('grep x < /dev/null; echo $?'), '1\n');
  });

  it('finds commands by their AIX paths, and answers ksh\'s way for the rest', () => {
    assert.equal(l.ok('/usr/sbin/lsdev -Cc disk'), l.ok('lsdev -Cc disk'));
    assert.deepEqual(l.sh('foo'), { stdout: '', stderr: 'ksh: foo: not found.\n', exit: 127 });
    assert.deepEqual(l.sh('/tmp/lsdev'), { stdout: '', stderr: 'ksh: /tmp/lsdev: not found.\n', exit: 127 });
    assert.deepEqual(l.sh('constructor'), { stdout: '', stderr: 'ksh: constructor: not found.\n', exit: 127 });
    assert.deepEqual(l.sh(''), { stdout: '', stderr: '', exit: 0 });
  });

  it('runs nothing from a line with a syntax error (status 2)', () => {
    const r = l.sh('echo (');
    assert.equal(r.exit, 2);
    assert.match(r.stderr, /^ksh: syntax error/);
    assert.equal(r.stdout, '');
    assert.equal(l.sh('echo "open').exit, 2);
  });

  it('stops a runaway loop at the shell\'s bound, keeping what it wrote', () => {
    const r = l.sh('echo start; while true; do :; done');
    assert.equal(r.exit, 1);
    assert.equal(r.stdout, 'start\n');
    assert.match(r.stderr, /^ksh: loop stopped/);
  });
});

const WORDS = ['lsdev', 'lspv', 'lspath', 'lscfg', 'lsattr', 'chdev', 'cfgmgr', 'rmdev', 'errpt', 'errclear', 'dd', 'od', 'uname', 'oslevel',
  'prtconf', 'hostname', 'echo', 'grep', 'wc', 'head', 'tail', 'cat', 'read', 'test', '[', ']', 'ifconfig', 'netstat', 'entstat',
  '-C', '-c', 'disk', 'adapter', '-l', 'hdisk0', 'hdisk1', 'hdisk9', 'vscsi0', 'fcs0', 'fscsi1', 'ent0', 'en0', 'inet0', 'sys0', '-E', '-a',
  '-F', 'name:status', '-S', 'a', '-d', '-R', '-v', '-x', '-c', 'if=/dev/zero', 'of=/dev/null', 'if=/dev/rhdisk1', 'bs=512', 'bs=7',
  'count=2', 'skip=1', 'seek=3', 'conv=sync', 'queue_depth=4', 'pv=yes', 'algorithm=round_robin', '|', ';', '&&', '||', '>', '2>&1',
  '/dev/null', '$?', '"', "'", '$(', ')', '`', '(', '{', '}', 'for', 'in', 'do', 'done', 'while', 'if', 'then', 'fi', '!', '*'];

describe('ksh fuzzing', () => {
  it('never throws, whatever the line', () => {
    const token = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
    const line = fc.oneof(
      fc.array(token, { maxLength: 10 }).map((ws) => ws.join(' ')),
      fc.string({ maxLength: 50 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
    );
    const shell = new ClientShell(l.sys, l.oses, l.lpar('aix01').def.lpar_id);
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
      for (const x of lines) {
        let r;
        try { r = shell.run(x); } catch (e) { assert.fail(`run threw on ${JSON.stringify(x)}: ${String(e)}`); }
        assert.ok(Number.isInteger(r.exit) && r.exit >= 0 && r.exit <= 255, x);
        assert.equal(typeof r.stdout, 'string');
        assert.doesNotMatch(r.stderr, /TypeError|ReferenceError|undefined is not/, x);
      }
    }), { numRuns: 200 });
    assert.equal(l.lpar('aix01').run.state, 'Running', 'no fuzzed line found shutdown');
  });
});
