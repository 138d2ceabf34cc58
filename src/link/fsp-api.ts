// The HMC link's request vocabulary: what an HMC may ask of a managed system's FSP and hypervisor, and
// what it gets back. Both sides are type-checked against this one table; the HMC never imports platform
// internals (DESIGN.md), only these published shapes.
import type { CreatePartitionRequest, PartitionAttrs } from '../platform/operations/partitions.ts';
import type { ActivateRequest, ShutdownKind } from '../platform/operations/partition-power.ts';
import type { PowerOnMode } from '../platform/operations/system-power.ts';
import type { SystemAttrs } from '../platform/operations/system-config.ts';
import type { ProfileChange } from '../platform/operations/list-changes.ts';
import type { DlparOp } from '../platform/operations/dlpar.ts';
import type { PoolAttrs, PoolRef } from '../platform/operations/processor-pools.ts';
import type { MemPoolAttrs } from '../platform/operations/memory-pool.ts';
import type { RestoreLevel } from '../platform/fsp/profile-data.ts';
import type { NewAdapter } from '../platform/operations/virtual-io.ts';
import type { PartitionSnapshot } from '../platform/types/partition.ts';
import type { Profile, SharingMode } from '../platform/types/profile.ts';
import type { ProcPoolSnapshot, SysProfSnapshot, SystemSnapshot } from '../platform/types/system.ts';
import type { UtilCounters } from '../platform/types/utilization.ts';

export type { NewAdapter };
export type { MemPoolAttrs };
export type { CreatePartitionRequest, PartitionAttrs, ActivateRequest, ShutdownKind, PowerOnMode, SystemAttrs, ProfileChange, DlparOp, PoolAttrs, PoolRef, RestoreLevel };

export type LparRef = { name?: string; id?: number };

export interface FullSnapshot {
  system: SystemSnapshot;
  partitions: PartitionSnapshot[];
  pools: ProcPoolSnapshot[];
  sysprofs: SysProfSnapshot[];
  recovery: boolean;
}

type Op<A, R = void> = { args: A; result: R };

/** Where an HMC stands with a system's FSP (platform.md §4): connected, or blocked until passwords are fixed. */
export type AuthState = 'ok' | 'pending' | 'failed';

export interface FspApi {
  /** The only request allowed before authentication completes (chsyspwd). */
  'fsp.setPassword': Op<{ kind: 'access' | 'admin' | 'general'; current?: string; next: string }, { auth: AuthState }>;
  snapshot: Op<Record<string, never>, FullSnapshot>;
  'system.powerOn': Op<{ mode: PowerOnMode; sysprof?: string }>;
  'system.powerOff': Op<{ immed: boolean }>;
  'system.change': Op<SystemAttrs>;
  'partition.create': Op<CreatePartitionRequest, { lpar_id: number }>;
  'partition.change': Op<{ ref: LparRef; attrs: PartitionAttrs }>;
  'partition.remove': Op<{ ref: LparRef }>;
  'partition.activate': Op<{ ref: LparRef; req: ActivateRequest }>;
  'partition.shutdown': Op<{ ref: LparRef; kind: ShutdownKind; restart: boolean }>;
  'profile.create': Op<{ ref: LparRef; profile: Partial<Profile> & { name: string } }>;
  'profile.change': Op<{ ref: LparRef; name: string; changes: ProfileChange[] }>;
  'profile.remove': Op<{ ref: LparRef; name: string }>;
  'profile.apply': Op<{ ref: LparRef; name: string }>;
  'profile.save': Op<{ ref: LparRef; name: string; force: boolean }>;
  'dlpar.proc': Op<{ ref: LparRef; op: DlparOp; procs?: number; procUnits?: number; target?: LparRef }>;
  'dlpar.procAttrs': Op<{ ref: LparRef; attrs: { sharing_mode?: SharingMode; uncap_weight?: number } }>;
  'dlpar.mem': Op<{ ref: LparRef; op: DlparOp; quantity: number; target?: LparRef }>;
  'dlpar.memAttrs': Op<{ ref: LparRef; attrs: { mem_expansion?: number; mem_weight?: number } }>;
  'dlpar.slot': Op<{ ref: LparRef; op: DlparOp; drc: string; target?: LparRef }>;
  'pool.set': Op<{ ref: PoolRef; attrs: PoolAttrs }>;
  'pool.movePartition': Op<{ lpar: LparRef; pool: PoolRef }>;
  /** The shared memory pool (Active Memory Sharing) and its paging space devices (chhwres -r mempool). */
  'mempool.create': Op<MemPoolAttrs>;
  'mempool.change': Op<MemPoolAttrs>;
  'mempool.remove': Op<Record<string, never>>;
  'mempool.addDevice': Op<{ vios: LparRef; device: string }>;
  'mempool.removeDevice': Op<{ vios: LparRef; device: string }>;
  'sysprof.create': Op<SysProfSnapshot>;
  'sysprof.change': Op<{ name: string; next: SysProfSnapshot }>;
  'sysprof.remove': Op<{ name: string }>;
  'sysprof.activate': Op<{ name: string }>;
  'virtualio.add': Op<{ ref: LparRef; slot: number; adapter: NewAdapter }>;
  'virtualio.remove': Op<{ ref: LparRef; slot: number }>;
  'virtualio.setEth': Op<{ ref: LparRef; slot: number; change: { addl?: { op: '=' | '+=' | '-='; ids: number[] }; is_ieee?: 0 | 1; qos_priority?: string } }>;
  'vswitch.change': Op<{ op: 'a' | 'r' | 's'; name: string; mode?: 'VEB' | 'VEPA' }>;
  /** A VIOS command line run by the VIOS's padmin shell (viosvrcmd, over RMC). */
  'vios.command': Op<{ ref: LparRef; line: string }, { stdout: string; stderr: string; exit: number }>;
  /**
   * A partition's console (virtual serial slot 0; mkvterm / rmvterm): open its one session, send keystrokes,
   * read output since a cursor (the HMC polls), close it (by its holder with `session`, by rmvterm with `lpar`).
   */
  'vterm.open': Op<{ lpar: LparRef }, { session: string; cursor: number; lpar_id: number }>;
  'vterm.read': Op<{ session: string; cursor: number }, { data: string; cursor: number; open: boolean }>;
  'vterm.write': Op<{ session: string; data: string }>;
  'vterm.close': Op<{ session?: string; lpar?: LparRef }, { closed: boolean }>;
  /** Cumulative utilization counters, brought up to the system's current time (lslparutil's source). */
  'util.counters': Op<Record<string, never>, UtilCounters>;
  'profdata.export': Op<Record<string, never>, [string, unknown][]>;
  'profdata.restore': Op<{ level: RestoreLevel; entries: [string, unknown][] }>;
}

export type FspOp = keyof FspApi;
export type FspArgs<K extends FspOp> = FspApi[K]['args'];
export type FspResult<K extends FspOp> = FspApi[K]['result'];
