// Crash safety (issue "HMC access and resilience" item 6): the simulator is killed with SIGKILL at random
// points during a stream of accepted changes and restarted, many times. Every acknowledged change is
// present, nothing half-written remains, and the FSP's NVRAM and the HMC database agree.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { FileNvram } from '../../src/platform/fsp/nvram.ts';
import { HmcDb } from '../../src/hmc/store/hmc-db.ts';
import type { PartitionDef } from '../../src/platform/types/partition.ts';
import { startHmc, tempDir } from '../helpers/processes.ts';

const S = 'Server-8286-42A-SN21AB34C';
const dir = tempDir('crash');
after(() => rmSync(dir, { recursive: true, force: true }));

/** Partition name → description, as the FSP's NVRAM file holds them. */
function nvramPartitions(): Map<string, string> {
  const l = new FileNvram(join(dir, 'systems', '8286-42A_21AB34C', 'nvram.log')).load();
  assert.equal(l.kind, 'ok', 'the NVRAM journal is readable after a kill');
  const out = new Map<string, string>();
  if (l.kind === 'ok') for (const [k, v] of l.entries) if (k.startsWith('lpar:')) out.set((v as PartitionDef).name, (v as PartitionDef).description);
  return out;
}

/** The same, as the HMC database's copy holds them. */
function dbPartitions(): Map<string, string> {
  const db = new HmcDb(join(dir, 'hmc', 'hmc.db'));
  try {
    const out = new Map<string, string>();
    for (const r of db.loadSystem('8286-42A*21AB34C')) if (r.kind === 'lpar') { const p = JSON.parse(r.json).def as PartitionDef; out.set(p.name, p.description); }
    return out;
  } finally { db.close(); }
}

test('SIGKILL at random points loses no acknowledged change and leaves NVRAM and the HMC database in agreement', async () => {
  const acked = new Map<string, string>(); // name → description last acknowledged
  let n = 0;
  for (let round = 0; round < 6; round++) {
    const hmc = await startHmc(dir, { lab: 'default' });
    let stop = false;
    let inFlight: [string, string] | null = null; // sent, not (yet) acknowledged
    const killAt = 150 + Math.floor(Math.random() * 900);
    const killer = new Promise<void>((r) => setTimeout(() => { stop = true; void hmc.kill('SIGKILL').then(r); }, killAt));
    const writer = (async () => {
      while (!stop) {
        // The S824 holds at most 320 partitions: past 250, only change existing ones.
        const name = n < 250 ? `c${++n}` : null;
        if (name === null) n++;
        try {
          if (name !== null) {
          inFlight = [name, `round ${round}`];
          const r = await hmc.run(`mksyscfg -r lpar -m ${S} -i 'name=${name},lpar_env=aixlinux,profile_name=p,min_mem=256,desired_mem=256,max_mem=512,min_procs=1,desired_procs=1,max_procs=1,description=round ${round}'`);
          if (r.exit === 0) acked.set(name, `round ${round}`); else assert.fail(r.text);
          }
          const old = [...acked.keys()][Math.floor(Math.random() * acked.size)];
          inFlight = [old, `changed ${n}`];
          const c = await hmc.run(`chsyscfg -r lpar -m ${S} -i 'name=${old},description=changed ${n}'`);
          if (c.exit === 0) acked.set(old, `changed ${n}`);
          inFlight = null;
        } catch (e) {
          if (!stop) throw e; // a dropped reply after the kill is an unacknowledged change
        }
      }
    })();
    await Promise.all([killer, writer]);
    const nv = nvramPartitions();
    const db = dbPartitions();
    // The change in flight at the kill may or may not have landed; it must be all there or not at all.
    const ok = (name: string, got: string | undefined): boolean => got === acked.get(name) || (inFlight !== null && inFlight[0] === name && got === inFlight[1]);
    for (const name of acked.keys()) {
      assert.ok(ok(name, nv.get(name)), `NVRAM holds acknowledged ${name}: ${nv.get(name)} vs ${acked.get(name)}`);
      assert.ok(ok(name, db.get(name)), `HMC database holds acknowledged ${name}: ${db.get(name)} vs ${acked.get(name)}`);
    }
    for (const [name, desc] of nv) if (acked.has(name) || inFlight?.[0] === name) acked.set(name, desc); // what landed is now durable
    // At most the one change in flight at the kill may be in NVRAM and not (yet) acknowledged or in the DB.
    const diff = [...nv].filter(([k, v]) => db.get(k) !== v);
    assert.ok(diff.length <= 1, `NVRAM and HMC database differ by at most the change in flight: ${JSON.stringify(diff)}`);
  }
  const hmc = await startHmc(dir, { lab: 'default' });
  try {
    const listed = new Map((await hmc.ok(`lssyscfg -r lpar -m ${S} -F name,description`)).trim().split('\n').map((l) => l.split(',') as [string, string]));
    for (const [name, desc] of acked) assert.equal(listed.get(name), desc, name);
    assert.deepEqual([...nvramPartitions()].sort(), [...listed].sort(), 'after a restart the HMC shows exactly what the FSP holds');
    assert.ok(acked.size > 5, `enough changes were made (${acked.size})`);
  } finally { await hmc.kill(); }
});
