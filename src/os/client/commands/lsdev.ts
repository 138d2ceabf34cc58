// `lsdev` (customized devices): `-C` (the default), `-c class` (disk, adapter, if, processor, …), `-s subclass`,
// `-t type`, `-l name`, `-p parent`, `-S a|d` (Available/Defined), `-F format`, `-H` header. Rows are
// `name status description`; SIM: the location column AIX prints between status and description is left
// out (virtual devices mostly have none; lscfg shows the location codes), which keeps the layout the
// earlier client model printed (data/device-catalog.ts WIDTHS).
import { WIDTHS } from '../data/device-catalog.ts';
import { DEV_MSG } from '../data/client-messages.ts';
import { deviceRows, type DeviceRow } from '../device-list.ts';
import { err, ok, type ClientCommand } from '../shell/client-command.ts';
import { formatFields, getopt, isResult } from './getopt.ts';

const USAGE = 'Usage: lsdev -C [-c Class] [-s Subclass] [-t Type] [-f File] [-F Format | -r ColumnName] [-h] [-H] [-l Name] [-p Parent] [-S State]';
const STATES: Record<string, DeviceRow['status']> = { a: 'Available', d: 'Defined', '0': 'Defined', '1': 'Available' };

const pad = (s: string, n: number): string => (s.length >= n ? `${s} ` : s.padEnd(n));

/** A device's value for an ODM field name (lsdev -F, lsdev -r). */
export function deviceField(r: DeviceRow, field: string): string | undefined {
  switch (field) {
    case 'name': return r.name;
    case 'status': return r.status;
    case 'location': return '';
    case 'description': return r.type.description;
    case 'class': return r.type.cls;
    case 'subclass': return r.type.subclass;
    case 'type': return r.type.type;
    case 'parent': return r.parent;
    case 'physloc': return r.physloc();
    default: return undefined;
  }
}

export const lsdev: ClientCommand = (ctx, argv) => {
  const o = getopt('lsdev', argv, 'CPc:s:t:l:p:S:F:r:Hh', USAGE);
  if (isResult(o)) return o;
  if (o.has('h')) return ok(`${USAGE}\n`);
  if (o.operands.length) return err(`lsdev: Not a recognized flag: ${o.operands[0]}\n${USAGE}`);
  if (o.has('P')) return err('lsdev: -P (the predefined device database) is not simulated; use -C.');
  const state = o.value('S');
  if (state !== undefined && !Object.hasOwn(STATES, state.toLowerCase())) return err(`lsdev: The value ${state} is not valid for the -S flag.\n${USAGE}`);
  let rows = deviceRows(ctx);
  const name = o.value('l');
  if (name !== undefined) {
    rows = rows.filter((r) => r.name === name);
    if (!rows.length) return err(DEV_MSG.notFound('lsdev', name));
  }
  const want = (v: string | undefined, get: (r: DeviceRow) => string) => { if (v !== undefined) rows = rows.filter((r) => get(r) === v); };
  want(o.value('c'), (r) => r.type.cls);
  want(o.value('s'), (r) => r.type.subclass);
  want(o.value('t'), (r) => r.type.type);
  want(o.value('p'), (r) => r.parent);
  if (state !== undefined) rows = rows.filter((r) => r.status === STATES[state.toLowerCase()]);
  const column = o.value('r');
  if (column !== undefined) {
    if (deviceField(rows[0] ?? deviceRows(ctx)[0], column) === undefined) return err(`lsdev: The column name ${column} is not valid.\n${USAGE}`);
    return ok([...new Set(rows.map((r) => deviceField(r, column)!))].map((v) => `${v}\n`).join(''));
  }
  const format = o.value('F');
  if (format !== undefined) return ok(rows.map((r) => `${formatFields(format, (f) => deviceField(r, f))}\n`).join(''));
  const w = Math.max(WIDTHS.lsdevName, ...rows.map((r) => r.name.length + 1));
  const line = (n: string, s: string, d: string): string => `${pad(n, w)}${pad(s, WIDTHS.lsdevStatus)}${d}\n`;
  return ok((o.has('H') ? line('name', 'status', 'description') : '') + rows.map((r) => line(r.name, r.status, r.type.description)).join(''));
};
