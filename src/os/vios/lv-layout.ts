// Where a logical volume's bytes are on its volume group's disks, for the block path (vios.md §1: mkvg,
// mklv). As AIX keeps each LV's map of physical partitions in the VGDA, the VIOS configuration keeps each
// LV's runs of PPs (`extents`: PV, first PP, count), written by mklv (pp-allocation.ts picks them) and
// never moved afterwards: removing an LV frees its PPs and leaves every other LV where it is.
//   - each PV holds floor(size / PP size) PPs, numbered from 1 at the start of the disk;
//   - a configuration saved before extents were stored has LVs without them: those are placed as they
//     always were, in creation order (the order of `lvs`), each contiguously after the one before over
//     the PVs in VG order, so existing data directories keep their data; the next mklv or rmvdev -rmlv
//     on the VG writes that placement down (pp-allocation.ts pinExtents) before changing anything.
// SIM: we knowingly differ from AIX in that no VGDA area is reserved at the start of a PV (PP 1 starts at
// byte 0) and an LV has one copy (no mirroring, so one PP per LP).
import { createHash } from 'node:crypto';
import type { VgConfig } from './vios-config.ts';

const MB = 1 << 20;

/** A run of bytes on one disk. */
export interface Extent { uid: string; start: number; length: number }

export interface LvLayout { sizeBytes: number; extents: Extent[] }

/** A run of physical partitions on one PV: `count` PPs from PP number `pp` (1-based, as AIX numbers them). */
export interface PpExtent { pv: string; pp: number; count: number }

/** How many PPs a PV holds (undefined when the VIOS does not see the disk now). */
export type PpsOf = (pv: string) => number | undefined;

/**
 * The identity a client sees for a disk backed by a logical volume (its `unique_id`): derived from the VG
 * id and the LV name, so it is stable across restarts and differs from every physical disk's uid.
 * The `3E2131` prefix is ours (SIM: the real form of an LV-backed virtual disk's id is not in reference/).
 */
export const lvDiskUid = (vgid: string, lv: string): string =>
  `3E2131${createHash('sha1').update(`lv/${vgid}/${lv}`).digest('hex').slice(0, 26).toUpperCase()}`;

/** A mapped logical volume as its clients see it: its own id, and the LV name as its label. */
export function lvDisk(vgs: readonly Readonly<VgConfig>[], lv: string): { uid: string; label: string } | undefined {
  const at = findLv(vgs, lv);
  return at && { uid: lvDiskUid(at.vg.vgid, lv), label: lv };
}

/** The VG holding a logical volume, and the LV's place in it. */
export function findLv(vgs: readonly Readonly<VgConfig>[], lv: string): { vg: Readonly<VgConfig>; index: number } | undefined {
  for (const vg of vgs) {
    const index = vg.lvs.findIndex((l) => l.name === lv);
    if (index >= 0) return { vg, index };
  }
  return undefined;
}

/**
 * The PP runs of LV number `index` of `vg`: the stored ones, or for an LV saved without them the placement
 * of old configurations (creation order; needs every PV up to the LV's end). Undefined when there is no such
 * LV, or its placement cannot be derived (a PV missing, too few PPs).
 */
export function lvPpExtents(vg: Readonly<VgConfig>, index: number, ppsOf: PpsOf): PpExtent[] | undefined {
  const lv = vg.lvs[index];
  if (!lv) return undefined;
  if (lv.extents) return lv.extents.map((e) => ({ ...e }));
  let skip = 0;
  for (let i = 0; i < index; i++) skip += vg.lvs[i].pps;
  let want = lv.pps;
  const out: PpExtent[] = [];
  for (const pv of vg.pvs) {
    if (want === 0) break;
    const have = ppsOf(pv);
    if (have === undefined) return undefined; // a PV the VIOS cannot reach: the LV cannot be placed
    if (skip >= have) { skip -= have; continue; }
    const count = Math.min(want, have - skip);
    out.push({ pv, pp: skip + 1, count });
    want -= count;
    skip = 0;
  }
  return want === 0 ? out : undefined;
}

/**
 * The extents of LV number `index` of `vg`, given each PV's disk (uid and size in MB; undefined when the
 * VIOS does not see the disk now). Undefined when a PV it uses is missing or holds fewer PPs than it needs.
 */
export function lvLayout(vg: Readonly<VgConfig>, index: number, pvDisk: (pv: string) => { uid: string; sizeMB: number } | undefined): LvLayout | undefined {
  const ppsOf = (pv: string): number | undefined => {
    const d = pvDisk(pv);
    return d && Math.floor(d.sizeMB / vg.ppSizeMB);
  };
  const runs = lvPpExtents(vg, index, ppsOf);
  if (!runs) return undefined;
  const ppBytes = vg.ppSizeMB * MB;
  const extents: Extent[] = [];
  for (const r of runs) {
    const disk = pvDisk(r.pv);
    if (!disk || r.pp - 1 + r.count > Math.floor(disk.sizeMB / vg.ppSizeMB)) return undefined; // the LV is not whole
    extents.push({ uid: disk.uid, start: (r.pp - 1) * ppBytes, length: r.count * ppBytes });
  }
  const pps = runs.reduce((n, r) => n + r.count, 0);
  return pps === vg.lvs[index].pps ? { sizeBytes: pps * ppBytes, extents } : undefined;
}
