// Where a logical volume's bytes are on its volume group's disks, for the block path (vios.md §1: mkvg,
// mklv). AIX keeps a map of physical partitions per LV in the VGDA; we keep none and derive the layout
// from the VG configuration alone, deterministically:
//   - each PV holds floor(size / PP size) PPs, numbered from the start of the disk;
//   - the VG's PPs are the PVs' PPs in the VG's PV order (the order mkvg was given);
//   - LVs take PPs in creation order (the order of `lvs`), each contiguously after the one before.
// SIM: we knowingly differ from AIX in three ways: no VGDA area is reserved at the start of a PV (PP 1
// starts at byte 0), mklv's PV list does not steer placement, and `rmvdev -rmlv` removing an LV from the
// middle of a VG moves the LVs created after it (AIX would leave them where they are).
import { createHash } from 'node:crypto';
import type { VgConfig } from './vios-config.ts';

const MB = 1 << 20;

/** A run of bytes on one disk. */
export interface Extent { uid: string; start: number; length: number }

export interface LvLayout { sizeBytes: number; extents: Extent[] }

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
 * The extents of LV number `index` of `vg`, given each PV's disk (uid and size in MB; undefined when the
 * VIOS does not see the disk now). Undefined when a PV is missing or the PVs hold too few PPs.
 */
export function lvLayout(vg: Readonly<VgConfig>, index: number, pvDisk: (pv: string) => { uid: string; sizeMB: number } | undefined): LvLayout | undefined {
  const pps = vg.lvs[index]?.pps;
  if (pps === undefined) return undefined;
  const ppBytes = vg.ppSizeMB * MB;
  let skip = 0;
  for (let i = 0; i < index; i++) skip += vg.lvs[i].pps;
  let want = pps;
  const extents: Extent[] = [];
  for (const pv of vg.pvs) {
    if (want === 0) break;
    const disk = pvDisk(pv);
    if (!disk) return undefined; // a PV the VIOS cannot reach: the LV is not whole
    const have = Math.floor(disk.sizeMB / vg.ppSizeMB);
    if (skip >= have) { skip -= have; continue; }
    const take = Math.min(want, have - skip);
    extents.push({ uid: disk.uid, start: skip * ppBytes, length: take * ppBytes });
    want -= take;
    skip = 0;
  }
  return want === 0 ? { sizeBytes: pps * ppBytes, extents } : undefined;
}
