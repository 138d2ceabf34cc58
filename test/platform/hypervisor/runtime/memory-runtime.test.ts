// Memory at run time: an overcommitted shared memory pool pages, weighted by memory weight, and shows it in
// lslparutil; Active Memory Expansion costs processor time that grows with the factor and poor compressibility.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSim, S824, type TestSim } from '../../../helpers/sim.ts';
import { utilCounters } from '../../../../src/platform/hypervisor/runtime/util-counters.ts';

const M = `-m ${S824}`;
const TEN_MIN = 600_000;

async function amsLab(poolMB: number): Promise<TestSim> {
  const t = await openSim();
  await t.ok(`chhwres -r mempool ${M} -o a -a pool_mem=${poolMB},max_pool_mem=32768,paging_vios_names=vios2`);
  for (const d of ['hdisk0', 'hdisk1']) await t.ok(`chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device ${d}`);
  for (const [name, weight] of [['ams06', 200], ['ams07', 50]] as const) {
    await t.ok(`mksyscfg -r lpar ${M} -i 'name=${name},lpar_env=aixlinux,profile_name=p,min_mem=2048,desired_mem=8192,max_mem=16384,proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.5,max_proc_units=2.0,min_procs=1,desired_procs=1,max_procs=2,sharing_mode=uncap,uncap_weight=128,mem_mode=shared,mem_weight=${weight},virtual_eth_adapters=10/0/1//0/0'`);
    await t.ok(`chsysstate -r lpar ${M} -o on -n ${name} -f p`);
  }
  return t;
}

const row = (t: TestSim, name: string) => utilCounters(t.sim.system(S824)).lpars.find((l) => l.lpar_name === name)!;

test('an overcommitted pool pages; the partition with the higher memory weight keeps more resident and faults less', async () => {
  const t = await amsLab(12288);
  try {
    for (const n of ['ams06', 'ams07']) assert.equal(t.sim.workloadCommand([S824, n, 'constant', 'pu=0.3', 'mem=75%']).exit, 0);
    t.clock.advance(TEN_MIN);
    const hi = row(t, 'ams06'), lo = row(t, 'ams07');
    // 2 × 6 GB in use against a 12 GB pool less its firmware and I/O entitled memory: it must page.
    assert.ok(hi.phys_run_mem + lo.phys_run_mem < 12288, `${hi.phys_run_mem} + ${lo.phys_run_mem}`);
    assert.ok(hi.phys_run_mem > lo.phys_run_mem, 'weight 200 keeps more than weight 50');
    assert.ok(lo.page_faults > hi.page_faults && hi.page_faults >= 0 && lo.page_faults > 0);
    const pool = utilCounters(t.sim.system(S824)).mempool!;
    assert.equal(pool.curr_pool_mem, 12288);
    assert.equal(pool.lpar_run_mem, 16384, 'logical memory overcommits the pool');
    assert.equal(pool.page_faults, hi.page_faults + lo.page_faults);
    // The HMC's samples show it too.
    t.clock.advance(120_000);
    const out = await t.ok(`lslparutil -r mempool ${M} -n 2 -F page_faults`);
    const [newer, older] = out.trim().split('\n').map(Number);
    assert.ok(newer > older && older > 0, out);
  } finally { t.close(); }
});

test('a pool large enough for what is in use does not page', async () => {
  const t = await amsLab(24576);
  try {
    for (const n of ['ams06', 'ams07']) t.sim.workloadCommand([S824, n, 'constant', 'pu=0.3', 'mem=75%']);
    t.clock.advance(TEN_MIN);
    for (const n of ['ams06', 'ams07']) {
      assert.equal(row(t, n).page_faults, 0);
      assert.equal(row(t, n).phys_run_mem, 6144);
    }
  } finally { t.close(); }
});

test('AME costs processor time: more with a higher factor, more when data compresses badly, nothing when off', async () => {
  const t = await openSim();
  try {
    const cost = async (factor: string, compress: string): Promise<number> => {
      await t.ok(`chsysstate -r lpar ${M} -o shutdown --immed -n aix01`);
      await t.ok(`chsyscfg -r prof ${M} -i "name=default_profile,lpar_name=aix01,mem_expansion=${factor}"`);
      await t.ok(`chsysstate -r lpar ${M} -o on -n aix01 -f default_profile`);
      t.sim.workloadCommand([S824, 'aix01', 'constant', 'pu=0.5', `compress=${compress}`]);
      const before = row(t, 'aix01');
      t.clock.advance(TEN_MIN);
      const after = row(t, 'aix01');
      return (after.ame_cycles - before.ame_cycles) / (after.capped_cycles + after.uncapped_cycles - before.capped_cycles - before.uncapped_cycles);
    };
    const off = await cost('0', '0.5');
    const low = await cost('1.2', '0.5');
    const high = await cost('1.8', '0.5');
    const poor = await cost('1.8', '0.2');
    assert.equal(off, 0);
    assert.ok(low > 0 && high > low && poor > high, `${low} ${high} ${poor}`);
  } finally { t.close(); }
});

test('the pool\'s page fault counters never go back when a paging partition stops', async () => {
  const t = await amsLab(12288);
  try {
    for (const n of ['ams06', 'ams07']) t.sim.workloadCommand([S824, n, 'constant', 'pu=0.3', 'mem=75%']);
    t.clock.advance(TEN_MIN);
    const before = utilCounters(t.sim.system(S824)).mempool!;
    await t.ok(`chsysstate -r lpar ${M} -o shutdown --immed -n ams07`);
    t.clock.advance(TEN_MIN);
    const after = utilCounters(t.sim.system(S824)).mempool!;
    assert.ok(after.page_faults >= before.page_faults && after.page_in_delay >= before.page_in_delay);
  } finally { t.close(); }
});
