// `lspv` (vios.md §2.8): NAME, PVID, VG, STATUS with AIX widths 17/37/17 (UNCERTAIN, the AIX default);
// `-free`/`-size` give NAME, PVID, SIZE(megabytes) in the same widths; `-fmt` gives delimited rows.
import { pad } from './columns.ts';

export interface PvRecord { name: string; pvid: string; vg: string; status: string; sizeMB: number }

export const pvTable = (rs: PvRecord[]): string[] =>
  [['NAME', 'PVID', 'VG', 'STATUS'], ...rs.map((r) => [r.name, r.pvid, r.vg, r.status])]
    .map(([n, p, v, s]) => `${pad(n, 17)}${pad(p, 37)}${pad(v, 17)}${s}`.trimEnd());

export const pvSizeTable = (rs: PvRecord[]): string[] =>
  [['NAME', 'PVID', 'SIZE(megabytes)'], ...rs.map((r) => [r.name, r.pvid, String(r.sizeMB)])].map(([n, p, s]) => `${pad(n, 17)}${pad(p, 37)}${s}`);

export const pvFields = (r: PvRecord, sizes: boolean): string[] => (sizes ? [r.name, r.pvid, String(r.sizeMB)] : [r.name, r.pvid, r.vg, r.status]);
