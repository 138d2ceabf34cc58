// Managed-system power (platform.md §3): Power Off → Initializing → Operating | Standby, and
// Operating → Power Off In Progress → Power Off. A normal power off is refused while partitions are
// active; --immed stops them at once. Durations come from SimConfig.timings (UNCERTAIN).
import { fail } from '../../errors/hmc-error.ts';
import type { ManagedSystem } from '../managed-system.ts';
import { releasePartition, settleTransients } from '../hypervisor/boot-sequence.ts';
import type { Tx } from '../tx.ts';
import { PartitionState, SystemState } from '../types/states.ts';
import { activateIn } from './partition-power.ts';
import { activateSysprofIn } from './system-profiles.ts';

export type PowerOnMode = 'norm' | 'standby' | 'sysprof' | 'hwdisc';

export function powerOn(sys: ManagedSystem, mode: PowerOnMode, sysprof?: string): void {
  if (sys.recovery) fail('SYSTEM_STATE', { system: sys.name, state: SystemState.Recovery, need: 'Power Off' });
  if (sys.cfg.state !== SystemState.PowerOff) fail('SYSTEM_STATE', { system: sys.name, state: sys.cfg.state, need: 'Power Off' });
  if (mode === 'sysprof' && !sys.sysprofs.has(sysprof ?? '')) fail('SYSPROF_NOT_FOUND', { name: sysprof ?? '' });
  sys.change((tx) => {
    sys.cfg.state = SystemState.Initializing;
    tx.touchSystem();
    const done = (t: Tx): void => finishPowerOn(sys, t, mode, sysprof);
    const delay = sys.config.timings.systemPowerOnMs;
    if (delay === 0) return done(tx);
    sys.clock.schedule(sys.clock.now() + delay, () => {
      if (sys.cfg.state === SystemState.Initializing) sys.change(done);
    });
  });
}

function finishPowerOn(sys: ManagedSystem, tx: Tx, mode: PowerOnMode, sysprof?: string): void {
  sys.cfg.state = mode === 'standby' ? SystemState.Standby : SystemState.Operating;
  sys.cfg.powered_on_at = sys.clock.now();
  tx.touchSystem();
  if (mode === 'standby' || mode === 'hwdisc') return;
  if (mode === 'sysprof' && sysprof) return activateSysprofIn(sys, tx, sysprof);
  // Partitions whose default profile says auto_start=1 start with the system.
  for (const p of sys.partitions.values()) {
    const prof = p.def.profiles.find((x) => x.name === p.def.default_profile);
    if (prof?.auto_start === 1 && p.run.state === PartitionState.NotActivated) {
      try { activateIn(sys, tx, p, { profile: prof.name }); } catch { p.run.refcode = 'B2008105'; tx.touchPartition(p.def.lpar_id); }
    }
  }
}

export function powerOff(sys: ManagedSystem, immed: boolean): void {
  const s = sys.cfg.state;
  if (s !== SystemState.Operating && s !== SystemState.Standby && s !== SystemState.Error) {
    fail('SYSTEM_STATE', { system: sys.name, state: s, need: 'Operating' });
  }
  const active = sys.activePartitions();
  if (!immed && active.length) fail('PARTITIONS_RUNNING', { system: sys.name, count: active.length });
  sys.change((tx) => {
    for (const p of active) releasePartition(sys, tx, p);
    sys.invalidateResources();
    sys.cfg.state = SystemState.PowerOffInProgress;
    tx.touchSystem();
    const done = (t: Tx): void => { sys.cfg.state = SystemState.PowerOff; t.touchSystem(); };
    const delay = immed ? 0 : sys.config.timings.systemPowerOffMs;
    if (delay === 0) return done(tx);
    sys.clock.schedule(sys.clock.now() + delay, () => {
      if (sys.cfg.state === SystemState.PowerOffInProgress) sys.change(done);
    });
  });
}

/** Fault injection: the hypervisor stops with an error; partitions are lost (platform.md §3 Error). */
export function injectSystemError(sys: ManagedSystem): void {
  sys.change((tx) => {
    for (const p of sys.activePartitions()) releasePartition(sys, tx, p);
    sys.invalidateResources();
    sys.cfg.state = SystemState.Error;
    sys.cfg.detailed_state = 'Terminated';
    tx.touchSystem();
  });
}

/** After the simulator restarts: finish what was in flight (the hardware kept going meanwhile). */
export function settleAfterRestart(sys: ManagedSystem): void {
  sys.change((tx) => {
    if (sys.cfg.state === SystemState.Initializing) { sys.cfg.state = SystemState.Operating; tx.touchSystem(); }
    if (sys.cfg.state === SystemState.PowerOffInProgress) { sys.cfg.state = SystemState.PowerOff; tx.touchSystem(); }
    settleTransients(sys, tx);
  });
}
