// The command lines real clients send through the HMC's restricted shell (hmc-cli.md §1–2), and the
// exact argv the HMC must receive for each.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isLogout } from '../../../src/hmc/shell/session.ts';
import { run, shell } from './fake-host.ts';

const SYS = 'Server-9009-42A-SN7812ABC';
const ETH = '2/0/1//0/0/ETHERNET0//all/none,3/0/2//0/0/ETHERNET0//all/none';

describe('Ansible (IBM/ansible-power-hmc)', () => {
  it('passes backslash-escaped double quotes inside a double-quoted -i value as plain quotes', async () => {
    const r = await run(`lssyscfg -r lpar -m ${SYS} -i "name=aix01,profile_name=default,virtual_eth_adapters=\\"${ETH}\\""`);
    assert.deepEqual(r.host.argvs, [['lssyscfg', '-r', 'lpar', '-m', SYS, '-i', `name=aix01,profile_name=default,virtual_eth_adapters="${ETH}"`]]);
    assert.equal(r.exit, 0);
  });

  it('passes the IBM style (whole pair in escaped quotes) of chsyscfg unchanged', async () => {
    const r = await run(`chsyscfg -r prof -m ${SYS} -i "name=default,lpar_name=aix01,\\"virtual_eth_adapters=${ETH}\\""`);
    assert.deepEqual(r.host.argvs, [['chsyscfg', '-r', 'prof', '-m', SYS, '-i', `name=default,lpar_name=aix01,"virtual_eth_adapters=${ETH}"`]]);
  });

  it('ignores double spaces and a trailing space', async () => {
    const r = await run(`chsysstate  -r sys  -m ${SYS} -o off `);
    assert.deepEqual(r.host.argvs, [['chsysstate', '-r', 'sys', '-m', SYS, '-o', 'off']]);
  });

  it('returns the HMC command exit status and both streams unchanged', async () => {
    const r = await run(`lssyscfg -r lpar -m ${SYS} --filter "lpar_names=nosuch"`, {
      lssyscfg: { stdout: 'HSCL8012 The partition nosuch cannot be found.\n', stderr: 'warn\n', exit: 1 },
    });
    assert.deepEqual(r.host.argvs, [['lssyscfg', '-r', 'lpar', '-m', SYS, '--filter', 'lpar_names=nosuch']]);
    assert.deepEqual([r.stdout, r.stderr, r.exit], ['HSCL8012 The partition nosuch cannot be found.\n', 'warn\n', 1]);
  });

  it('delivers a single-quoted record with inner double quotes as one word', async () => {
    const r = await run(`mksyscfg -r lpar -m ${SYS} -i 'name=a,"virtual_eth_adapters=x,y"'`);
    assert.deepEqual(r.host.argvs, [['mksyscfg', '-r', 'lpar', '-m', SYS, '-i', 'name=a,"virtual_eth_adapters=x,y"']]);
  });
});

describe('fence_lpar (fence-agents)', () => {
  const answers = { lssyscfg: 'default_profile\n' };

  it('substitutes the backtick command (with its double space) into -f', async () => {
    const r = await run('chsysstate -o on -r lpar -m SYS -n LPAR -f `lssyscfg -r lpar -F curr_profile  -m SYS --filter "lpar_names=LPAR"`', answers);
    assert.deepEqual(r.host.argvs, [
      ['lssyscfg', '-r', 'lpar', '-F', 'curr_profile', '-m', 'SYS', '--filter', 'lpar_names=LPAR'],
      ['chsysstate', '-o', 'on', '-r', 'lpar', '-m', 'SYS', '-n', 'LPAR', '-f', 'default_profile'],
    ]);
    assert.equal(r.exit, 0);
  });

  it('does the same with $( )', async () => {
    const r = await run('chsysstate -o on -r lpar -m SYS -n LPAR -f $(lssyscfg -r lpar -F curr_profile  -m SYS --filter "lpar_names=LPAR")', answers);
    assert.deepEqual(r.host.argvs.at(-1), ['chsysstate', '-o', 'on', '-r', 'lpar', '-m', 'SYS', '-n', 'LPAR', '-f', 'default_profile']);
  });

  it('keeps variables and $? between the lines of an interactive session', async () => {
    const { host, session } = shell({ lssyscfg: { stdout: 'HSCL8012 The partition nosuch cannot be found.\n', exit: 1 } });
    assert.equal((await session.run("lssyscfg -r lpar -m SYS --filter 'lpar_names=nosuch' -F name,state")).exit, 1);
    assert.deepEqual(await session.run('echo $?'), { stdout: '1\n', stderr: '', exit: 0 });
    await session.run('P=default_profile');
    await session.run('chsysstate -r lpar -m SYS -n LPAR -o on -f $P');
    assert.deepEqual(host.argvs.at(-1), ['chsysstate', '-r', 'lpar', '-m', 'SYS', '-n', 'LPAR', '-o', 'on', '-f', 'default_profile']);
    assert.equal(session.prompt, 'hscroot@hmc01:~> ');
  });

  it('logs out with quit, exit or logout', async () => {
    for (const line of ['quit', 'exit', 'logout', ' exit 0 ', 'exit 3;']) assert.equal(isLogout(line), true, line);
    for (const line of ['quitx', 'echo exit', 'exit now', 'lssyscfg -r sys']) assert.equal(isLogout(line), false, line);
    const { session } = shell();
    const r = await session.run('quit');
    assert.equal(r.stderr, '');
    assert.equal(session.exited, true);
  });
});

describe('HMC Scanner', () => {
  const lsdev = [
    'name             status      description',
    'ent0             Available   4-Port Gigabit Ethernet PCI-Express Adapter (e414571614102004)',
    'ent4             Available   Shared Ethernet Adapter',
    'ent5             Available   Virtual I/O Ethernet Adapter (l-lan)',
    'ent8             Available   Shared Ethernet Adapter',
    '',
  ].join('\n');
  const attrs = (dev: string) => `ctl_chan      ${dev}-c  Control Channel adapter for SEA failover True\nlarge_receive no        Enable receive TCP segment aggregation False\n`;
  const answers = {
    viosvrcmd: (argv: string[]) => (argv[6] === 'lsdev' ? lsdev : attrs(argv[6].split(' ')[2])),
  };
  const line = `viosvrcmd -m 'SYS' -p 'VIOS' -c "lsdev" | grep "Shared Ethernet Adapter" | while read i j ; do echo "#$i"; viosvrcmd -m 'SYS' -p 'VIOS' -c "lsdev -dev $i -attr" | grep True ; done`;

  it('runs the while-read loop once per matching line with $i substituted', async () => {
    const r = await run(line, answers);
    assert.deepEqual(r.host.argvs, [
      ['viosvrcmd', '-m', 'SYS', '-p', 'VIOS', '-c', 'lsdev'],
      ['viosvrcmd', '-m', 'SYS', '-p', 'VIOS', '-c', 'lsdev -dev ent4 -attr'],
      ['viosvrcmd', '-m', 'SYS', '-p', 'VIOS', '-c', 'lsdev -dev ent8 -attr'],
    ]);
    assert.equal(r.stdout, `#ent4\n${attrs('ent4').split('\n')[0]}\n#ent8\n${attrs('ent8').split('\n')[0]}\n`);
    assert.deepEqual([r.stderr, r.exit], ['', 0]);
  });

  it('gives the last variable of read the rest of the line', async () => {
    const r = await run(`viosvrcmd -m SYS -p VIOS -c lsdev | grep Shared | while read name status rest; do echo "$name|$status|$rest"; done`, answers);
    assert.equal(r.stdout, 'ent4|Available|Shared Ethernet Adapter\nent8|Available|Shared Ethernet Adapter\n');
  });

  it('reads the HMC clock with date +"%Y-%m-%d %H:%M:%S"', async () => {
    const r = await run('date +"%Y-%m-%d %H:%M:%S"');
    assert.deepEqual([r.stdout, r.exit], ['2026-11-25 09:17:40\n', 0]);
    assert.deepEqual(r.host.calls, []);
  });

  it('accepts the aligned (multi-space) commands and ; separators', async () => {
    const r = await run("lshwres -r proc     --level sys     -m 'SYS' ; lshwres -r mem  --level lpar -m 'SYS'");
    assert.deepEqual(r.host.argvs, [
      ['lshwres', '-r', 'proc', '--level', 'sys', '-m', 'SYS'],
      ['lshwres', '-r', 'mem', '--level', 'lpar', '-m', 'SYS'],
    ]);
  });
});

describe('hmc-mcp (shlex-quoted arguments)', () => {
  it('removes shlex single quotes', async () => {
    const r = await run(`lshwres -r io --rsubtype slot -m '${SYS}' -F 'drc_index,description' --filter 'lpar_names=aix01'`);
    assert.deepEqual(r.host.argvs, [['lshwres', '-r', 'io', '--rsubtype', 'slot', '-m', SYS, '-F', 'drc_index,description', '--filter', 'lpar_names=aix01']]);
  });

  it('filters with grep -E "^fcs[0-9]+ +"', async () => {
    const out = 'fcs0             Available 01-00 8Gb PCI Express Dual Port FC Adapter\nfcs1 Available 01-01 8Gb\nfcsx             Defined\nent0 Available\n fcs2 Available\nfcs10 Available\n';
    const r = await run(`viosvrcmd -m '${SYS}' -p 'vios1' -c 'lsdev -type adapter' | grep -E "^fcs[0-9]+ +"`, { viosvrcmd: out });
    assert.deepEqual(r.host.argvs, [['viosvrcmd', '-m', SYS, '-p', 'vios1', '-c', 'lsdev -type adapter']]);
    assert.equal(r.stdout, 'fcs0             Available 01-00 8Gb PCI Express Dual Port FC Adapter\nfcs1 Available 01-01 8Gb\nfcs10 Available\n');
    assert.equal(r.exit, 0);
  });

  it("delivers shlex's '\"'\"' form of an embedded single quote", async () => {
    const r = await run(`chsyscfg -r lpar -m '${SYS}' -i 'name=aix01,description=it'"'"'s mine'`);
    assert.deepEqual(r.host.argvs, [['chsyscfg', '-r', 'lpar', '-m', SYS, '-i', "name=aix01,description=it's mine"]]);
  });
});
