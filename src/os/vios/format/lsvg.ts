// `lsvg VG` and `lsvg -lv VG` in the AIX layout (UNCERTAIN: vios.md names lsvg without a sample).
// Two label/value columns: labels padded to 20 and 16, the left value padded to 25.
import type { VgConfig } from '../vios-config.ts';
import type { VgSpace } from '../volume-group.ts';

const two = (l1: string, v1: string, l2?: string, v2?: string): string =>
  (l2 === undefined ? `${l1.padEnd(20)}${v1}` : `${l1.padEnd(20)}${v1.padEnd(25)}${l2.padEnd(16)}${v2 ?? ''}`);

export function vgDetail(vg: VgConfig, space: VgSpace, openLvs: number): string[] {
  const mb = (pps: number): string => `${pps} (${pps * vg.ppSizeMB} megabytes)`;
  const descriptors = vg.pvs.length === 1 ? 2 : vg.pvs.length === 2 ? 3 : vg.pvs.length;
  return [
    two('VOLUME GROUP:', vg.name, 'VG IDENTIFIER:', vg.vgid),
    two('VG STATE:', 'active', 'PP SIZE:', `${vg.ppSizeMB} megabyte(s)`),
    two('VG PERMISSION:', 'read/write', 'TOTAL PPs:', mb(space.totalPPs)),
    two('MAX LVs:', '256', 'FREE PPs:', mb(space.freePPs)),
    two('LVs:', String(vg.lvs.length), 'USED PPs:', mb(space.usedPPs)),
    two('OPEN LVs:', String(openLvs), 'QUORUM:', `${Math.floor(descriptors / 2) + 1} (Enabled)`),
    two('TOTAL PVs:', String(vg.pvs.length), 'VG DESCRIPTORS:', String(descriptors)),
    two('STALE PVs:', '0', 'STALE PPs:', '0'),
    two('ACTIVE PVs:', String(vg.pvs.length), 'AUTO ON:', 'yes'),
    two('MAX PPs per VG:', '32512'),
    two('MAX PPs per PV:', '1016', 'MAX PVs:', '32'),
    two('LTG size (Dynamic):', '256 kilobyte(s)', 'AUTO SYNC:', 'no'),
    two('HOT SPARE:', 'no', 'BB POLICY:', 'relocatable'),
  ];
}

export function vgLvTable(vg: VgConfig, open: (lv: string) => boolean): string[] {
  const row = (c: string[]): string => `${c[0].padEnd(20)}${c[1].padEnd(11)}${c[2].padEnd(8)}${c[3].padEnd(8)}${c[4].padEnd(5)}${c[5].padEnd(14)}${c[6]}`;
  return [`${vg.name}:`, row(['LV NAME', 'TYPE', 'LPs', 'PPs', 'PVs', 'LV STATE', 'MOUNT POINT']),
    ...vg.lvs.map((l) => row([l.name, l.type, String(l.pps), String(l.pps), String(new Set(l.extents?.map((e) => e.pv)).size || 1), open(l.name) ? 'open/syncd' : 'closed/syncd', 'N/A']))];
}
