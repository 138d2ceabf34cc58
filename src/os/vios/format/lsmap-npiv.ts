// `lsmap -npiv` (vios.md §2.4, VERIFIED layout): header columns at 0, 14, 49 (ClntID right-aligned in 6),
// 56 and 71; then colon-separated detail lines, `FC name:` and `VFC client name:` pairs padded to 32.
import { pad, right } from './columns.ts';

export interface VfchostRecord {
  name: string; physloc: string; clntId: string; clntName: string; clntOs: string;
  status: 'LOGGED_IN' | 'NOT_LOGGED_IN'; fcName: string; fcLoc: string; portsLoggedIn: number;
  /** e.g. `a<LOGGED_IN,STRIP_MERGE>` */
  flags: string; vfcClientName: string; vfcClientDrc: string;
}

export const NPIV_HEADER = `${'Name'.padEnd(14)}${'Physloc'.padEnd(35)}ClntID ${'ClntName'.padEnd(15)}ClntOS`;
export const NPIV_SEPARATOR = `${'-'.repeat(13)} ${'-'.repeat(34)} ${'-'.repeat(6)} ${'-'.repeat(14)} ${'-'.repeat(7)}`;

export function vfchostBlock(r: VfchostRecord): string[] {
  return [
    NPIV_HEADER,
    NPIV_SEPARATOR,
    `${pad(r.name, 14)}${pad(r.physloc, 35)}${right(r.clntId, 6)} ${pad(r.clntName, 15)}${r.clntOs}`.trimEnd(),
    '',
    `Status:${r.status}`,
    `${pad(`FC name:${r.fcName}`, 32)}FC loc code:${r.fcLoc}`,
    `Ports logged in:${r.portsLoggedIn}`,
    `Flags:${r.flags}`,
    `${pad(`VFC client name:${r.vfcClientName}`, 32)}VFC client DRC:${r.vfcClientDrc}`,
  ];
}

export const vfchostBlocks = (rs: VfchostRecord[]): string[] => rs.flatMap((r, i) => [...(i > 0 ? [''] : []), ...vfchostBlock(r)]);

// `-fmt :` (VERIFIED field order); the flags field is the leading code only (`a`, `1`, `4`, `0`).
export const NPIV_FIELDS = ['name', 'physloc', 'clntid', 'clntname', 'clntos', 'status', 'fc', 'fcphysloc', 'ports', 'flags', 'vfcclient', 'vfcclientdrc'] as const;

export function vfchostFields(r: VfchostRecord, fields: readonly string[]): string[] {
  const all: Record<(typeof NPIV_FIELDS)[number], string> = {
    name: r.name, physloc: r.physloc, clntid: r.clntId, clntname: r.clntName, clntos: r.clntOs, status: r.status,
    fc: r.fcName, fcphysloc: r.fcLoc, ports: String(r.portsLoggedIn), flags: r.flags.replace(/<.*$/, ''),
    vfcclient: r.vfcClientName, vfcclientdrc: r.vfcClientDrc,
  };
  return NPIV_FIELDS.filter((f) => fields.includes(f)).map((f) => all[f]);
}
