// rmvdev and rmdev (vios.md §2.9): removing a mapping, and removing a device together with what depends
// on it. A device that backs a mapping, an SEA, a link aggregation or a VLAN device, or that has child
// devices, is refused unless -recursive, which removes the dependents first (one `<dev> deleted` line
// each, deepest first). Removing hardware drops its name; cfgdev finds it again (SIM-RULE §1.1).
// `-ucfg` leaves the devices Defined instead of deleting them.
import type { Device } from '../device-tree.ts';
import { describeUse, usersOf } from '../device-usage.ts';
import { FIXED_DEVICES } from '../device-names.ts';
import { refusePagingUse } from '../paging-device.ts';
import { fail, VIOS_MSG } from '../vios-errors.ts';
import { out, type Command, type Ctx } from './context.ts';
import { parseArgs } from './args.ts';
import { ppsOn } from './lvm.ts';
import { pinExtents } from '../pp-allocation.ts';

export const rmvdev: Command = (ctx, argv) => {
  const a = parseArgs('rmvdev', argv, { '-vtd': 'value', '-vdev': 'value', '-rmlv': 'bool', '-f': 'bool' });
  if (a.has('-vtd') === a.has('-vdev')) fail(VIOS_MSG.usage('rmvdev', 'give either -vtd or -vdev.'));
  const vtd = a.value('-vtd');
  const gone = vtd !== undefined
    ? [ctx.cfg.vtds.find((t) => t.name === vtd) ?? fail(ctx.tree.get(vtd) ? VIOS_MSG.wrongType(vtd, 'a virtual target device') : VIOS_MSG.noDevice(vtd))]
    : ctx.cfg.vtds.filter((t) => t.backing === a.value('-vdev'));
  if (gone.length === 0) fail(VIOS_MSG.notMapped(a.value('-vdev') ?? ''));
  // -rmlv never deletes a paging space device of the shared memory pool (paging-device.ts).
  if (a.has('-rmlv')) for (const t of gone) if (t.kind === 'lv') refusePagingUse(t.backing, usersOf(ctx.cfg, t.backing, ctx.env));
  for (const t of gone) {
    forget(ctx, t.name);
    ctx.cfg.vtds = ctx.cfg.vtds.filter((x) => x !== t);
    if (a.has('-rmlv') && t.kind === 'lv') removeLv(ctx, t.backing);
  }
  ctx.changed = true;
  return out(gone.map((t) => `${t.name} deleted`));
};

export const rmdev: Command = (ctx, argv) => {
  const a = parseArgs('rmdev', argv, { '-dev': 'value', '-recursive': 'bool', '-ucfg': 'bool', '-f': 'bool' });
  const name = a.value('-dev') ?? fail(VIOS_MSG.usage('rmdev', 'give -dev.'));
  const root = ctx.tree.get(name) ?? fail(VIOS_MSG.noDevice(name));
  const ucfg = a.has('-ucfg');
  const plan: string[] = [];
  collect(ctx, root, a.has('-recursive'), ucfg, plan, new Set());
  for (const n of plan) (ucfg ? unconfigure : remove)(ctx, n);
  ctx.changed = true;
  return out(plan.map((n) => `${n} ${ucfg ? 'Defined' : 'deleted'}`));
};

/** Child devices in the tree: an FC port's protocol device, the disks behind a controller or port. */
function children(ctx: Ctx, d: Device): Device[] {
  const { list, env } = ctx.tree;
  if (d.cls === 'fcs') return list.filter((x) => x.cls === 'fscsi' && x.port === d.port);
  if (d.cls === 'fscsi') {
    const only = (uid: string): boolean => env.sanDisks.filter((s) => s.uid === uid).every((s) => s.viaPort === d.location);
    return list.filter((x) => x.cls === 'hdisk' && x.disk?.kind === 'san' && only(x.disk.uid));
  }
  if (d.cls === 'sas') return list.filter((x) => x.cls === 'hdisk' && d.adapter?.disks.includes(x.disk!));
  return [];
}

function collect(ctx: Ctx, d: Device, recursive: boolean, ucfg: boolean, plan: string[], seen: Set<string>): void {
  if (seen.has(d.name)) return;
  seen.add(d.name);
  if ((FIXED_DEVICES as readonly string[]).includes(d.name)) fail(VIOS_MSG.wrongType(d.name, 'a device that can be removed'));
  if (d.cls === 'vg' || d.cls === 'lv') fail(VIOS_MSG.unsupported('Removing volume groups and logical volumes'));
  const uses = usersOf(ctx.cfg, d.name, ctx.env).filter((u) => !(ucfg && u.kind === 'vfc'));
  refusePagingUse(d.name, uses); // neither -recursive nor -ucfg takes a paging space device away
  const vg = uses.find((u) => u.kind === 'vg');
  if (vg) fail(VIOS_MSG.vgBusy(d.name, vg.name));
  const deps = [...children(ctx, d), ...uses.filter((u) => u.kind !== 'vfc').map((u) => ctx.tree.get(u.name)).filter((x): x is Device => !!x)];
  if (!recursive && (deps.length > 0 || uses.length > 0)) {
    fail(VIOS_MSG.busy(d.name, deps[0] ? `"${deps[0].name}"` : describeUse(uses[0])));
  }
  for (const dep of deps) collect(ctx, dep, recursive, ucfg, plan, seen);
  plan.push(d.name);
}

/**
 * `-rmlv`: the LV goes and its PPs become free; every other LV of its VG keeps its PPs (their places are
 * written down first for a configuration saved without them: pp-allocation.ts pinExtents).
 */
function removeLv(ctx: Ctx, lv: string): void {
  const vg = ctx.cfg.vgs.find((g) => g.lvs.some((l) => l.name === lv));
  if (!vg) return;
  const unplaced = pinExtents(vg, ppsOn(ctx, vg.ppSizeMB));
  if (unplaced !== undefined) fail(VIOS_MSG.lvUnplaced(vg.name, unplaced));
  vg.lvs = vg.lvs.filter((l) => l.name !== lv);
}

/** Drop every trace of a device name from the configuration's per-device tables. */
function forget(ctx: Ctx, name: string): void {
  delete ctx.cfg.attrs[name];
  ctx.cfg.defined = ctx.cfg.defined.filter((n) => n !== name);
}

function remove(ctx: Ctx, name: string): void {
  const c = ctx.cfg;
  forget(ctx, name);
  c.vtds = c.vtds.filter((t) => t.name !== name);
  c.seas = c.seas.filter((s) => s.name !== name);
  c.lnaggs = c.lnaggs.filter((l) => l.name !== name);
  c.vlans = c.vlans.filter((v) => v.name !== name);
  c.vfc = c.vfc.filter((m) => m.vfchost !== name && m.fcs !== name);
  c.names = c.names.filter((n) => n.name !== name);
}

function unconfigure(ctx: Ctx, name: string): void {
  if (!ctx.cfg.defined.includes(name)) ctx.cfg.defined.push(name);
}
