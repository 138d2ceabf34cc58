// lsdev (vios.md §2.1, §2.2): all devices, -virtual (VERIFIED order), -type, -dev X [-attr [name]],
// -slots, -vpd, and -field/-fmt selections.
import type { Device, DeviceClass } from '../device-tree.ts';
import { VIRTUAL_GROUPS } from '../device-tree.ts';
import { naturalCompare } from '../device-names.ts';
import { attributeRows } from '../device-attributes.ts';
import { usersOf } from '../device-usage.ts';
import { fail, VIOS_MSG } from '../vios-errors.ts';
import { attrCtx, out, type Command, type Ctx } from './context.ts';
import { parseArgs } from './args.ts';
import { attributeTable, attributeValue, deviceTable, slotTable, vpdListing } from '../format/lsdev.ts';
import { autoTable, delimited } from '../format/columns.ts';

const byName = (a: Device, b: Device): number => naturalCompare(a.name, b.name);

/** `-type` values (ioscli lsdev). ent4sea and ent4ip list only adapters that are still free for that use. */
const TYPES: Record<string, { classes: DeviceClass[]; free?: 'sea' | 'ip' }> = {
  adapter: { classes: ['ent', 'veth', 'sea', 'lnagg', 'vlan', 'fcs', 'sas', 'vhost', 'vfchost', 'vsa', 'vasi', 'vbsd'] },
  disk: { classes: ['hdisk'] },
  lv: { classes: ['lv'] },
  vg: { classes: ['vg'] },
  sea: { classes: ['sea'] },
  ent4sea: { classes: ['ent', 'lnagg'], free: 'sea' },
  ent4ip: { classes: ['ent', 'veth', 'sea', 'lnagg', 'vlan'], free: 'ip' },
  vent: { classes: ['veth'] },
  vtd: { classes: ['vtd'] },
};

/** The -virtual listing: VERIFIED group order (§2.1), natural order inside each group. */
export function virtualDevices(ctx: Ctx): Device[] {
  return VIRTUAL_GROUPS.flatMap((g) => ctx.tree.list.filter((d) => g.includes(d.cls)).sort(byName));
}

const FIELDS: Record<string, (d: Device) => string> = {
  name: (d) => d.name,
  status: (d) => d.status,
  description: (d) => d.description,
  physloc: (d) => d.location,
};

export const lsdev: Command = (ctx, argv) => {
  const a = parseArgs('lsdev', argv, {
    '-virtual': 'bool', '-type': 'value', '-dev': 'value', '-attr': 'optional', '-slots': 'bool', '-vpd': 'bool', '-field': 'multi', '-fmt': 'value',
  });
  if (a.has('-slots')) return out(slotTable(ctx.tree));
  let devs: Device[];
  const name = a.value('-dev');
  if (name !== undefined) {
    const dev = ctx.tree.get(name) ?? fail(VIOS_MSG.noDevice(name));
    if (a.has('-attr')) return out(attributes(ctx, dev, a.value('-attr')));
    devs = [dev];
  } else if (a.has('-attr')) {
    fail(VIOS_MSG.usage('lsdev', '-attr needs -dev.'));
  } else if (a.has('-virtual')) {
    devs = virtualDevices(ctx);
  } else if (a.value('-type') !== undefined) {
    const t = TYPES[a.value('-type') ?? ''] ?? fail(VIOS_MSG.usage('lsdev', `"${a.value('-type')}" is not a valid device type (${Object.keys(TYPES).join(', ')}).`));
    devs = ctx.tree.list.filter((d) => t.classes.includes(d.cls) && freeFor(ctx, d, t.free)).sort(byName);
  } else {
    devs = [...ctx.tree.list].sort(byName);
  }
  if (a.has('-vpd')) return out(vpdListing(devs));
  const fmt = a.value('-fmt');
  const fields = a.list('-field');
  if (fields.length === 0 && fmt === undefined) return out(deviceTable(devs));
  const chosen = fields.length > 0 ? fields : ['name', 'status', 'description'];
  for (const f of chosen) if (!FIELDS[f]) fail(VIOS_MSG.usage('lsdev', `"${f}" is not a valid field (${Object.keys(FIELDS).join(', ')}).`));
  const rows = devs.map((d) => chosen.map((f) => FIELDS[f](d)));
  return out(fmt !== undefined ? delimited(rows, fmt) : autoTable(chosen, rows));
};

function freeFor(ctx: Ctx, d: Device, use: 'sea' | 'ip' | undefined): boolean {
  if (use === undefined) return true;
  const uses = usersOf(ctx.cfg, d.name, ctx.env);
  return use === 'sea' ? uses.length === 0 : !uses.some((u) => u.kind === 'sea' || u.kind === 'lnagg');
}

function attributes(ctx: Ctx, dev: Device, only: string | undefined): string[] {
  const rows = attributeRows(attrCtx(ctx, dev));
  if (only !== undefined) {
    const r = rows.find((x) => x.def.name === only) ?? fail(VIOS_MSG.badAttr(dev.name, only));
    return attributeValue(r.value);
  }
  return attributeTable(rows.map((r) => ({ name: r.def.name, value: r.value, description: r.def.description, settable: r.def.settable })));
}
