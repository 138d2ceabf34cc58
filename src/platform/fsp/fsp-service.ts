// The FSP side of the HMC link: one table from request name to the platform operation that serves it
// (as QEMU's hypercall table, STYLE.md), behind the FSP's authentication of each HMC session.
// Unknown requests are refused, never silently accepted.
import type { AuthState, FspApi, FspArgs, FspOp, FspResult } from '../../link/fsp-api.ts';
import { fail } from '../../errors/hmc-error.ts';
import type { EventBatch } from '../events.ts';
import type { ManagedSystem } from '../managed-system.ts';
import * as parts from '../operations/partitions.ts';
import * as power from '../operations/partition-power.ts';
import * as sysPower from '../operations/system-power.ts';
import { changeSystem } from '../operations/system-config.ts';
import * as dlpar from '../operations/dlpar.ts';
import * as pools from '../operations/processor-pools.ts';
import * as mempool from '../operations/memory-pool.ts';
import * as sysprofs from '../operations/system-profiles.ts';
import { profileData, restoreProfileData } from './profile-data.ts';
import * as vio from '../operations/virtual-io.ts';
import type { PartitionOsHost } from './partition-os-host.ts';
import { utilCounters } from '../hypervisor/runtime/util-counters.ts';
import type { FspPasswords } from './fsp-passwords.ts';
import { virtualTerminals } from '../hypervisor/virtual-terminals.ts';

type Handlers = { [K in Exclude<FspOp, 'fsp.setPassword'>]: (sys: ManagedSystem, args: FspArgs<K>, os: PartitionOsHost) => FspResult<K> };

const HANDLERS: Handlers = {
  snapshot: (sys) => sys.fullSnapshot(),
  'system.powerOn': (sys, a) => sysPower.powerOn(sys, a.mode, a.sysprof),
  'system.powerOff': (sys, a) => sysPower.powerOff(sys, a.immed),
  'system.change': (sys, a) => changeSystem(sys, a),
  'partition.create': (sys, a) => ({ lpar_id: parts.createPartition(sys, a).lpar_id }),
  'partition.change': (sys, a) => parts.changePartition(sys, a.ref, a.attrs),
  'partition.remove': (sys, a) => { virtualTerminals(sys).requireClosed(a.ref); parts.removePartition(sys, a.ref); },
  'partition.activate': (sys, a) => power.activatePartition(sys, a.ref, a.req),
  'partition.shutdown': (sys, a) => power.shutdownPartition(sys, a.ref, a.kind, a.restart),
  'profile.create': (sys, a) => parts.createProfile(sys, a.ref, a.profile),
  'profile.change': (sys, a) => parts.changeProfile(sys, a.ref, a.name, a.changes),
  'profile.remove': (sys, a) => parts.removeProfile(sys, a.ref, a.name),
  'profile.apply': (sys, a) => parts.applyProfile(sys, a.ref, a.name),
  'profile.save': (sys, a) => parts.saveCurrentConfig(sys, a.ref, a.name, a.force),
  'dlpar.proc': (sys, a) => dlpar.dlparProcessors(sys, a.ref, a.op, { procs: a.procs, procUnits: a.procUnits }, a.target),
  'dlpar.procAttrs': (sys, a) => dlpar.dlparProcAttributes(sys, a.ref, a.attrs),
  'dlpar.mem': (sys, a) => dlpar.dlparMemory(sys, a.ref, a.op, a.quantity, a.target),
  'dlpar.memAttrs': (sys, a) => dlpar.dlparMemAttributes(sys, a.ref, a.attrs),
  'dlpar.slot': (sys, a) => dlpar.dlparSlot(sys, a.ref, a.op, a.drc, a.target),
  'pool.set': (sys, a) => pools.setPool(sys, a.ref, a.attrs),
  'pool.movePartition': (sys, a) => pools.movePartitionToPool(sys, a.lpar, a.pool),
  'mempool.create': (sys, a) => mempool.createMemPool(sys, a),
  'mempool.change': (sys, a) => mempool.changeMemPool(sys, a),
  'mempool.remove': (sys) => mempool.removeMemPool(sys),
  'mempool.addDevice': (sys, a, os) => mempool.addPagingDevice(sys, os, a.vios, a.device),
  'mempool.removeDevice': (sys, a) => mempool.removePagingDevice(sys, a.vios, a.device),
  'sysprof.create': (sys, a) => sysprofs.createSysprof(sys, a),
  'sysprof.change': (sys, a) => sysprofs.changeSysprof(sys, a.name, a.next),
  'sysprof.remove': (sys, a) => sysprofs.removeSysprof(sys, a.name),
  'sysprof.activate': (sys, a) => sysprofs.activateSysprof(sys, a.name),
  'virtualio.add': (sys, a) => vio.addVirtualAdapter(sys, a.ref, a.slot, a.adapter),
  'virtualio.remove': (sys, a, os) => vio.removeVirtualAdapter(sys, a.ref, a.slot, (id, slot) => os.adapterInUse(id, slot)),
  'virtualio.setEth': (sys, a) => vio.setVirtualEth(sys, a.ref, a.slot, a.change),
  'vswitch.change': (sys, a) => vio.changeVswitch(sys, a.op, a.name, a.mode),
  'vios.command': (sys, a, os) => os.viosCommand(sys, a.ref, a.line),
  'vterm.open': (sys, a) => virtualTerminals(sys).open(a.lpar),
  'vterm.read': (sys, a) => virtualTerminals(sys).read(a.session, a.cursor),
  'vterm.write': (sys, a) => virtualTerminals(sys).write(a.session, a.data),
  'vterm.close': (sys, a) => virtualTerminals(sys).close({ session: a.session, ref: a.lpar }),
  'util.counters': (sys) => utilCounters(sys),
  'profdata.export': (sys) => profileData(sys),
  'profdata.restore': (sys, a) => restoreProfileData(sys, a.level, a.entries),
};

export class FspService {
  /** The operating systems running in this system's partitions (VIOS device configuration lives there). */
  os: PartitionOsHost = NO_OS;
  constructor(readonly system: ManagedSystem, readonly passwords: FspPasswords) {}
  get fspIp(): string { return this.system.hw.fspIp; }

  authState(accessPassword: string | null): AuthState {
    if (!this.passwords.allSet) return 'pending';
    return accessPassword !== null && this.passwords.check('access', accessPassword) ? 'ok' : 'failed';
  }

  /** One HMC's session: what it may ask depends on how it authenticated. */
  openSession(accessPassword: string | null, hmcName = 'hmc'): FspSession {
    return new FspSession(this, accessPassword, hmcName);
  }

  /**
   * The FSP's lock between HMCs (platform.md §11: "the FSP arbitrates with a lock so only one HMC changes
   * configuration at a time"). A power operation holds the system, an activation or shutdown holds its
   * partition, for as long as the transition it started is in progress; another HMC asking to change
   * what is held gets a busy error instead of interleaving.
   */
  private readonly locks = new Map<string, string>();
  checkLock(op: FspOp, args: unknown, hmc: string): void {
    // Consoles are not configuration: another HMC's lock never keeps an administrator off a console.
    if (op === 'snapshot' || op === 'profdata.export' || op === 'util.counters' || op.startsWith('vterm.')) return;
    const sysOwner = this.locks.get('sys');
    if (sysOwner && sysOwner !== hmc && isSystemTransient(this.system)) fail('SYSTEM_BUSY', { system: this.system.name, owner: sysOwner });
    const id = partitionOf(this.system, args);
    const owner = id === undefined ? undefined : this.locks.get(`lpar:${id}`);
    if (owner && owner !== hmc && isPartitionTransient(this.system, id!)) fail('SYSTEM_BUSY', { system: this.system.name, owner });
  }
  osBooted(args: unknown): void {
    const id = partitionOf(this.system, args);
    if (id !== undefined) this.os.booted?.(id);
  }
  takeLock(op: FspOp, args: unknown, hmc: string): void {
    if (op === 'system.powerOn' || op === 'system.powerOff') this.locks.set('sys', hmc);
    if (op === 'partition.activate' || op === 'partition.shutdown') {
      const id = partitionOf(this.system, args);
      if (id !== undefined) this.locks.set(`lpar:${id}`, hmc);
    }
  }

  handle<K extends Exclude<FspOp, 'fsp.setPassword'>>(op: K, args: FspArgs<K>): FspResult<K> {
    const h = (HANDLERS as Record<string, unknown>)[op] as ((s: ManagedSystem, a: FspArgs<K>, os: PartitionOsHost) => FspResult<K>) | undefined;
    if (!h) return fail('NOT_IMPLEMENTED', { what: `HMC link request ${String(op)}` });
    return h(this.system, args, this.os);
  }
}

const NO_OS: PartitionOsHost = {
  adapterInUse: () => null,
  pagingDeviceInfo: () => null,
  viosCommand: () => fail('NOT_IMPLEMENTED', { what: 'Virtual I/O Server command' }),
};

const TRANSIENT_SYSTEM = new Set(['Initializing', 'Power Off In Progress']);
const TRANSIENT_LPAR = new Set(['Starting', 'Shutting Down']);
const isSystemTransient = (s: ManagedSystem): boolean => TRANSIENT_SYSTEM.has(s.cfg.state);
const isPartitionTransient = (s: ManagedSystem, id: number): boolean => TRANSIENT_LPAR.has(s.partitions.get(id)?.run.state ?? '');
function partitionOf(s: ManagedSystem, args: unknown): number | undefined {
  const ref = (args as { ref?: { name?: string; id?: number } } | null)?.ref;
  if (!ref) return undefined;
  return ref.id ?? (ref.name !== undefined ? s.partitionByName(ref.name)?.def.lpar_id : undefined);
}

export class FspSession {
  private verdict: { version: number; auth: AuthState } | null = null;
  constructor(private readonly fsp: FspService, private password: string | null, readonly hmc: string) {}
  get auth(): AuthState {
    const version = this.fsp.passwords.version;
    if (this.verdict?.version !== version) this.verdict = { version, auth: this.fsp.authState(this.password) };
    return this.verdict.auth;
  }
  get system(): ManagedSystem { return this.fsp.system; }

  handle<K extends FspOp>(op: K, args: FspArgs<K>): FspResult<K> {
    if (op === 'fsp.setPassword') return this.setPassword(args as FspArgs<'fsp.setPassword'>) as FspResult<K>;
    const auth = this.auth;
    if (auth !== 'ok') {
      fail('SYSTEM_STATE', { system: this.fsp.system.name, state: auth === 'pending' ? 'Pending Authentication - Password Updates Required' : 'Failed Authentication', need: 'Operating' });
    }
    this.fsp.checkLock(op, args, this.hmc);
    const result = this.fsp.handle(op as Exclude<FspOp, 'fsp.setPassword'>, args as never) as FspResult<K>;
    this.fsp.takeLock(op, args, this.hmc);
    if (op === 'partition.activate') this.fsp.osBooted(args);
    return result;
  }

  onEvents(cb: (b: EventBatch) => void): () => void {
    return this.fsp.system.on((b) => { if (this.auth === 'ok') cb(b); });
  }

  /** chsyspwd (platform.md §4): a password that is already set can only be changed by giving it. */
  private setPassword(a: FspArgs<'fsp.setPassword'>): FspResult<'fsp.setPassword'> {
    const pw = this.fsp.passwords;
    if (!/^[\x21-\x7e]{1,32}$/.test(a.next)) fail('INVALID_VALUE', { attr: '--newpasswd', value: '********', hint: 'A password is 1 to 32 printable characters without spaces.' });
    if (pw.isSet(a.kind) && (a.current === undefined || !pw.check(a.kind, a.current))) {
      fail('FSP_PASSWORD', { kind: a.kind });
    }
    pw.set(a.kind, a.next);
    if (a.kind === 'access') { this.password = a.next; this.verdict = null; }
    return { auth: this.auth };
  }
}

export type { FspApi };
