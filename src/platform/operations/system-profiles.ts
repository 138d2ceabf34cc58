// System profiles (platform.md §7.1): named lists of partition profiles activated together.
import { fail } from '../../errors/hmc-error.ts';
import type { ManagedSystem } from '../managed-system.ts';
import type { Tx } from '../tx.ts';
import type { SysProfSnapshot } from '../types/system.ts';
import { requireConfigurable, requireRunning } from './gates.ts';
import { activateIn } from './partition-power.ts';
import { PartitionState } from '../types/states.ts';

function checkMembers(sys: ManagedSystem, sp: SysProfSnapshot): void {
  if (sp.lpar_names.length !== sp.profile_names.length || sp.lpar_names.length === 0) {
    fail('INVALID_VALUE', { attr: 'profile_names', value: sp.profile_names.join(','), hint: 'Give one profile for each partition in lpar_names.' });
  }
  const seen = new Set<string>();
  sp.lpar_names.forEach((lpar, i) => {
    const p = sys.partitionByName(lpar);
    if (!p) fail('PARTITION_NOT_FOUND', { name: lpar });
    if (seen.has(lpar)) fail('INVALID_VALUE', { attr: 'lpar_names', value: lpar, hint: 'A system profile can list a partition once.' });
    seen.add(lpar);
    if (!p!.def.profiles.some((x) => x.name === sp.profile_names[i])) fail('PROFILE_NOT_FOUND', { name: sp.profile_names[i], lpar });
  });
}

export function createSysprof(sys: ManagedSystem, sp: SysProfSnapshot): void {
  requireConfigurable(sys);
  if (!/^[^\s"',=][^"',=]{0,46}$/.test(sp.name)) fail('INVALID_VALUE', { attr: 'name', value: sp.name, hint: 'A system profile name is 1 to 47 printable characters.' });
  if (sys.sysprofs.has(sp.name)) fail('INVALID_VALUE', { attr: 'name', value: sp.name, hint: 'A system profile with this name already exists.' });
  checkMembers(sys, sp);
  sys.change((tx) => { sys.sysprofs.set(sp.name, structuredClone(sp)); tx.touchSysprof(sp.name); });
}

export function changeSysprof(sys: ManagedSystem, name: string, next: SysProfSnapshot): void {
  requireConfigurable(sys);
  if (!sys.sysprofs.has(name)) fail('SYSPROF_NOT_FOUND', { name });
  if (next.name !== name && sys.sysprofs.has(next.name)) fail('INVALID_VALUE', { attr: 'new_name', value: next.name, hint: 'A system profile with this name already exists.' });
  checkMembers(sys, next);
  sys.change((tx) => {
    sys.sysprofs.delete(name);
    if (next.name !== name) tx.removeSysprof(name);
    sys.sysprofs.set(next.name, structuredClone(next));
    tx.touchSysprof(next.name);
  });
}

export function removeSysprof(sys: ManagedSystem, name: string): void {
  requireConfigurable(sys);
  if (!sys.sysprofs.has(name)) fail('SYSPROF_NOT_FOUND', { name });
  sys.change((tx) => { sys.sysprofs.delete(name); tx.removeSysprof(name); });
}

export function activateSysprof(sys: ManagedSystem, name: string): void {
  requireRunning(sys, true);
  if (!sys.sysprofs.has(name)) fail('SYSPROF_NOT_FOUND', { name });
  sys.change((tx) => activateSysprofIn(sys, tx, name));
}

/** Activates every listed partition that is not already active; all or nothing within the change. */
export function activateSysprofIn(sys: ManagedSystem, tx: Tx, name: string): void {
  const sp = sys.sysprofs.get(name)!;
  sp.lpar_names.forEach((lpar, i) => {
    const p = sys.partitionByName(lpar);
    if (!p) fail('PARTITION_NOT_FOUND', { name: lpar });
    if (p!.run.state === PartitionState.NotActivated) activateIn(sys, tx, p!, { profile: sp.profile_names[i] });
  });
}
