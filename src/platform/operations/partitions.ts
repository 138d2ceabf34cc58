// Creating, changing and removing partitions and their profiles (platform.md §7.1, §7.2). The FSP keeps
// the result in NVRAM; every function validates fully before it mutates anything.
import { fail } from '../../errors/hmc-error.ts';
import { maxPartitions } from '../catalog/model-catalog.ts';
import { notActivatedRuntime, type ManagedSystem, type Partition } from '../managed-system.ts';
import { newProfile, REQUIRED_PROFILE_ATTRS, REQUIRED_SHARED_ATTRS } from '../profile-defaults.ts';
import { validateProfile } from '../rules/profile-rules.ts';
import { assignWwpns, checkVirtualIo } from '../rules/virtual-io-rules.ts';
import type { PartitionDef } from '../types/partition.ts';
import type { LparEnv, Profile } from '../types/profile.ts';
import { PartitionState } from '../types/states.ts';
import { findPartition, requireConfigurable } from './gates.ts';
import { refuseIfPagingVios } from './memory-pool.ts';
import { applyListChanges, type ProfileChange } from './list-changes.ts';

export type PartitionAttrs = Partial<Pick<PartitionDef,
  'description' | 'msp' | 'lpar_avail_priority' | 'time_ref' | 'migration_disabled' | 'remote_restart_capable' |
  'sync_curr_profile' | 'allow_perf_collection' | 'shared_proc_pool_util_auth' | 'default_profile'>> & { new_name?: string; lpar_proc_compat_mode?: string };

export interface CreatePartitionRequest {
  name: string;
  lpar_env: LparEnv;
  lpar_id?: number;
  profile: Partial<Profile> & { name: string };
  attrs: PartitionAttrs;
}

const NAME_RE = /^[^\s"',=][^"',=]{0,46}$/; // 1–47 printable characters (platform.md §7.1, UNCERTAIN limit)

export function checkPartitionName(name: string): void {
  if (!NAME_RE.test(name) || /[^\x20-\x7e]/.test(name)) {
    fail('INVALID_VALUE', { attr: 'name', value: name, hint: 'A partition name is 1 to 47 printable characters without quotes, commas or equal signs.' });
  }
}

export function buildProfile(sys: ManagedSystem, env: LparEnv, given: Partial<Profile> & { name: string }): Profile {
  checkProfileName(given.name);
  if (given.all_resources !== 1) {
    for (const a of REQUIRED_PROFILE_ATTRS) if (given[a] === undefined) fail('MISSING_ATTRIBUTE', { attr: a });
    if (given.proc_mode === 'shared') for (const a of REQUIRED_SHARED_ATTRS) if (given[a] === undefined) fail('MISSING_ATTRIBUTE', { attr: a });
  }
  if ((given.proc_mode ?? 'ded') === 'ded') {
    // Shared-processor attributes on a dedicated profile are refused, not silently dropped (platform.md §13 rule 2).
    for (const a of ['min_proc_units', 'desired_proc_units', 'max_proc_units', 'uncap_weight', 'shared_proc_pool_id'] as const) {
      if (given[a] !== undefined && given[a] !== null) fail('PROC_MODE_MISMATCH', { attr: a, mode: 'ded' });
    }
  }
  const p = newProfile(env, given, sys.config);
  validateProfile(sys, env, p);
  return p;
}

function checkProfileName(name: string): void {
  if (!NAME_RE.test(name)) fail('INVALID_VALUE', { attr: 'profile_name', value: name, hint: 'A profile name is 1 to 47 printable characters.' });
}

export function createPartition(sys: ManagedSystem, req: CreatePartitionRequest): PartitionDef {
  requireConfigurable(sys);
  checkPartitionName(req.name);
  if (sys.partitionByName(req.name)) fail('DUPLICATE_NAME', { name: req.name });
  const max = maxPartitions(sys.model, sys.hw.configurableCores);
  if (sys.partitions.size >= max) fail('MAX_PARTITIONS', { system: sys.name, max });
  let id = req.lpar_id;
  if (id !== undefined) {
    if (!Number.isInteger(id) || id < 1 || id > max || sys.partitions.has(id)) fail('BAD_LPAR_ID', { id, max });
  } else {
    id = 1;
    while (sys.partitions.has(id)) id++;
  }
  const profile = buildProfile(sys, req.lpar_env, req.profile);
  checkVirtualIo(sys, id, profile);
  checkPartitionAttrs(req.attrs, req.lpar_env, [profile], req.name);
  const isVios = req.lpar_env === 'vioserver';
  const def: PartitionDef = {
    lpar_id: id,
    name: req.name,
    lpar_env: req.lpar_env,
    uuid: sys.deterministicLparUuid(req.name, id),
    default_profile: profile.name,
    curr_profile: '',
    description: req.attrs.description ?? '',
    msp: req.attrs.msp ?? (isVios ? 1 : 0),
    lpar_avail_priority: req.attrs.lpar_avail_priority ??
      (isVios ? sys.config.profileDefaults.lpar_avail_priority_vios : sys.config.profileDefaults.lpar_avail_priority_client),
    time_ref: req.attrs.time_ref ?? 0,
    migration_disabled: req.attrs.migration_disabled ?? 0,
    remote_restart_capable: req.attrs.remote_restart_capable ?? 0,
    sync_curr_profile: req.attrs.sync_curr_profile ?? 0,
    allow_perf_collection: req.attrs.allow_perf_collection ?? 0,
    shared_proc_pool_util_auth: req.attrs.shared_proc_pool_util_auth ?? 0,
    os_version: 'Unknown',
    rmc_ipaddr: '',
    profiles: [profile],
  };
  return sys.change((tx) => {
    const p: Partition = { def, run: notActivatedRuntime(sys.clock.now()) };
    assignWwpns(sys, profile);
    tx.touchSystem();
    sys.partitions.set(id!, p);
    sys.indexName(null, p);
    tx.touchPartition(id!);
    return def;
  });
}

function checkPartitionAttrs(a: PartitionAttrs, env: LparEnv, profiles: Profile[], lpar: string): void {
  if (a.description !== undefined && /[^\x20-\x7e]/.test(a.description)) fail('NOT_PRINTABLE');
  if (a.msp !== undefined && a.msp === 1 && env !== 'vioserver') fail('ATTRIBUTE_NOT_ALLOWED', { attr: 'msp', where: 'for a partition that is not a Virtual I/O Server' });
  if (a.lpar_avail_priority !== undefined && !(a.lpar_avail_priority >= 0 && a.lpar_avail_priority <= 255)) {
    fail('INVALID_VALUE', { attr: 'lpar_avail_priority', value: a.lpar_avail_priority, hint: 'Specify a priority from 0 to 255.' });
  }
  if (a.default_profile !== undefined && !profiles.some((p) => p.name === a.default_profile)) {
    fail('PROFILE_NOT_FOUND', { name: a.default_profile, lpar });
  }
}

export function changePartition(sys: ManagedSystem, ref: { name?: string; id?: number }, attrs: PartitionAttrs): void {
  requireConfigurable(sys);
  const p = findPartition(sys, ref);
  checkPartitionAttrs(attrs, p.def.lpar_env, p.def.profiles, p.def.name);
  if (attrs.new_name !== undefined && attrs.new_name !== p.def.name) {
    checkPartitionName(attrs.new_name);
    if (sys.partitionByName(attrs.new_name)) fail('DUPLICATE_NAME', { name: attrs.new_name });
  }
  if (attrs.lpar_proc_compat_mode !== undefined && !sys.model.compatModes.includes(attrs.lpar_proc_compat_mode)) {
    fail('INVALID_VALUE', { attr: 'lpar_proc_compat_mode', value: attrs.lpar_proc_compat_mode, hint: `This managed system supports ${sys.model.compatModes.join(', ')}.` });
  }
  sys.change((tx) => {
    const { new_name, lpar_proc_compat_mode, ...rest } = attrs;
    Object.assign(p.def, rest);
    if (new_name !== undefined && new_name !== p.def.name) {
      const old = p.def.name;
      p.def.name = new_name;
      sys.indexName(old, p);
      // System profiles list partitions by name: they follow the rename.
      for (const sp of sys.sysprofs.values()) {
        const i = sp.lpar_names.indexOf(old);
        if (i >= 0) { sp.lpar_names[i] = new_name; tx.touchSysprof(sp.name); }
      }
    }
    // The compatibility mode is pending: it takes effect at the next activation (platform.md §1.2).
    if (lpar_proc_compat_mode !== undefined) for (const prof of p.def.profiles) prof.lpar_proc_compat_mode = lpar_proc_compat_mode;
    tx.touchPartition(p.def.lpar_id);
  });
}

export function removePartition(sys: ManagedSystem, ref: { name?: string; id?: number }): void {
  requireConfigurable(sys);
  const p = findPartition(sys, ref);
  if (p.run.state !== PartitionState.NotActivated) fail('PARTITION_ACTIVE', { name: p.def.name, state: p.run.state });
  refuseIfPagingVios(sys, p);
  sys.change((tx) => {
    sys.partitions.delete(p.def.lpar_id);
    sys.indexName(p.def.name, null);
    for (const sp of sys.sysprofs.values()) {
      const idx = sp.lpar_names.indexOf(p.def.name);
      if (idx >= 0) { sp.lpar_names.splice(idx, 1); sp.profile_names.splice(idx, 1); tx.touchSysprof(sp.name); }
    }
    tx.removePartition(p.def.lpar_id);
  });
}

export function createProfile(sys: ManagedSystem, lpar: { name?: string; id?: number }, given: Partial<Profile> & { name: string }): void {
  requireConfigurable(sys);
  const p = findPartition(sys, lpar);
  if (p.def.profiles.some((x) => x.name === given.name)) fail('DUPLICATE_PROFILE', { name: given.name, lpar: p.def.name });
  const prof = buildProfile(sys, p.def.lpar_env, given);
  checkVirtualIo(sys, p.def.lpar_id, prof);
  sys.change((tx) => { assignWwpns(sys, prof); tx.touchSystem(); p.def.profiles.push(prof); tx.touchPartition(p.def.lpar_id); });
}

export function changeProfile(sys: ManagedSystem, lpar: { name?: string; id?: number }, profName: string, changes: ProfileChange[]): void {
  requireConfigurable(sys);
  const p = findPartition(sys, lpar);
  const idx = p.def.profiles.findIndex((x) => x.name === profName);
  if (idx < 0) fail('PROFILE_NOT_FOUND', { name: profName, lpar: p.def.name });
  const draft = applyListChanges(structuredClone(p.def.profiles[idx]), changes);
  if (draft.name !== profName) {
    checkProfileName(draft.name);
    if (p.def.profiles.some((x) => x.name === draft.name)) fail('DUPLICATE_PROFILE', { name: draft.name, lpar: p.def.name });
  }
  if (draft.proc_mode === 'ded') {
    for (const c of changes) {
      if (['min_proc_units', 'desired_proc_units', 'max_proc_units', 'uncap_weight', 'shared_proc_pool_id'].includes(c.attr)) fail('PROC_MODE_MISMATCH', { attr: c.attr, mode: 'ded' });
    }
  }
  // Capped profiles show uncap_weight=0 (platform.md §6.1).
  if (draft.sharing_mode === 'cap') draft.uncap_weight = 0;
  if (draft.proc_mode === 'ded' && changes.some((c) => c.attr === 'proc_mode')) {
    draft.min_proc_units = draft.desired_proc_units = draft.max_proc_units = null;
  }
  validateProfile(sys, p.def.lpar_env, draft);
  checkVirtualIo(sys, p.def.lpar_id, draft, profName);
  sys.change((tx) => {
    assignWwpns(sys, draft);
    tx.touchSystem();
    p.def.profiles[idx] = draft;
    if (draft.name !== profName) {
      if (p.def.default_profile === profName) p.def.default_profile = draft.name;
      if (p.def.curr_profile === profName) p.def.curr_profile = draft.name;
      if (p.run.alloc?.profile === profName) p.run.alloc.profile = draft.name;
      for (const sp of sys.sysprofs.values()) {
        sp.lpar_names.forEach((n, i) => {
          if (n === p.def.name && sp.profile_names[i] === profName) { sp.profile_names[i] = draft.name; tx.touchSysprof(sp.name); }
        });
      }
    }
    tx.touchPartition(p.def.lpar_id);
  });
}

export function removeProfile(sys: ManagedSystem, lpar: { name?: string; id?: number }, profName: string): void {
  requireConfigurable(sys);
  const p = findPartition(sys, lpar);
  const idx = p.def.profiles.findIndex((x) => x.name === profName);
  if (idx < 0) fail('PROFILE_NOT_FOUND', { name: profName, lpar: p.def.name });
  if (p.def.default_profile === profName) fail('DEFAULT_PROFILE_REMOVE', { name: profName, lpar: p.def.name });
  if (p.run.alloc && p.run.alloc.profile === profName) fail('PARTITION_ACTIVE', { name: p.def.name, state: p.run.state });
  sys.change((tx) => {
    p.def.profiles.splice(idx, 1);
    if (p.def.curr_profile === profName) p.def.curr_profile = '';
    tx.touchPartition(p.def.lpar_id);
  });
}

/** `chsyscfg -r lpar -o apply`: make a profile the current configuration of a Not Activated partition. */
export function applyProfile(sys: ManagedSystem, lpar: { name?: string; id?: number }, profName: string): void {
  requireConfigurable(sys);
  const p = findPartition(sys, lpar);
  if (!p.def.profiles.some((x) => x.name === profName)) fail('PROFILE_NOT_FOUND', { name: profName, lpar: p.def.name });
  if (p.run.state !== PartitionState.NotActivated) fail('WRONG_PARTITION_STATE');
  sys.change((tx) => { p.def.curr_profile = profName; tx.touchPartition(p.def.lpar_id); });
}

/** `mksyscfg -r prof -o save`: write the running configuration into a profile (platform.md §6.2). */
export function saveCurrentConfig(sys: ManagedSystem, lpar: { name?: string; id?: number }, profName: string, force: boolean): void {
  requireConfigurable(sys);
  const p = findPartition(sys, lpar);
  const a = p.run.alloc;
  if (!a || p.run.state === PartitionState.NotActivated) fail('WRONG_PARTITION_STATE');
  const idx = p.def.profiles.findIndex((x) => x.name === profName);
  if (idx >= 0 && !force) fail('DUPLICATE_PROFILE', { name: profName, lpar: p.def.name });
  const base = p.def.profiles.find((x) => x.name === a!.profile) ?? p.def.profiles[0];
  const prof: Profile = {
    ...structuredClone(base), name: profName,
    desired_procs: a!.procs, desired_mem: a!.mem, sharing_mode: a!.sharing_mode, uncap_weight: a!.uncap_weight,
    desired_proc_units: a!.proc_mode === 'shared' ? a!.proc_units : null,
    shared_proc_pool_id: a!.shared_proc_pool_id, mem_expansion: a!.mem_expansion, mem_weight: a!.mem_weight ?? base.mem_weight,
    io_slots: a!.io_slots.map((d) => ({ drc_index: d, slot_io_pool_id: 'none', is_required: a!.required_slots.includes(d) ? 1 as const : 0 as const })),
  };
  if (profName !== base.name) checkProfileName(profName);
  sys.change((tx) => {
    if (idx >= 0) p.def.profiles[idx] = prof; else p.def.profiles.push(prof);
    tx.touchPartition(p.def.lpar_id);
  });
}
