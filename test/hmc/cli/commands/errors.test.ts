// How commands fail (hmc-cli.md §2, §5; platform.md §15): the shell's "command not found" with exit status
// 127, HSCL-coded messages with a non-zero status (1, never 5 or 6), on stdout by default and on stderr
// when configured, the verified invalid-attribute text, and SIMULATED HSCLSIMn codes for the conditions of
// §15.2 that have no known IBM code.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lab, S824, P795, MEM_2G, DED_1, invalidAttribute, refused, silent } from './cli-support.ts';

describe('the restricted shell', () => {
  it('an unknown command: rbash "command not found" on stderr, exit status 127', async () => {
    const t = await lab();
    const r = await t.run('lsfoo -r sys');
    assert.deepEqual([r.stdout, r.stderr, r.exit], ['', '-rbash: lsfoo: command not found\n', 127]);
  });

  it('extra spaces between arguments do not matter (HMC Scanner, Ansible)', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lssyscfg   -r lpar  -m ${S824}   -F name  --filter lpar_ids=1 `), 'vios1\n');
  });
});

describe('usage errors (HSCLSIM28)', () => {
  it('an unknown option names it', async () => {
    const t = await lab();
    const msg = await refused(t, `lssyscfg -r lpar -m ${S824} -x`, 'HSCLSIM28');
    assert.match(msg, /does not accept the option -x/);
  });

  it('a missing required option names it', async () => {
    const t = await lab();
    let msg = await refused(t, 'lssyscfg -r lpar', 'HSCLSIM28');
    assert.match(msg, /needs the -m option/);
    msg = await refused(t, `lssyscfg -m ${S824}`, 'HSCLSIM28');
    assert.match(msg, /needs the -r option/);
    await refused(t, `chsysstate -r lpar -m ${S824} -n aix04`, 'HSCLSIM28');
    await refused(t, `mksyscfg -r lpar -m ${S824}`, 'HSCLSIM28');
  });

  it('an option given twice, an option without its value, a stray argument', async () => {
    const t = await lab();
    await refused(t, `lssyscfg -r lpar -r sys -m ${S824}`, 'HSCLSIM28');
    await refused(t, 'lssyscfg -r lpar -m', 'HSCLSIM28');
    await refused(t, `lssyscfg -r lpar -m ${S824} extra`, 'HSCLSIM28');
  });

  it('a value outside its list names the valid ones', async () => {
    const t = await lab();
    const msg = await refused(t, `lssyscfg -r bogus -m ${S824}`, 'HSCLSIM28');
    assert.match(msg, /bogus is not a valid resource type\. Valid values are sys, lpar, prof, sysprof, frame\./);
  });

  it('--header without -F is refused', async () => {
    const t = await lab();
    await refused(t, `lssyscfg -r lpar -m ${S824} --header`, 'HSCLSIM28');
  });
});

describe('HSCL messages', () => {
  it('an unknown managed system is HSCL8012', async () => {
    const t = await lab();
    const r = await t.run('lssyscfg -r lpar -m Server-9999-99A-SN0000000');
    assert.deepEqual([r.stdout, r.exit], ['HSCL8012 The managed system Server-9999-99A-SN0000000 cannot be found.\n', 1]);
  });

  it('the invalid-attribute message has no code and two spaces between sentences', async () => {
    const t = await lab();
    assert.equal(invalidAttribute('x'), 'An invalid attribute was entered.  The invalid attribute is x.  Correct the input and retry the command.\n');
    await refused(t, `lssyscfg -r lpar -m ${S824} -F name,x`, invalidAttribute('x'));
  });

  it('with errorStream=stderr the message moves to stderr; the exit status stays 1', async () => {
    const t = await lab({ hmc: { errorStream: 'stderr' } });
    const r = await t.run(`lssyscfg -r lpar -m ${S824} --filter lpar_names=nosuch`);
    assert.deepEqual([r.stdout, r.stderr, r.exit], ['', 'HSCL8012 The partition nosuch cannot be found.\n', 1]);
  });

  it('HMC refusals exit with status 1 (Ansible reads 5 and 6 as sshpass errors)', async () => {
    const t = await lab();
    for (const line of [
      `lssyscfg -r lpar -m ${S824} --filter lpar_names=nosuch`,
      `chsysstate -r lpar -m ${S824} -o on -n aix01`,
      `chsysstate -r lpar -m ${S824} -o shutdown -n aix04`,
      `chhwres -r proc -m ${S824} -o a -p aix04 --procs 1`,
      `lssyscfg -r lpar -m ${S824} -F bogus`,
      `lssyscfg -r lpar -m ${S824} -x`,
      `mksyscfg -r lpar -m ${S824} -i 'name=aix01,lpar_env=aixlinux,profile_name=p,${MEM_2G},${DED_1}'`,
    ]) {
      const r = await t.run(line);
      assert.equal(r.exit, 1, line);
      assert.match(r.stdout, /^(HSCL[0-9A-F]{4}|HSCLSIM\d+) |^An invalid attribute was entered\./, line);
    }
  });
});

describe('platform.md §15.2: conditions without a known IBM code get distinct SIMULATED codes', () => {
  it('each condition has its own HSCLSIMn code', async () => {
    const t = await lab();
    const mk = (name: string, attrs: string) => `mksyscfg -r lpar -m ${S824} -i 'name=${name},lpar_env=aixlinux,profile_name=p,${attrs}'`;
    // Setup: a partition too big to start, a partition whose required slot is vios1's, a powered-off 795.
    await silent(t, mk('huge', `min_mem=491520,desired_mem=491520,max_mem=491520,${DED_1}`));
    await silent(t, `chsyscfg -r prof -m ${S824} -i name=default_profile,lpar_name=aix04,io_slots=21010200/none/1`);
    await silent(t, `chsysstate -r sys -m ${P795} -o off --immed`);
    const conditions: [string, string][] = [
      ['desired above max', mk('x', `min_mem=2048,desired_mem=8192,max_mem=4096,${DED_1}`)],
      ['memory not a multiple of the LMB', mk('x', `min_mem=2000,desired_mem=2048,max_mem=4096,${DED_1}`)],
      ['proc units above virtual processors', mk('x', `${MEM_2G},proc_mode=shared,min_proc_units=0.1,desired_proc_units=1.5,max_proc_units=2.0,min_procs=1,desired_procs=1,max_procs=2,sharing_mode=cap`)],
      ['dedicated/shared attribute mixing', mk('x', `${MEM_2G},${DED_1},min_proc_units=0.1`)],
      ['insufficient memory at activation', `chsysstate -r lpar -m ${S824} -o on -n huge`],
      ['duplicate partition name', mk('aix01', `${MEM_2G},${DED_1}`)],
      ['duplicate partition id', mk('x', `lpar_id=1,${MEM_2G},${DED_1}`)],
      ['virtual slot at or above max_virtual_slots', mk('x', `${MEM_2G},${DED_1},max_virtual_slots=10,virtual_eth_adapters=10/0/1//0/0`)],
      ['PVID out of range', mk('x', `${MEM_2G},${DED_1},virtual_eth_adapters=2/0/4095//0/0`)],
      ['deleting a running partition', `rmsyscfg -r lpar -m ${S824} -n aix01`],
      ['activating while the system is powered off', `chsysstate -r lpar -m ${P795} -o on -n aix11`],
      ['required I/O slot owned by a running partition', `chsysstate -r lpar -m ${S824} -o on -n aix04`],
    ];
    const codes = new Map<string, string>();
    for (const [what, line] of conditions) {
      const r = await t.run(line);
      assert.equal(r.exit, 1, `${what}: ${r.text}`);
      const code = r.stdout.split(' ')[0];
      assert.match(code, /^HSCLSIM\d+$/, `${what}: ${r.stdout}`);
      assert.ok(!codes.has(code), `${what} and ${codes.get(code)} share ${code}`);
      codes.set(code, what);
    }
  });
});
