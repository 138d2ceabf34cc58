// Accounting of the shared memory pool (platform.md §5.4). The pool's memory comes out of the system's
// memory; inside the pool, the hypervisor reserves its own memory (base + a share of the maximum pool size +
// the page tables of the active shared-memory partitions: "reserved firmware memory comes out of it") and
// each active shared-memory partition holds its I/O entitled memory. What remains backs logical memory,
// which may be overcommitted: the hypervisor pages the excess (ams-paging.ts). Amounts are UNCERTAIN and
// come from SimConfig.ams.
import type { SimConfig } from '../../../sim/config.ts';
import type { ManagedSystem, Partition } from '../../managed-system.ts';
import type { LparEnv } from '../../types/profile.ts';
import type { MemPoolConfig } from '../../types/system.ts';
import type { VirtualIo } from '../../types/virtual-io.ts';
import { roundUpTo } from '../units.ts';

/** The pool, when the system has one. */
export const memPoolOf = (sys: ManagedSystem): MemPoolConfig | null => sys.cfg.mempool ?? null;

/** The active shared-memory partitions (the ones that hold pool memory). */
export function sharedMemoryPartitions(sys: ManagedSystem): Partition[] {
  const out: Partition[] = [];
  for (const p of sys.partitions.values()) if (p.run.alloc?.mem_mode === 'shared') out.push(p);
  return out;
}

/** I/O entitled memory for a profile value (`auto` or MB) and the partition's virtual adapters. */
export function ioEntitledMB(value: string, io: VirtualIo, cfg: SimConfig['ams']): number {
  if (value !== 'auto') return Number(value);
  return cfg.ioEntitledBaseMB + io.eth.length * cfg.ioEntitledPerEthMB + io.scsi.length * cfg.ioEntitledPerScsiMB + io.fc.length * cfg.ioEntitledPerFcMB;
}

/** A profile's desired_io_entitled_mem is `auto` or a whole number of MB. */
export const validIoEntitled = (value: string): boolean => value === 'auto' || /^[1-9]\d{0,8}$/.test(value);

/** The smallest paging device a partition can use: its maximum logical memory (IBM i: more, UNCERTAIN). */
export function pagingDeviceMinMB(env: LparEnv, maxMemMB: number, cfg: SimConfig['ams']): number {
  return env === 'os400' ? Math.ceil(maxMemMB * cfg.ibmiPagingDeviceFactor) : maxMemMB;
}

export interface PoolUsage {
  /** sys_firmware_pool_mem */
  firmwareMB: number;
  /** Σ I/O entitled memory of the active shared-memory partitions. */
  ioEntitledMB: number;
  /** Σ logical memory of the active shared-memory partitions (above the pool means overcommit). */
  logicalMB: number;
  /** curr_avail_pool_mem: pool − firmware − I/O entitled. */
  availMB: number;
}

/**
 * Pool usage of `pool` (the current pool or a proposed change of it), optionally as if one more partition
 * held `extraHptMB` of page table and `extraIoMB` of I/O entitled memory.
 */
export function poolUsage(sys: ManagedSystem, pool: MemPoolConfig, extraHptMB = 0, extraIoMB = 0): PoolUsage {
  const c = sys.config.ams;
  let hpt = extraHptMB, io = extraIoMB, logical = 0;
  for (const p of sharedMemoryPartitions(sys)) {
    const a = p.run.alloc!;
    hpt += a.hpt_mb;
    io += a.io_entitled_mem ?? 0;
    logical += a.mem;
  }
  const firmwareMB = roundUpTo(c.poolFirmwareBaseMB + (pool.max_pool_mem * c.poolFirmwarePercentOfMax) / 100 + hpt, sys.hw.lmbMB);
  return { firmwareMB, ioEntitledMB: io, logicalMB: logical, availMB: pool.pool_mem - firmwareMB - io };
}

/** Which active partition uses a paging device (none: undefined). */
export function pagingDeviceUser(sys: ManagedSystem, viosId: number, device: string): Partition | undefined {
  for (const p of sharedMemoryPartitions(sys)) {
    const d = p.run.alloc!.paging_device;
    if (d && d.paging_vios_id === viosId && d.device_name === device) return p;
  }
  return undefined;
}

/**
 * What the paging model (ams-paging.ts amsAllocate) needs from the system now: the pool, its firmware
 * memory, and each active shared-memory partition's logical memory, weight and I/O entitled memory (the
 * runtime adds what each one has in use). null without a pool.
 */
export function amsPoolInputs(sys: ManagedSystem): { poolMB: number; firmwareMB: number; partitions: { lpar_id: number; logicalMB: number; weight: number; ioEntitledMB: number }[] } | null {
  const pool = memPoolOf(sys);
  if (!pool) return null;
  const partitions = sharedMemoryPartitions(sys).map((p) => {
    const a = p.run.alloc!;
    return { lpar_id: p.def.lpar_id, logicalMB: a.mem, weight: a.mem_weight ?? 0, ioEntitledMB: a.io_entitled_mem ?? 0 };
  });
  return { poolMB: pool.pool_mem, firmwareMB: poolUsage(sys, pool).firmwareMB, partitions };
}
