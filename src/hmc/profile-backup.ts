// Partition data backups kept on the HMC (platform.md §12: bkprofdata writes a file per system under
// /var/hsc/profiles/<serial>/ that stays on the HMC). The simulator keeps those files in the HMC
// database, so they survive restarts and also exist in --memory runs.
import { fail } from '../errors/hmc-error.ts';
import { defaultPoolName } from '../platform/types/pool-names.ts';
import type { SystemView } from './system-view.ts';

/** The HMC's copy of a system's partition data, in the FSP's NVRAM entry form (no running state). */
export function profileDataFromCopy(v: SystemView): [string, unknown][] {
  if (!v.system) fail('SYSTEM_STATE', { system: v.name, state: 'No Connection', need: 'Operating' });
  const e: [string, unknown][] = [['sys', v.system!.cfg]];
  for (const p of v.sortedPartitions()) e.push([`lpar:${p.def.lpar_id}`, p.def]);
  for (const pool of v.pools) {
    if (pool && pool.shared_proc_pool_id > 0 && (pool.max_pool_proc_units > 0 || pool.name !== defaultPoolName(pool.shared_proc_pool_id))) {
      e.push([`pool:${pool.shared_proc_pool_id}`, pool]);
    }
  }
  for (const sp of v.sysprofs.values()) e.push([`sysprof:${sp.name}`, sp]);
  return e;
}

export const BACKUP_NAME_RE = /^[A-Za-z0-9_.-]{1,64}$/;
