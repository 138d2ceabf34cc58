// How an activated partition comes up and how it goes down, on the injected clock. This is the one place
// the runtime issue will replace with a real boot (firmware codes, OS boot, RMC after boot). Until then the
// durations come from SimConfig.timings and default to 0: activation completes at once and RMC becomes
// active with it (issue "Platform core", item 4).
import type { ManagedSystem, Partition } from '../managed-system.ts';
import type { Tx } from '../tx.ts';
import { PartitionState } from '../types/states.ts';
import { consoleEvent } from './virtual-terminals.ts';

/** Reference codes per situation (platform.md §7.5 SIM-RULE table; exact codes UNCERTAIN). */
export const REFCODES = {
  notActivated: '00000000',
  starting: 'C2008130',
  openFirmware: 'AA00E158',
  shuttingDown: 'D200A200',
  running: '',
  runningLinux: 'Linux ppc64le',
} as const;

/**
 * Progress while a partition comes up, as fractions of timings.partitionBootMs (platform.md §7.5 SIM-RULE:
 * C2xx while the hypervisor starts it, CA00E1xx in partition firmware, then the OS's own codes; exact codes
 * UNCERTAIN). The partition shows Running once the OS loader has control.
 */
export const BOOT_PROGRESS: readonly { at: number; aix: string; linux: string; running: boolean }[] = [
  { at: 0.1, aix: 'C20082FF', linux: 'C20082FF', running: false }, // partition loaded, starting firmware
  { at: 0.25, aix: 'CA00E101', linux: 'CA00E101', running: false }, // partition firmware initializing
  { at: 0.4, aix: 'CA00E1F5', linux: 'CA00E1F5', running: false }, // building the boot device list
  { at: 0.55, aix: 'CA00E175', linux: 'CA00E175', running: false }, // loading the boot image
  { at: 0.7, aix: '0551', linux: 'Linux ppc64le', running: true }, // the OS has control (AIX LED codes)
  { at: 0.85, aix: '0517', linux: 'Linux ppc64le', running: true },
];
/** Open Firmware stops at SMS after the firmware has started (boot_mode sms/of). */
const SMS_AT = 0.4;
const HISTORY = 25;

export function setRefcode(sys: ManagedSystem, p: Partition, code: string): void {
  p.run.refcode = code;
  p.run.refcode_time = sys.clock.now();
  // lsrefcode -n N shows the last codes (most recent first); the runtime keeps a short history.
  const h = (p.run.refcode_history ??= []);
  h.unshift({ refcode: code, time: p.run.refcode_time });
  if (h.length > HISTORY) h.length = HISTORY;
}

/** Called inside a change: the partition now holds its allocation and starts. */
export function beginBoot(sys: ManagedSystem, tx: Tx, p: Partition): void {
  p.run.state = PartitionState.Starting;
  p.run.rmc_state = 'inactive';
  setRefcode(sys, p, REFCODES.starting);
  tx.touchPartition(p.def.lpar_id);
  consoleEvent(sys, tx, p, { kind: 'start' });
  const alloc = p.run.alloc;
  const delay = sys.config.timings.partitionBootMs;
  if (delay === 0) return finishBoot(sys, tx, p);
  const start = sys.clock.now();
  const linux = p.def.os_version.startsWith('Linux');
  const sms = alloc?.boot_mode === 'sms' || alloc?.boot_mode === 'of';
  const booting = (): boolean => p.run.alloc === alloc && (p.run.state === PartitionState.Starting || p.run.state === PartitionState.Running) && p.run.rmc_state !== 'active';
  for (const step of BOOT_PROGRESS) {
    if (sms && step.at > SMS_AT) break;
    sys.clock.schedule(start + step.at * delay, () => {
      if (!booting()) return; // superseded (shut down, restarted)
      sys.change((t) => {
        if (step.running && p.run.state === PartitionState.Starting) p.run.state = PartitionState.Running;
        setRefcode(sys, p, linux ? step.linux : step.aix);
        consoleEvent(sys, t, p, { kind: 'step', step });
        t.touchPartition(p.def.lpar_id);
      });
    });
  }
  sys.clock.schedule(start + (sms ? SMS_AT + 0.05 : 1) * delay, () => {
    if (!booting()) return;
    sys.change((t) => finishBoot(sys, t, p));
  });
}

export function finishBoot(sys: ManagedSystem, tx: Tx, p: Partition): void {
  const mode = p.run.alloc?.boot_mode ?? 'norm';
  tx.touchPartition(p.def.lpar_id);
  consoleEvent(sys, tx, p, { kind: 'ready', mode });
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
  consoleEvent(sys, tx, p, { kind: 'shutdown' });
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
  consoleEvent(sys, tx, p, { kind: 'off' });
}

/** After a simulator restart, transient states complete (the hypervisor kept running meanwhile). */
export function settleTransients(sys: ManagedSystem, tx: Tx): void {
  for (const p of sys.partitions.values()) {
    if (p.run.state === PartitionState.Starting || (p.run.state === PartitionState.Running && p.run.rmc_state !== 'active' && p.run.refcode !== '' && p.run.refcode !== REFCODES.runningLinux)) finishBoot(sys, tx, p);
    else if (p.run.state === PartitionState.ShuttingDown) releasePartition(sys, tx, p);
    if (p.run.state === PartitionState.Running && p.run.rmc_state !== 'active') { p.run.rmc_state = 'active'; tx.touchPartition(p.def.lpar_id); }
  }
}
