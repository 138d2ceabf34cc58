// Reading the simulator only through the HMC CLI, as a user would: listings parsed from their key=value
// or -F output, a byte snapshot of every listing for "nothing changed" checks, and the allocation
// invariants of platform.md §5, §6, §8, §9 and §13 checked on what the CLI shows.
import assert from 'node:assert/strict';
import type { TestSim } from '../helpers/sim.ts';
import { SYS, type Cmd } from './generators.ts';

export type Result = { exit: number; text: string };

export async function exec(t: TestSim, argv: Cmd): Promise<Result> {
  const r = await t.sim.hmcCommand(argv, { user: 'hscroot' });
  return { exit: r.exit, text: r.stdout + r.stderr };
}

async function list(t: TestSim, line: string): Promise<string> {
  const r = await t.run(line);
  assert.equal(r.exit, 0, `listing failed: ${line}\n${r.text}`);
  return r.text;
}

/** Splits one output line on top-level commas; `"…"` groups are unquoted with `""` read as `"`. */
export function splitTop(line: string): string[] {
  const out: string[] = [];
  let cur = '', inQ = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') {
      if (inQ && line[i + 1] === '"') { cur += '"'; i++; } else inQ = !inQ;
    } else if (c === ',' && !inQ) { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out;
}

const rows = (text: string): string[] => text.split('\n').filter((l) => l !== '' && l !== 'No results were found.');
const kv = (line: string): Map<string, string> => new Map(splitTop(line).map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
/** -F output rows as records keyed by the requested field names. */
async function table(t: TestSim, cmd: string, fields: string[]): Promise<Record<string, string>[]> {
  const text = await list(t, `${cmd} -F ${fields.join(',')}`);
  return rows(text).map((l) => {
    const vals = splitTop(l);
    assert.equal(vals.length, fields.length, `unexpected -F row for ${cmd}: ${l}`);
    return Object.fromEntries(fields.map((f, i) => [f, vals[i]]));
  });
}
/** Processing units in hundredths, so 0.1 + 0.2 compares exactly (a negative value is kept, to be reported). */
export const centi = (s: string): number => {
  assert.match(s, /^-?\d+(\.\d+)?$/, `not a processing-unit value: ${s}`);
  return Math.round(Number(s) * 100);
};
const int = (s: string): number => {
  assert.match(s, /^-?\d+$/, `not an integer: ${s}`);
  return Number(s);
};

/**
 * Every listing the brief names, byte for byte (sys_time removed: it is the clock, not state). With
 * `rebuild`, the HMC first re-reads everything from the FSP (`chsysstate -o rebuild`, hmc-cli.md §6.7), so a
 * change the FSP made without telling the HMC (say, a refusal that mutated before failing) shows too.
 */
export async function snapshot(t: TestSim, rebuild = false): Promise<string> {
  if (rebuild) await list(t, `chsysstate -r sys -m ${SYS} -o rebuild`);
  const lines = [
    `lssyscfg -r lpar -m ${SYS}`, `lssyscfg -r prof -m ${SYS}`,
    `lshwres -r proc -m ${SYS} --level sys`, `lshwres -r proc -m ${SYS} --level lpar`,
    `lshwres -r mem -m ${SYS} --level sys`, `lshwres -r mem -m ${SYS} --level lpar`,
    `lshwres -r io --rsubtype slot -m ${SYS}`, `lshwres -r procpool -m ${SYS}`,
    `lshwres -r virtualio --rsubtype eth --level lpar -m ${SYS}`,
  ];
  const out: string[] = [];
  for (const l of lines) out.push(`$ ${l}\n${await list(t, l)}`);
  const sys = await list(t, `lssyscfg -r sys -m ${SYS}`);
  out.push(splitTop(sys.trimEnd()).filter((p) => !p.startsWith('sys_time=')).join('|'));
  return out.join('');
}

export interface CliState {
  confCenti: number; availCenti: number; minPerVpCenti: number;
  confMem: number; availMem: number; fwMem: number;
  lpars: Map<string, { id: string; state: string; proc: Record<string, string>; mem: Record<string, string> }>;
  slots: Map<string, string>; // drc_index → owning lpar_id or 'none'
  pools: Map<string, Map<string, string>>; // pool id → listing pairs
  /** The shared memory pool's size (0 without a pool): it holds system memory like a partition. */
  memPool: number;
}

const PROC_F = ['lpar_name', 'lpar_id', 'curr_proc_mode', 'curr_shared_proc_pool_id', 'curr_min_proc_units', 'curr_proc_units',
  'curr_max_proc_units', 'curr_min_procs', 'curr_procs', 'curr_max_procs'];
const MEM_F = ['lpar_name', 'curr_min_mem', 'curr_mem', 'curr_max_mem', 'mem_mode'];

export async function readState(t: TestSim): Promise<CliState> {
  const [ps] = await table(t, `lshwres -r proc -m ${SYS} --level sys`, ['configurable_sys_proc_units', 'curr_avail_sys_proc_units', 'min_proc_units_per_virtual_proc']);
  const [ms] = await table(t, `lshwres -r mem -m ${SYS} --level sys`, ['configurable_sys_mem', 'curr_avail_sys_mem', 'sys_firmware_mem']);
  const lpars: CliState['lpars'] = new Map();
  for (const r of await table(t, `lssyscfg -r lpar -m ${SYS}`, ['name', 'lpar_id', 'state'])) lpars.set(r.name, { id: r.lpar_id, state: r.state, proc: {}, mem: {} });
  for (const r of await table(t, `lshwres -r proc -m ${SYS} --level lpar`, PROC_F)) lpars.get(r.lpar_name)!.proc = r;
  for (const r of await table(t, `lshwres -r mem -m ${SYS} --level lpar`, MEM_F)) lpars.get(r.lpar_name)!.mem = r;
  const slots = new Map((await table(t, `lshwres -r io --rsubtype slot -m ${SYS}`, ['drc_index', 'lpar_id'])).map((r) => [r.drc_index, r.lpar_id]));
  const pools = new Map(rows(await list(t, `lshwres -r procpool -m ${SYS}`)).map((l) => kv(l)).map((m) => [m.get('shared_proc_pool_id')!, m]));
  const memPool = rows(await list(t, `lshwres -r mempool -m ${SYS}`)).map((l) => int(kv(l).get('curr_pool_mem')!))[0] ?? 0;
  return {
    confCenti: centi(ps.configurable_sys_proc_units), availCenti: centi(ps.curr_avail_sys_proc_units),
    minPerVpCenti: centi(ps.min_proc_units_per_virtual_proc),
    confMem: int(ms.configurable_sys_mem), availMem: int(ms.curr_avail_sys_mem), fwMem: int(ms.sys_firmware_mem),
    lpars, slots, pools, memPool,
  };
}

/** The allocation invariants; throws an assertion naming the first one broken. */
export function checkInvariants(s: CliState): void {
  let held = 0, memHeld = s.memPool;
  const poolUse = new Map<string, { units: number; ids: string[] }>();
  for (const [name, l] of s.lpars) {
    const p = l.proc, m = l.mem;
    const active = l.state !== 'Not Activated';
    const procs = int(p.curr_procs), mb = int(m.curr_mem);
    if (!active) {
      assert.ok(procs === 0 && mb === 0, `${name} is Not Activated but holds ${procs} procs / ${mb} MB`);
      continue;
    }
    assert.ok(int(p.curr_min_procs) <= procs && procs <= int(p.curr_max_procs), `${name}: curr_procs ${procs} outside ${p.curr_min_procs}..${p.curr_max_procs}`);
    assert.ok(int(m.curr_min_mem) <= mb && mb <= int(m.curr_max_mem) && mb > 0, `${name}: curr_mem ${mb} outside ${m.curr_min_mem}..${m.curr_max_mem}`);
    if (m.mem_mode === 'ded') memHeld += mb;
    if (p.curr_proc_mode === 'ded') { held += procs * 100; continue; }
    const u = centi(p.curr_proc_units);
    assert.ok(centi(p.curr_min_proc_units) <= u && u <= centi(p.curr_max_proc_units), `${name}: curr_proc_units ${p.curr_proc_units} outside ${p.curr_min_proc_units}..${p.curr_max_proc_units}`);
    assert.ok(u >= procs * s.minPerVpCenti && u <= procs * 100, `${name}: ${p.curr_proc_units} units for ${procs} virtual processors breaks the PU/VP ratio`);
    held += u;
    const pu = poolUse.get(p.curr_shared_proc_pool_id) ?? { units: 0, ids: [] };
    pu.units += u; pu.ids.push(l.id);
    poolUse.set(p.curr_shared_proc_pool_id, pu);
  }
  let reserved = 0;
  for (const [id, pool] of s.pools) {
    const use = poolUse.get(id) ?? { units: 0, ids: [] };
    const listed = (pool.get('lpar_ids') ?? 'none').split(',').filter((x) => x !== '' && x !== 'none');
    assert.deepEqual([...listed].sort(), [...use.ids].sort(), `pool ${id} lists members ${listed} but running members are ${use.ids}`);
    if (id === '0') continue;
    const r = centi(pool.get('curr_reserved_pool_proc_units')!);
    reserved += r;
    assert.ok(r + use.units <= int(pool.get('max_pool_proc_units')!) * 100, `pool ${id}: entitled ${(r + use.units) / 100} exceeds max_pool_proc_units ${pool.get('max_pool_proc_units')}`);
  }
  for (const id of poolUse.keys()) assert.ok(s.pools.has(id), `running partitions use pool ${id}, which is not listed`);
  assert.ok(held + reserved <= s.confCenti, `processors over-allocated: ${(held + reserved) / 100} held+reserved > ${s.confCenti / 100} configurable`);
  assert.ok(s.availCenti >= 0, `curr_avail_sys_proc_units is negative: ${s.availCenti / 100}`);
  assert.equal(s.availCenti, s.confCenti - held - reserved, 'curr_avail_sys_proc_units != configurable - held - reserved');
  assert.ok(s.availMem >= 0, `curr_avail_sys_mem is negative: ${s.availMem} (firmware ${s.fwMem}, partitions ${memHeld})`);
  assert.ok(memHeld + s.fwMem <= s.confMem, `memory over-allocated: ${memHeld} + firmware ${s.fwMem} > ${s.confMem}`);
  assert.equal(s.availMem, s.confMem - s.fwMem - memHeld, 'curr_avail_sys_mem != configurable - firmware - partitions');
  const activeIds = new Set([...s.lpars.values()].filter((l) => l.state !== 'Not Activated').map((l) => l.id));
  for (const [d, owner] of s.slots) assert.ok(owner === 'none' || activeIds.has(owner), `slot ${d} is owned by partition ${owner}, which is not active`);
}

const flag = (argv: Cmd, f: string): string | undefined => (argv.indexOf(f) >= 0 ? argv[argv.indexOf(f) + 1] : undefined);

/**
 * Profile changes are pending until the next activation (platform.md §6.2, §9 rule 9): creating, changing
 * or removing a profile must not move what the hypervisor holds, including its own memory (§5.2).
 */
export function checkProfileCommandKeepsAllocation(before: CliState, after: CliState, argv: Cmd): void {
  if (flag(argv, '-r') === 'prof') assert.deepEqual(after, before, `a profile command changed the running allocation: ${argv.join(' ').slice(0, 200)}`);
}

/**
 * Slot ownership may move only the way the accepted command says (platform.md §8): activation takes free
 * slots, shutdown frees the partition's own, DLPAR add/remove/move touch the one slot named. The listing
 * shows one owner per slot, so a slot held twice shows up here as an owner change nobody asked for.
 */
export function checkSlotTransition(before: CliState, after: CliState, argv: Cmd): void {
  const idOf = (s: CliState, n: string | undefined) => (n === undefined ? undefined : s.lpars.get(n)?.id);
  const [cmd] = argv, op = flag(argv, '-o');
  for (const [d, o] of before.slots) {
    const n = after.slots.get(d)!;
    if (o === n) continue;
    const why = `slot ${d} moved from ${o} to ${n} on: ${argv.join(' ')}`;
    if (cmd === 'chsysstate' && op === 'on') assert.ok(o === 'none' && n === idOf(before, flag(argv, '-n')), why);
    else if (cmd === 'chsysstate' && op === 'shutdown') {
      const p = idOf(before, flag(argv, '-n'));
      // With --restart the partition comes straight back and may pick up a desired slot freed meanwhile.
      assert.ok((o === p && n === 'none') || (argv.includes('--restart') && o === 'none' && n === p), why);
    } else if (cmd === 'chhwres' && flag(argv, '-r') === 'io' && flag(argv, '-l') === d) {
      const p = idOf(before, flag(argv, '-p'));
      if (op === 'a') assert.ok(o === 'none' && n === p, why);
      else if (op === 'r') assert.ok(o === p && n === 'none', why);
      else assert.ok(o === p && n === idOf(before, flag(argv, '-t')), why);
    } else assert.fail(why);
  }
}

/** A refusal looks like the HMC's: non-zero exit and an HSCL code (or the code-less invalid-attribute text). */
export function assertRefusal(r: Result, argv: Cmd): void {
  assert.notEqual(r.exit, 0);
  assert.ok(/^HSCL[0-9A-Z]+ /.test(r.text) || r.text.startsWith('An invalid attribute was entered.'),
    `refusal without an HSCL code: ${JSON.stringify(argv)}\n${r.text}`);
}
