// lslparutil and chlparutil (hmc-cli.md §6.8): the HMC samples every connected system at its sample rate on
// the simulated clock and lists the samples newest first. The default lab starts at 01/01/2026 08:00:00 and
// samples every 60 s (SimConfig hmc.utilSampleRateSec), on the minute.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lab, S824, P795, S824_MTMS, P795_MTMS, csvSplit, freshDir, keys, lines, openSim, record, refused, silent, track, invalidAttribute, type TestSim } from './cli-support.ts';
import { VirtualClock } from '../../../../src/sim/clock.ts';
import { hmcTime } from '../../../../src/hmc/cli/views/time-format.ts';

const MIN = 60_000;
const START = Date.UTC(2026, 0, 1, 8, 0, 0);
const at = (minutes: number): string => hmcTime(START + minutes * MIN);

/** The `time` column of a listing (one entry per line). */
async function times(t: TestSim, line: string): Promise<string[]> {
  return lines(await t.ok(`${line} -F time`));
}

describe('sampling', () => {
  it('nothing is listed before the first sample; then one sample a minute, newest first', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lslparutil -r sys -m ${S824}`), 'No results were found.\n');
    t.clock.advance(5 * MIN + 30_000);
    assert.deepEqual(await times(t, `lslparutil -r sys -m ${S824}`), [5, 4, 3, 2, 1].map(at));
    assert.equal(at(1), '01/01/2026 08:01:00');
    assert.deepEqual(await times(t, `lslparutil -r sys -m ${P795}`), [5, 4, 3, 2, 1].map(at), 'every connected system is sampled');
    assert.equal(t.sim.hmc.util.lastError, undefined);
  });

  it('chlparutil -r config -s sets one system\'s rate (-m by name or MTMS) or every system\'s; 0 stops sampling', async () => {
    const t = await lab();
    assert.equal(await t.ok('lslparutil -r config'),
      `name=${S824},type_model_serial_num=${S824_MTMS},sample_rate=60\nname=${P795},type_model_serial_num=${P795_MTMS},sample_rate=60\n`);
    await silent(t, `chlparutil -r config -s 300 -m ${S824_MTMS}`);
    assert.equal(await t.ok(`lslparutil -r config -m ${S824} -F sample_rate`), '300\n');
    assert.equal(await t.ok(`lslparutil -r config -m ${P795} -F sample_rate`), '60\n');
    t.clock.advance(30 * MIN);
    assert.deepEqual(await times(t, `lslparutil -r sys -m ${S824}`), [30, 25, 20, 15, 10, 5].map(at), 'every 5 minutes, on the multiple');
    assert.equal((await times(t, `lslparutil -r sys -m ${P795}`)).length, 30);
    await silent(t, 'chlparutil -r config -s 0');
    assert.equal(await t.ok('lslparutil -r config -F name,sample_rate --header'), `name,sample_rate\n${S824},0\n${P795},0\n`);
    t.clock.advance(30 * MIN);
    assert.equal((await times(t, `lslparutil -r sys -m ${S824}`)).length, 6, 'disabled: no new samples');
    assert.equal((await times(t, `lslparutil -r sys -m ${P795}`)).length, 30);
    await silent(t, `chlparutil -r config -s 30 -m ${P795}`);
    t.clock.advance(2 * MIN);
    assert.deepEqual((await times(t, `lslparutil -r sys -m ${P795}`)).slice(0, 5), [62, 61.5, 61, 60.5, 30].map(at));
  });

  it('a system the HMC cannot read is skipped, and sampled again once it can', async () => {
    const t = await lab();
    t.clock.advance(2 * MIN);
    // The FSP's access password changes behind the HMC's back (platform.md §4): first the link still looks
    // connected and the request is refused; after a reconnection the system shows Failed Authentication.
    const fsp = t.sim.network.services().find((s) => s.system.name === S824)!;
    fsp.passwords.set('access', 'Other4ccess');
    t.clock.advance(MIN);
    await silent(t, `rmsysconn -m ${S824} -o reset`);
    assert.equal(await t.ok(`lssyscfg -r sys -m ${S824} -F state`), 'Failed Authentication\n');
    t.clock.advance(2 * MIN);
    assert.deepEqual(await times(t, `lslparutil -r sys -m ${S824}`), [2, 1].map(at), 'kept samples stay listed; none while unreadable');
    assert.deepEqual(await times(t, `lslparutil -r sys -m ${P795}`), [5, 4, 3, 2, 1].map(at));
    fsp.passwords.set('access', 'Hmc4ccess');
    await silent(t, `rmsysconn -m ${S824} -o reset`);
    t.clock.advance(2 * MIN);
    assert.deepEqual(await times(t, `lslparutil -r sys -m ${S824}`), [7, 6, 2, 1].map(at));
    assert.equal(t.sim.hmc.util.lastError, undefined);
  });

  it('rates and samples are kept in the HMC database across an HMC restart', async () => {
    const dir = freshDir();
    const t1 = await track(openSim({ dataDir: dir }));
    await silent(t1, `chlparutil -r config -s 300 -m ${S824}`);
    t1.clock.advance(10 * MIN);
    const before = await t1.ok(`lslparutil -r all -m ${S824}`);
    t1.close();
    const t2 = await track(openSim({ dataDir: dir, clock: new VirtualClock(START + 10 * MIN) }));
    assert.equal(await t2.ok(`lslparutil -r config -m ${S824} -F sample_rate`), '300\n');
    assert.equal(await t2.ok(`lslparutil -r all -m ${S824}`), before);
    t2.clock.advance(5 * MIN);
    assert.deepEqual(await times(t2, `lslparutil -r sys -m ${S824}`), [15, 10, 5].map(at));
  });

  it('keeps every sample for sampleHours, then the first of each hour for hourlyDays, then of each day for dailyDays', async () => {
    const retention = { sampleHours: 2, hourlyDays: 1, dailyDays: 2 };
    const t = await lab({ hmc: { utilRetention: retention } });
    await silent(t, 'chlparutil -r config -s 900');
    const end = Date.UTC(2026, 0, 4, 8, 0, 0);
    t.clock.advanceTo(end);
    // The rule, restated: a sample at time s is the first of its hour (day) when the one before is in another.
    const H = 3_600_000, D = 86_400_000;
    const kept: string[] = [];
    for (let s = START + 15 * MIN, prev = -Infinity; s <= end; prev = s, s += 15 * MIN) {
      const hourFirst = Math.floor(prev / H) !== Math.floor(s / H), dayFirst = Math.floor(prev / D) !== Math.floor(s / D);
      if (s >= end - retention.sampleHours * H || (hourFirst && s >= end - retention.hourlyDays * D) || (dayFirst && s >= end - retention.dailyDays * D)) kept.push(hmcTime(s));
    }
    assert.deepEqual(await times(t, `lslparutil -r sys -m ${S824}`), kept.reverse());
    assert.ok(kept.includes('01/03/2026 00:00:00') && !kept.includes('01/01/2026 08:15:00'), 'sanity of the restated rule');
  });
});

describe('lslparutil -r sys | pool | procpool | lpar | all', () => {
  it('-r sys: the system\'s configuration at the sample, as lshwres shows it', async () => {
    const t = await lab();
    t.clock.advance(MIN);
    const [cpu, avail] = csvSplit((await t.ok(`lshwres -r proc -m ${S824} --level sys -F configurable_sys_proc_units,curr_avail_sys_proc_units`)).trim(), ',');
    const [mem, availMem, fw] = csvSplit((await t.ok(`lshwres -r mem -m ${S824} --level sys -F configurable_sys_mem,curr_avail_sys_mem,sys_firmware_mem`)).trim(), ',');
    const cps = t.sim.config.runtime.procCyclesPerSecond;
    assert.equal(await t.ok(`lslparutil -r sys -m ${S824}`),
      `time=${at(1)},event_type=sample,resource_type=sys,sys_time=${at(1)},state=Operating,configurable_sys_proc_units=${cpu},` +
      `configurable_sys_mem=${mem},curr_avail_sys_proc_units=${avail},curr_avail_sys_mem=${availMem},sys_firmware_mem=${fw},proc_cycles_per_second=${cps}\n`);
  });

  it('-r lpar: dedicated and shared partitions list the fields that apply to them, in order', async () => {
    const t = await lab();
    t.clock.advance(MIN);
    const rows = lines(await t.ok(`lslparutil -r lpar -m ${S824}`));
    const head = ['time', 'event_type', 'resource_type', 'sys_time', 'time_cycles', 'lpar_name', 'lpar_id', 'curr_proc_mode'];
    const ded = rows.find((l) => record(l).get('lpar_name') === 'vios1')!;
    assert.deepEqual(keys(ded), [...head, 'curr_procs', 'curr_sharing_mode', 'mem_mode', 'curr_mem', 'entitled_cycles',
      'capped_cycles', 'uncapped_cycles', 'shared_cycles_while_active', 'idle_cycles']);
    const shared = rows.find((l) => record(l).get('lpar_name') === 'aix03')!;
    assert.deepEqual(keys(shared), [...head, 'curr_proc_units', 'curr_procs', 'curr_sharing_mode', 'curr_uncap_weight',
      'curr_shared_proc_pool_name', 'curr_shared_proc_pool_id', 'mem_mode', 'curr_mem', 'entitled_cycles', 'capped_cycles',
      'uncapped_cycles', 'idle_cycles']);
    // The running configuration as lshwres shows it; counters as whole numbers.
    const proc = await t.ok(`lshwres -r proc -m ${S824} --level lpar --filter lpar_names=aix03 -F curr_proc_units,curr_procs,curr_sharing_mode,curr_uncap_weight,curr_shared_proc_pool_id`);
    const r = record(shared);
    assert.equal(['curr_proc_units', 'curr_procs', 'curr_sharing_mode', 'curr_uncap_weight', 'curr_shared_proc_pool_id'].map((k) => r.get(k)).join(','), proc.trim());
    assert.equal(r.get('curr_shared_proc_pool_name'), 'ProdPool');
    for (const k of ['time_cycles', 'entitled_cycles', 'capped_cycles', 'uncapped_cycles', 'idle_cycles']) assert.match(r.get(k)!, /^\d+$/, k);
    assert.equal(Number(r.get('time_cycles')), 60 * t.sim.config.runtime.procCyclesPerSecond);
  });

  it('-r all: every resource of each sample, system first, pools and partitions by id', async () => {
    const t = await lab();
    t.clock.advance(2 * MIN);
    const out = lines(await t.ok(`lslparutil -r all -m ${S824} -n 1 -F time,resource_type,shared_proc_pool_id,lpar_id`));
    const ids = lines(await t.ok(`lslparutil -r lpar -m ${S824} -n 1 -F lpar_id`));
    assert.deepEqual(out, [`${at(2)},sys,,`, `${at(2)},pool,,`, `${at(2)},procpool,0,`, `${at(2)},procpool,1,`, ...ids.map((id) => `${at(2)},lpar,,${id}`)]);
    assert.equal(lines(await t.ok(`lslparutil -r all -m ${S824}`)).length, 2 * out.length);
    assert.deepEqual(lines(await t.ok(`lslparutil -r procpool -m ${S824} -n 1 -F shared_proc_pool_name,max_pool_capacity,curr_reserved_pool_proc_units`)).slice(1), ['ProdPool,4.0,0.5']);
    assert.equal(await t.ok(`lslparutil -r mempool -m ${S824}`), 'No results were found.\n', 'no shared memory pool in the lab');
  });

  it('-n, the time window options, -d/-h and --spread select samples', async () => {
    const t = await lab();
    t.clock.advance(10 * MIN);
    const sys = `lslparutil -r sys -m ${S824}`;
    assert.deepEqual(await times(t, `${sys} -n 3`), [10, 9, 8].map(at));
    const day = '--startyear 2026 --startmonth 1 --startday 1';
    assert.deepEqual(await times(t, `${sys} ${day} --starthour 8 --startminute 5 --endyear 2026 --endmonth 1 --endday 1 --endhour 8 --endminute 7`), [7, 6, 5].map(at));
    assert.deepEqual(await times(t, `${sys} ${day} --starthour 8 --startminute 5 -n 2`), [10, 9].map(at));
    assert.deepEqual(await times(t, `${sys} --endyear 2026 --endmonth 1 --endday 1 --endhour 8 --endminute 2`), [2, 1].map(at));
    assert.equal(await t.ok(`${sys} --startyear 2027`), 'No results were found.\n');
    assert.equal((await times(t, `${sys} -h 1`)).length, 10);
    assert.equal((await times(t, `${sys} -d 1`)).length, 10);
    assert.deepEqual(await times(t, `${sys} -n 4 --spread`), [10, 7, 4, 1].map(at));
  });

  it('-s h | d | m lists the first sample of each hour, day or month', async () => {
    const t = await lab();
    await silent(t, 'chlparutil -r config -s 1800');
    t.clock.advanceTo(Date.UTC(2026, 1, 1, 1, 0, 0));
    const sys = `lslparutil -r sys -m ${S824}`;
    assert.deepEqual((await times(t, `${sys} -s h`)).slice(0, 3), ['02/01/2026 01:00:00', '02/01/2026 00:00:00', '01/31/2026 23:00:00']);
    assert.deepEqual(await times(t, `${sys} -s m`), ['02/01/2026 00:00:00', '01/01/2026 08:30:00']);
    const days = await times(t, `${sys} -s d`);
    assert.equal(days.length, 32);
    assert.deepEqual([days[0], days[1], days.at(-1)], ['02/01/2026 00:00:00', '01/31/2026 00:00:00', '01/01/2026 08:30:00']);
  });

  it('--filter lpar_names / lpar_ids / pool_names; -F and --header', async () => {
    const t = await lab();
    t.clock.advance(2 * MIN);
    assert.equal(await t.ok(`lslparutil -r lpar -m ${S824} --filter "lpar_names=aix03,vios1" -F lpar_name,lpar_id --header`),
      'lpar_name,lpar_id\nvios1,1\naix03,5\nvios1,1\naix03,5\n');
    assert.equal(await t.ok(`lslparutil -r lpar -m ${S824} --filter lpar_ids=4 -n 1 -F time:lpar_name`), `"${at(2)}":lnx02\n`, 'a value containing the delimiter is quoted');
    assert.equal(await t.ok(`lslparutil -r procpool -m ${S824} --filter pool_names=ProdPool -n 1 -F shared_proc_pool_id`), '1\n');
    assert.equal(await t.ok(`lslparutil -r lpar -m ${S824} --filter lpar_names=nosuch`), 'No results were found.\n');
    const all = lines(await t.ok(`lslparutil -r all -m ${S824} -n 1 --filter lpar_names=aix01 -F resource_type`));
    assert.deepEqual(all, ['sys', 'pool', 'procpool', 'procpool', 'lpar'], 'a partition filter narrows only the partitions');
  });
});

describe('uncapped partitions take idle capacity by weight', () => {
  it('two samples give each partition\'s processors used: Δ(capped_cycles + uncapped_cycles) / Δtime_cycles', async () => {
    const t = await lab();
    // aix01 (uncapped, weight 128, 1.0 PU) joins aix03 (uncapped, weight 64, 0.5 PU) in ProdPool (max 4
    // processors); both get 4 virtual processors and want more than the pool has. lnx02 is capped at 0.5.
    await silent(t, `chhwres -r procpool -m ${S824} -o s -p aix01 -a shared_proc_pool_name=ProdPool`);
    for (const p of ['aix01', 'aix03']) await silent(t, `chhwres -r proc -m ${S824} -o a -p ${p} --procs 2`);
    for (const p of ['aix01', 'aix03', 'lnx02']) assert.equal(t.sim.workloadCommand([S824, p, 'constant', 'pu=4']).exit, 0);
    t.clock.advance(3 * MIN);
    const rows = lines(await t.ok(`lslparutil -r lpar -m ${S824} -n 2 --filter "lpar_names=aix01,aix03,lnx02" -F lpar_name,curr_proc_units,curr_uncap_weight,time_cycles,capped_cycles,uncapped_cycles`));
    const [newer, older] = [rows.slice(0, 3), rows.slice(3)].map((s) => new Map(s.map((l) => { const [n, ...v] = csvSplit(l, ','); return [n, v.map(Number)]; })));
    const used = (n: string): number => {
      const [, , t1, c1, u1] = newer.get(n)!, [, , t0, c0, u0] = older.get(n)!;
      return (c1 + u1 - c0 - u0) / (t1 - t0);
    };
    const [e1, w1] = newer.get('aix01')!, [e3, w3] = newer.get('aix03')!;
    const max = Number((await t.ok(`lshwres -r procpool -m ${S824} --filter pool_names=ProdPool -F max_pool_proc_units`)).trim());
    assert.ok(Math.abs(used('aix01') + used('aix03') - max) < 1e-6, `the pool is used up: ${used('aix01')} + ${used('aix03')}`);
    assert.ok(used('aix01') > e1 && used('aix03') > e3, 'both run above their entitlement');
    const ratio = (used('aix01') - e1) / (used('aix03') - e3);
    assert.ok(Math.abs(ratio - w1 / w3) < 1e-6, `idle capacity shared ${ratio}:1 for weights ${w1}:${w3}`);
    assert.ok(Math.abs(used('lnx02') - 0.5) < 1e-6, `capped lnx02 stays at its entitlement: ${used('lnx02')}`);
  });
});

describe('refusals change nothing', () => {
  it('bad resource types, systems, options and filters', async () => {
    const t = await lab();
    t.clock.advance(2 * MIN);
    const before = await t.ok(`lslparutil -r all -m ${S824}`);
    await refused(t, `lslparutil -r cpu -m ${S824}`, 'HSCLSIM28');
    await refused(t, 'lslparutil -r lpar', 'HSCLSIM28');
    await refused(t, 'lslparutil -r lpar -m nosuch', 'HSCL8012');
    await refused(t, `lslparutil -r sys -m ${S824} -n 0`, 'HSCLSIM28');
    await refused(t, `lslparutil -r sys -m ${S824} --startmonth 13`, 'HSCLSIM28');
    await refused(t, `lslparutil -r sys -m ${S824} -d 1 --startyear 2026`, 'HSCLSIM28');
    await refused(t, `lslparutil -r sys -m ${S824} --startyear 2026 --endyear 2025`, 'HSCLSIM28');
    await refused(t, `lslparutil -r sys -m ${S824} -s w`, 'HSCLSIM28');
    await refused(t, `lslparutil -r sys -m ${S824} --header`, 'HSCLSIM28');
    await refused(t, `lslparutil -r config -n 1`, 'HSCLSIM28');
    await refused(t, `lslparutil -r sys -m ${S824} -F time,lpar_name`, invalidAttribute('lpar_name'));
    await refused(t, `lslparutil -r sys -m ${S824} --filter lpar_names=aix01`, invalidAttribute('lpar_names'));
    await refused(t, `lslparutil -r lpar -m ${S824} --filter pool_names=ProdPool`, invalidAttribute('pool_names'));
    await refused(t, `lslparutil -r lpar -m ${S824} --filter lpar_ids=x`, 'HSCLSIM28');
    assert.equal(await t.ok(`lslparutil -r all -m ${S824}`), before);
  });

  it('chlparutil: bad rates, unknown systems and resource types leave every rate as it was', async () => {
    const t = await lab();
    const before = await t.ok('lslparutil -r config');
    for (const rate of ['45', '-60', 'x', '60.0']) {
      const msg = await refused(t, `chlparutil -r config -s ${rate} -m ${S824}`, 'HSCLSIM28');
      assert.ok(msg.includes('Valid values are 0, 30, 60, 300, 900, 1800, 3600.'), msg);
    }
    await refused(t, 'chlparutil -r config -s 300 -m nosuch', 'HSCL8012');
    await refused(t, 'chlparutil -r lpar -s 300', 'HSCLSIM28');
    await refused(t, 'chlparutil -r config', 'HSCLSIM28');
    await refused(t, 'lslparutil -r config -m nosuch', 'HSCL8012');
    assert.equal(await t.ok('lslparutil -r config'), before);
  });

  it('hmcviewer may list utilization data but not change the sample rate', async () => {
    const t = await lab();
    await silent(t, 'mkhmcusr -u watcher -a hmcviewer --passwd Watch1ng! -d viewer');
    assert.equal((await t.run('lslparutil -r config', 'watcher')).exit, 0);
    const r = await t.run('chlparutil -r config -s 300', 'watcher');
    assert.match(r.text, /^HSCL350B /);
    assert.equal(await t.ok(`lslparutil -r config -m ${S824} -F sample_rate`), '60\n');
  });
});
