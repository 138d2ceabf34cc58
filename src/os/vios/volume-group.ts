// Volume groups and logical volumes (vios.md §1: mkvg, mklv, lsvg). A volume group claims whole disks
// (a disk in a VG is not free for mapping, §2.8 lspv -free) and gives every disk a PVID (§2.8). Sizes are
// counted in physical partitions (PPs) of one size per VG, AIX style. PVIDs and VG ids are derived from
// the disk and VG identity so that runs are deterministic (STYLE.md).
import { createHash } from 'node:crypto';
import type { ViosConfig, VgConfig } from './vios-config.ts';
import { fail, VIOS_MSG } from './vios-errors.ts';

const hash = (s: string): string => createHash('sha1').update(s).digest('hex');

/** A PVID: 16 lower-case hex digits (`00c4d7f0a5b3c2d1` form, §2.8). */
export const pvidFor = (uid: string): string => `00${hash(`pvid/${uid}`).slice(0, 14)}`;

/** AIX picks the smallest power-of-two PP size that keeps each disk within 1016 PPs (at least 4 MB). */
export function ppSizeFor(diskMB: number[]): number {
  let pp = 4;
  while (Math.max(0, ...diskMB) / pp > 1016) pp *= 2;
  return pp;
}

export const vgIdFor = (name: string, firstPvid: string): string => `${firstPvid}${hash(`vg/${name}/${firstPvid}`).slice(0, 16)}`;

export interface VgSpace { totalPPs: number; usedPPs: number; freePPs: number }

export function vgSpace(vg: VgConfig, diskSizeMB: (disk: string) => number): VgSpace {
  const totalPPs = vg.pvs.reduce((n, d) => n + Math.floor(diskSizeMB(d) / vg.ppSizeMB), 0);
  const usedPPs = vg.lvs.reduce((n, l) => n + l.pps, 0);
  return { totalPPs, usedPPs, freePPs: totalPPs - usedPPs };
}

/** `512M`, `2G`, or a bare number of megabytes (SIM choice: ioscli mklv takes sizes in M or G). */
export function parseSizeMB(text: string): number {
  const m = /^(\d+)([MmGg]?)$/.exec(text);
  if (!m || Number(m[1]) <= 0) fail(VIOS_MSG.badSize(text));
  return Number(m[1]) * (m[2].toLowerCase() === 'g' ? 1024 : 1);
}

export const findVg = (cfg: ViosConfig, name: string): VgConfig => cfg.vgs.find((g) => g.name === name) ?? fail(VIOS_MSG.vgExists(name));
