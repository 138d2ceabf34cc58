// `lsnports` (vios.md §2.7): column names and values VERIFIED, widths as in the sample (name 17, physloc
// 31, then right-aligned numbers in 6, 6, 6, 6 and 7 characters).
import { pad, right } from './columns.ts';

export interface NportRecord { name: string; physloc: string; fabric: number; tports: number; aports: number; swwpns: number; awwpns: number }

const line = (c: string[]): string =>
  `${pad(c[0], 17)}${pad(c[1], 31)}${right(c[2], 6)} ${right(c[3], 6)} ${right(c[4], 6)} ${right(c[5], 6)} ${right(c[6], 7)}`;

export const nportFields = (r: NportRecord): string[] =>
  [r.name, r.physloc, String(r.fabric), String(r.tports), String(r.aports), String(r.swwpns), String(r.awwpns)];

export const nportTable = (rs: NportRecord[]): string[] =>
  [line(['name', 'physloc', 'fabric', 'tports', 'aports', 'swwpns', 'awwpns']), ...rs.map((r) => line(nportFields(r)))];
