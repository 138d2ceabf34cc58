// Partition activation and shutdown (platform.md §7.4): chsysstate -r lpar -o on | shutdown | osshutdown.
import { fail } from '../../errors/hmc-error.ts';
import type { ManagedSystem, Partition } from '../managed-system.ts';
import { beginBoot, beginShutdown, releasePartition } from '../hypervisor/boot-sequence.ts';
import { grantAllocation } from '../hypervisor/grant.ts';
import type { Tx } from '../tx.ts';
import type { BootMode } from '../types/profile.ts';
import { PartitionState, SystemState } from '../types/states.ts';
import { findPartition, requireRunning } from './gates.ts';
import { refuseIfPagingClients } from './memory-pool.ts';

export interface ActivateRequest { profile?: string; bootMode?: BootMode; keylock?: string; ipl?: string; force?: boolean }

export function activatePartition(sys: ManagedSystem, ref: { name?: string; id?: number }, req: ActivateRequest): void {
  requireRunning(sys, true);
  const p = findPartition(sys, ref);
  sys.change((tx) => activateIn(sys, tx, p, req));
}

/** Validate and start inside a change; throws before mutating if anything is wrong. */
export function activateIn(sys: ManagedSystem, tx: Tx, p: Partition, req: ActivateRequest): void {
  if (p.run.state !== PartitionState.NotActivated) {
    if (sys.isActive(p) && p.run.state !== PartitionState.Error) fail('ALREADY_ACTIVATED', { name: p.def.name });
    fail('WRONG_PARTITION_STATE');
  }
  // Without -f the partition starts with its current configuration (newer HMCs; hmc-mcp sends plain -o on).
  const profName = req.profile ?? (p.def.curr_profile || p.def.default_profile);
  const prof = p.def.profiles.find((x) => x.name === profName);
  if (!prof) fail('PROFILE_NOT_FOUND', { name: profName, lpar: p.def.name });
  if (req.bootMode && p.def.lpar_env === 'os400') fail('ATTRIBUTE_NOT_ALLOWED', { attr: '-b', where: 'for an IBM i partition' });
  const alloc = grantAllocation(sys, p, prof!, req.bootMode ?? prof!.boot_mode);
  const run = structuredClone(p.run), curr = p.def.curr_profile, sysState = sys.cfg.state;
  tx.guard(p, () => { p.run = run; p.def.curr_profile = curr; });
  tx.guard(sys.cfg, () => { sys.cfg.state = sysState; });
  p.run.alloc = alloc;
  p.def.curr_profile = profName;
  sys.invalidateResources();
  if (sys.cfg.state === SystemState.Standby) { sys.cfg.state = SystemState.Operating; tx.touchSystem(); }
  beginBoot(sys, tx, p);
}

export type ShutdownKind = 'delayed' | 'immed' | 'os' | 'os-immed';

export function shutdownPartition(sys: ManagedSystem, ref: { name?: string; id?: number }, kind: ShutdownKind, restart: boolean): void {
  requireRunning(sys, true);
  const p = findPartition(sys, ref);
  if (p.run.state === PartitionState.NotActivated) fail('ALREADY_OFF', { name: p.def.name });
  if (!sys.isActive(p)) fail('WRONG_PARTITION_STATE');
  const immediate = kind === 'immed';
  if ((kind === 'os' || kind === 'os-immed') && p.run.rmc_state !== 'active') fail('NO_RMC_OS_SHUTDOWN', { name: p.def.name });
  // A partition in Error or still starting can only be stopped immediately (platform.md §7.4 SIM-RULE).
  if (!immediate && p.run.state !== PartitionState.Running && p.run.state !== PartitionState.OpenFirmware) fail('WRONG_PARTITION_STATE');
  // Shared-memory partitions paging through this VIOS would fail: only --immed takes it down (memory-pool.ts).
  if (!immediate && kind !== 'os-immed') refuseIfPagingClients(sys, p);
  const profile = p.run.alloc?.profile;
  const bootMode = p.run.alloc?.boot_mode;
  const off = (t: Tx): void => {
    releasePartition(sys, t, p);
    sys.invalidateResources();
    if (restart && profile) {
      try { activateIn(sys, t, p, { profile, bootMode }); } catch { /* stays Not Activated; the refcode says so */ p.run.refcode = 'B200A101'; }
    }
  };
  sys.change((tx) => (immediate || kind === 'os-immed' ? off(tx) : beginShutdown(sys, tx, p, off)));
}
