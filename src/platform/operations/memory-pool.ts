// The shared memory pool of Active Memory Sharing (platform.md §5.4; chhwres -r mempool, §9): one per
// system, with a size and a maximum size, one or two paging VIOS (dedicated memory, VIOS 2.1.1+), and the
// paging space devices of those VIOS. The pool's memory comes out of the system's available memory; its
// reserved firmware memory comes out of the pool (hypervisor/memory/pool-memory.ts). The pool is system
// configuration kept in NVRAM (SystemConfig.mempool), so every change reaches the HMCs in the system event.
//
// Knowingly simplified (UNCERTAIN in the reference): size changes take effect at once (pending = current);
// a device is one VIOS's disk or logical volume (no redundant devices shared by two paging VIOS).
import { fail } from '../../errors/hmc-error.ts';
import type { PartitionOsHost } from '../fsp/partition-os-host.ts';
import type { ManagedSystem, Partition } from '../managed-system.ts';
import { memPoolOf, pagingDeviceUser, poolUsage, sharedMemoryPartitions } from '../hypervisor/memory/pool-memory.ts';
import { PartitionState } from '../types/states.ts';
import type { MemPoolConfig } from '../types/system.ts';
import { findPartition, requireRunning } from './gates.ts';

export type LparRef = { name?: string; id?: number };

/** chhwres -r mempool -a attributes; paging VIOS by name or by id (not both). */
export interface MemPoolAttrs {
  pool_mem?: number;
  max_pool_mem?: number;
  paging_vios_names?: string[];
  paging_vios_ids?: number[];
}

/** "1 or 2 paging VIOS" (platform.md §5.4; REST MaximumPagingVirtualIOServersPerSharedMemoryPool). */
const MAX_PAGING_VIOS = 2;
/** Paging VIOS need VIOS 2.1.1 or later (§5.4). */
const MIN_VIOS_LEVEL = [2, 1, 1];

const requirePool = (sys: ManagedSystem): MemPoolConfig => memPoolOf(sys) ?? fail('MEMPOOL_NOT_FOUND', { system: sys.name });

function viosLevelTooOld(osVersion: string): string | undefined {
  const m = /^VIOS (\d+)\.(\d+)\.(\d+)/.exec(osVersion);
  if (!m) return undefined; // not reported (no RMC yet): nothing to check
  const v = [Number(m[1]), Number(m[2]), Number(m[3])];
  for (let i = 0; i < 3; i++) if (v[i] !== MIN_VIOS_LEVEL[i]) return v[i] < MIN_VIOS_LEVEL[i] ? m[0].slice(5) : undefined;
  return undefined;
}

/** The paging VIOS ids of a request, each checked: an existing VIOS partition with dedicated memory. */
function pagingVios(sys: ManagedSystem, attrs: MemPoolAttrs): number[] | undefined {
  if (attrs.paging_vios_names !== undefined && attrs.paging_vios_ids !== undefined) {
    fail('USAGE', { why: 'Specify the paging Virtual I/O Servers with paging_vios_names or paging_vios_ids, not both.' });
  }
  const refs: LparRef[] | undefined = attrs.paging_vios_names?.map((name) => ({ name })) ?? attrs.paging_vios_ids?.map((id) => ({ id }));
  if (refs === undefined) return undefined;
  if (refs.length < 1 || refs.length > MAX_PAGING_VIOS) fail('MEMPOOL_RULE', { why: `A shared memory pool has one or two paging Virtual I/O Server partitions (${refs.length} given).` });
  const ids = refs.map((r) => checkPagingVios(sys, findPartition(sys, r)));
  if (new Set(ids).size !== ids.length) fail('MEMPOOL_RULE', { why: 'The same paging Virtual I/O Server partition was given twice.' });
  return ids;
}

function checkPagingVios(sys: ManagedSystem, p: Partition): number {
  if (p.def.lpar_env !== 'vioserver') fail('MEMPOOL_RULE', { why: `Partition ${p.def.name} is not a Virtual I/O Server partition and cannot be a paging Virtual I/O Server.` });
  const prof = p.def.profiles.find((x) => x.name === (p.def.curr_profile || p.def.default_profile));
  const mode = p.run.alloc?.mem_mode ?? prof?.mem_mode ?? 'ded';
  if (mode !== 'ded') fail('MEMPOOL_RULE', { why: `The paging Virtual I/O Server partition ${p.def.name} must use dedicated memory.` });
  const old = viosLevelTooOld(p.def.os_version);
  if (old) fail('MEMPOOL_RULE', { why: `The Virtual I/O Server partition ${p.def.name} runs level ${old}; a paging Virtual I/O Server needs level 2.1.1 or later.` });
  return p.def.lpar_id;
}

/** Sizes of a new or changed pool against the system and what the pool already holds. */
function checkSizes(sys: ManagedSystem, next: MemPoolConfig, current: MemPoolConfig | null): void {
  const lmb = sys.hw.lmbMB;
  for (const attr of ['pool_mem', 'max_pool_mem'] as const) {
    if (!(Number.isInteger(next[attr]) && next[attr] > 0)) fail('INVALID_VALUE', { attr, value: next[attr], hint: 'Specify a positive amount of memory in megabytes.' });
    if (next[attr] % lmb !== 0) fail('MEM_NOT_LMB_MULTIPLE', { attr, value: next[attr], lmb });
  }
  if (next.pool_mem > next.max_pool_mem) {
    fail('INVALID_VALUE', { attr: 'pool_mem', value: next.pool_mem, hint: `The pool size cannot exceed the maximum pool size (${next.max_pool_mem} MB).` });
  }
  if (next.max_pool_mem > sys.hw.configurableMemMB) {
    fail('INVALID_VALUE', { attr: 'max_pool_mem', value: next.max_pool_mem, hint: `The managed system has ${sys.hw.configurableMemMB} MB of configurable memory.` });
  }
  const u = poolUsage(sys, next);
  if (u.availMB <= 0) {
    fail('MEMPOOL_RULE', { why: `A pool of ${next.pool_mem} MB cannot hold its reserved firmware memory (${u.firmwareMB} MB) and the I/O entitled memory of its active partitions (${u.ioEntitledMB} MB).` });
  }
  const extra = next.pool_mem - (current?.pool_mem ?? 0);
  const avail = sys.resources().curr_avail_sys_mem;
  if (extra > avail) fail('INSUFFICIENT_RESOURCES', { resource: 'memory', system: sys.name, requested: `${extra} MB`, available: `${Math.max(0, avail)} MB` });
}

/** chhwres -r mempool -o a: create the pool. */
export function createMemPool(sys: ManagedSystem, attrs: MemPoolAttrs): void {
  requireRunning(sys, true);
  if (!sys.model.capabilities.ams) fail('MEMPOOL_RULE', { why: `The managed system ${sys.name} does not support Active Memory Sharing.` });
  if (memPoolOf(sys)) fail('MEMPOOL_RULE', { why: `The managed system ${sys.name} already has a shared memory pool; a managed system has one.` });
  if (attrs.pool_mem === undefined) fail('MISSING_ATTRIBUTE', { attr: 'pool_mem' });
  if (attrs.max_pool_mem === undefined) fail('MISSING_ATTRIBUTE', { attr: 'max_pool_mem' });
  const ids = pagingVios(sys, attrs) ?? fail('MISSING_ATTRIBUTE', { attr: 'paging_vios_names' });
  const next: MemPoolConfig = { pool_mem: attrs.pool_mem!, max_pool_mem: attrs.max_pool_mem!, paging_vios_ids: ids, paging_devices: [] };
  checkSizes(sys, next, null);
  sys.change((tx) => { sys.cfg.mempool = next; tx.touchSystem(); });
}

/** chhwres -r mempool -o s: change the pool's size, maximum or paging VIOS. */
export function changeMemPool(sys: ManagedSystem, attrs: MemPoolAttrs): void {
  requireRunning(sys, true);
  const pool = requirePool(sys);
  const ids = pagingVios(sys, attrs);
  const next: MemPoolConfig = { ...pool, pool_mem: attrs.pool_mem ?? pool.pool_mem, max_pool_mem: attrs.max_pool_mem ?? pool.max_pool_mem, paging_vios_ids: ids ?? pool.paging_vios_ids };
  for (const id of pool.paging_vios_ids) {
    if (next.paging_vios_ids.includes(id)) continue;
    const dev = pool.paging_devices.find((d) => d.paging_vios_id === id);
    if (dev) fail('MEMPOOL_RULE', { why: `The paging Virtual I/O Server partition ${sys.partitions.get(id)?.def.name ?? id} still provides paging space device ${dev.device_name}. Remove its paging space devices first.` });
  }
  checkSizes(sys, next, pool);
  sys.change((tx) => { sys.cfg.mempool = next; tx.touchSystem(); });
}

/** chhwres -r mempool -o r: remove the pool (refused while shared-memory partitions are active). */
export function removeMemPool(sys: ManagedSystem): void {
  requireRunning(sys, true);
  requirePool(sys);
  const active = sharedMemoryPartitions(sys).map((p) => p.def.name);
  if (active.length) fail('MEMPOOL_RULE', { why: `The shared memory pool cannot be removed while shared memory partitions are active (${active.join(', ')}).` });
  sys.change((tx) => { sys.cfg.mempool = null; tx.touchSystem(); });
}

/** chhwres -r mempool --rsubtype pgdev -o a: the HMC asks the paging VIOS (over RMC) about the device. */
export function addPagingDevice(sys: ManagedSystem, os: PartitionOsHost, vios: LparRef, device: string): void {
  requireRunning(sys, true);
  const pool = requirePool(sys);
  const v = findPartition(sys, vios);
  if (!pool.paging_vios_ids.includes(v.def.lpar_id)) fail('MEMPOOL_RULE', { why: `Partition ${v.def.name} is not a paging Virtual I/O Server of the shared memory pool.` });
  if (v.run.state !== PartitionState.Running || v.run.rmc_state !== 'active') fail('NO_RMC_DLPAR', { name: v.def.name });
  if (pool.paging_devices.some((d) => d.paging_vios_id === v.def.lpar_id && d.device_name === device)) {
    fail('MEMPOOL_RULE', { why: `The device ${device} of Virtual I/O Server partition ${v.def.name} is already a paging space device of the shared memory pool.` });
  }
  const info = os.pagingDeviceInfo(v.def.lpar_id, device);
  if (!info) fail('MEMPOOL_RULE', { why: `The Virtual I/O Server partition ${v.def.name} has no disk or logical volume named ${device}.` });
  if (info!.inUse) fail('MEMPOOL_RULE', { why: `The device ${device} of Virtual I/O Server partition ${v.def.name} is used by ${info!.inUse} and cannot be a paging space device.` });
  sys.change((tx) => {
    sys.cfg.mempool = { ...pool, paging_devices: [...pool.paging_devices, { device_name: device, paging_vios_id: v.def.lpar_id, size: info!.sizeMB, type: info!.type, phys_loc: info!.location }] };
    tx.touchSystem();
  });
}

/** chhwres -r mempool --rsubtype pgdev -o r: refused while a running partition pages to it. */
export function removePagingDevice(sys: ManagedSystem, vios: LparRef, device: string): void {
  requireRunning(sys, true);
  const pool = requirePool(sys);
  const v = findPartition(sys, vios);
  const dev = pool.paging_devices.find((d) => d.paging_vios_id === v.def.lpar_id && d.device_name === device);
  if (!dev) fail('MEMPOOL_RULE', { why: `The device ${device} of Virtual I/O Server partition ${v.def.name} is not a paging space device of the shared memory pool.` });
  const user = pagingDeviceUser(sys, v.def.lpar_id, device);
  if (user) fail('MEMPOOL_RULE', { why: `The paging space device ${device} is in use by the active shared memory partition ${user.def.name}.` });
  sys.change((tx) => {
    sys.cfg.mempool = { ...pool, paging_devices: pool.paging_devices.filter((d) => d !== dev) };
    tx.touchSystem();
  });
}

/**
 * A normal shutdown (chsysstate -o shutdown or osshutdown without --immed, with or without --restart) of a
 * VIOS that active shared-memory partitions page to is refused. On the real platform those partitions lose
 * their paging space devices and fail (platform.md §5.4: the hypervisor pages through the paging VIOS); the
 * HMC is not known to refuse (SIM-RULE, HSCLSIM93). With --immed the operator insists and the VIOS goes
 * down; knowingly simplified, the simulated clients keep running then (they are not put in Error).
 */
export function refuseIfPagingClients(sys: ManagedSystem, vios: Partition): void {
  const clients = sharedMemoryPartitions(sys).filter((p) => p.run.alloc!.paging_device?.paging_vios_id === vios.def.lpar_id);
  if (clients.length) fail('PAGING_VIOS_IN_USE', { name: vios.def.name, clients: clients.map((p) => p.def.name).join(', ') });
}

/**
 * The pool after rstprofdata (platform.md §12), given the pool of the restored data (`restored`, the backup's
 * or the merge's) and the environment of each partition id in the restored data. rstprofdata leaves running
 * partitions running (profile-data.ts), and the pool that active shared-memory partitions page in is part of
 * what runs: while one is active the current pool (sizes, paging VIOS, paging devices) stays as it is,
 * whatever the restored data holds, as `chhwres -r mempool -o r` and many `-o s` changes would be refused then.
 * Otherwise the restored pool applies, if the system's memory holds it. `-l 4` (initialize) removes the pool
 * with the partitions (no paging VIOS remains). A resulting pool whose paging VIOS is not a VIOS partition
 * of the restored data is refused. SIM-RULE: the reference says nothing of pools and rstprofdata.
 */
export function poolAfterRestore(sys: ManagedSystem, restored: MemPoolConfig | null, initialize: boolean, lparEnvOf: (id: number) => string | undefined): MemPoolConfig | null {
  const current = memPoolOf(sys);
  const pool = current && sharedMemoryPartitions(sys).length > 0 ? current : initialize ? null : restored;
  if (!pool) return null;
  for (const id of pool.paging_vios_ids) {
    if (lparEnvOf(id) !== 'vioserver') {
      fail('MEMPOOL_RULE', { why: `The shared memory pool after the restore would name partition ID ${id} as a paging Virtual I/O Server, but the restored partition data has no Virtual I/O Server partition with that ID.` });
    }
  }
  const extra = pool.pool_mem - (current?.pool_mem ?? 0);
  const avail = sys.resources().curr_avail_sys_mem;
  if (extra > avail) fail('INSUFFICIENT_RESOURCES', { resource: 'memory', system: sys.name, requested: `${extra} MB for the restored shared memory pool`, available: `${Math.max(0, avail)} MB` });
  return pool;
}

/** A paging VIOS cannot be deleted while the pool names it (called by removePartition). */
export function refuseIfPagingVios(sys: ManagedSystem, p: Partition): void {
  if (memPoolOf(sys)?.paging_vios_ids.includes(p.def.lpar_id)) {
    fail('MEMPOOL_RULE', { why: `Partition ${p.def.name} is a paging Virtual I/O Server of the shared memory pool. Change the pool's paging Virtual I/O Servers first.` });
  }
}
