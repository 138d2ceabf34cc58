// The runtime's batched path (dispatch-span.ts, DemandPlan) counts what the plain step-by-step accounting
// counts (reference-runtime.ts): on both lab systems, with every workload kind, dedicated donation, a
// configured pool at its maximum, partitions in firmware, an overcommitted shared memory pool (paging) and
// AME, over long spans with a shorter last step, window-mode spans, and DLPAR, workload and state changes
// between spans. Counters compared unrounded, to 1e-9 relative.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSim, P795, S824, type TestSim } from '../../../helpers/sim.ts';
import { RuntimeCounters } from '../../../../src/platform/hypervisor/runtime/cycle-counters.ts';
import { referenceAdvance } from './reference-runtime.ts';

const HOUR = 3_600_000, DAY = 24 * HOUR;

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-6;

function assertSame(actual: RuntimeCounters, expected: RuntimeCounters, what: string): void {
  assert.equal(actual.elapsedMs, expected.elapsedMs, `${what}: elapsedMs`);
  assert.deepEqual([...actual.lpars.keys()].sort(), [...expected.lpars.keys()].sort(), `${what}: partitions counted`);
  for (const [id, e] of expected.lpars) {
    const a = actual.lpars.get(id)!;
    for (const f of Object.keys(e) as (keyof typeof e)[]) assert.ok(close(a[f], e[f]), `${what}: lpar ${id} ${f}: ${a[f]} vs reference ${e[f]}`);
  }
  assert.deepEqual([...actual.pools.keys()].sort(), [...expected.pools.keys()].sort(), `${what}: pools counted`);
  for (const [id, e] of expected.pools) {
    const a = actual.pools.get(id)!;
    assert.ok(close(a.total, e.total) && close(a.utilized, e.utilized), `${what}: pool ${id}: ${a.utilized}/${a.total} vs ${e.utilized}/${e.total}`);
  }
  assert.ok(close(actual.physical.total, expected.physical.total), `${what}: physical total`);
  assert.ok(close(actual.physical.utilized, expected.physical.utilized), `${what}: physical utilized ${actual.physical.utilized} vs ${expected.physical.utilized}`);
  assert.ok(close(actual.memPool.pageFaults, expected.memPool.pageFaults), `${what}: pool page faults`);
  assert.ok(close(actual.memPool.pageInDelayUs, expected.memPool.pageInDelayUs), `${what}: pool page-in delay`);
}

/** Advances the clock by `ms` and checks the runtime's counters against the reference over the same span. */
function span(t: TestSim, system: string, ms: number, what: string): RuntimeCounters {
  const sys = t.sim.system(system), rt = sys.runtime, table = t.sim.workloads.get(sys)!;
  rt.advance();
  const expected = new RuntimeCounters();
  expected.import(rt.counters.export(0));
  const from = t.clock.now();
  t.clock.advance(ms);
  const mem = referenceAdvance(sys, (id) => table.get(id), expected, from, t.clock.now());
  rt.advance();
  assertSame(rt.counters, expected, what);
  assert.ok(close(rt.lastDonatedPU, mem.donatedPU), `${what}: donated PU ${rt.lastDonatedPU} vs ${mem.donatedPU}`);
  assert.deepEqual(rt.memory.last === null, mem.last === null, `${what}: pool state`);
  if (mem.last) for (const [k, v] of Object.entries(mem.last)) assert.ok(close(rt.memory.last![k as keyof typeof mem.last] as number, v as number), `${what}: pool ${k}`);
  for (const [id, mb] of mem.resident) assert.ok(close(rt.memory.resident.get(id)!, mb), `${what}: lpar ${id} resident ${rt.memory.resident.get(id)} vs ${mb}`);
  return expected;
}

const M = `-m ${S824}`;

async function s824(t: TestSim, trace: string): Promise<void> {
  // An overcommitted shared memory pool: two shared-memory partitions using 2 × 6 GB of a 12 GB pool.
  await t.ok(`chhwres -r mempool ${M} -o a -a pool_mem=12288,max_pool_mem=32768,paging_vios_names=vios2`);
  for (const d of ['hdisk0', 'hdisk1']) await t.ok(`chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device ${d}`);
  const mk = (attrs: string) => t.ok(`mksyscfg -r lpar ${M} -i 'lpar_env=aixlinux,profile_name=p,min_mem=2048,desired_mem=8192,max_mem=16384,proc_mode=shared,min_proc_units=0.1,max_proc_units=8.0,min_procs=1,max_procs=8,sharing_mode=uncap,virtual_eth_adapters=10/0/1//0/0,${attrs}'`);
  await mk('name=ams06,desired_proc_units=0.5,desired_procs=1,uncap_weight=128,mem_mode=shared,mem_weight=200');
  await mk('name=ams07,desired_proc_units=0.5,desired_procs=1,uncap_weight=128,mem_mode=shared,mem_weight=50');
  // Two big uncapped partitions that contend for the shared pool, and one more in ProdPool (maximum 4).
  await mk('name=big1,desired_proc_units=1.0,desired_procs=8,uncap_weight=200');
  await mk('name=big2,desired_proc_units=1.0,desired_procs=8,uncap_weight=30');
  await mk('name=pp2,desired_proc_units=0.5,desired_procs=4,uncap_weight=100,shared_proc_pool_name=ProdPool');
  for (const n of ['ams06', 'ams07', 'big1', 'big2', 'pp2']) await t.ok(`chsysstate -r lpar ${M} -o on -n ${n} -f p`);
  // AME on aix01 (AIX): the profile's factor takes effect at activation.
  await t.ok(`chsysstate -r lpar ${M} -o shutdown --immed -n aix01`);
  await t.ok(`chsyscfg -r prof ${M} -i "name=default_profile,lpar_name=aix01,mem_expansion=1.6"`);
  await t.ok(`chsysstate -r lpar ${M} -o on -n aix01 -f default_profile`);
  const w = (lpar: string, ...words: string[]) => assert.equal(t.sim.workloadCommand([S824, lpar, ...words]).exit, 0, `${lpar} ${words.join(' ')}`);
  w('aix01', 'daily', 'base=0.3', 'peak=2', 'peak_hour=11', 'compress=0.4');
  w('lnx02', 'burst', 'base=0.1', 'peak=3', 'period=900', 'duration=100');
  w('aix03', 'csv', `file=${trace}`);
  w('pp2', 'constant', 'pu=3.5');
  w('ams06', 'constant', 'pu=0.3', 'mem=75%');
  w('ams07', 'daily', 'base=0.1', 'peak=1.5', 'peak_hour=20', 'mem=6144');
  w('big1', 'daily', 'base=1', 'peak=8', 'peak_hour=14');
  w('big2', 'burst', 'base=2', 'peak=8', 'period=3600', 'duration=1500');
}

test('S824: the batched runtime counts what step-by-step accounting counts (paging, AME, pools, DLPAR)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pvs-fast-'));
  const t = await openSim({ config: { hmc: { utilSampleRateSec: 0 } } });
  try {
    const trace = join(dir, 'trace.csv');
    writeFileSync(trace, 'time,pu\n0,0.4\n300,1.8\n420,0.9\n1200,2.0\n1500,0.2\n');
    await s824(t, trace);
    // Cover awkward step boundaries: a day and a bit (1,440 one-minute steps, then 12.345 s), DLPAR, a
    // window-mode span ending in a 5 ms window, exactly one window, exactly the window-mode limit, exactly
    // one long step, a changed workload and a stopped paging partition.
    const day = span(t, S824, DAY + 12_345, 'a day and a bit');
    // pp2 (3.5 PU) and aix03 (0.2–2 PU) want more than ProdPool's maximum of 4.
    assert.ok(day.pool(1).utilized > 0.95 * day.pool(1).total, `ProdPool at its maximum: ${day.pool(1).utilized / day.pool(1).total}`);
    await t.ok(`chhwres -r proc ${M} -o a -p aix01 --procunits 0.5`);
    span(t, S824, 6 * HOUR + 7, 'after DLPAR');
    span(t, S824, 735, 'window mode');
    span(t, S824, 10, 'one window');
    span(t, S824, 1000, 'window-mode limit');
    span(t, S824, 60_000, 'one long step');
    // Workload changes reconfigure nothing: each alone must still reach the next span.
    assert.equal(t.sim.workloadCommand([S824, 'big1', 'burst', 'base=0.5', 'peak=7', 'period=1800', 'duration=600']).exit, 0);
    span(t, S824, DAY, 'changed workload');
    assert.equal(t.sim.workloadCommand([S824, 'ams06', 'constant', 'pu=0.3', 'mem=95%']).exit, 0);
    span(t, S824, HOUR, 'more memory in use');
    assert.equal(t.sim.workloadCommand([S824, 'pp2', 'none']).exit, 0);
    span(t, S824, 3 * DAY + 59_999, 'a workload cleared');
    await t.ok(`chsysstate -r lpar ${M} -o shutdown --immed -n ams07`);
    const k = span(t, S824, 2 * DAY, 'a paging partition stopped');
    // The scenario does exercise what it claims to.
    const id = (n: string) => t.sim.system(S824).partitionByName(n)!.def.lpar_id;
    assert.ok(k.lpar(id('aix01')).ame > 0, 'AME cost counted');
    assert.ok(k.lpar(id('ams07')).pageFaults > 0 && k.memPool.pageFaults > 0, 'the pool paged');
    assert.ok(k.lpar(id('big1')).uncapped > 0 && k.lpar(id('big2')).uncapped > 0, 'idle capacity shared');
    assert.ok(k.lpar(id('vios1')).sharedWhileActive > 0, 'dedicated idle cycles donated');
  } finally {
    t.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('P795: partitions in Open Firmware idle, a dedicated partition donates while active', async () => {
  const t = await openSim({ config: { hmc: { utilSampleRateSec: 0 } } });
  try {
    const w = (lpar: string, ...words: string[]) => assert.equal(t.sim.workloadCommand([P795, lpar, ...words]).exit, 0);
    w('aix11', 'daily', 'base=2', 'peak=9', 'peak_hour=3');
    w('aix12', 'burst', 'base=0.5', 'peak=4', 'period=600', 'duration=60');
    w('aix14', 'constant', 'pu=2'); // in Open Firmware: it idles whatever its workload says
    span(t, P795, 2 * DAY + 1, 'two days and a millisecond');
    await t.ok(`chhwres -r proc -m ${P795} -o r -p aix11 --procunits 0.5`);
    const k = span(t, P795, 999, 'window mode after DLPAR');
    const aix14 = t.sim.system(P795).partitionByName('aix14')!;
    assert.notEqual(aix14.run.state, 'Running');
    assert.ok(k.lpar(aix14.def.lpar_id).uncapped === 0, 'a partition in firmware uses no more than an idle OS');
  } finally { t.close(); }
});
