// The HMC is not a point of failure (DESIGN.md; issue "HMC access and resilience" item 4): managed systems
// run as their own processes; the HMC process is killed, its database deleted, a system's NVRAM lost.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, startHmc, startSystem, tempDir, type HmcProc, type SystemProc } from '../helpers/processes.ts';

const S = 'Server-8286-42A-SN21AB34C';
const procs: { kill(): Promise<void> }[] = [];
const dirs: string[] = [];
after(async () => { for (const p of procs) await p.kill(); for (const d of dirs) rmSync(d, { recursive: true, force: true }); });
const dir = (p: string): string => { const d = tempDir(p); dirs.push(d); return d; };
const track = <T extends { kill(): Promise<void> }>(p: T): T => { procs.push(p); return p; };

async function connectedLab(): Promise<{ sys: SystemProc; hmc: HmcProc; sysDir: string; hmcDir: string }> {
  const sysDir = dir('sys');
  const hmcDir = dir('hmc');
  const sys = track(await startSystem(sysDir));
  const hmc = track(await startHmc(hmcDir));
  await hmc.ok(`mksysconn --ip ${sys.address} --passwd Hmc4ccess`);
  await hmc.ok(`mksyscfg -r lpar -m ${S} -i 'name=app1,lpar_env=aixlinux,profile_name=default_profile,min_mem=1024,desired_mem=2048,max_mem=4096,proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.5,max_proc_units=1.0,min_procs=1,desired_procs=1,max_procs=2,sharing_mode=uncap,uncap_weight=100'`);
  await hmc.ok(`mksyscfg -r prof -m ${S} -i 'name=small,lpar_name=app1,min_mem=1024,desired_mem=1024,max_mem=2048,min_procs=1,desired_procs=1,max_procs=1'`);
  await hmc.ok(`chsysstate -r lpar -m ${S} -n app1 -o on -f default_profile`);
  return { sys, hmc, sysDir, hmcDir };
}

test('partitions keep running while the HMC is down, and a restarted HMC finds everything as it was', async () => {
  const { hmc, hmcDir } = await connectedLab();
  const before = await hmc.ok(`lssyscfg -r prof -m ${S}`);
  const up1 = Number(await hmc.ok(`lssyscfg -r lpar -m ${S} --filter lpar_names=app1 -F uptime`));
  await hmc.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 1500));
  const hmc2 = track(await startHmc(hmcDir));
  assert.equal((await eventually(async () => { const o = await hmc2.ok(`lssyscfg -r lpar -m ${S} -F name:state`); assert.match(o, /app1:Running/); return o; })).trim(), 'app1:Running');
  assert.equal(await hmc2.ok(`lssyscfg -r prof -m ${S}`), before);
  const up2 = Number(await hmc2.ok(`lssyscfg -r lpar -m ${S} --filter lpar_names=app1 -F uptime`));
  assert.ok(up2 >= up1 + 1, `uptime went on while the HMC was down (${up1} s, then ${up2} s)`);
});

test('a new HMC whose database was deleted rebuilds partitions and profiles from the FSP', async () => {
  const { hmc, hmcDir, sys } = await connectedLab();
  const before = await hmc.ok(`lssyscfg -r prof -m ${S}`);
  const lpars = await hmc.ok(`lssyscfg -r lpar -m ${S} -F name,lpar_id,state,curr_profile`);
  await hmc.kill('SIGKILL');
  for (const f of ['hmc.db', 'hmc.db-wal', 'hmc.db-shm']) { try { unlinkSync(join(hmcDir, 'hmc', f)); } catch { /* absent */ } }
  const hmc2 = track(await startHmc(hmcDir));
  assert.equal((await hmc2.run('lssyscfg -r sys')).stdout, 'No results were found.\n');
  await hmc2.ok(`mksysconn --ip ${sys.address} --passwd Hmc4ccess`);
  assert.equal(await hmc2.ok(`lssyscfg -r prof -m ${S}`), before);
  assert.equal(await hmc2.ok(`lssyscfg -r lpar -m ${S} -F name,lpar_id,state,curr_profile`), lpars);
});

test('a system that lost its NVRAM comes up in Recovery and rstprofdata brings it back with nothing lost', async () => {
  const { hmc, sys, sysDir } = await connectedLab();
  await hmc.ok(`chsysstate -r lpar -m ${S} -n app1 -o shutdown --immed`);
  const before = await hmc.ok(`lssyscfg -r prof -m ${S}`);
  assert.equal((await hmc.ok(`bkprofdata -m ${S} -f before-loss`)).trim(), 'Backup operation completed successfully.');
  await sys.kill('SIGKILL');
  unlinkSync(join(sysDir, 'systems', '8286-42A_21AB34C', 'nvram.log'));
  const port = Number(sys.address.split(':')[1]);
  track(await startSystem(sysDir, { port }));
  await eventually(async () => assert.equal((await hmc.ok(`lssyscfg -r sys -F state`)).trim(), 'Recovery'));
  assert.equal((await hmc.ok(`lssyscfg -r lpar -m ${S} -F name:state`)).trim(), 'app1:Not Available');
  await hmc.ok(`rstprofdata -m ${S} -l 1 -f before-loss`);
  assert.equal((await hmc.ok(`lssyscfg -r sys -F state`)).trim(), 'Operating');
  assert.equal(await hmc.ok(`lssyscfg -r prof -m ${S}`), before);
  await hmc.ok(`chsysstate -r lpar -m ${S} -n app1 -o on -f small`);
  assert.equal((await hmc.ok(`lssyscfg -r lpar -m ${S} -F name:state`)).trim(), 'app1:Running');
});
