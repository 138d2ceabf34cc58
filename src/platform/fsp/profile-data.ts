// Restoring partition data into the FSP (platform.md §12): `rstprofdata -l 1` full restore, `-l 2` merge
// with the backup winning, `-l 3` merge with the current data winning, `-l 4` initialize (no partitions).
// Running allocations stay where they are: the hypervisor keeps running partitions running, and the shared
// memory pool they page in stays as it is (memory-pool.ts poolAfterRestore).
import { fail } from '../../errors/hmc-error.ts';
import type { ManagedSystem } from '../managed-system.ts';
import type { NvramEntries } from './nvram.ts';
import type { PartitionDef } from '../types/partition.ts';
import { ACTIVE_STATES } from '../types/states.ts';
import type { SystemConfig } from '../types/system.ts';
import { poolAfterRestore } from '../operations/memory-pool.ts';

export type RestoreLevel = 1 | 2 | 3 | 4;

/** Partition data without running state: what a backup holds. */
export function profileData(sys: ManagedSystem): [string, unknown][] {
  return [...sys.toEntries()].filter(([k]) => !k.startsWith('run:'));
}

export function restoreProfileData(sys: ManagedSystem, level: RestoreLevel, backup: [string, unknown][]): void {
  if (![1, 2, 3, 4].includes(level)) fail('INVALID_VALUE', { attr: '-l', value: level, hint: 'Specify 1 (full restore), 2 (merge, backup wins), 3 (merge, current wins) or 4 (initialize).' });
  const active = [...sys.partitions.values()].filter((p) => ACTIVE_STATES.has(p.run.state));
  const current = new Map(profileData(sys));
  let next: NvramEntries;
  if (level === 4) next = new Map([['sys', sys.cfg]]);
  else if (level === 1) next = new Map(backup);
  else {
    next = new Map(level === 2 ? current : backup);
    for (const [k, v] of level === 2 ? backup : current) next.set(k, v);
    dropNameClashes(next);
  }
  // The system's own power state is the FSP's, never the backup's.
  const cfg = { ...(next.get('sys') as object ?? {}), ...pick(sys.cfg) };
  next.set('sys', cfg);
  for (const p of active) {
    const def = next.get(`lpar:${p.def.lpar_id}`) as PartitionDef | undefined;
    if (level === 4 || !def) fail('PARTITION_ACTIVE', { name: p.def.name, state: p.run.state });
    next.set(`run:${p.def.lpar_id}`, p.run);
  }
  // The shared memory pool in use by active shared-memory partitions stays as it is (memory-pool.ts).
  const restoredPool = (cfg as Partial<SystemConfig>).mempool ?? null;
  const mempool = poolAfterRestore(sys, restoredPool, level === 4, (id) => (next.get(`lpar:${id}`) as PartitionDef | undefined)?.lpar_env);
  next.set('sys', { ...cfg, mempool });
  sys.replaceEntries(next);
}

function pick(cfg: ManagedSystem['cfg']): Partial<ManagedSystem['cfg']> {
  return { state: cfg.state, detailed_state: cfg.detailed_state, powered_on_at: cfg.powered_on_at };
}

/** After a merge two ids may carry the same name; the later id loses its entry. */
function dropNameClashes(e: NvramEntries): void {
  const seen = new Set<string>();
  for (const [k, v] of [...e].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
    if (!k.startsWith('lpar:')) continue;
    const name = (v as PartitionDef).name;
    if (seen.has(name)) e.delete(k);
    seen.add(name);
  }
}
