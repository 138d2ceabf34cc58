// `lsmap -all` / `lsmap -vadapter vhostN` (vios.md §2.3, VERIFIED layout): header columns at 0, 16 and
// 61; VTD groups of label/value lines with labels padded to 22; blocks separated by one empty line.
import { pad } from './columns.ts';

export interface VtdRecord { vtd: string; status: string; lun: string; backing: string; bdphysloc: string; mirrored: string }
export interface VhostRecord { svsa: string; physloc: string; clientId: string; vtds: VtdRecord[] }

const label = (l: string, v: string): string => (v === '' ? l : `${l.padEnd(22)}${v}`);

export function vhostBlock(r: VhostRecord, emptyVhostLine: string): string[] {
  const lines = [
    `${'SVSA'.padEnd(16)}${'Physloc'.padEnd(45)}Client Partition ID`,
    `${'-'.repeat(15)} ${'-'.repeat(44)} ${'-'.repeat(18)}`,
    `${pad(r.svsa, 16)}${pad(r.physloc, 45)}${r.clientId}`,
    '',
  ];
  if (r.vtds.length === 0) return [...lines, emptyVhostLine];
  r.vtds.forEach((t, i) => {
    if (i > 0) lines.push('');
    // An empty Physloc (logical volume backing) is printed as the label only (§2.3).
    lines.push(label('VTD', t.vtd), label('Status', t.status), label('LUN', t.lun), label('Backing device', t.backing),
      label('Physloc', t.bdphysloc), label('Mirrored', t.mirrored));
  });
  return lines;
}

export const vhostBlocks = (rs: VhostRecord[], emptyVhostLine: string): string[] =>
  rs.flatMap((r, i) => [...(i > 0 ? [''] : []), ...vhostBlock(r, emptyVhostLine)]);

// `-fmt` / `-field` (§2.3; field names UNCERTAIN): the vhost fields, then each VTD group's fields.
export const VHOST_FIELDS = ['svsa', 'physloc', 'clientid'] as const;
export const VTD_FIELDS = ['vtd', 'status', 'lun', 'backing', 'bdphysloc', 'mirrored'] as const;

export function vhostFields(r: VhostRecord, fields: readonly string[]): string[] {
  const h: Record<string, string> = { svsa: r.svsa, physloc: r.physloc, clientid: r.clientId };
  const row = VHOST_FIELDS.filter((f) => fields.includes(f)).map((f) => h[f]);
  for (const t of r.vtds) row.push(...VTD_FIELDS.filter((f) => fields.includes(f)).map((f) => t[f]));
  return row;
}
