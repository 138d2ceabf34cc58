// Shared helpers for the HMC command tests (test/hmc/cli/commands/*.test.ts). Not a test file itself.
//
// The tests drive the simulator only through command lines, exactly as a user types them, and read the
// results back through listings. A refusal must leave everything as it was: `refused()` compares a full
// CLI snapshot of every connected system before and after the command.
//
// Speed. The FSP end of the HMC link checks the HMC access password with scrypt (about 45 ms) on every
// request and on every event batch (src/platform/fsp/fsp-service.ts, FspSession.auth), and creating a lab
// hashes six FSP passwords with random salts. Building the default lab therefore costs seconds. Two things
// keep these files fast without changing any behaviour:
//  * scryptSync is memoized (it is a pure function of its arguments, so results are identical);
//  * `lab()` builds the default lab once per test file into a template data directory and gives every
//    test its own copy of it, opened with openSim({ dataDir }) (the persistence tests show that reopening
//    a data directory gives back exactly the same listings as the in-memory lab), on a RAM file system.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { openSim, bareLab, S824, P795, type TestSim } from '../../../helpers/sim.ts';

export { openSim, bareLab, S824, P795, type TestSim };

// --- scryptSync memo (see above) --------------------------------------------------------------------
{
  const crypto = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const original = crypto.scryptSync;
  const memo = new Map<string, Buffer>();
  const memoized = (pw: import('node:crypto').BinaryLike, salt: import('node:crypto').BinaryLike, len: number, opts?: import('node:crypto').ScryptOptions): Buffer => {
    const key = JSON.stringify([Buffer.from(pw as string).toString('hex'), Buffer.from(salt as string).toString('hex'), len, opts ?? null]);
    let v = memo.get(key);
    if (v === undefined) { v = original(pw, salt, len, opts); memo.set(key, v); }
    return Buffer.from(v);
  };
  crypto.scryptSync = memoized as typeof crypto.scryptSync;
  syncBuiltinESMExports();
}

// --- fresh labs ----------------------------------------------------------------------------------------
const dirs: string[] = [];
const sims: TestSim[] = [];
let template: string | undefined;

function cleanup(): void {
  for (const s of sims.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}
after(cleanup);
process.on('exit', cleanup); // also when a test file is stopped early

// Data directories go to a RAM file system when there is one: the HMC database commits every command
// (the audit log) with synchronous=FULL, and an fsync per command on a real disk costs more than the
// command itself.
const TMP = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

/** A fresh, empty data directory (removed when the file's tests end). */
export function freshDir(): string {
  const d = mkdtempSync(join(TMP, 'powervm-sim-cli-'));
  dirs.push(d);
  return d;
}

/**
 * What refused() knows about a tracked simulator: `gen` counts everything that may change it (a command,
 * moving the clock, touching the simulator object); a snapshot taken at the current generation is reused
 * as the "before" of the next refusal.
 */
interface Tracking { gen: number; raw: TestSim; cache?: { gen: number; text: string } }
const tracking = new WeakMap<TestSim, Tracking>();

/** Opens a simulator that is closed automatically when the file's tests end (close() may be called earlier). */
export async function track(open: Promise<TestSim>): Promise<TestSim> {
  const t = await open;
  let closed = false;
  const st: Tracking = { gen: 0, raw: t };
  const clock = t.clock;
  for (const m of ['advance', 'advanceTo', 'runAll'] as const) {
    const f = clock[m].bind(clock) as (...a: unknown[]) => void;
    (clock as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => { st.gen++; f(...a); };
  }
  const wrapped: TestSim = {
    ...t,
    get sim() { st.gen++; return t.sim; },
    clock,
    run: (line, user) => { st.gen++; return t.run(line, user); },
    ok: (line) => { st.gen++; return t.ok(line); },
    close: () => { if (!closed) { closed = true; t.close(); } },
  };
  tracking.set(wrapped, st);
  sims.push(wrapped);
  return wrapped;
}

/**
 * A fresh copy of the default lab (src/sim/lab/default-lab.*), optionally opened with a configuration
 * (e.g. { timings: { rmcActiveDelayMs: 60000 } }; the configuration applies from the moment it is opened).
 */
export async function lab(config?: unknown): Promise<TestSim> {
  if (template === undefined) {
    const dir = freshDir();
    (await openSim({ dataDir: dir })).close();
    template = dir;
  }
  const copy = freshDir();
  cpSync(template, copy, { recursive: true });
  return track(openSim({ dataDir: copy, config }));
}

/** A simulator of another lab (in memory; slower to build than lab()). */
export const labOf = (opts: Parameters<typeof openSim>[0]): Promise<TestSim> => track(openSim(opts));

/** MTMS forms of the two lab systems (accepted by -m instead of the name, hmc-cli.md §3.1). */
export const S824_MTMS = '8286-42A*21AB34C';
export const P795_MTMS = '9119-FHB*02B7A6C';

/** The verified "invalid attribute" text (platform.md §15.1: no code, two spaces between sentences). */
export const invalidAttribute = (name: string): string =>
  `An invalid attribute was entered.  The invalid attribute is ${name}.  Correct the input and retry the command.\n`;

/** Output lines without the final newline. */
export const lines = (out: string): string[] => (out === '' ? [] : out.replace(/\n$/, '').split('\n'));

/**
 * Splits one default-format listing line into its `key=value` pairs (hmc-cli.md §4.1): pairs are separated
 * by commas outside double quotes; a quoted pair has its outer quotes removed and inner `""` undoubled.
 */
export function pairs(line: string): [string, string][] {
  const out: [string, string][] = [];
  for (const tok of csvSplit(line.replace(/\n$/, ''), ',')) {
    const eq = tok.indexOf('=');
    out.push([tok.slice(0, eq), tok.slice(eq + 1)]);
  }
  return out;
}

/** `pairs()` as a map. */
export const record = (line: string): Map<string, string> => new Map(pairs(line));

/** The field names of a default-format line, in order. */
export const keys = (line: string): string[] => pairs(line).map(([k]) => k);

/** CSV-style split: `a,"b,c",d` → [a, b,c, d] (quotes removed, `""` → `"`). */
export function csvSplit(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"') quoted = true;
    else if (line.startsWith(delimiter, i)) { out.push(cur); cur = ''; i += delimiter.length - 1; } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Every listing a user could read about the HMC and its connected systems, as one text. */
export async function snapshot(t: TestSim): Promise<string> {
  const raw = tracking.get(t)?.raw ?? t; // listings change nothing: they do not count as a change
  const parts: string[] = [];
  const show = async (line: string): Promise<void> => {
    const r = await raw.run(line);
    parts.push(`$ ${line}\n${r.text}[${r.exit}]`);
  };
  await show('lssyscfg -r sys');
  await show('lssysconn -r all');
  const names = lines((await raw.run('lssyscfg -r sys -F name,state')).stdout)
    .filter((l) => !l.endsWith('No Connection')).map((l) => csvSplit(l, ',')[0]);
  for (const m of names) {
    for (const c of [
      'lssyscfg -r lpar', 'lssyscfg -r prof', 'lssyscfg -r sysprof',
      'lssyscfg -r lpar -F name,uuid,description,msp,sync_curr_profile,lpar_avail_priority,desired_lpar_proc_compat_mode,curr_lpar_proc_compat_mode',
      'lssyscfg -r prof -F name,lpar_name,shared_proc_pool_id,mem_expansion,lpar_proc_compat_mode,mem_weight',
      'lshwres -r proc --level sys', 'lshwres -r proc --level lpar', 'lshwres -r mem --level sys', 'lshwres -r mem --level lpar',
      'lshwres -r procpool', 'lshwres -r mempool', 'lshwres -r mempool --rsubtype pgdev', 'lshwres -r io --rsubtype slot',
      'lsrefcode -r lpar', 'lsrefcode -r sys',
    ]) await show(`${c} -m ${m}`);
  }
  return parts.join('\n');
}

/**
 * Runs a command that must be refused: non-zero exit status, the message starts with `code` followed by a
 * space (or is exactly `code` when it is a whole message such as the invalid-attribute text), the message is
 * on stdout (the default error stream, hmc-cli.md §5), and nothing at all changed. Returns the message.
 */
export async function refused(t: TestSim, line: string, code: string): Promise<string> {
  const st = tracking.get(t);
  const before = st?.cache && st.cache.gen === st.gen ? st.cache.text : await snapshot(t);
  const r = await t.run(line);
  assert.notEqual(r.exit, 0, `expected a refusal, got exit 0: ${line}\n${r.text}`);
  assert.ok(r.exit !== 5 && r.exit !== 6, `exit ${r.exit} is read as an sshpass error by Ansible (hmc-cli.md §5)`);
  if (code.endsWith('\n')) assert.equal(r.stdout, code, line);
  else assert.ok(r.stdout.startsWith(`${code} `), `expected ${code}: ${line}\ngot: ${r.text}`);
  assert.equal(r.stderr, '', 'errors go to stdout by default');
  const after = await snapshot(t);
  assert.equal(after, before, `a refused command changed something: ${line}`);
  if (st) st.cache = { gen: st.gen, text: after };
  return r.stdout;
}

/** Runs a command that must succeed silently (hmc-cli.md §5: changes print nothing). */
export async function silent(t: TestSim, line: string): Promise<void> {
  const r = await t.run(line);
  assert.equal(r.exit, 0, `command failed (exit ${r.exit}): ${line}\n${r.text}`);
  assert.equal(r.text, '', `a successful change prints nothing: ${line}`);
}

/** One -F value (or a few, comma-separated) of one partition; `-m` defaults to the POWER8 system. */
export async function lparField(t: TestSim, lpar: string, fields: string, m = S824): Promise<string> {
  return (await t.ok(`lssyscfg -r lpar -m ${m} --filter lpar_names=${lpar} -F ${fields}`)).replace(/\n$/, '');
}

export async function procField(t: TestSim, lpar: string, fields: string, m = S824): Promise<string> {
  return (await t.ok(`lshwres -r proc -m ${m} --level lpar --filter lpar_names=${lpar} -F ${fields}`)).replace(/\n$/, '');
}

export async function memField(t: TestSim, lpar: string, fields: string, m = S824): Promise<string> {
  return (await t.ok(`lshwres -r mem -m ${m} --level lpar --filter lpar_names=${lpar} -F ${fields}`)).replace(/\n$/, '');
}

export async function profField(t: TestSim, lpar: string, prof: string, fields: string, m = S824): Promise<string> {
  return (await t.ok(`lssyscfg -r prof -m ${m} --filter "lpar_names=${lpar},profile_names=${prof}" -F ${fields}`)).replace(/\n$/, '');
}

export async function sysField(t: TestSim, res: 'proc' | 'mem', fields: string, m = S824): Promise<string> {
  return (await t.ok(`lshwres -r ${res} -m ${m} --level sys -F ${fields}`)).replace(/\n$/, '');
}

/** Processing units as integer hundredths, so sums are exact. */
export const centi = (pu: string): number => Math.round(Number(pu) * 100);

/** Shorthand attribute records for new partitions (all values valid on both lab systems). */
export const DED_1 = 'proc_mode=ded,min_procs=1,desired_procs=1,max_procs=1';
export const SHARED_01 = 'proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.1,max_proc_units=1.0,min_procs=1,desired_procs=1,max_procs=1,sharing_mode=cap';
export const MEM_2G = 'min_mem=2048,desired_mem=2048,max_mem=8192';

/** The lab with the POWER8 system's logical memory block set to `lmbMB` (no partitions). */
export function bareLabWithLmb(lmbMB: number): ReturnType<typeof bareLab> {
  const lab = bareLab();
  const file = structuredClone(lab.file);
  file.systems[0].lmbMB = lmbMB;
  return { file, script: lab.script };
}
