// Multiple shared processor pools (platform.md §6.3): pools 1–63 exist from the start and are configured by
// giving them a whole-number maximum; the default pool (0) cannot change. A pool's entitled capacity
// (reserved + active partitions' entitlements) stays within its maximum.
import { fail } from '../../errors/hmc-error.ts';
import { defaultPool, type ManagedSystem } from '../managed-system.ts';
import { poolEntitledCenti, poolRoomCenti } from '../hypervisor/pool-capacity.ts';
import { formatProcUnits, fromCenti, toCenti } from '../hypervisor/units.ts';
import type { ProcPoolSnapshot } from '../types/system.ts';
import { findPartition, requireConfigurable, requireRunning } from './gates.ts';

export type PoolRef = { name?: string; id?: number };
export interface PoolAttrs { new_name?: string; max_pool_proc_units?: number; reserved_pool_proc_units?: number }

export function findPool(sys: ManagedSystem, ref: PoolRef): ProcPoolSnapshot {
  const pool = ref.id !== undefined ? sys.pools[ref.id] : sys.pools.find((p) => p.name === ref.name);
  if (!pool) fail('POOL_NOT_FOUND', { name: ref.name ?? String(ref.id) });
  return pool!;
}

function poolHasPartitions(sys: ManagedSystem, id: number): string | undefined {
  for (const p of sys.partitions.values()) {
    if (p.run.alloc?.proc_mode === 'shared' && p.run.alloc.shared_proc_pool_id === id) return p.def.name;
    if (p.def.profiles.some((x) => x.proc_mode === 'shared' && x.shared_proc_pool_id === id)) return p.def.name;
  }
  return undefined;
}

export function setPool(sys: ManagedSystem, ref: PoolRef, attrs: PoolAttrs): void {
  requireConfigurable(sys);
  const pool = findPool(sys, ref);
  const id = pool.shared_proc_pool_id;
  if (id === 0) fail('POOL_RULE', { why: 'The name, maximum and reserved capacity of the default pool DefaultPool cannot be changed.' });
  if (sys.model.maxSharedProcPools <= 1) fail('POOL_RULE', { why: `The managed system ${sys.name} supports only the default processor pool.` });
  const next = { ...pool };
  if (attrs.new_name !== undefined) {
    if (!/^[A-Za-z0-9_.-]{1,32}$/.test(attrs.new_name)) fail('INVALID_VALUE', { attr: 'new_name', value: attrs.new_name, hint: 'A pool name is 1 to 32 letters, digits, periods, hyphens or underscores.' });
    if (sys.pools.some((p) => p.name === attrs.new_name && p !== pool)) fail('POOL_RULE', { why: `A shared processor pool named ${attrs.new_name} already exists.` });
    next.name = attrs.new_name;
  }
  if (attrs.max_pool_proc_units !== undefined) {
    const m = attrs.max_pool_proc_units;
    if (!Number.isInteger(m) || m < 0 || m > sys.hw.configurableCores) {
      fail('INVALID_VALUE', { attr: 'max_pool_proc_units', value: m, hint: `The maximum is a whole number of processors from 0 to ${sys.hw.configurableCores}.` });
    }
    if (m === 0) {
      const user = poolHasPartitions(sys, id);
      if (user) fail('POOL_RULE', { why: `The pool ${pool.name} is used by partition ${user} and cannot be unconfigured.` });
    }
    next.max_pool_proc_units = m;
  }
  if (attrs.reserved_pool_proc_units !== undefined) {
    const r = attrs.reserved_pool_proc_units;
    if (!(r >= 0) || Math.abs(r * 100 - toCenti(r)) > 1e-6) fail('INVALID_VALUE', { attr: 'reserved_pool_proc_units', value: r, hint: 'Specify processing units with at most two decimals.' });
    next.curr_reserved_pool_proc_units = next.pend_reserved_pool_proc_units = r;
  }
  if (next.max_pool_proc_units === 0 && next.curr_reserved_pool_proc_units > 0) {
    fail('POOL_RULE', { why: 'An unconfigured pool cannot reserve capacity.' });
  }
  const entitled = poolEntitledCenti(sys, id) - toCenti(pool.curr_reserved_pool_proc_units) + toCenti(next.curr_reserved_pool_proc_units);
  if (next.max_pool_proc_units > 0 && entitled > next.max_pool_proc_units * 100) {
    fail('POOL_RULE', { why: `The entitled capacity of pool ${next.name} (${formatProcUnits(fromCenti(entitled))}) would exceed its maximum of ${next.max_pool_proc_units} processing units.` });
  }
  const extraReserved = toCenti(next.curr_reserved_pool_proc_units) - toCenti(pool.curr_reserved_pool_proc_units);
  const avail = toCenti(sys.resources().curr_avail_sys_proc_units);
  if (extraReserved > avail) fail('INSUFFICIENT_RESOURCES', { resource: 'processing units', system: sys.name, requested: formatProcUnits(fromCenti(extraReserved)), available: formatProcUnits(fromCenti(avail)) });
  sys.change((tx) => {
    // Unconfiguring a pool returns it to its factory name, as if it had never been configured.
    const stored = next.max_pool_proc_units === 0 && attrs.new_name === undefined ? { ...defaultPool(id) } : next;
    sys.pools[id] = stored;
    tx.touchPool(id);
  });
}

/** Move a running shared partition to another pool (`chhwres -r procpool -o s -p LPAR -a shared_proc_pool_name=P`). */
export function movePartitionToPool(sys: ManagedSystem, lpar: { name?: string; id?: number }, ref: PoolRef): void {
  requireRunning(sys, false);
  const p = findPartition(sys, lpar);
  const pool = findPool(sys, ref);
  const a = p.run.alloc;
  if (!a) fail('WRONG_PARTITION_STATE');
  if (a!.proc_mode !== 'shared') fail('PROC_MODE_MISMATCH', { attr: 'shared_proc_pool_name', mode: 'ded' });
  if (pool.shared_proc_pool_id > 0 && pool.max_pool_proc_units === 0) fail('POOL_NOT_FOUND', { name: pool.name });
  if (pool.shared_proc_pool_id !== a!.shared_proc_pool_id && toCenti(a!.proc_units) > poolRoomCenti(sys, pool.shared_proc_pool_id)) {
    fail('POOL_RULE', { why: `The shared processor pool ${pool.name} does not have ${formatProcUnits(a!.proc_units)} processing units of free capacity.` });
  }
  sys.change((tx) => {
    a!.shared_proc_pool_id = pool.shared_proc_pool_id;
    tx.touchPartition(p.def.lpar_id);
    if (p.def.sync_curr_profile === 1) {
      const prof = p.def.profiles.find((x) => x.name === a!.profile);
      if (prof) prof.shared_proc_pool_id = pool.shared_proc_pool_id;
    }
  });
}
