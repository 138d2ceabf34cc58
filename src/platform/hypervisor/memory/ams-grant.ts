// What the hypervisor gives a shared-memory partition at activation (platform.md §5.4): its desired logical
// memory (not taken from the system's memory: only the pool backs it, and it may overcommit the pool), its
// I/O entitled memory and page table out of the pool, and a paging space device on one of its paging VIOS.
// "The HMC picks a suitable free device at activation; with none, activation fails."
import { fail } from '../../../errors/hmc-error.ts';
import type { ManagedSystem, Partition } from '../../managed-system.ts';
import type { RunningAllocation } from '../../types/partition.ts';
import type { Profile } from '../../types/profile.ts';
import { PartitionState } from '../../types/states.ts';
import type { MemPoolConfig, PagingDeviceConfig } from '../../types/system.ts';
import type { VirtualIo } from '../../types/virtual-io.ts';
import { availMemWith } from '../resources.ts';
import { virtualAdapterCount } from '../virtual-adapters.ts';
import { ioEntitledMB, memPoolOf, pagingDeviceMinMB, pagingDeviceUser, poolUsage } from './pool-memory.ts';

export type SharedMemoryGrant = Required<Pick<RunningAllocation, 'mem_weight' | 'io_entitled_mem' | 'paging_device'>>;

/** The paging VIOS a partition may page to, in order of preference: its profile's, else the pool's. */
function candidateVios(sys: ManagedSystem, p: Partition, prof: Profile, pool: MemPoolConfig): number[] {
  const named = [prof.primary_paging_vios_id, prof.secondary_paging_vios_id].filter((x): x is number => x !== null);
  for (const id of named) {
    if (!pool.paging_vios_ids.includes(id)) {
      const name = sys.partitions.get(id)?.def.name ?? String(id);
      fail('MEMPOOL_RULE', { why: `Partition ${name}, named as paging Virtual I/O Server by partition ${p.def.name}, is not a paging Virtual I/O Server of the shared memory pool.` });
    }
  }
  return named.length ? named : pool.paging_vios_ids;
}

/** Smallest free device of at least `minMB` on the first running candidate VIOS that has one (deterministic). */
function pickDevice(sys: ManagedSystem, pool: MemPoolConfig, vios: number[], minMB: number): PagingDeviceConfig | undefined {
  for (const id of vios) {
    const fits = pool.paging_devices
      .filter((d) => d.paging_vios_id === id && d.size >= minMB && !pagingDeviceUser(sys, id, d.device_name))
      .sort((a, b) => a.size - b.size || (a.device_name < b.device_name ? -1 : a.device_name > b.device_name ? 1 : 0));
    if (fits.length) return fits[0];
  }
  return undefined;
}

export function grantSharedMemory(sys: ManagedSystem, p: Partition, prof: Profile, hptMB: number, io: VirtualIo): SharedMemoryGrant {
  const pool = memPoolOf(sys);
  if (!pool) fail('MEMORY_MODE_RULE', { why: `The managed system ${sys.name} has no shared memory pool, so a shared memory partition cannot be activated.` });
  const vios = candidateVios(sys, p, prof, pool!);
  // The hypervisor pages through the VIOS (its VASI adapter), so a paging VIOS must be running.
  const running = vios.filter((id) => sys.partitions.get(id)?.run.state === PartitionState.Running);
  if (running.length === 0) {
    const names = vios.map((id) => sys.partitions.get(id)?.def.name ?? String(id)).join(', ');
    fail('MEMPOOL_RULE', { why: `No paging Virtual I/O Server partition of shared memory partition ${p.def.name} is running (${names}). Activate a paging Virtual I/O Server first.` });
  }
  const minMB = pagingDeviceMinMB(p.def.lpar_env, prof.max_mem, sys.config.ams);
  const dev = pickDevice(sys, pool!, running, minMB);
  if (!dev) {
    const names = running.map((id) => sys.partitions.get(id)!.def.name).join(', ');
    fail('NO_PAGING_DEVICE', { size: minMB, name: p.def.name, vios: names });
  }
  const ioMB = ioEntitledMB(prof.desired_io_entitled_mem, io, sys.config.ams);
  // I/O entitled memory is guaranteed: the pool must hold it (and the page table) beside everyone else's.
  const after = poolUsage(sys, pool!, hptMB, ioMB);
  if (after.availMB <= 0) {
    const before = poolUsage(sys, pool!).availMB;
    fail('INSUFFICIENT_RESOURCES', { resource: 'shared memory pool memory', system: sys.name, requested: `${hptMB + ioMB} MB`, available: `${Math.max(0, before)} MB` });
  }
  // Its virtual adapters' TCE tables are still the system's hypervisor memory (hypervisor-memory.ts).
  const sysFree = availMemWith(sys, 0, virtualAdapterCount(io));
  if (sysFree < 0) fail('INSUFFICIENT_RESOURCES', { resource: 'memory', system: sys.name, requested: 'hypervisor memory for the virtual adapters', available: '0 MB' });
  return { mem_weight: prof.mem_weight, io_entitled_mem: ioMB, paging_device: { paging_vios_id: dev!.paging_vios_id, device_name: dev!.device_name } };
}
