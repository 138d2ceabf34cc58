// Which physical partitions a new logical volume gets (vios.md §1: mklv VolumeGroup Size [PhysicalVolume
// ...]): the first free PPs, PV by PV — the PVs mklv was given, in the order given, or else every PV of the
// VG in the VG's order — and within a PV from PP 1 up, so an LV fills the holes earlier removals left.
// The runs are written into the LV's configuration (vios-config.ts `extents`) and never move afterwards
// (lv-layout.ts). SIM: AIX's allocation policies (-a inter/intra-disk, strictness, mirroring) are not
// modelled; this is its default "minimum" policy in its simplest reading.
import { lvPpExtents, type PpExtent, type PpsOf } from './lv-layout.ts';
import type { VgConfig } from './vios-config.ts';

/** The PPs in use on each PV (1-based PP numbers), from every LV's extents. */
function usedPps(vg: Readonly<VgConfig>, ppsOf: PpsOf): Map<string, Set<number>> | undefined {
  const used = new Map<string, Set<number>>(vg.pvs.map((pv) => [pv, new Set<number>()]));
  for (let i = 0; i < vg.lvs.length; i++) {
    const runs = lvPpExtents(vg, i, ppsOf);
    if (!runs) return undefined;
    for (const r of runs) for (let pp = r.pp; pp < r.pp + r.count; pp++) used.get(r.pv)?.add(pp);
  }
  return used;
}

/**
 * Write down where every LV of `vg` is (for LVs of configurations saved without extents, their derived
 * place), so that later changes move nothing. Returns the first LV that cannot be placed now (a PV it
 * needs is missing: the VG cannot be changed safely then), or undefined when every LV has its extents.
 */
export function pinExtents(vg: VgConfig, ppsOf: PpsOf): string | undefined {
  for (let i = 0; i < vg.lvs.length; i++) {
    if (vg.lvs[i].extents) continue;
    const runs = lvPpExtents(vg, i, ppsOf);
    if (!runs) return vg.lvs[i].name;
    vg.lvs[i].extents = runs;
  }
  return undefined;
}

/** How many PPs are free on the given PVs (all of the VG's by default). */
export function freePpCount(vg: Readonly<VgConfig>, ppsOf: PpsOf, pvs: readonly string[] = vg.pvs): number {
  const used = usedPps(vg, ppsOf);
  if (!used) return 0;
  return pvs.reduce((n, pv) => n + Math.max(0, (ppsOf(pv) ?? 0) - (used.get(pv)?.size ?? 0)), 0);
}

/**
 * The first `count` free PPs on `pvs` (in that order), as runs of consecutive PPs; undefined when there
 * are fewer free PPs than that.
 */
export function allocatePps(vg: Readonly<VgConfig>, count: number, ppsOf: PpsOf, pvs: readonly string[] = vg.pvs): PpExtent[] | undefined {
  const used = usedPps(vg, ppsOf);
  if (!used) return undefined;
  const out: PpExtent[] = [];
  let want = count;
  for (const pv of pvs) {
    const have = ppsOf(pv) ?? 0;
    const taken = used.get(pv) ?? new Set<number>();
    for (let pp = 1; pp <= have && want > 0; pp++) {
      if (taken.has(pp)) continue;
      const last = out[out.length - 1];
      if (last && last.pv === pv && last.pp + last.count === pp) last.count++;
      else out.push({ pv, pp, count: 1 });
      want--;
    }
    if (want === 0) return out;
  }
  return undefined;
}
