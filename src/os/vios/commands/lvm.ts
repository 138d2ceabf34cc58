// Volume groups and logical volumes: mkvg, mklv, lsvg (vios.md §1), and lspv (§2.8) which shows them.
// A disk joins at most one VG and never while it backs a VTD; mkvg writes PVIDs (§2.8).
import { naturalCompare, usedNames, validDeviceName } from '../device-names.ts';
import { describeUse, usersOf, vgOfDisk } from '../device-usage.ts';
import { refusePagingUse } from '../paging-device.ts';
import { findVg, parseSizeMB, ppSizeFor, pvidFor, vgIdFor, vgSpace } from '../volume-group.ts';
import { allocatePps, freePpCount, pinExtents } from '../pp-allocation.ts';
import { fail, VIOS_MSG } from '../vios-errors.ts';
import { out, type Command, type Ctx } from './context.ts';
import { parseArgs } from './args.ts';
import { delimited } from '../format/columns.ts';
import { pvFields, pvSizeTable, pvTable, type PvRecord } from '../format/lspv.ts';
import { vgDetail, vgLvTable } from '../format/lsvg.ts';

const MANY = 1024;

/** AIX default names count with two digits: vg00, lv00 (UNCERTAIN for VIOS). */
function defaultName(prefix: string, used: ReadonlySet<string>): string {
  for (let n = 0; ; n++) if (!used.has(`${prefix}${String(n).padStart(2, '0')}`)) return `${prefix}${String(n).padStart(2, '0')}`;
}

function newName(ctx: Ctx, given: string | undefined, prefix: string): string {
  const used = usedNames(ctx.cfg);
  if (given === undefined) return defaultName(prefix, used);
  if (!validDeviceName(given)) fail(VIOS_MSG.badName(given));
  if (used.has(given) || ctx.tree.get(given)) fail(VIOS_MSG.nameInUse(given));
  return given;
}

const diskMB = (ctx: Ctx) => (name: string): number => ctx.tree.get(name)?.disk?.sizeMB ?? 0;

/** How many PPs of `ppSizeMB` each PV holds (undefined for a disk the VIOS does not see now). */
export const ppsOn = (ctx: Ctx, ppSizeMB: number) => (pv: string): number | undefined => {
  const mb = ctx.tree.get(pv)?.disk?.sizeMB;
  return mb === undefined ? undefined : Math.floor(mb / ppSizeMB);
};

export const mkvg: Command = (ctx, argv) => {
  const a = parseArgs('mkvg', argv, { '-vg': 'value', '-f': 'bool' }, MANY);
  const disks = a.positional;
  if (disks.length === 0 || new Set(disks).size !== disks.length) fail(VIOS_MSG.usage('mkvg', 'give one or more different physical volumes.'));
  for (const d of disks) {
    const dev = ctx.tree.get(d);
    if (!dev || dev.status !== 'Available') fail(VIOS_MSG.noDevice(d));
    if (dev.cls !== 'hdisk') fail(VIOS_MSG.wrongType(d, 'a physical volume'));
    const vg = vgOfDisk(ctx.cfg, d);
    if (vg) fail(VIOS_MSG.inVolumeGroup(d, vg));
    const uses = usersOf(ctx.cfg, d, ctx.env);
    refusePagingUse(d, uses);
    if (uses[0]) fail(VIOS_MSG.adapterUsed(d, describeUse(uses[0])));
  }
  const name = newName(ctx, a.value('-vg'), 'vg');
  const uids = disks.map((d) => ctx.tree.get(d)!.disk!.uid);
  for (const uid of uids) ctx.cfg.pvids[uid] ??= pvidFor(uid);
  ctx.cfg.vgs.push({ name, vgid: vgIdFor(name, ctx.cfg.pvids[uids[0]]), ppSizeMB: ppSizeFor(disks.map(diskMB(ctx))), pvs: disks, lvs: [] });
  ctx.changed = true;
  return out([name]);
};

export const mklv: Command = (ctx, argv) => {
  const a = parseArgs('mklv', argv, { '-lv': 'value', '-type': 'value' }, MANY);
  const [vgName, size, ...pvs] = a.positional;
  if (vgName === undefined || size === undefined) fail(VIOS_MSG.usage('mklv', 'give a volume group and a size.'));
  const vg = findVg(ctx.cfg, vgName);
  for (const p of pvs) if (!vg.pvs.includes(p)) fail(VIOS_MSG.wrongType(p, `a physical volume of "${vgName}"`));
  const pps = Math.ceil(parseSizeMB(size) / vg.ppSizeMB);
  // The LV's PPs: the first free ones on the PVs given (or the VG's), kept in the configuration (pp-allocation.ts).
  const ppsOf = ppsOn(ctx, vg.ppSizeMB);
  const unplaced = pinExtents(vg, ppsOf);
  if (unplaced !== undefined) fail(VIOS_MSG.lvUnplaced(vgName, unplaced));
  const on = pvs.length ? [...new Set(pvs)] : vg.pvs;
  const extents = allocatePps(vg, pps, ppsOf, on) ?? fail(VIOS_MSG.noSpace(vgName, pps, freePpCount(vg, ppsOf, on)));
  const name = newName(ctx, a.value('-lv'), 'lv');
  vg.lvs.push({ name, type: a.value('-type') ?? 'jfs2', pps, extents });
  ctx.changed = true;
  return out([name]);
};

export const lsvg: Command = (ctx, argv) => {
  const a = parseArgs('lsvg', argv, { '-lv': 'bool' }, 1);
  const [name] = a.positional;
  if (name === undefined) {
    if (a.has('-lv')) fail(VIOS_MSG.usage('lsvg', '-lv needs a volume group.'));
    return out(ctx.cfg.vgs.map((g) => g.name));
  }
  const vg = findVg(ctx.cfg, name);
  const open = (lv: string): boolean => ctx.cfg.vtds.some((t) => t.kind === 'lv' && t.backing === lv);
  if (a.has('-lv')) return out(vgLvTable(vg, open));
  return out(vgDetail(vg, vgSpace(vg, diskMB(ctx)), vg.lvs.filter((l) => open(l.name)).length));
};

export const lspv: Command = (ctx, argv) => {
  const a = parseArgs('lspv', argv, { '-free': 'bool', '-size': 'bool', '-fmt': 'value' });
  let rs: PvRecord[] = ctx.tree.list.filter((d) => d.cls === 'hdisk').sort((x, y) => naturalCompare(x.name, y.name)).map((d) => {
    const vg = vgOfDisk(ctx.cfg, d.name);
    return { name: d.name, pvid: ctx.cfg.pvids[d.disk?.uid ?? ''] ?? 'none', vg: vg ?? 'None', status: vg ? 'active' : '', sizeMB: d.disk?.sizeMB ?? 0 };
  });
  // -free: neither in a volume group nor backing a VTD (§2.8), nor a paging space device of the shared memory pool.
  if (a.has('-free')) rs = rs.filter((r) => usersOf(ctx.cfg, r.name, ctx.env).length === 0);
  const sizes = a.has('-free') || a.has('-size');
  const fmt = a.value('-fmt');
  if (fmt !== undefined) return out(delimited(rs.map((r) => pvFields(r, sizes)), fmt));
  return out(sizes ? pvSizeTable(rs) : pvTable(rs));
};
