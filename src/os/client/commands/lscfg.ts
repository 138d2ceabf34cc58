// `lscfg` (device location codes and vital product data): without flags the installed-resource list, one
// line per configured device (`*` marks devices without diagnostic support: the virtual ones); `-l NAME`
// one device; `-v` adds its VPD. Location codes are the platform's virtual ones, `U<type>.<model>.<serial>
// -V<lpar id>-C<slot>-T1`, and for disks the LUN after it (disk-facts.ts). An Ethernet adapter's VPD gives
// its MAC address as "Network Address", a virtual FC adapter's its (first) WWPN. The header text, the dotted
// VPD layout and the disks' VPD fields are AIX as we know it (UNCERTAIN); widths in data/device-catalog.ts.
import { WIDTHS } from '../data/device-catalog.ts';
import { DEV_MSG } from '../data/client-messages.ts';
import { deviceRows, type DeviceRow } from '../device-list.ts';
import { err, ok, type ClientCommand, type ClientCtx } from '../shell/client-command.ts';
import { getopt, isResult } from './getopt.ts';

const USAGE = 'Usage: lscfg [-v] [-p] [-s] [-l Name]';
const pad = (s: string, n: number): string => (s.length >= n ? `${s} ` : s.padEnd(n));
const HEADER = [
  'INSTALLED RESOURCE LIST', '',
  'The following resources are installed on the machine.',
  '+/- = Added or deleted from Resource List.',
  '*   = Diagnostic support not available.', '',
  '  Model Architecture: chrp',
  '  Model Implementation: Multiple Processor, PCI bus', '',
];
/** Devices lscfg lists: not the network interfaces and inet0 (they have no hardware behind them). */
const listed = (r: DeviceRow): boolean => r.status === 'Available' && r.type.cls !== 'if' && r.type.cls !== 'tcpip';
const physical = new Set(['sys0', 'sysplanar0', 'mem0']);

/** VPD lines, `        Key.........value` with the key dotted to a fixed width. */
function vpd(ctx: ClientCtx, r: DeviceRow, loc: string): string[] {
  const io = ctx.p.run.alloc?.virtual_io;
  const slot = r.rec?.slot;
  const fields: [string, string][] = [];
  switch (r.type.type) {
    case 'IBM,l-lan': fields.push(['Network Address', io?.eth.find((a) => a.slot === slot)?.mac_addr.toUpperCase() ?? ''], ['Displayable Message', r.type.description]); break;
    case 'IBM,vfc-client': fields.push(['Network Address', io?.fc.find((a) => a.slot === slot)?.wwpns?.[0].toUpperCase() ?? ''], ['Displayable Message', r.type.description]); break;
    case 'vdisk': fields.push(['Manufacturer', 'IBM'], ['Machine Type and Model', 'VDASD']); break;
    case 'mpioosdisk': fields.push(['Manufacturer', 'IBM'], ['Machine Type and Model', '2145']); break;
    default: break;
  }
  if (loc) fields.push(['Hardware Location Code', loc]);
  return fields.map(([k, v]) => `        ${k.padEnd(28, '.')}${v}`);
}

export const lscfg: ClientCommand = (ctx, argv) => {
  const o = getopt('lscfg', argv, 'vpsl:', USAGE);
  if (isResult(o)) return o;
  if (o.operands.length) return err(`lscfg: Not a recognized flag: ${o.operands[0]}\n${USAGE}`);
  const all = deviceRows(ctx);
  const name = o.value('l');
  const rows = name === undefined ? all.filter(listed) : all.filter((r) => r.name === name);
  if (name !== undefined && !rows.length) return err(DEV_MSG.notFound('lscfg', name));
  const out: string[] = [];
  if (name === undefined) {
    out.push(...HEADER);
    const locs = rows.map((r) => r.physloc());
    const w = Math.max(WIDTHS.lscfgLocation, ...locs.map((l) => l.length + 1));
    rows.forEach((r, i) => {
      out.push(`${physical.has(r.name) || r.type.cls === 'processor' ? '+' : '*'} ${pad(r.name, WIDTHS.lscfgName)}${pad(locs[i], w)}${r.type.description}`);
      if (o.has('v')) out.push(...vpd(ctx, r, locs[i]), '');
    });
    return ok(out.map((l) => `${l}\n`).join(''));
  }
  const r = rows[0];
  const loc = r.physloc();
  out.push(`  ${pad(r.name, WIDTHS.lscfgName)}${loc ? `${loc}  ` : ''}${r.type.description}`);
  if (o.has('v')) out.push('', ...vpd(ctx, r, loc), '');
  return ok(out.map((l) => `${l}\n`).join(''));
};
