// The HMC over SSH with real clients (issue "HMC access and resilience" items 1, 2, 7): OpenSSH with sshpass
// as Ansible drives it, and an interactive PTY session as fence_lpar drives it (ssh2 client).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ssh2 from 'ssh2';
import { startHmc, tempDir, type HmcProc } from '../helpers/processes.ts';

const run = promisify(execFile);
const S = 'Server-8286-42A-SN21AB34C';
let hmc: HmcProc;
let dir: string;
let home: string;

before(async () => {
  dir = tempDir('ssh');
  home = tempDir('sshhome');
  hmc = await startHmc(dir, { lab: 'default' });
});
after(async () => { await hmc.kill(); rmSync(dir, { recursive: true, force: true }); rmSync(home, { recursive: true, force: true }); });

const sshOpts = (): string[] => ['-o', `UserKnownHostsFile=${join(home, 'known_hosts')}`, '-o', 'StrictHostKeyChecking=accept-new',
  '-o', 'PreferredAuthentications=password,keyboard-interactive', '-o', 'PubkeyAuthentication=no', '-o', 'LogLevel=ERROR', '-p', String(hmc.sshPort)];

/** `sshpass -p PW ssh user@127.0.0.1 'command'` as Ansible's hmc_command_stack does. */
async function sshExec(command: string, user = 'hscroot', pw = 'abc123'): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const r = await run('sshpass', ['-p', pw, 'ssh', ...sshOpts(), `${user}@127.0.0.1`, command]);
    return { ...r, code: 0 };
  } catch (e) {
    const x = e as { stdout: string; stderr: string; code: number };
    return { stdout: x.stdout, stderr: x.stderr, code: x.code };
  }
}

test('one command per exec request, with output and exit status passed through', async () => {
  const r = await sshExec('lssyscfg -r sys -F name,state');
  assert.equal(r.stdout, `${S},Operating\nServer-9119-FHB-SN02B7A6C,Operating\n`);
  assert.equal(r.code, 0);
  const miss = await sshExec(`lssyscfg -r lpar -m ${S} --filter "lpar_names=nosuch"`);
  assert.equal(miss.code, 1);
  assert.equal(miss.stdout, 'HSCL8012 The partition nosuch cannot be found.\n');
});

test('Ansible quoting reaches the HMC intact (escaped double quotes inside a double-quoted record)', async () => {
  const r = await sshExec(`mksyscfg -r lpar -m ${S} -i "name=ans01,lpar_env=vioserver,profile_name=default_profile,min_mem=2048,desired_mem=4096,max_mem=4096,min_procs=1,desired_procs=1,max_procs=1,proc_mode=ded,sharing_mode=keep_idle_procs,max_virtual_slots=20,virtual_eth_adapters=\\"2/0/1//0/0/ETHERNET0//all/none,3/0/2//0/0/ETHERNET0//all/none\\"" `);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const p = await sshExec(`lssyscfg -r prof -m ${S} --filter lpar_names=ans01 -F virtual_eth_adapters`);
  assert.equal(p.stdout, '"2/0/1//0/0/ETHERNET0//all/none,3/0/2//0/0/ETHERNET0//all/none"\n');
});

test('fence_lpar backtick substitution, pipes, loops and variables work; restricted things run nothing', async () => {
  const on = await sshExec(`chsysstate -o on -r lpar -m ${S} -n aix04 -f \`lssyscfg -r lpar -F curr_profile  -m ${S} --filter "lpar_names=aix04"\``);
  assert.equal(on.code, 1, 'aix04 has never been activated, so curr_profile is empty and -f gets the next word');
  const on2 = await sshExec(`chsysstate -o on -r lpar -m ${S} -n aix04 -f $(lssyscfg -r lpar -F default_profile -m ${S} --filter lpar_names=aix04)`);
  assert.equal(on2.code, 0, on2.stdout);
  const loop = await sshExec(`lssyscfg -r lpar -m ${S} -F name | grep -E '^aix0[14]$' | while read n; do echo "#$n"; lssyscfg -r lpar -m ${S} --filter lpar_names=$n -F state; done`);
  assert.equal(loop.stdout, '#aix01\nRunning\n#aix04\nRunning\n');
  const marker = join(home, 'pwned');
  for (const evil of [`sh -c 'touch ${marker}'`, `lssyscfg -r sys; /bin/touch ${marker}`, `lssyscfg -r sys > ${marker}`, `lssyscfg -r sys && bash -c "touch ${marker}"`]) {
    const r = await sshExec(evil);
    assert.notEqual(r.code, 0, evil);
    assert.match(r.stderr + r.stdout, /-rbash: /, evil);
  }
  // As in bash, echo itself succeeds; the substituted command is refused.
  const sub = await sshExec(`echo $(touch ${marker})`);
  assert.equal(sub.stderr, '-rbash: touch: command not found\n');
  assert.equal(existsSync(marker), false, 'no injection ran anything');
});

test('an interactive PTY shell echoes, answers with \\r\\n and the HMC prompt, and quits (fence_lpar)', async () => {
  const transcript = await new Promise<string>((resolve, reject) => {
    const c = new ssh2.Client();
    let out = '';
    c.on('ready', () => c.shell({ term: 'vt100' }, (err, stream) => {
      if (err) return reject(err);
      let step = 0;
      stream.on('data', (d: Buffer) => {
        out += d.toString();
        if (step === 0 && out.endsWith('hscroot@hmc01:~> ')) { step = 1; stream.write(`lssyscfg -r lpar -m ${S} -F name:state --filter lpar_names=aix01\n`); }
        else if (step === 1 && out.split('hscroot@hmc01:~> ').length === 3) { step = 2; stream.write('quit\r\n'); }
      });
      stream.on('close', () => { c.end(); resolve(out); });
    })).on('error', reject).connect({ host: '127.0.0.1', port: hmc.sshPort, username: 'hscroot', password: 'abc123' });
  });
  assert.equal(transcript,
    `hscroot@hmc01:~> lssyscfg -r lpar -m ${S} -F name:state --filter lpar_names=aix01\r\naix01:Running\r\nhscroot@hmc01:~> quit\r\n`);
});

test('task roles are enforced over SSH; wrong passwords lock the account', async () => {
  assert.equal((await sshExec("mkhmcusr -i 'name=viewer1,taskrole=hmcviewer,passwd=View3rPass,remote_ssh_access=1,description=read only'")).code, 0);
  const ls = await sshExec('lssyscfg -r sys -F name', 'viewer1', 'View3rPass');
  assert.equal(ls.code, 0, ls.stdout + ls.stderr);
  const off = await sshExec(`chsysstate -r lpar -m ${S} -n aix01 -o shutdown --immed`, 'viewer1', 'View3rPass');
  assert.equal(off.code, 1);
  assert.equal(off.stdout, 'HSCL350B The user does not have the appropriate authority.\n');
  for (let i = 0; i < 5; i++) assert.notEqual((await sshExec('lssyscfg -r sys', 'viewer1', 'wrong')).code, 0);
  assert.notEqual((await sshExec('lssyscfg -r sys', 'viewer1', 'View3rPass')).code, 0, 'locked after five failures');
});

test('public-key login with a key installed by mkauthkeys, and a host key that stays the same', async () => {
  const key = join(home, 'id_ed25519');
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
  const pub = readFileSync(`${key}.pub`, 'utf8').trim();
  assert.equal((await sshExec(`mkauthkeys -a "${pub}"`)).code, 0);
  const r = await run('ssh', ['-o', `UserKnownHostsFile=${join(home, 'known_hosts')}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'BatchMode=yes',
    '-o', 'LogLevel=ERROR', '-i', key, '-p', String(hmc.sshPort), 'hscroot@127.0.0.1', 'lshmc -V | grep Release']);
  assert.equal(r.stdout, ' Release: 2\n');
  assert.match(readFileSync(join(dir, 'hmc', 'ssh_host_ecdsa_key'), 'utf8'), /BEGIN EC PRIVATE KEY/);
});
