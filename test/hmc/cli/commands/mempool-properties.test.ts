// Random sequences of shared memory pool, paging device and shared-memory partition commands on the default
// lab; after every command (accepted or refused) the listings keep the memory accounting of platform.md §5.4:
//   curr_avail_sys_mem = configurable − firmware − Σ dedicated partitions' memory − the pool;
//   curr_avail_pool_mem = pool − sys_firmware_pool_mem − Σ I/O entitled memory of the running shared partitions > 0;
//   every running shared-memory partition pages to its own listed device, of at least its maximum memory;
//   no shared-memory partition runs without a pool.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lab, lines, record, S824, SHARED_01, silent, type TestSim } from './cli-support.ts';

const M = `-m ${S824}`;
const SIZES = [0, 1024, 2048, 8192, 16384, 32768, 65536, 4000];
const LPARS = [['ams1', 8192], ['ams2', 16384], ['ams3', 16384], ['ams4', 65536]] as const;

const cmdArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ on: fc.boolean(), lpar: fc.constantFrom(...LPARS.map(([n]) => n)) })
    .map((x) => (x.on ? `chsysstate -r lpar ${M} -o on -n ${x.lpar}` : `chsysstate -r lpar ${M} -o shutdown --immed -n ${x.lpar}`)) },
  fc.record({ pool: fc.constantFrom(...SIZES), max: fc.constantFrom(...SIZES), vios: fc.constantFrom('vios2', 'vios1', '"vios2,vios1"') })
    .map((x) => `chhwres -r mempool ${M} -o a -a '${x.vios.startsWith('"') ? `"paging_vios_names=${x.vios.slice(1)}` : `paging_vios_names=${x.vios}`},pool_mem=${x.pool},max_pool_mem=${x.max}'`),
  fc.constantFrom(...SIZES).map((n) => `chhwres -r mempool ${M} -o s -a pool_mem=${n}`),
  fc.constant(`chhwres -r mempool ${M} -o r`),
  fc.record({ op: fc.constantFrom('a', 'r'), vios: fc.constantFrom('vios1', 'vios2'), dev: fc.constantFrom('hdisk0', 'hdisk1', 'hdisk2', 'amspg01') })
    .map((x) => `chhwres -r mempool ${M} --rsubtype pgdev -o ${x.op} -p ${x.vios} --device ${x.dev}`),
);
/** Half the runs start from a working pool with two free devices (16 GB LV, 283 GB disk), so activations succeed too. */
const runArb = fc.record({ pool: fc.boolean(), cmds: fc.array(cmdArb, { minLength: 4, maxLength: 14 }) });

const num = (s: string | undefined): number => Number(s ?? 'NaN');

/** Checks the invariants; returns how many shared-memory partitions are running. */
async function checkAccounting(t: TestSim, after: string): Promise<number> {
  const sys = record(await t.ok(`lshwres -r mem ${M} --level sys`));
  const parts = lines(await t.ok(`lshwres -r mem ${M} --level lpar`)).map(record);
  const poolLine = lines(await t.ok(`lshwres -r mempool ${M}`)).filter((l) => l.includes('='));
  const pool = poolLine.length ? record(poolLine[0]) : undefined;
  const devs = lines(await t.ok(`lshwres -r mempool ${M} --rsubtype pgdev`)).filter((l) => l.includes('=')).map(record);
  const ded = parts.filter((p) => p.get('mem_mode') === 'ded').reduce((a, p) => a + num(p.get('curr_mem')), 0);
  const running = parts.filter((p) => p.get('mem_mode') === 'shared' && num(p.get('curr_mem')) > 0);
  const poolMem = pool ? num(pool.get('curr_pool_mem')) : 0;
  assert.equal(num(sys.get('curr_avail_sys_mem')), num(sys.get('configurable_sys_mem')) - num(sys.get('sys_firmware_mem')) - ded - poolMem, `system memory after: ${after}`);
  if (!pool) { assert.deepEqual(running.map((p) => p.get('lpar_name')), [], `shared partitions run without a pool after: ${after}`); return 0; }
  const io = running.reduce((a, p) => a + num(p.get('curr_io_entitled_mem')), 0);
  const avail = num(pool.get('curr_avail_pool_mem'));
  assert.equal(avail, poolMem - num(pool.get('sys_firmware_pool_mem')) - io, `pool accounting after: ${after}`);
  assert.ok(avail > 0, `pool over-committed beyond its firmware and I/O entitlements after: ${after}`);
  const used = new Set<string>();
  for (const p of running) {
    const key = `${p.get('curr_paging_vios_id')}/${p.get('curr_paging_device')}`;
    assert.ok(!used.has(key), `two partitions page to ${key} after: ${after}`);
    used.add(key);
    const dev = devs.find((d) => `${d.get('paging_vios_id')}/${d.get('device_name')}` === key);
    assert.ok(dev, `${p.get('lpar_name')} pages to ${key}, which the pool does not list, after: ${after}`);
    assert.equal(dev!.get('lpar_name'), p.get('lpar_name'));
    assert.ok(num(dev!.get('size')) >= num(p.get('curr_max_mem')), `${key} is smaller than ${p.get('lpar_name')}'s maximum memory`);
  }
  assert.equal(devs.filter((d) => d.get('lpar_id') !== 'none').length, running.length, `devices in use != running shared partitions after: ${after}`);
  return running.length;
}

describe('shared memory pool accounting under random command sequences', () => {
  it('holds after every command, accepted or refused', async () => {
    let sharedSeen = 0;
    await fc.assert(fc.asyncProperty(runArb, async ({ pool, cmds }) => {
      const t = await lab();
      try {
        await t.ok(`viosvrcmd ${M} -p vios2 -c "mkvg -vg pagingvg hdisk1"`);
        await t.ok(`viosvrcmd ${M} -p vios2 -c "mklv -lv amspg01 pagingvg 16G"`);
        for (const [name, max] of LPARS) {
          await silent(t, `mksyscfg -r lpar ${M} -i 'name=${name},lpar_env=aixlinux,profile_name=p,min_mem=2048,desired_mem=4096,max_mem=${max},${SHARED_01},mem_mode=shared,virtual_eth_adapters=10/0/1//0/0'`);
        }
        if (pool) {
          await silent(t, `chhwres -r mempool ${M} -o a -a pool_mem=16384,max_pool_mem=32768,paging_vios_names=vios2`);
          for (const d of ['amspg01', 'hdisk0']) await silent(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device ${d}`);
        }
        for (const c of cmds) {
          const r = await t.run(c);
          assert.ok(r.exit === 0 || /^HSCL/.test(r.stdout), `not an HSCL refusal: ${c}\n${r.text}`);
          sharedSeen += await checkAccounting(t, c);
        }
      } finally {
        t.close();
      }
    }), { numRuns: 20 });
    // The sequences did reach running shared-memory partitions (the property is not vacuous).
    assert.ok(sharedSeen > 0, 'no shared-memory partition ever ran');
  });
});
