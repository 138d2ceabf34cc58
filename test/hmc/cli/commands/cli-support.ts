// Shared helpers for the HMC command tests (test/hmc/cli/commands/*.test.ts). Not a test file itself.
//
// The tests drive the simulator only through command lines, exactly as a user types them, and read the
// results back through listings. A refusal must leave everything as it was: `refused()` compares a full
// CLI snapshot of every connected system before and after the command.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSim, bareLab, S824, P795, type TestSim } from '../../../helpers/sim.ts';

export { openSim, bareLab, S824, P795, type TestSim };

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
  for (const tok of csvSplit(line, ',')) {
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
  const parts: string[] = [];
  const show = async (line: string): Promise<void> => {
    const r = await t.run(line);
    parts.push(`$ ${line}\n${r.text}[${r.exit}]`);
  };
  await show('lssyscfg -r sys');
  await show('lssysconn -r all');
  const names = lines((await t.run('lssyscfg -r sys -F name,state')).stdout)
    .filter((l) => !l.endsWith('No Connection')).map((l) => csvSplit(l, ',')[0]);
  for (const m of names) {
    for (const c of [
      'lssyscfg -r lpar', 'lssyscfg -r prof', 'lssyscfg -r sysprof',
      'lssyscfg -r lpar -F name,uuid,description,msp,sync_curr_profile,lpar_avail_priority,desired_lpar_proc_compat_mode,curr_lpar_proc_compat_mode',
      'lssyscfg -r prof -F name,lpar_name,shared_proc_pool_id,mem_expansion,lpar_proc_compat_mode,mem_weight',
      'lshwres -r proc --level sys', 'lshwres -r proc --level lpar', 'lshwres -r mem --level sys', 'lshwres -r mem --level lpar',
      'lshwres -r procpool', 'lshwres -r io --rsubtype slot', 'lsrefcode -r lpar', 'lsrefcode -r sys',
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
  const before = await snapshot(t);
  const r = await t.run(line);
  assert.notEqual(r.exit, 0, `expected a refusal, got exit 0: ${line}\n${r.text}`);
  assert.ok(r.exit !== 5 && r.exit !== 6, `exit ${r.exit} is read as an sshpass error by Ansible (hmc-cli.md §5)`);
  if (code.endsWith('\n')) assert.equal(r.stdout, code, line);
  else assert.ok(r.stdout.startsWith(`${code} `), `expected ${code}: ${line}\ngot: ${r.text}`);
  assert.equal(r.stderr, '', 'errors go to stdout by default');
  assert.equal(await snapshot(t), before, `a refused command changed something: ${line}`);
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

/** A fresh, empty data directory for persistence tests. */
export const freshDir = (): string => mkdtempSync(join(tmpdir(), 'powervm-sim-cli-'));

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
