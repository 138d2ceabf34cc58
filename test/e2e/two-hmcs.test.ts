// Two HMCs manage one system at once (platform.md §11): both see every change; an operation in progress
// from one holds the FSP's lock, so the other gets a busy error instead of interleaving.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { eventually, startHmc, startSystem, tempDir } from '../helpers/processes.ts';

const S = 'Server-8286-42A-SN21AB34C';
const cleanup: (() => Promise<void> | void)[] = [];
after(async () => { for (const c of cleanup.reverse()) await c(); });

test('two HMCs see every change and conflicting operations are serialized with a busy error', async () => {
  const sysDir = tempDir('sys2'), d1 = tempDir('hmcA'), d2 = tempDir('hmcB');
  cleanup.push(() => { for (const d of [sysDir, d1, d2]) rmSync(d, { recursive: true, force: true }); });
  // Partitions take 6 s to boot here, so an activation stays in progress long enough to collide with.
  const sys = await startSystem(sysDir, { config: { timings: { partitionBootMs: 6000 } } });
  cleanup.push(() => sys.kill());
  const a = await startHmc(d1, { config: { hmc: { hostname: 'hmca' } } });
  cleanup.push(() => a.kill());
  const b = await startHmc(d2, { config: { hmc: { hostname: 'hmcb' } } });
  cleanup.push(() => b.kill());
  await a.ok(`mksysconn --ip ${sys.address} --passwd Hmc4ccess`);
  await b.ok(`mksysconn --ip ${sys.address} --passwd Hmc4ccess`);

  await a.ok(`mksyscfg -r lpar -m ${S} -i 'name=shared1,lpar_env=aixlinux,profile_name=p,min_mem=1024,desired_mem=2048,max_mem=4096,min_procs=1,desired_procs=1,max_procs=2'`);
  await eventually(async () => assert.equal((await b.ok(`lssyscfg -r lpar -m ${S} -F name:state`)).trim(), 'shared1:Not Activated'));
  await b.ok(`chsyscfg -r lpar -m ${S} -i 'name=shared1,description=changed on B'`);
  await eventually(async () => assert.equal((await a.ok(`lssyscfg -r lpar -m ${S} --filter lpar_names=shared1 -F description`)).trim(), 'changed on B'));

  await a.ok(`chsysstate -r lpar -m ${S} -n shared1 -o on -f p`);
  const busy = await b.run(`chsysstate -r lpar -m ${S} -n shared1 -o on -f p`);
  assert.equal(busy.exit, 1);
  assert.match(busy.stdout, /^HSCLSIM32 The managed system Server-8286-42A-SN21AB34C is busy with an operation started from management console hmca\./);
  const busy2 = await b.run(`chsysstate -r lpar -m ${S} -n shared1 -o shutdown --immed`);
  assert.match(busy2.stdout, /^HSCLSIM32 /);
  // The HMC that started it gets the ordinary answer: the partition is already on its way up.
  assert.match((await a.run(`chsysstate -r lpar -m ${S} -n shared1 -o on -f p`)).stdout, /^HSCL3681 /);
  await eventually(async () => {
    assert.equal((await a.ok(`lssyscfg -r lpar -m ${S} -F name:state`)).trim(), 'shared1:Running');
    assert.equal((await b.ok(`lssyscfg -r lpar -m ${S} -F name:state`)).trim(), 'shared1:Running');
  });
  // Once the transition is over, the lock is gone: B may act.
  await b.ok(`chsysstate -r lpar -m ${S} -n shared1 -o shutdown --immed`);
  await eventually(async () => assert.equal((await a.ok(`lssyscfg -r lpar -m ${S} -F name:state`)).trim(), 'shared1:Not Activated'));
});
