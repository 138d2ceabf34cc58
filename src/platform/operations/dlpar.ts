// Dynamic LPAR (platform.md §9): add, remove, move and set processors, memory and I/O slots on a running
// partition, inside the active profile's [min, max], with the PU/VP ratio kept and only with RMC active
// (IBM i needs no RMC). Results are not written to the profile unless sync_curr_profile=1 (rule 9).
import { fail } from '../../errors/hmc-error.ts';
import type { ManagedSystem, Partition } from '../managed-system.ts';
import { slotOwner } from '../hypervisor/grant.ts';
import { poolRoomCenti } from '../hypervisor/pool-capacity.ts';
import { availMemWith } from '../hypervisor/resources.ts';
import { formatProcUnits, fromCenti, toCenti } from '../hypervisor/units.ts';
import type { RunningAllocation } from '../types/partition.ts';
import { DEDICATED_SHARING_MODES, SHARED_SHARING_MODES, type SharingMode } from '../types/profile.ts';
import { PartitionState } from '../types/states.ts';
import { findPartition, requireRunning } from './gates.ts';
import type { Tx } from '../tx.ts';

type Ref = { name?: string; id?: number };
export type DlparOp = 'a' | 'r' | 'm';

function dlparTarget(sys: ManagedSystem, ref: Ref): Partition {
  const p = findPartition(sys, ref);
  if (p.run.state !== PartitionState.Running || !p.run.alloc) fail('WRONG_PARTITION_STATE');
  if (p.def.lpar_env !== 'os400' && p.run.rmc_state !== 'active') fail('NO_RMC_DLPAR', { name: p.def.name });
  return p;
}

const range = (p: Partition, what: string, value: number | string, min: number | string, max: number | string): never =>
  fail('DLPAR_OUT_OF_RANGE', { what, value, name: p.def.name, min, max });

/** New processor values after adding (sign +1) or removing (-1) procs/units; validated, not applied. */
function procDelta(sys: ManagedSystem, p: Partition, sign: 1 | -1, procs: number, units: number): { procs: number; units: number } {
  const a = p.run.alloc!;
  if (a.proc_mode === 'ded') {
    if (units) fail('PROC_MODE_MISMATCH', { attr: '--procunits', mode: 'ded' });
    const n = a.procs + sign * procs;
    if (n < a.min_procs || n > a.max_procs) range(p, 'number of processors', n, a.min_procs, a.max_procs);
    return { procs: n, units: n };
  }
  const n = a.procs + sign * procs;
  const c = toCenti(a.proc_units) + sign * toCenti(units);
  if (n < a.min_procs || n > a.max_procs) range(p, 'number of virtual processors', n, a.min_procs, a.max_procs);
  if (c < toCenti(a.min_proc_units) || c > toCenti(a.max_proc_units)) {
    range(p, 'processing units', formatProcUnits(fromCenti(c)), formatProcUnits(a.min_proc_units), formatProcUnits(a.max_proc_units));
  }
  if (c < toCenti(n * sys.model.minProcUnitsPerVirtualProc)) fail('PU_VP_RATIO', { id: p.def.lpar_id });
  if (c > n * 100) fail('PROC_UNITS_VS_PROCS', { level: 'current', units: formatProcUnits(fromCenti(c)), procs: n, minPerVp: formatProcUnits(sys.model.minProcUnitsPerVirtualProc) });
  return { procs: n, units: fromCenti(c) };
}

function checkProcFree(sys: ManagedSystem, a: RunningAllocation, extraCenti: number, released = 0): void {
  if (extraCenti <= 0) return;
  const avail = toCenti(sys.resources().curr_avail_sys_proc_units) + released;
  if (extraCenti > avail) {
    fail('INSUFFICIENT_RESOURCES', { resource: 'processing units', system: sys.name, requested: formatProcUnits(fromCenti(extraCenti)), available: formatProcUnits(fromCenti(avail)) });
  }
  if (a.proc_mode === 'shared' && extraCenti > poolRoomCenti(sys, a.shared_proc_pool_id)) {
    fail('POOL_RULE', { why: `The shared processor pool ${sys.pools[a.shared_proc_pool_id].name} does not have ${formatProcUnits(fromCenti(extraCenti))} processing units of free capacity.` });
  }
}

const heldCenti = (a: RunningAllocation): number => (a.proc_mode === 'ded' ? a.procs * 100 : toCenti(a.proc_units));

export function dlparProcessors(sys: ManagedSystem, ref: Ref, op: DlparOp, q: { procs?: number; procUnits?: number }, target?: Ref): void {
  requireRunning(sys, false);
  const procs = q.procs ?? 0, units = q.procUnits ?? 0;
  if (procs < 0 || units < 0 || (procs === 0 && units === 0)) fail('USAGE', { why: 'Specify a positive --procs or --procunits quantity.' });
  const p = dlparTarget(sys, ref);
  const a = p.run.alloc!;
  if (op === 'a') {
    const next = procDelta(sys, p, 1, procs, units);
    checkProcFree(sys, a, (a.proc_mode === 'ded' ? next.procs * 100 : toCenti(next.units)) - heldCenti(a));
    return commitProc(sys, [[p, next]]);
  }
  const next = procDelta(sys, p, -1, procs, units);
  if (op === 'r') return commitProc(sys, [[p, next]]);
  const t = dlparTarget(sys, target ?? fail('USAGE', { why: 'A move needs a target partition (-t or --tid).' }));
  if (t === p) fail('USAGE', { why: 'The source and target partitions must differ.' });
  const tn = procDelta(sys, t, 1, procs, units);
  const released = heldCenti(a) - (a.proc_mode === 'ded' ? next.procs * 100 : toCenti(next.units));
  checkProcFree(sys, t.run.alloc!, (t.run.alloc!.proc_mode === 'ded' ? tn.procs * 100 : toCenti(tn.units)) - heldCenti(t.run.alloc!), released);
  commitProc(sys, [[p, next], [t, tn]]);
}

function commitProc(sys: ManagedSystem, changes: [Partition, { procs: number; units: number }][]): void {
  sys.change((tx) => {
    for (const [p, v] of changes) {
      p.run.alloc!.procs = v.procs;
      p.run.alloc!.proc_units = v.units;
      syncProfile(p, tx, (prof) => {
        prof.desired_procs = v.procs;
        if (prof.proc_mode === 'shared') prof.desired_proc_units = v.units;
      });
    }
  });
}

export function dlparProcAttributes(sys: ManagedSystem, ref: Ref, attrs: { sharing_mode?: SharingMode; uncap_weight?: number }): void {
  requireRunning(sys, false);
  const p = dlparTarget(sys, ref);
  const a = p.run.alloc!;
  const modes: readonly string[] = a.proc_mode === 'ded' ? DEDICATED_SHARING_MODES : SHARED_SHARING_MODES;
  if (attrs.sharing_mode !== undefined && !modes.includes(attrs.sharing_mode)) fail('PROC_MODE_MISMATCH', { attr: `sharing_mode=${attrs.sharing_mode}`, mode: a.proc_mode });
  if (attrs.uncap_weight !== undefined) {
    if (a.proc_mode === 'ded') fail('PROC_MODE_MISMATCH', { attr: 'uncap_weight', mode: 'ded' });
    if (!(Number.isInteger(attrs.uncap_weight) && attrs.uncap_weight >= 0 && attrs.uncap_weight <= 255)) fail('INVALID_VALUE', { attr: 'uncap_weight', value: attrs.uncap_weight, hint: 'Specify a weight from 0 to 255.' });
  }
  sys.change((tx) => {
    if (attrs.sharing_mode !== undefined) a.sharing_mode = attrs.sharing_mode;
    if (attrs.uncap_weight !== undefined) a.uncap_weight = attrs.uncap_weight;
    if (a.sharing_mode === 'cap') a.uncap_weight = 0;
    else if (attrs.sharing_mode === 'uncap' && attrs.uncap_weight === undefined && a.uncap_weight === 0) a.uncap_weight = sys.config.profileDefaults.uncap_weight;
    syncProfile(p, tx, (prof) => { prof.sharing_mode = a.sharing_mode; prof.uncap_weight = a.uncap_weight; });
  });
}

export function dlparMemory(sys: ManagedSystem, ref: Ref, op: DlparOp, quantityMB: number, target?: Ref): void {
  requireRunning(sys, false);
  const lmb = sys.hw.lmbMB;
  if (!(Number.isInteger(quantityMB) && quantityMB > 0)) fail('USAGE', { why: 'Specify a positive memory quantity in megabytes with -q.' });
  if (quantityMB % lmb !== 0) fail('MEM_NOT_LMB_MULTIPLE', { attr: '-q', value: quantityMB, lmb });
  const p = dlparTarget(sys, ref);
  const a = p.run.alloc!;
  if (a.mem_mode !== 'ded') fail('DLPAR_NOT_ALLOWED', { why: `Partition ${p.def.name} uses shared memory; change its logical memory in the profile.` });
  const grow = (q: Partition, by: number): number => {
    const qa = q.run.alloc!;
    const n = qa.mem + by;
    if (n < qa.min_mem || n > qa.max_mem) range(q, 'memory (MB)', n, qa.min_mem, qa.max_mem);
    return n;
  };
  if (op === 'a') {
    const n = grow(p, quantityMB);
    const avail = availMemWith(sys, 0, 0);
    if (quantityMB > avail) fail('INSUFFICIENT_RESOURCES', { resource: 'memory', system: sys.name, requested: `${quantityMB} MB`, available: `${avail} MB` });
    return commitMem(sys, [[p, n]]);
  }
  const n = grow(p, -quantityMB);
  if (op === 'r') return commitMem(sys, [[p, n]]);
  const t = dlparTarget(sys, target ?? fail('USAGE', { why: 'A move needs a target partition (-t or --tid).' }));
  if (t === p) fail('USAGE', { why: 'The source and target partitions must differ.' });
  if (t.run.alloc!.mem_mode !== 'ded') fail('DLPAR_NOT_ALLOWED', { why: `Partition ${t.def.name} uses shared memory.` });
  commitMem(sys, [[p, n], [t, grow(t, quantityMB)]]);
}

function commitMem(sys: ManagedSystem, changes: [Partition, number][]): void {
  sys.change((tx) => {
    for (const [p, mem] of changes) {
      p.run.alloc!.mem = mem;
      syncProfile(p, tx, (prof) => { prof.desired_mem = mem; });
    }
  });
}

export function dlparMemAttributes(sys: ManagedSystem, ref: Ref, attrs: { mem_expansion?: number; mem_weight?: number }): void {
  requireRunning(sys, false);
  const p = dlparTarget(sys, ref);
  const a = p.run.alloc!;
  if (attrs.mem_expansion !== undefined) {
    // Enabling or disabling AME needs reactivation; a non-zero factor can change (platform.md §5.5).
    if ((a.mem_expansion === 0) !== (attrs.mem_expansion === 0)) fail('NEEDS_POWER_OFF', { what: 'memory expansion factor between 0 and a non-zero value' });
    if (attrs.mem_expansion !== 0 && !(attrs.mem_expansion >= 1 && attrs.mem_expansion <= 10)) fail('INVALID_VALUE', { attr: 'mem_expansion', value: attrs.mem_expansion, hint: 'Specify a factor from 1.00 to 10.00.' });
  }
  if (attrs.mem_weight !== undefined) {
    if (a.mem_mode !== 'shared') fail('MEMORY_MODE_RULE', { why: 'The memory weight applies to shared memory partitions only.' });
    if (!(Number.isInteger(attrs.mem_weight) && attrs.mem_weight >= 0 && attrs.mem_weight <= 255)) fail('INVALID_VALUE', { attr: 'mem_weight', value: attrs.mem_weight, hint: 'Specify a weight from 0 to 255.' });
  }
  sys.change((tx) => {
    if (attrs.mem_expansion !== undefined) a.mem_expansion = attrs.mem_expansion;
    // The weight steers the hypervisor's paging at once (Active Memory Sharing, platform.md §5.4).
    if (attrs.mem_weight !== undefined) a.mem_weight = attrs.mem_weight;
    syncProfile(p, tx, (prof) => {
      prof.mem_expansion = a.mem_expansion;
      if (a.mem_weight !== undefined) prof.mem_weight = a.mem_weight;
    });
  });
}

export function dlparSlot(sys: ManagedSystem, ref: Ref, op: DlparOp, drc: string, target?: Ref): void {
  requireRunning(sys, false);
  const slot = sys.hw.slots.find((s) => s.drc_index.toLowerCase() === drc.toLowerCase());
  if (!slot) fail('SLOT_NOT_FOUND', { drc });
  const d = slot!.drc_index;
  const p = dlparTarget(sys, ref);
  const a = p.run.alloc!;
  if (op === 'a') {
    const owner = slotOwner(sys, d);
    if (owner) fail('SLOT_OWNED', { drc: d, why: `assigned to partition ${owner.def.name}` });
    if (a.mem_mode === 'shared') fail('MEMORY_MODE_RULE', { why: 'A shared memory partition cannot have physical I/O slots.' });
    return commitSlots(sys, [[p, 'add', d]]);
  }
  if (!a.io_slots.includes(d)) fail('SLOT_OWNED', { drc: d, why: `not assigned to partition ${p.def.name}` });
  if (a.required_slots.includes(d)) fail('DLPAR_NOT_ALLOWED', { why: `The I/O slot ${d} is required by partition ${p.def.name} and cannot be removed dynamically.` });
  if (op === 'r') return commitSlots(sys, [[p, 'remove', d]]);
  const t = dlparTarget(sys, target ?? fail('USAGE', { why: 'A move needs a target partition (-t or --tid).' }));
  if (t === p) fail('USAGE', { why: 'The source and target partitions must differ.' });
  if (t.run.alloc!.mem_mode === 'shared') fail('MEMORY_MODE_RULE', { why: 'A shared memory partition cannot have physical I/O slots.' });
  commitSlots(sys, [[p, 'remove', d], [t, 'add', d]]);
}

function commitSlots(sys: ManagedSystem, changes: [Partition, 'add' | 'remove', string][]): void {
  sys.change((tx) => {
    for (const [p, what, d] of changes) {
      const a = p.run.alloc!;
      if (what === 'add') a.io_slots.push(d); else a.io_slots.splice(a.io_slots.indexOf(d), 1);
      syncProfile(p, tx, (prof) => {
        if (what === 'add' && !prof.io_slots.some((s) => s.drc_index === d)) prof.io_slots.push({ drc_index: d, slot_io_pool_id: 'none', is_required: 0 });
        if (what === 'remove') prof.io_slots = prof.io_slots.filter((s) => s.drc_index !== d);
      });
    }
  });
}

/** Marks the partition changed and, with sync_curr_profile=1, writes the change into the active profile. */
function syncProfile(p: Partition, tx: Tx, write: (prof: import('../types/profile.ts').Profile) => void): void {
  tx.touchPartition(p.def.lpar_id);
  if (p.def.sync_curr_profile !== 1 || !p.run.alloc) return;
  const prof = p.def.profiles.find((x) => x.name === p.run.alloc!.profile);
  if (prof) write(prof);
}
