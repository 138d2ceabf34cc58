// The hypervisor at run time on virtual time: partitions' workloads become processor time through the
// dispatcher and the cycle counters lslparutil reports (hand-computed expectations).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSim, bareLab, S824, type TestSim } from '../../../helpers/sim.ts';
import { utilCounters } from '../../../../src/platform/hypervisor/runtime/util-counters.ts';

const HOUR = 3_600_000;
const CPS = 512_000_000;

async function lab(): Promise<TestSim> {
  const t = await openSim({ lab: bareLab() });
  const mk = (attrs: string) => t.ok(`mksyscfg -r lpar -m ${S824} -i "lpar_env=aixlinux,profile_name=p,min_mem=1024,desired_mem=2048,max_mem=4096,${attrs}"`);
  // S824: 16 cores. D holds 2 dedicated cores, so the shared physical pool has 14.
  await mk('name=A,proc_mode=shared,min_proc_units=0.1,desired_proc_units=1.0,max_proc_units=4.0,min_procs=1,desired_procs=12,max_procs=12,sharing_mode=uncap,uncap_weight=128');
  await mk('name=B,proc_mode=shared,min_proc_units=0.1,desired_proc_units=1.0,max_proc_units=4.0,min_procs=1,desired_procs=12,max_procs=12,sharing_mode=uncap,uncap_weight=64');
  await mk('name=C,proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.5,max_proc_units=1.0,min_procs=1,desired_procs=1,max_procs=2,sharing_mode=cap');
  await mk('name=D,proc_mode=ded,min_procs=1,desired_procs=2,max_procs=2,sharing_mode=keep_idle_procs');
  await mk('name=E,proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.5,max_proc_units=1.0,min_procs=1,desired_procs=4,max_procs=4,sharing_mode=uncap,uncap_weight=0');
  for (const n of ['A', 'B', 'C', 'D', 'E']) await t.ok(`chsysstate -r lpar -m ${S824} -o on -n ${n} -f p`);
  return t;
}

const workload = (t: TestSim, lpar: string, ...words: string[]) => {
  const r = t.sim.workloadCommand([S824, lpar, ...words]);
  assert.equal(r.exit, 0, r.stderr);
};

const byName = (t: TestSim) => {
  const c = utilCounters(t.sim.system(S824));
  return { c, lpar: (n: string) => c.lpars.find((l) => l.lpar_name === n)! };
};

test('an hour of contention: entitlement guaranteed, capped and weight 0 stay at entitlement, idle capacity by weight', async () => {
  const t = await lab();
  try {
    const base = byName(t);
    for (const n of ['A', 'B']) workload(t, n, 'constant', 'pu=12');
    workload(t, 'C', 'constant', 'pu=2');
    workload(t, 'E', 'constant', 'pu=3');
    workload(t, 'D', 'constant', 'pu=0.5');
    t.clock.advance(HOUR);
    const { c, lpar } = byName(t);
    const delta = (n: string, f: 'entitled_cycles' | 'capped_cycles' | 'uncapped_cycles' | 'idle_cycles') => (lpar(n)[f] - (base.lpar(n)?.[f] ?? 0)) / (3600 * CPS);
    // Entitlements 1 + 1 + 0.5 + 0.5 = 3 of 14 shared cores; 11 idle go to A and B 2:1 (weights 128:64).
    assert.ok(Math.abs(delta('A', 'capped_cycles') - 1) < 1e-6);
    assert.ok(Math.abs(delta('A', 'uncapped_cycles') - 22 / 3) < 1e-6, `A uncapped ${delta('A', 'uncapped_cycles')}`);
    assert.ok(Math.abs(delta('B', 'uncapped_cycles') - 11 / 3) < 1e-6, `B uncapped ${delta('B', 'uncapped_cycles')}`);
    assert.equal(delta('C', 'uncapped_cycles'), 0);
    assert.ok(Math.abs(delta('C', 'capped_cycles') - 0.5) < 1e-6);
    assert.equal(delta('E', 'uncapped_cycles'), 0, 'weight 0 behaves as capped');
    // The dedicated partition uses half a core of its two and keeps the rest idle (keep_idle_procs).
    assert.ok(Math.abs(delta('D', 'capped_cycles') - 0.5) < 1e-6);
    assert.ok(Math.abs(delta('D', 'idle_cycles') - 1.5) < 1e-6);
    assert.equal(c.time_cycles - base.c.time_cycles, 3600 * CPS);
    assert.ok(Math.abs((c.pool.utilized_pool_cycles - base.c.pool.utilized_pool_cycles) / (3600 * CPS) - 14) < 1e-6, 'the shared pool is fully used');
  } finally { t.close(); }
});

test('time before a DLPAR change runs under the old entitlement, after it under the new one', async () => {
  const t = await lab();
  try {
    workload(t, 'C', 'constant', 'pu=2');
    const before = byName(t).lpar('C').capped_cycles;
    t.clock.advance(HOUR / 2);
    await t.ok(`chhwres -r proc -m ${S824} -o a -p C --procunits 0.5`);
    t.clock.advance(HOUR / 2);
    const used = (byName(t).lpar('C').capped_cycles - before) / (3600 * CPS);
    assert.ok(Math.abs(used - 0.75) < 1e-6, `C used ${used} PU on average (0.5 then 1.0)`);
  } finally { t.close(); }
});

test('a partition without a workload idles; a daily curve peaks in the afternoon', async () => {
  const t = await lab();
  try {
    workload(t, 'A', 'daily', 'base=0', 'peak=4', 'peak_hour=14');
    const at = (h: number) => { t.clock.advanceTo(Date.UTC(2026, 0, 2, h)); return byName(t).lpar('A'); };
    const night0 = at(2), night1 = at(3), noon0 = at(14), noon1 = at(15);
    const busy = (a: typeof night0, b: typeof night0) => (b.capped_cycles + b.uncapped_cycles - a.capped_cycles - a.uncapped_cycles) / (3600 * CPS);
    assert.ok(busy(night0, night1) < 0.1, `night ${busy(night0, night1)}`);
    assert.ok(busy(noon0, noon1) > 3.8, `afternoon ${busy(noon0, noon1)}`);
    const idle = byName(t).lpar('B');
    assert.ok(idle.capped_cycles > 0 && idle.uncapped_cycles === 0, 'B runs an idle OS');
  } finally { t.close(); }
});

test('workload statements are checked and nothing changes on a bad one', async () => {
  const t = await lab();
  try {
    const bad = [['constant'], ['constant', 'pu=x'], ['sometimes', 'pu=1'], ['burst', 'base=1', 'peak=2', 'period=10'], ['constant', 'pu=1', 'pu=2'], ['csv', 'file=/nonexistent.csv']];
    for (const words of bad) {
      const r = t.sim.workloadCommand([S824, 'A', ...words]);
      assert.equal(r.exit, 1, words.join(' '));
      assert.match(r.stderr, /^powervm-sim workload: /);
    }
    assert.match(t.sim.workloadCommand([S824, 'A']).stdout, /idle \(no workload set\)/);
    assert.equal(t.sim.workloadCommand([S824, 'nosuch', 'constant', 'pu=1']).exit, 1);
  } finally { t.close(); }
});

test('counters carry on over a restart of the simulator (the partitions kept running)', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { VirtualClock } = await import('../../../../src/sim/clock.ts');
  const dir = mkdtempSync(join(tmpdir(), 'pvs-counters-'));
  try {
    const clock = new VirtualClock();
    const t = await openSim({ dataDir: dir, clock });
    clock.advance(HOUR);
    const before = utilCounters(t.sim.system(S824));
    t.close();
    clock.advance(HOUR); // the simulator was down for an hour; the system ran on
    const again = await openSim({ dataDir: dir, clock });
    try {
      const after = utilCounters(again.sim.system(S824));
      assert.equal(after.time_cycles - before.time_cycles, 3600 * CPS);
      const aix01 = (c: typeof after) => c.lpars.find((l) => l.lpar_name === 'aix01')!;
      assert.ok(aix01(after).entitled_cycles > aix01(before).entitled_cycles, 'aix01 kept counting');
    } finally { again.close(); }
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('a powered-off system counts nothing; power on starts the counters again', async () => {
  const t = await lab();
  try {
    t.clock.advance(HOUR);
    await t.ok(`chsysstate -r sys -m ${S824} -o off --immed`);
    t.clock.advance(10_000);
    const off = utilCounters(t.sim.system(S824));
    t.clock.advance(HOUR);
    assert.equal(utilCounters(t.sim.system(S824)).time_cycles, off.time_cycles, 'no cycles while off');
    await t.ok(`chsysstate -r sys -m ${S824} -o on`);
    t.clock.advance(120_000);
    const on = utilCounters(t.sim.system(S824));
    assert.ok(on.time_cycles > 0 && on.time_cycles <= 120 * CPS, `time_cycles ${on.time_cycles} count from the power on`);
  } finally { t.close(); }
});

test('a new partition reusing a removed one\'s id starts idle, with zero counters', async () => {
  const t = await lab();
  try {
    workload(t, 'C', 'constant', 'pu=2');
    t.clock.advance(HOUR);
    const id = byName(t).lpar('C').lpar_id;
    await t.ok(`chsysstate -r lpar -m ${S824} -o shutdown --immed -n C`);
    await t.ok(`rmsyscfg -r lpar -m ${S824} -n C`);
    await t.ok(`mksyscfg -r lpar -m ${S824} -i "name=fresh,lpar_id=${id},lpar_env=aixlinux,profile_name=p,min_mem=1024,desired_mem=2048,max_mem=4096,proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.5,max_proc_units=1.0,min_procs=1,desired_procs=1,max_procs=2,sharing_mode=cap"`);
    assert.match(t.sim.workloadCommand([S824, 'fresh']).stdout, /idle \(no workload set\)/);
    await t.ok(`chsysstate -r lpar -m ${S824} -o on -n fresh -f p`);
    t.clock.advance(60_000);
    const fresh = byName(t).lpar('fresh');
    assert.equal(fresh.entitled_cycles, Math.round(0.5 * 60 * CPS));
  } finally { t.close(); }
});

test('lslparutil pools: only configured pools, and available pool units net of reserved capacity', async () => {
  const t = await openSim();
  try {
    await t.ok(`chhwres -r procpool -m ${S824} -o s --poolname SharedPool05 -a max_pool_proc_units=2`);
    t.clock.advance(60_000);
    const c = utilCounters(t.sim.system(S824));
    const configured = (await t.ok(`lshwres -r procpool -m ${S824} -F shared_proc_pool_id`)).trim().split('\n').map(Number);
    assert.deepEqual(c.procpools.map((p) => p.shared_proc_pool_id), configured);
    const avail = Number((await t.ok(`lshwres -r proc -m ${S824} --level sys -F curr_avail_sys_proc_units`)).trim());
    assert.equal(c.pool.curr_avail_pool_proc_units, avail);
  } finally { t.close(); }
});
