// Pipes and the grep family as clients use them (hmc-cli.md §2), with GNU grep's exit statuses and
// messages; basic (BRE) and extended (ERE) patterns.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { run } from './fake-host.ts';

const LPARS = 'vios1,vioserver,Running\nvios2,vioserver,Running\naix01,aixlinux,Running\nlnx02,aixlinux,Not Activated\nibmi05,os400,Not Activated\n';

/** stdout and exit of `lssyscfg | <filter>` over the LPAR list above. */
async function filter(cmd: string, input = LPARS): Promise<[string, number]> {
  const r = await run(`lssyscfg -r lpar -m SYS -F name,lpar_env,state | ${cmd}`, { lssyscfg: input });
  assert.equal(r.host.calls.length, 1);
  return [r.stdout, r.exit];
}

describe('pipes', () => {
  it('feeds the HMC output to grep and reports the status of the last element', async () => {
    assert.deepEqual(await filter('grep vioserver'), ['vios1,vioserver,Running\nvios2,vioserver,Running\n', 0]);
    assert.deepEqual(await filter('grep nothing'), ['', 1]);
    const r = await run('lssyscfg -r sys | grep x', { lssyscfg: { stdout: 'x\n', exit: 1 } });
    assert.equal(r.exit, 0);
  });

  it('chains several filters', async () => {
    assert.deepEqual(await filter('grep -v Running | grep -c aix'), ['1\n', 0]);
    assert.deepEqual(await filter('egrep "vios|ibmi" | grep -v 2 | grep -w os400'), ['ibmi05,os400,Not Activated\n', 0]);
  });

  it('gives the HMC command what a pipe feeds it', async () => {
    const r = await run('echo data | lssyscfg -r sys');
    assert.deepEqual(r.host.calls, [{ argv: ['lssyscfg', '-r', 'sys'], stdin: 'data\n' }]);
  });
});

describe('grep options', () => {
  it('-i -v -c -n -x -w -q', async () => {
    assert.deepEqual(await filter('grep -i RUNNING -c'), ['3\n', 0]);
    assert.deepEqual(await filter('grep -v Running'), ['lnx02,aixlinux,Not Activated\nibmi05,os400,Not Activated\n', 0]);
    assert.deepEqual(await filter('grep -n lnx'), ['4:lnx02,aixlinux,Not Activated\n', 0]);
    assert.deepEqual(await filter('grep -x aix01'), ['', 1]);
    assert.deepEqual(await filter('grep -x "aix01,aixlinux,Running"'), ['aix01,aixlinux,Running\n', 0]);
    assert.deepEqual(await filter('grep -w vios'), ['', 1]);
    assert.deepEqual(await filter('grep -w vios1'), ['vios1,vioserver,Running\n', 0]);
    assert.deepEqual(await filter('grep -q aix'), ['', 0]);
    assert.deepEqual(await filter('grep -q nothing'), ['', 1]);
    assert.deepEqual(await filter('grep -c nothing'), ['0\n', 1]);
    assert.deepEqual(await filter('grep -vc Running'), ['2\n', 0]);
  });

  it('-e several patterns, -F fixed strings, long options', async () => {
    assert.deepEqual(await filter('grep -e vios1 -e ibmi'), ['vios1,vioserver,Running\nibmi05,os400,Not Activated\n', 0]);
    assert.deepEqual(await filter('grep -F "s."', 'vios.1\nvios1\n'), ['vios.1\n', 0]);
    assert.deepEqual(await filter('grep --ignore-case --count --regexp=AIX'), ['2\n', 0]);
    assert.deepEqual(await filter('grep -e -v', 'a -v b\nc\n'), ['a -v b\n', 0]);
  });

  it('egrep, grep -E and grep (basic) read their patterns differently', async () => {
    const input = 'a+b\naab\nab\n(x)\nx\n';
    assert.deepEqual(await filter("grep 'a+b'", input), ['a+b\n', 0]);
    assert.deepEqual(await filter("grep -E 'a+b'", input), ['aab\nab\n', 0]);
    assert.deepEqual(await filter("egrep 'a+b'", input), ['aab\nab\n', 0]);
    assert.deepEqual(await filter("grep 'a\\+b'", input), ['aab\nab\n', 0]);
    assert.deepEqual(await filter("grep '(x)'", input), ['(x)\n', 0]);
    assert.deepEqual(await filter("grep -E '^(x)$'", input), ['x\n', 0]);
    assert.deepEqual(await filter("grep '^\\(x\\)$'", input), ['x\n', 0]);
    assert.deepEqual(await filter("grep 'a\\|x'", input), [input, 0]);
    assert.deepEqual(await filter("grep -E 'ab|^x'", input), ['aab\nab\nx\n', 0]);
  });

  it('basic patterns: ^ $ . * [...] intervals and classes', async () => {
    const input = 'fcs0 Available\nfcs12 Defined\nfcsx\nxfcs1\nent0\n*star\na.c\nabc\n';
    assert.deepEqual(await filter("grep '^fcs[0-9]'", input), ['fcs0 Available\nfcs12 Defined\n', 0]);
    assert.deepEqual(await filter("grep 'fcs[0-9]*$'", input), ['xfcs1\n', 0]);
    assert.deepEqual(await filter("grep '^fcs[[:digit:]]\\{2\\}'", input), ['fcs12 Defined\n', 0]);
    assert.deepEqual(await filter("grep '^[^f].*[0-9]$'", input), ['xfcs1\nent0\n', 0]);
    assert.deepEqual(await filter("grep '*star'", input), ['*star\n', 0]);
    assert.deepEqual(await filter("grep 'a.c'", input), ['a.c\nabc\n', 0]);
    assert.deepEqual(await filter("grep 'a\\.c'", input), ['a.c\n', 0]);
    assert.deepEqual(await filter("grep 'a$'", 'a$b\nba\n'), ['ba\n', 0]);
    assert.deepEqual(await filter("grep 'a$b'", 'a$b\nba\n'), ['a$b\n', 0]);
  });

  it('extended patterns: + ? {m,n} groups alternation and GNU escapes', async () => {
    const input = 'fcs0   Available\nfcs1 x\nfcs\nent10 Available\nvhost0\n';
    assert.deepEqual(await filter('grep -E "^fcs[0-9]+ +"', input), ['fcs0   Available\nfcs1 x\n', 0]);
    assert.deepEqual(await filter('grep -E "^(fcs|ent)[0-9]{2}"', input), ['ent10 Available\n', 0]);
    assert.deepEqual(await filter('grep -E "^fcs[0-9]? *$"', input), ['fcs\n', 0]);
    assert.deepEqual(await filter('grep -E "\\<Avail"', input), ['fcs0   Available\nent10 Available\n', 0]);
    assert.deepEqual(await filter('grep -E "\\w+[0-9]\\b"', 'ab1 x\nab1x\n'), ['ab1 x\n', 0]);
    assert.deepEqual(await filter('grep -E "a{,2}b{2}"', 'bb\nab\n'), ['bb\n', 0]);
  });

  it('answers a bad pattern with GNU grep’s message and status 2', async () => {
    const bad = async (cmd: string, message: string) => {
      const r = await run(`echo x | ${cmd}`);
      assert.deepEqual([r.stdout, r.stderr, r.exit], ['', `grep: ${message}\n`, 2], cmd);
    };
    await bad("grep '['", 'Unmatched [, [^, [:, [., or [=');
    await bad("grep -E '(a'", 'Unmatched ( or \\(');
    await bad("grep '\\(a'", 'Unmatched ( or \\(');
    await bad("grep 'a\\)'", 'Unmatched ) or \\)');
    await bad("grep 'a\\{1'", 'Unmatched \\{');
    await bad("grep 'a\\{x\\}'", 'Invalid content of \\{\\}');
    await bad("grep -E 'a{2,1}'", 'Invalid content of \\{\\}');
    await bad("grep '[[:foo:]]'", 'Invalid character class name');
    await bad("grep '[:space:]'", 'character class syntax is [[:space:]], not [:space:]');
    await bad("grep '[z-a]'", 'Invalid range end');
    await bad("grep 'a\\'", 'Trailing backslash');
    await bad("grep -E 'a{99999}'", 'Regular expression too big');
  });

  it('refuses options and files it does not have, like GNU grep', async () => {
    const r = await run('echo x | grep -Z x');
    assert.deepEqual([r.stdout, r.exit], ['', 2]);
    assert.match(r.stderr, /^grep: invalid option -- 'Z'\nUsage: grep \[OPTION\]\.\.\. PATTERNS \[FILE\]\.\.\.\n/);
    const f = await run('echo x | grep x /etc/passwd');
    assert.deepEqual([f.stdout, f.stderr, f.exit], ['', 'grep: /etc/passwd: No such file or directory\n', 2]);
    const u = await run('echo x | grep');
    assert.deepEqual([u.stdout, u.exit], ['', 2]);
    assert.match(u.stderr, /^Usage: grep/);
    const p = await run('echo x | grep -P x');
    assert.equal(p.exit, 2);
  });

  it('matches nested quantifiers in linear time (no catastrophic backtracking)', async () => {
    const line = `${'a'.repeat(20_000)}!`;
    const started = process.hrtime.bigint();
    const r = await run(`echo ${line} | grep -E '(a+)+$' ; echo ${line} | grep '\\(a*\\)*b'`);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.deepEqual([r.stdout, r.exit], ['', 1]);
    assert.ok(ms < 5_000, `took ${ms} ms`);
  });
});
