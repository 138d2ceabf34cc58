// How an activated partition comes up and how it goes down, on the injected clock. This is the one place
// the runtime issue will replace with a real boot (firmware codes, OS boot, RMC after boot). Until then the
// durations come from SimConfig.timings and default to 0: activation completes at once and RMC becomes
// active with it (issue "Platform core", item 4).
import type { ManagedSystem, Partition } from '../managed-system.ts';
import type { Tx } from '../tx.ts';
import { PartitionState } from '../types/states.ts';

/** Reference codes per situation (platform.md §7.5 SIM-RULE table; exact codes UNCERTAIN). */
export const REFCODES = {
  notActivated: '00000000',
  starting: 'C2008130',
  openFirmware: 'AA00E158',
  shuttingDown: 'D200A200',
  running: '',
  runningLinux: 'Linux ppc64le',
} as const;

export function setRefcode(sys: ManagedSystem, p: Partition, code: string): void {
  p.run.refcode = code;
  p.run.refcode_time = sys.clock.now();
}

/** Called inside a change: the partition now holds its allocation and starts. */
export function beginBoot(sys: ManagedSystem, tx: Tx, p: Partition): void {
  p.run.state = PartitionState.Starting;
  p.run.rmc_state = 'inactive';
  setRefcode(sys, p, REFCODES.starting);
  tx.touchPartition(p.def.lpar_id);
  const alloc = p.run.alloc;
  const delay = sys.config.timings.partitionBootMs;
  if (delay === 0) return finishBoot(sys, tx, p);
  sys.clock.schedule(sys.clock.now() + delay, () => {
    if (p.run.alloc !== alloc || p.run.state !== PartitionState.Starting) return; // superseded
    sys.change((t) => finishBoot(sys, t, p));
  });
}

export function finishBoot(sys: ManagedSystem, tx: Tx, p: Partition): void {
  const mode = p.run.alloc?.boot_mode ?? 'norm';
  tx.touchPartition(p.def.lpar_id);
  if (mode === 'sms' || mode === 'of') {
    p.run.state = PartitionState.OpenFirmware;
    setRefcode(sys, p, REFCODES.openFirmware);
    return;
  }
  p.run.state = PartitionState.Running;
  setRefcode(sys, p, p.def.os_version.startsWith('Linux') ? REFCODES.runningLinux : REFCODES.running);
  const alloc = p.run.alloc;
  const delay = sys.config.timings.rmcActiveDelayMs;
  if (delay === 0) { p.run.rmc_state = 'active'; return; }
  sys.clock.schedule(sys.clock.now() + delay, () => {
    if (p.run.alloc !== alloc || p.run.state !== PartitionState.Running) return;
    sys.change((t) => { p.run.rmc_state = 'active'; t.touchPartition(p.def.lpar_id); });
  });
}

/** Delayed (OS) shutdown: Shutting Down, then off after the configured time. */
export function beginShutdown(sys: ManagedSystem, tx: Tx, p: Partition, then: (t: Tx) => void): void {
  p.run.state = PartitionState.ShuttingDown;
  setRefcode(sys, p, REFCODES.shuttingDown);
  tx.touchPartition(p.def.lpar_id);
  const delay = sys.config.timings.partitionShutdownMs;
  if (delay === 0) return then(tx);
  const alloc = p.run.alloc;
  sys.clock.schedule(sys.clock.now() + delay, () => {
    if (p.run.alloc !== alloc || p.run.state !== PartitionState.ShuttingDown) return;
    sys.change(then);
  });
}

export function releasePartition(sys: ManagedSystem, tx: Tx, p: Partition): void {
  p.run.state = PartitionState.NotActivated;
  p.run.rmc_state = 'inactive';
  p.run.alloc = null;
  setRefcode(sys, p, REFCODES.notActivated);
  tx.touchPartition(p.def.lpar_id);
}

/** After a simulator restart, transient states complete (the hypervisor kept running meanwhile). */
export function settleTransients(sys: ManagedSystem, tx: Tx): void {
  for (const p of sys.partitions.values()) {
    if (p.run.state === PartitionState.Starting) finishBoot(sys, tx, p);
    else if (p.run.state === PartitionState.ShuttingDown) releasePartition(sys, tx, p);
    else if (p.run.state === PartitionState.Running && p.run.rmc_state !== 'active') { p.run.rmc_state = 'active'; tx.touchPartition(p.def.lpar_id); }
  }
}
