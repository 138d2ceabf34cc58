// The managed-system state gates every operation (platform.md §3 SIM-RULE, §13 rule 11).
import { fail } from '../../errors/hmc-error.ts';
import type { ManagedSystem, Partition } from '../managed-system.ts';
import { SystemState } from '../types/states.ts';

const CONFIG_STATES = new Set<string>([SystemState.Operating, SystemState.Standby, SystemState.PowerOff, SystemState.Initializing]);

/** Creating and changing partition data: allowed while the FSP holds valid partition data. */
export function requireConfigurable(sys: ManagedSystem): void {
  if (sys.recovery) fail('SYSTEM_STATE', { system: sys.name, state: SystemState.Recovery, need: 'Operating' });
  if (!CONFIG_STATES.has(sys.cfg.state)) fail('SYSTEM_STATE', { system: sys.name, state: sys.cfg.state, need: 'Operating' });
}

/** Partition power operations and DLPAR: the hypervisor must be running. */
export function requireRunning(sys: ManagedSystem, allowStandby: boolean): void {
  if (sys.recovery) fail('SYSTEM_STATE', { system: sys.name, state: SystemState.Recovery, need: 'Operating' });
  const s = sys.cfg.state;
  if (s === SystemState.Operating || (allowStandby && s === SystemState.Standby)) return;
  fail('SYSTEM_STATE', { system: sys.name, state: s, need: allowStandby ? 'Operating or Standby' : 'Operating' });
}

export function findPartition(sys: ManagedSystem, ref: { name?: string; id?: number }): Partition {
  const p = ref.id !== undefined ? sys.partitions.get(ref.id) : sys.partitionByName(ref.name ?? '');
  if (!p) fail('PARTITION_NOT_FOUND', { name: ref.name ?? String(ref.id) });
  return p!;
}
