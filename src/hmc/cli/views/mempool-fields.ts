// `lshwres -r mempool` and `lshwres -r mempool --rsubtype pgdev` (hmc-cli.md §6.5; platform.md §5.4), and the
// Active Memory Sharing fields of `lshwres -r mem --level lpar`. Field names follow the REST SharedMemoryPool
// object (VERIFIED names: CurrentPoolMemory, CurrentAvailablePoolMemory, CurrentMaximumPoolMemory, Pending…,
// SystemFirmwarePoolMemory, PagingServicePartitionOne, PagingDevices; hmc-rest.md) in the CLI's spelling; their
// order in the listing, the paging device fields and the partition-level fields are UNCERTAIN.
import type { PartitionSnapshot } from '../../../platform/types/partition.ts';
import type { MemPoolConfig, PagingDeviceConfig } from '../../../platform/types/system.ts';
import type { SystemView } from '../../system-view.ts';
import type { FieldTable, Getter } from '../fields.ts';
import { activeOrDefaultProfile, type LparRow } from './partition-fields.ts';

const s = (n: number): string => String(n);
const nameOf = (v: SystemView, id: number): string => v.partitions.get(id)?.def.name ?? '';

// --- the pool -----------------------------------------------------------------------------------------------
export type MemPoolRow = { v: SystemView; pool: MemPoolConfig };
const res = (r: MemPoolRow) => r.v.system!.res;
// Changes apply at once in the simulator, so pending values equal the current ones (memory-pool.ts).
const POOL: Record<string, Getter<MemPoolRow>> = {
  curr_pool_mem: (r) => s(r.pool.pool_mem),
  curr_avail_pool_mem: (r) => s(res(r).curr_avail_pool_mem ?? r.pool.pool_mem),
  curr_max_pool_mem: (r) => s(r.pool.max_pool_mem),
  pend_pool_mem: (r) => s(r.pool.pool_mem),
  pend_avail_pool_mem: (r) => s(res(r).curr_avail_pool_mem ?? r.pool.pool_mem),
  pend_max_pool_mem: (r) => s(r.pool.max_pool_mem),
  sys_firmware_pool_mem: (r) => s(res(r).sys_firmware_pool_mem ?? 0),
  paging_vios_names: (r) => r.pool.paging_vios_ids.map((id) => nameOf(r.v, id)),
  paging_vios_ids: (r) => r.pool.paging_vios_ids.map(s),
};
export const MEMPOOL_FIELDS: FieldTable<MemPoolRow> = { fields: POOL, defaults: () => Object.keys(POOL) };

// --- paging space devices -----------------------------------------------------------------------------------
export type PgdevRow = { v: SystemView; dev: PagingDeviceConfig; user: PartitionSnapshot | undefined };

/** The partition paging to a device: the active one whose allocation names it. */
export function pagingDeviceUser(v: SystemView, dev: PagingDeviceConfig): PartitionSnapshot | undefined {
  for (const p of v.sortedPartitions()) {
    const d = p.run.alloc?.paging_device;
    if (d && d.paging_vios_id === dev.paging_vios_id && d.device_name === dev.device_name) return p;
  }
  return undefined;
}

const PGDEV: Record<string, Getter<PgdevRow>> = {
  device_name: (r) => r.dev.device_name,
  paging_vios_name: (r) => nameOf(r.v, r.dev.paging_vios_id),
  paging_vios_id: (r) => s(r.dev.paging_vios_id),
  size: (r) => s(r.dev.size),
  type: (r) => r.dev.type,
  // A device is usable while its VIOS runs (UNCERTAIN meaning of the real field).
  state: (r) => (r.v.partitions.get(r.dev.paging_vios_id)?.run.state === 'Running' ? 'Active' : 'Inactive'),
  phys_loc: (r) => r.dev.phys_loc || undefined,
  is_redundant: () => '0',
  lpar_name: (r) => r.user?.def.name,
  lpar_id: (r) => (r.user ? s(r.user.def.lpar_id) : 'none'),
};
export const PGDEV_FIELDS: FieldTable<PgdevRow> = { fields: PGDEV, defaults: () => Object.keys(PGDEV) };

// --- partition level (lshwres -r mem --level lpar): shown for shared-memory partitions -------------------------
const alloc = (r: LparRow) => r.p.run.alloc;
const prof = (r: LparRow) => activeOrDefaultProfile(r.p);
const pagingId = (r: LparRow, which: 'primary_paging_vios_id' | 'secondary_paging_vios_id') => prof(r)?.[which] ?? null;
export const AMS_LPAR_FIELDS: Record<string, Getter<LparRow>> = {
  curr_mem_weight: (r) => s(alloc(r)?.mem_weight ?? 0),
  pend_mem_weight: (r) => s(alloc(r)?.mem_weight ?? prof(r)?.mem_weight ?? 0),
  run_mem_weight: (r) => s(alloc(r)?.mem_weight ?? 0),
  curr_io_entitled_mem: (r) => s(alloc(r)?.io_entitled_mem ?? 0),
  pend_io_entitled_mem: (r) => (alloc(r) ? s(alloc(r)!.io_entitled_mem ?? 0) : prof(r)?.desired_io_entitled_mem ?? 'auto'),
  primary_paging_vios_name: (r) => { const id = pagingId(r, 'primary_paging_vios_id'); return id === null ? undefined : nameOf(r.v, id); },
  primary_paging_vios_id: (r) => { const id = pagingId(r, 'primary_paging_vios_id'); return id === null ? undefined : s(id); },
  secondary_paging_vios_name: (r) => { const id = pagingId(r, 'secondary_paging_vios_id'); return id === null ? undefined : nameOf(r.v, id); },
  secondary_paging_vios_id: (r) => { const id = pagingId(r, 'secondary_paging_vios_id'); return id === null ? undefined : s(id); },
  curr_paging_vios_name: (r) => { const d = alloc(r)?.paging_device; return d ? nameOf(r.v, d.paging_vios_id) : undefined; },
  curr_paging_vios_id: (r) => { const d = alloc(r)?.paging_device; return d ? s(d.paging_vios_id) : undefined; },
  curr_paging_device: (r) => alloc(r)?.paging_device?.device_name,
};
export const AMS_LPAR_ORDER = Object.keys(AMS_LPAR_FIELDS);
