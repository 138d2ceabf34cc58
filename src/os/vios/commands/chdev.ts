// chdev and cfgdev (vios.md §2.9, §1.1).
// chdev: every attribute is checked against the device's attribute table first, then the cross-attribute
// rules (§6: round_robin is not allowed with single_path; SEA rules of §5 for an SEA's structure), and
// only then is anything stored. Without -perm a busy device (a mapped or VG disk, an FC port with
// children, an adapter inside an SEA) is refused; -perm stores the value for the next configuration.
// `pv=yes|clear` writes or clears a disk's PVID (AIX pseudo-attribute).
import type { Device } from '../device-tree.ts';
import { attrValue, checkAssignment, ATTRIBUTES } from '../device-attributes.ts';
import { configureDevices } from '../device-names.ts';
import { describeUse, usersOf, vgOfDisk } from '../device-usage.ts';
import { checkSea, seaSpecOf } from '../shared-ethernet-adapter.ts';
import { pvidFor } from '../volume-group.ts';
import { fail, VIOS_MSG } from '../vios-errors.ts';
import { attrCtx, out, type Command, type Ctx } from './context.ts';
import { parseArgs, parseAssignments } from './args.ts';

export const cfgdev: Command = (ctx, argv) => {
  const a = parseArgs('cfgdev', argv, { '-dev': 'value' });
  const parent = a.value('-dev');
  // SIM simplification: -dev <parent> configures everything new, not only the parent's children.
  if (parent !== undefined && !ctx.tree.get(parent)) fail(VIOS_MSG.noDevice(parent));
  ctx.changed = configureDevices(ctx.cfg, ctx.env);
  return '';
};

const SEA_STRUCTURE = ['real_adapter', 'virt_adapters', 'pvid', 'pvid_adapter', 'ha_mode', 'ctl_chan'];

/** Why changing the device now would disturb it, or undefined. */
function busyReason(ctx: Ctx, d: Device): string | undefined {
  const uses = usersOf(ctx.cfg, d.name, ctx.env);
  if (['hdisk', 'ent', 'veth'].includes(d.cls) && uses.length > 0) return describeUse(uses[0]);
  if (d.cls === 'fcs') return 'its FC SCSI protocol device';
  if (d.cls === 'fscsi') {
    const disk = ctx.tree.list.find((x) => x.cls === 'hdisk' && x.disk?.kind === 'san' && ctx.env.sanDisks.some((s) => s.uid === x.disk?.uid && s.viaPort === d.location));
    return disk ? `"${disk.name}"` : undefined;
  }
  return undefined;
}

export const chdev: Command = (ctx, argv) => {
  const a = parseArgs('chdev', argv, { '-dev': 'value', '-attr': 'multi', '-perm': 'bool' });
  const name = a.value('-dev') ?? fail(VIOS_MSG.usage('chdev', 'give -dev.'));
  const d = ctx.tree.get(name) ?? fail(VIOS_MSG.noDevice(name));
  const changes = parseAssignments('chdev', a.list('-attr'));
  if (changes.size === 0) fail(VIOS_MSG.usage('chdev', 'give at least one attribute=value with -attr.'));

  const pv = d.cls === 'hdisk' ? changes.get('pv') : undefined;
  if (pv !== undefined) {
    changes.delete('pv');
    if (pv !== 'yes' && pv !== 'clear') fail(VIOS_MSG.badValue('pv', pv, 'use yes or clear'));
    const vg = vgOfDisk(ctx.cfg, name);
    if (pv === 'clear' && vg) fail(VIOS_MSG.vgBusy(name, vg));
  }
  for (const [k, v] of changes) checkAssignment(name, d.cls, k, v);

  const after = (k: string): string => changes.get(k) ?? attrValue((ATTRIBUTES[d.cls] ?? []).find((x) => x.name === k)!, attrCtx(ctx, d));
  if (d.cls === 'hdisk' && after('algorithm') === 'round_robin' && after('reserve_policy') === 'single_path') fail(VIOS_MSG.rrSinglePath(name));

  const busy = a.has('-perm') || changes.size === 0 ? undefined : busyReason(ctx, d);
  if (busy) fail(VIOS_MSG.busyAttr(name, busy));

  if (d.cls === 'sea' && SEA_STRUCTURE.some((k) => changes.has(k))) changeSeaStructure(ctx, name, changes);

  if (pv === 'yes' && d.disk) ctx.cfg.pvids[d.disk.uid] ??= pvidFor(d.disk.uid);
  if (pv === 'clear' && d.disk) delete ctx.cfg.pvids[d.disk.uid];
  if (changes.size > 0) ctx.cfg.attrs[name] = { ...ctx.cfg.attrs[name], ...Object.fromEntries(changes) };
  ctx.changed = true;
  return out([`${name} changed`]);
};

/** §5: an SEA's adapters, default PVID, ha_mode and control channel change only to a valid SEA. */
function changeSeaStructure(ctx: Ctx, name: string, changes: Map<string, string>): void {
  const spec = seaSpecOf(ctx.cfg, name)!;
  const pvid = changes.get('pvid');
  if (pvid !== undefined && !/^\d+$/.test(pvid)) fail(VIOS_MSG.badValue('pvid', pvid, 'use a VLAN id from 1 to 4094'));
  const next = {
    ...spec,
    realAdapter: changes.get('real_adapter') ?? spec.realAdapter,
    virtAdapters: changes.has('virt_adapters') ? (changes.get('virt_adapters') ?? '').split(',').filter((x) => x !== '') : spec.virtAdapters,
    pvidAdapter: changes.get('pvid_adapter') ?? spec.pvidAdapter,
    pvid: pvid !== undefined ? Number(pvid) : spec.pvid,
    haMode: changes.get('ha_mode') ?? spec.haMode,
    ctlChan: changes.has('ctl_chan') ? changes.get('ctl_chan') || undefined : spec.ctlChan,
  };
  checkSea(next, ctx.tree, ctx.cfg);
  const rec = ctx.cfg.seas.find((s) => s.name === name)!;
  Object.assign(rec, { realAdapter: next.realAdapter, virtAdapters: next.virtAdapters, pvidAdapter: next.pvidAdapter, pvid: next.pvid });
  for (const k of ['real_adapter', 'virt_adapters', 'pvid', 'pvid_adapter']) changes.delete(k); // kept in the record
}
