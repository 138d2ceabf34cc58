// Simulation-only: what is installed on a partition's boot disk (its OS level and the address RMC will
// report). A real administrator installs an OS through NIM or media; the lab states it as data. The
// runtime issue replaces this with real OS images booting.
import { fail } from '../../errors/hmc-error.ts';
import type { ManagedSystem } from '../managed-system.ts';
import { findPartition } from './gates.ts';

export function installOs(sys: ManagedSystem, ref: { name?: string; id?: number }, osVersion: string, rmcIp: string): void {
  const p = findPartition(sys, ref);
  if (!/^[\x20-\x7e]{1,80}$/.test(osVersion)) fail('INVALID_VALUE', { attr: 'os_version', value: osVersion, hint: 'Use printable ASCII.' });
  sys.change((tx) => {
    p.def.os_version = osVersion;
    p.def.rmc_ipaddr = rmcIp;
    tx.touchPartition(p.def.lpar_id);
  });
}
