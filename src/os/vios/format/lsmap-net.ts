// `lsmap -net` (vios.md §2.5, VERIFIED layout): one block per virtual Ethernet adapter, columns at 0 and 7;
// `SEA` + value at column 22 but `SEA` + `NO SHARED ETHERNET ADAPTER FOUND` at column 20 (VERIFIED).
import { pad } from './columns.ts';

export interface SveaRecord {
  svea: string;
  physloc: string;
  sea?: { name: string; backing: string; status: string; physloc: string };
}

const label = (l: string, v: string): string => (v === '' ? l : `${l.padEnd(22)}${v}`);

export function sveaBlock(r: SveaRecord): string[] {
  const lines = [`${'SVEA'.padEnd(7)}Physloc`, `${'-'.repeat(6)} ${'-'.repeat(44)}`, `${pad(r.svea, 7)}${r.physloc}`, ''];
  if (!r.sea) return [...lines, `${'SEA'.padEnd(20)}NO SHARED ETHERNET ADAPTER FOUND`];
  return [...lines, label('SEA', r.sea.name), label('Backing device', r.sea.backing), label('Status', r.sea.status), label('Physloc', r.sea.physloc)];
}

export const sveaBlocks = (rs: SveaRecord[]): string[] => rs.flatMap((r, i) => [...(i > 0 ? [''] : []), ...sveaBlock(r)]);

/** `-fmt` form (IBM KC): svea, physloc, sea, backing device, status, backing physloc. */
export const sveaFields = (r: SveaRecord): string[] =>
  (r.sea ? [r.svea, r.physloc, r.sea.name, r.sea.backing, r.sea.status, r.sea.physloc] : [r.svea, r.physloc]);
