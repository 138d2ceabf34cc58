// What the hypervisor gives a partition at activation (platform.md §5.3, §6.2, §8; §13 rule 3): desired if
// free, else whatever is free if at least the minimum, else the activation fails. Virtual processors are
// trimmed to what the granted entitlement can carry. Required slots must be free; desired slots held by a
// running partition are skipped.
import { fail } from '../../errors/hmc-error.ts';
import type { ManagedSystem, Partition } from '../managed-system.ts';
import type { RunningAllocation } from '../types/partition.ts';
import type { BootMode, Profile } from '../types/profile.ts';
import { hptSizeMB } from './hypervisor-memory.ts';
import { availMemWith } from './resources.ts';
import { fromCenti, roundDownTo, toCenti } from './units.ts';
import { poolRoomCenti } from './pool-capacity.ts';
import { parseVirtualIo, virtualAdapterCount } from './virtual-adapters.ts';
import { generatedMac, macPrefix } from './addresses.ts';
import { grantSharedMemory } from './memory/ams-grant.ts';

export function slotOwner(sys: ManagedSystem, drc: string, except?: Partition): Partition | undefined {
  for (const q of sys.partitions.values()) {
    if (q !== except && q.run.alloc?.io_slots.includes(drc)) return q;
  }
  return undefined;
}

export function highestCompatMode(sys: ManagedSystem): string {
  const modes = sys.model.compatModes.filter((m) => m !== 'default' && !m.endsWith('_enhanced'));
  return modes[modes.length - 1] ?? 'default';
}

export function grantAllocation(sys: ManagedSystem, p: Partition, prof: Profile, bootMode: BootMode): RunningAllocation {
  const sysName = sys.name;
  if (prof.all_resources === 1) return grantAll(sys, p, prof, bootMode);
  // Memory: the page table is sized from the maximum and comes out of the same free memory.
  const hpt = hptSizeMB(prof.max_mem, prof.hpt_ratio);
  const virtual_io = parseVirtualIo(prof);
  // MACs left empty in the profile are generated from the system's prefix (vios.md §7).
  for (const a of virtual_io.eth) if (!a.mac_addr) a.mac_addr = generatedMac(macPrefix(sys.hw.serial), p.def.lpar_id, a.slot);
  const adapters = virtualAdapterCount(virtual_io);
  // A shared-memory partition gets its desired logical memory; the pool, not the system, backs it (§5.4).
  const ams = prof.mem_mode === 'shared' ? grantSharedMemory(sys, p, prof, hpt, virtual_io) : null;
  const availMem = ams ? prof.desired_mem : availMemWith(sys, hpt, adapters);
  let mem = prof.desired_mem;
  if (availMem < mem) {
    mem = roundDownTo(availMem, sys.hw.lmbMB);
    if (mem < prof.min_mem) fail('INSUFFICIENT_RESOURCES', { resource: 'memory', system: sysName, requested: `${prof.min_mem} MB`, available: `${Math.max(0, availMem)} MB` });
  }
  const availCenti = toCenti(sys.resources().curr_avail_sys_proc_units);
  let procs: number, units: number;
  if (prof.proc_mode === 'ded') {
    const freeCores = Math.floor(availCenti / 100);
    procs = Math.min(prof.desired_procs, freeCores);
    if (procs < prof.min_procs) fail('INSUFFICIENT_RESOURCES', { resource: 'processors', system: sysName, requested: prof.min_procs, available: freeCores });
    units = procs;
  } else {
    const room = Math.min(availCenti, poolRoomCenti(sys, prof.shared_proc_pool_id));
    let c = toCenti(prof.desired_proc_units!);
    if (room < c) {
      c = room;
      if (c < toCenti(prof.min_proc_units!)) fail('INSUFFICIENT_RESOURCES', { resource: 'processing units', system: sysName, requested: prof.min_proc_units!, available: fromCenti(Math.max(0, room)) });
    }
    units = fromCenti(c);
    procs = Math.min(prof.desired_procs, Math.floor(c / toCenti(sys.model.minProcUnitsPerVirtualProc)));
    procs = Math.max(procs, prof.min_procs);
  }
  const io: string[] = [];
  const required: string[] = [];
  for (const s of prof.io_slots) {
    const owner = slotOwner(sys, s.drc_index, p);
    if (owner) {
      if (s.is_required) fail('REQUIRED_SLOT_BUSY', { drc: s.drc_index, name: p.def.name, owner: owner.def.name });
      continue;
    }
    io.push(s.drc_index);
    if (s.is_required) required.push(s.drc_index);
  }
  return {
    profile: prof.name, boot_mode: bootMode, proc_mode: prof.proc_mode,
    min_proc_units: prof.proc_mode === 'ded' ? prof.min_procs : prof.min_proc_units!, proc_units: units,
    max_proc_units: prof.proc_mode === 'ded' ? prof.max_procs : prof.max_proc_units!,
    min_procs: prof.min_procs, procs, max_procs: prof.max_procs,
    sharing_mode: prof.sharing_mode, uncap_weight: prof.sharing_mode === 'uncap' ? prof.uncap_weight : 0,
    shared_proc_pool_id: prof.proc_mode === 'shared' ? prof.shared_proc_pool_id : 0,
    mem_mode: prof.mem_mode, min_mem: prof.min_mem, mem, max_mem: prof.max_mem,
    hpt_ratio: prof.hpt_ratio, hpt_mb: hpt, mem_expansion: prof.mem_expansion, num_huge_pages: prof.desired_num_huge_pages,
    io_slots: io, required_slots: required, max_virtual_slots: prof.max_virtual_slots,
    compat_mode: prof.lpar_proc_compat_mode === 'default' ? highestCompatMode(sys) : prof.lpar_proc_compat_mode,
    activated_at: sys.clock.now(),
    virtual_adapters: adapters,
    virtual_io,
    ...ams,
    ...(prof.hardware_mem_expansion !== undefined ? { hardware_mem_expansion: prof.hardware_mem_expansion } : {}),
  };
}

/** A full system partition owns everything; only possible when no other partition is active (§7.3). */
function grantAll(sys: ManagedSystem, p: Partition, prof: Profile, bootMode: BootMode): RunningAllocation {
  const others = sys.activePartitions().filter((q) => q !== p);
  if (others.length) fail('INSUFFICIENT_RESOURCES', { resource: 'resources for a full system partition', system: sys.name, requested: 'all', available: `${others.length} other active partition(s)` });
  const cores = Math.floor(toCenti(sys.resources().curr_avail_sys_proc_units) / 100);
  const maxMem = sys.hw.configurableMemMB;
  const hpt = hptSizeMB(maxMem, prof.hpt_ratio);
  const mem = roundDownTo(availMemWith(sys, hpt, 2), sys.hw.lmbMB);
  const slots = sys.hw.slots.filter((s) => s.adapter.kind !== 'empty').map((s) => s.drc_index);
  return {
    profile: prof.name, boot_mode: bootMode, proc_mode: 'ded',
    min_proc_units: cores, proc_units: cores, max_proc_units: cores, min_procs: cores, procs: cores, max_procs: cores,
    sharing_mode: 'keep_idle_procs', uncap_weight: 0, shared_proc_pool_id: 0,
    mem_mode: 'ded', min_mem: mem, mem, max_mem: maxMem, hpt_ratio: prof.hpt_ratio, hpt_mb: hpt, mem_expansion: 0, num_huge_pages: 0,
    io_slots: slots, required_slots: [], max_virtual_slots: prof.max_virtual_slots, compat_mode: highestCompatMode(sys),
    activated_at: sys.clock.now(), virtual_adapters: 2, virtual_io: { eth: [], scsi: [], fc: [] },
  };
}
