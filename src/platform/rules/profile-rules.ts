// The profile validity rules of reference/platform.md §13 (rule checklist) in one place. Every face and
// every operation that stores a profile calls validateProfile(); nothing else re-states these rules.
import { fail } from '../../errors/hmc-error.ts';
import type { ManagedSystem } from '../managed-system.ts';
import { DEDICATED_SHARING_MODES, SHARED_SHARING_MODES, type LparEnv, type Profile } from '../types/profile.ts';
import { toCenti, formatProcUnits } from '../hypervisor/units.ts';
import { checkVirtualAdapters } from './virtual-adapters.ts';
import { validIoEntitled } from '../hypervisor/memory/pool-memory.ts';

const inOrder = (what: string, min: number, desired: number, max: number): void => {
  if (!(min <= desired && desired <= max)) fail('MIN_DESIRED_MAX', { what, min, desired, max });
};

export function validateProfile(sys: ManagedSystem, env: LparEnv, p: Profile): void {
  if (p.all_resources === 1) return validateAllResources(sys, env, p);
  checkMemory(sys, env, p);
  checkProcessors(sys, p);
  checkMemoryModes(sys, env, p);
  checkSlots(sys, env, p);
  if (!(p.max_virtual_slots >= 2 && p.max_virtual_slots <= 65535)) {
    fail('INVALID_VALUE', { attr: 'max_virtual_slots', value: p.max_virtual_slots, hint: 'Specify a number from 2 to 65535.' });
  }
  checkVirtualAdapters(p, env);
  if (!sys.model.compatModes.includes(p.lpar_proc_compat_mode)) {
    fail('INVALID_VALUE', { attr: 'lpar_proc_compat_mode', value: p.lpar_proc_compat_mode, hint: `This managed system supports ${sys.model.compatModes.join(', ')}.` });
  }
}

function checkMemory(sys: ManagedSystem, env: LparEnv, p: Profile): void {
  const lmb = sys.hw.lmbMB;
  for (const attr of ['min_mem', 'desired_mem', 'max_mem'] as const) {
    if (p[attr] % lmb !== 0) fail('MEM_NOT_LMB_MULTIPLE', { attr, value: p[attr], lmb });
  }
  const floor = Math.max(sys.config.hypervisor.minMemFloorMB, lmb);
  if (p.min_mem < floor) fail('MEM_TOO_SMALL', { attr: 'min_mem', value: p.min_mem, floor });
  inOrder('memory', p.min_mem, p.desired_mem, p.max_mem);
  // HPT growth limit (platform.md §5.1): < 256 MB initial can grow 16×, otherwise 64×.
  const growth = p.desired_mem < 256 ? 16 : 64;
  if (p.max_mem > growth * p.desired_mem) {
    fail('INVALID_VALUE', { attr: 'max_mem', value: p.max_mem, hint: `The maximum memory can be at most ${growth} times the desired memory (${growth * p.desired_mem} MB).` });
  }
  if (p.max_mem > sys.hw.configurableMemMB) {
    fail('INVALID_VALUE', { attr: 'max_mem', value: p.max_mem, hint: `The managed system has ${sys.hw.configurableMemMB} MB of configurable memory.` });
  }
  inOrder('huge page', p.min_num_huge_pages, p.desired_num_huge_pages, p.max_num_huge_pages);
  if (p.mem_expansion !== 0) {
    if (!(p.mem_expansion >= 1 && p.mem_expansion <= 10) || Math.round(p.mem_expansion * 100) !== p.mem_expansion * 100) {
      fail('INVALID_VALUE', { attr: 'mem_expansion', value: p.mem_expansion, hint: 'Specify 0 to disable Active Memory Expansion or a factor from 1.00 to 10.00.' });
    }
    if (env !== 'aixlinux') fail('MEMORY_MODE_RULE', { why: 'Active Memory Expansion is available to AIX partitions only.' });
    if (!sys.model.capabilities.ame) fail('MEMORY_MODE_RULE', { why: `The managed system ${sys.name} does not support Active Memory Expansion.` });
  }
  const hpt = /^1:(32|64|128|256|512)$/.test(p.hpt_ratio);
  if (!hpt) fail('INVALID_VALUE', { attr: 'hpt_ratio', value: p.hpt_ratio, hint: 'Valid ratios are 1:32, 1:64, 1:128, 1:256 and 1:512.' });
}

function checkProcessors(sys: ManagedSystem, p: Profile): void {
  for (const attr of ['min_procs', 'desired_procs', 'max_procs'] as const) {
    if (!Number.isInteger(p[attr]) || p[attr] < 1) fail('INVALID_VALUE', { attr, value: p[attr], hint: 'Specify a whole number of at least 1.' });
  }
  inOrder('processor', p.min_procs, p.desired_procs, p.max_procs);
  if (!(p.uncap_weight >= 0 && p.uncap_weight <= 255 && Number.isInteger(p.uncap_weight))) {
    fail('INVALID_VALUE', { attr: 'uncap_weight', value: p.uncap_weight, hint: 'Specify a weight from 0 to 255.' });
  }
  if (p.proc_mode === 'ded') {
    for (const attr of ['min_proc_units', 'desired_proc_units', 'max_proc_units'] as const) {
      if (p[attr] !== null) fail('PROC_MODE_MISMATCH', { attr, mode: 'ded' });
    }
    if (!(DEDICATED_SHARING_MODES as readonly string[]).includes(p.sharing_mode)) fail('PROC_MODE_MISMATCH', { attr: `sharing_mode=${p.sharing_mode}`, mode: 'ded' });
    if (p.max_procs > sys.hw.configurableCores) {
      fail('INVALID_VALUE', { attr: 'max_procs', value: p.max_procs, hint: `The managed system has ${sys.hw.configurableCores} configurable processors.` });
    }
    return;
  }
  if (p.min_proc_units === null || p.desired_proc_units === null || p.max_proc_units === null) {
    fail('MISSING_ATTRIBUTE', { attr: p.min_proc_units === null ? 'min_proc_units' : p.desired_proc_units === null ? 'desired_proc_units' : 'max_proc_units' });
  }
  if (!(SHARED_SHARING_MODES as readonly string[]).includes(p.sharing_mode)) fail('PROC_MODE_MISMATCH', { attr: `sharing_mode=${p.sharing_mode}`, mode: 'shared' });
  inOrder('processing unit', p.min_proc_units!, p.desired_proc_units!, p.max_proc_units!);
  const minPerVp = sys.model.minProcUnitsPerVirtualProc;
  const pairs: [string, number, number][] = [
    ['minimum', p.min_proc_units!, p.min_procs], ['desired', p.desired_proc_units!, p.desired_procs], ['maximum', p.max_proc_units!, p.max_procs],
  ];
  for (const [level, units, procs] of pairs) {
    const c = toCenti(units);
    if (Math.abs(units * 100 - c) > 1e-6) fail('INVALID_VALUE', { attr: `${level} processing units`, value: units, hint: 'Processing units have a granularity of 0.01.' });
    if (c < toCenti(procs * minPerVp) || c > procs * 100) {
      fail('PROC_UNITS_VS_PROCS', { level, units: formatProcUnits(units), procs, minPerVp: formatProcUnits(minPerVp) });
    }
  }
  if (p.max_proc_units! > sys.hw.configurableCores) {
    fail('INVALID_VALUE', { attr: 'max_proc_units', value: p.max_proc_units!, hint: `The managed system has ${sys.hw.configurableCores} configurable processing units.` });
  }
  if (p.max_procs > sys.model.maxVirtualProcsPerLpar) {
    fail('INVALID_VALUE', { attr: 'max_procs', value: p.max_procs, hint: `A partition can have at most ${sys.model.maxVirtualProcsPerLpar} virtual processors.` });
  }
  const pool = sys.pools[p.shared_proc_pool_id];
  if (!pool || (pool.shared_proc_pool_id > 0 && pool.max_pool_proc_units === 0)) {
    fail('POOL_NOT_FOUND', { name: pool?.name ?? String(p.shared_proc_pool_id) });
  }
}

function checkMemoryModes(sys: ManagedSystem, env: LparEnv, p: Profile): void {
  if (!validIoEntitled(p.desired_io_entitled_mem)) fail('INVALID_VALUE', { attr: 'desired_io_entitled_mem', value: p.desired_io_entitled_mem, hint: 'Specify auto or an amount of memory in megabytes.' });
  if (p.mem_mode !== 'shared') return;
  // Active Memory Sharing (platform.md §5.4): shared processors, virtual I/O only, no huge pages, no VIOS.
  if (!sys.model.capabilities.ams) fail('MEMORY_MODE_RULE', { why: `The managed system ${sys.name} does not support Active Memory Sharing.` });
  if (env === 'vioserver') fail('MEMORY_MODE_RULE', { why: 'A Virtual I/O Server partition cannot use shared memory.' });
  if (p.proc_mode !== 'shared') fail('MEMORY_MODE_RULE', { why: 'A shared memory partition must use shared processors.' });
  if (p.io_slots.length > 0) fail('MEMORY_MODE_RULE', { why: 'A shared memory partition cannot have physical I/O slots.' });
  if (p.sriov_eth_logical_ports.length > 0 || p.hca_adapters.length > 0) fail('MEMORY_MODE_RULE', { why: 'A shared memory partition can use only virtual I/O.' });
  if (p.max_num_huge_pages > 0) fail('MEMORY_MODE_RULE', { why: 'A shared memory partition cannot use huge pages.' });
  if (!(p.mem_weight >= 0 && p.mem_weight <= 255)) fail('INVALID_VALUE', { attr: 'mem_weight', value: p.mem_weight, hint: 'Specify a weight from 0 to 255.' });
  // "Not combinable with AMS on some levels" (§5.5, UNCERTAIN): SimConfig.ams.ameWithAms.
  if (p.mem_expansion !== 0 && !sys.config.ams.ameWithAms) fail('MEMORY_MODE_RULE', { why: 'A shared memory partition cannot use Active Memory Expansion on this managed system.' });
}

function checkSlots(sys: ManagedSystem, env: LparEnv, p: Profile): void {
  const seen = new Set<string>();
  for (const s of p.io_slots) {
    if (!sys.hw.slots.some((x) => x.drc_index === s.drc_index)) fail('SLOT_NOT_FOUND', { drc: s.drc_index });
    if (seen.has(s.drc_index)) fail('INVALID_VALUE', { attr: 'io_slots', value: s.drc_index, hint: 'Each slot can be listed once.' });
    seen.add(s.drc_index);
  }
  if (env === 'os400' && !sys.model.capabilities.ibmi) fail('ATTRIBUTE_NOT_ALLOWED', { attr: 'lpar_env=os400', where: `on managed system ${sys.name}, which does not run IBM i` });
}

function validateAllResources(sys: ManagedSystem, env: LparEnv, p: Profile): void {
  if (env === 'vioserver') fail('ATTRIBUTE_NOT_ALLOWED', { attr: 'all_resources', where: 'for a Virtual I/O Server partition' });
  void p;
  void sys;
}
