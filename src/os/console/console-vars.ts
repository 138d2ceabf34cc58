// The values a console template shows: the partition's running allocation (processor count, memory size),
// its boot device, the OS level it has installed and the simulated time. Everything derives from the model
// and the clock, so two runs of the same scenario print the same console.
import type { ManagedSystem, Partition } from '../../platform/managed-system.ts';
import { AIX, FIRMWARE, LINUX, osKind, type Vars } from './console-text.ts';

const two = (n: number): string => String(n).padStart(2, '0');
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Simulated time is shown in UTC (the partitions' TZ is not modelled). */
function timeParts(ms: number): { d: Date; hms: string; mdy: string } {
  const d = new Date(ms);
  return { d, hms: `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`, mdy: `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${d.getUTCFullYear()}` };
}

/** `date` output: `Thu Jan  1 08:00:00 UTC 2026`. */
export function dateLong(ms: number): string {
  const { d, hms } = timeParts(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${hms} UTC ${d.getUTCFullYear()}`;
}

/** The AIX level `7200-05-03-2148` (its last field is the build's year and week) and what follows from it. */
function aixLevel(p: Partition): { major: string; release: string; year: string; stamp: string } {
  const m = /(\d)(\d)00-\d\d-\d\d-(\d\d)(\d\d)/.exec(p.def.os_version) ?? /(\d)(\d)00-\d\d-\d\d-(\d\d)(\d\d)/.exec(AIX.defaultLevel)!;
  const year = 2000 + Number(m[3]);
  // The boot image was written (bosboot) when that build was installed: the Monday of its week.
  const jan1 = Date.UTC(year, 0, 1);
  const built = new Date(jan1 + (Number(m[4]) - 1) * 7 * 86_400_000);
  const minutes = (p.def.lpar_id * 37) % (24 * 60);
  return { major: m[1], release: `${m[1]}.${m[2]}`, year: String(year), stamp: `${two(Math.floor(minutes / 60))}:${two(minutes % 60)} ${two(built.getUTCMonth() + 1)}/${two(built.getUTCDate())}` };
}

/** `Linux/Red Hat 4.18.0-477.10.1.el8_8.ppc64le 8.8` → distribution, kernel, release. */
function linuxLevel(p: Partition): { kernel: string; pretty: string } {
  const m = /^Linux\/(.+?)\s+(\S+)\s+(\S+)$/.exec(p.def.os_version);
  if (!m) return { kernel: 'unknown', pretty: 'Linux' };
  const names: Record<string, string> = LINUX.distroNames;
  return { kernel: m[2], pretty: `${Object.hasOwn(names, m[1]) ? names[m[1]] : m[1]} ${m[3]}` };
}

/** The disk the firmware loads the boot image from: the first virtual SCSI client adapter, else virtual FC, else a physical adapter. */
function bootDevice(p: Partition): string {
  const io = p.run.alloc?.virtual_io;
  const addr = (slot: number): string => (0x30000000 + slot).toString(16);
  const scsi = io?.scsi.filter((a) => a.adapter_type === 'client').sort((a, b) => a.slot - b.slot)[0];
  if (scsi) return AIX.bootDevice.vscsi.replace('{addr}', addr(scsi.slot));
  const fc = io?.fc.filter((a) => a.adapter_type === 'client').sort((a, b) => a.slot - b.slot)[0];
  if (fc) return AIX.bootDevice.vfc.replace('{addr}', addr(fc.slot));
  const drc = p.run.alloc?.io_slots[0] ?? '21010200';
  return AIX.bootDevice.physical.replace('{bus}', drc.slice(-3).toLowerCase());
}

export function consoleVars(sys: ManagedSystem, p: Partition): Vars {
  const now = sys.clock.now();
  const alloc = p.run.alloc;
  const since = Math.max(0, Math.floor((now - (alloc?.activated_at ?? now)) / 1000));
  const { hms, mdy } = timeParts(now);
  const gen = sys.model.generation as keyof typeof FIRMWARE.smt;
  const procs = alloc?.procs ?? 0;
  const aix = aixLevel(p);
  const linux = osKind(p) === 'linux' ? linuxLevel(p) : { kernel: '', pretty: '' };
  const pid = (k: number): number => 3_000_000 + p.def.lpar_id * 65_536 + k * 262_144 + 1_234;
  return {
    name: p.def.name, hostname: p.def.name, procs, memMB: alloc?.mem ?? 0, memKB: (alloc?.mem ?? 0) * 1024,
    cpus: procs * (FIRMWARE.smt[gen] ?? 8), elapsedMin: Math.floor(since / 60), elapsedSec: since % 60,
    timeDate: `${hms} ${mdy}`, dateLong: dateLong(now), dateShort: dateLong(now).slice(0, 19),
    uptime: `${String(since).padStart(6)}.000000`,
    bootImageStamp: aix.stamp, kernelSize: AIX.kernelSize, bootDevice: bootDevice(p),
    aixMajor: aix.major, aixRelease: aix.release, copyrightYear: aix.year,
    viosLevel: p.def.os_version.replace(/^VIOS\s*/, ''),
    kernel: linux.kernel, osPretty: linux.pretty,
    firmwareLevel: FIRMWARE.firmwareLevel[gen] ?? FIRMWARE.firmwareLevel.POWER9, firmwareYear: FIRMWARE.firmwareYear,
    pid1: pid(1), pid2: pid(2), pid3: pid(3), pid4: pid(4), pid5: pid(5), pid6: pid(6),
  };
}
