// mkvdev (vios.md §2.9): vSCSI mappings (-vdev … -vadapter vhostN), Shared Ethernet Adapters (-sea),
// link aggregations (-lnagg) and VLAN devices (-vlan). The rules live in vscsi-mapping.ts,
// shared-ethernet-adapter.ts and link-aggregation.ts; this file reads the flags and records the result.
import { checkAssignment } from '../device-attributes.ts';
import { nextFreeName, usedNames } from '../device-names.ts';
import { checkSea } from '../shared-ethernet-adapter.ts';
import { checkLnagg, checkVlan } from '../link-aggregation.ts';
import { planMapping } from '../vscsi-mapping.ts';
import { fail, VIOS_MSG } from '../vios-errors.ts';
import type { DeviceClass } from '../device-tree.ts';
import { out, type Command, type Ctx } from './context.ts';
import { parseArgs, parseAssignments, type ParsedArgs } from './args.ts';

const MODES = ['-vdev', '-sea', '-lnagg', '-vlan', '-fbo'] as const;
/** Which flags each form accepts besides its own. */
const FORM_FLAGS: Record<(typeof MODES)[number], string[]> = {
  '-vdev': ['-vadapter', '-dev', '-f'],
  '-sea': ['-vadapter', '-default', '-defaultid', '-attr'],
  '-lnagg': ['-attr'],
  '-vlan': ['-tagid'],
  '-fbo': ['-vadapter', '-dev'],
};

export const mkvdev: Command = (ctx, argv) => {
  const a = parseArgs('mkvdev', argv, {
    '-vdev': 'value', '-vadapter': 'value', '-dev': 'value', '-f': 'bool', '-sea': 'value', '-default': 'value',
    '-defaultid': 'value', '-attr': 'multi', '-lnagg': 'value', '-vlan': 'value', '-tagid': 'value', '-fbo': 'bool',
  });
  const modes = MODES.filter((m) => a.has(m));
  if (modes.length !== 1) fail(VIOS_MSG.usage('mkvdev', 'give exactly one of -vdev, -sea, -lnagg, -vlan, -fbo.'));
  const mode = modes[0];
  for (const f of ['-vadapter', '-dev', '-f', '-default', '-defaultid', '-attr', '-tagid']) {
    if (a.has(f) && !FORM_FLAGS[mode].includes(f)) fail(VIOS_MSG.usage('mkvdev', `the flag ${f} cannot be used with ${mode}.`));
  }
  switch (mode) {
    case '-vdev': return mapVdev(ctx, a);
    case '-sea': return makeSea(ctx, a);
    case '-lnagg': return makeLnagg(ctx, a);
    case '-vlan': return makeVlan(ctx, a);
    case '-fbo': return fail(VIOS_MSG.unsupported('mkvdev -fbo (file-backed virtual optical devices)'));
  }
};

const need = (a: ParsedArgs, flag: string, form: string): string =>
  a.value(flag) ?? fail(VIOS_MSG.usage('mkvdev', `${form} needs ${flag}.`));

function mapVdev(ctx: Ctx, a: ParsedArgs): string {
  const vtd = planMapping({ vdev: need(a, '-vdev', '-vdev'), vhost: need(a, '-vadapter', '-vdev'), name: a.value('-dev'), force: a.has('-f') }, ctx.tree, ctx.cfg, ctx.settings);
  ctx.cfg.vtds.push(vtd);
  ctx.changed = true;
  return out([`${vtd.name} Available`]);
}

/** `-attr` words checked against the device class's attribute table; `structural` ones are handled by the caller. */
function attrsFor(name: string, cls: DeviceClass, a: ParsedArgs, structural: string[] = []): Map<string, string> {
  const m = parseAssignments('mkvdev', a.list('-attr'));
  for (const [k, v] of m) {
    if (structural.includes(k)) fail(VIOS_MSG.usage('mkvdev', `give ${k} with its own flag, not with -attr.`));
    checkAssignment(name, cls, k, v);
  }
  return m;
}

function makeSea(ctx: Ctx, a: ParsedArgs): string {
  const real = need(a, '-sea', '-sea');
  const virt = need(a, '-vadapter', '-sea').split(',');
  const pvidAdapter = need(a, '-default', '-sea');
  const id = need(a, '-defaultid', '-sea');
  const name = nextFreeName('ent', usedNames(ctx.cfg));
  const attrs = attrsFor(name, 'sea', a, ['real_adapter', 'virt_adapters', 'pvid', 'pvid_adapter']);
  if (!/^\d+$/.test(id) || Number(id) < 1 || Number(id) > 4094) fail(VIOS_MSG.badValue('defaultid', id, 'use a VLAN id from 1 to 4094'));
  const spec = { name, realAdapter: real, virtAdapters: virt, pvidAdapter, pvid: Number(id), haMode: attrs.get('ha_mode') ?? 'disabled', ctlChan: attrs.get('ctl_chan') || undefined };
  checkSea(spec, ctx.tree, ctx.cfg);
  ctx.cfg.seas.push({ name, realAdapter: real, virtAdapters: virt, pvidAdapter, pvid: spec.pvid });
  if (attrs.size > 0) ctx.cfg.attrs[name] = Object.fromEntries(attrs);
  ctx.changed = true;
  const n = name.slice('ent'.length);
  return out([`${name} Available`, `en${n}`, `et${n}`]);
}

function makeLnagg(ctx: Ctx, a: ParsedArgs): string {
  const adapters = need(a, '-lnagg', '-lnagg').split(',');
  const name = nextFreeName('ent', usedNames(ctx.cfg));
  const m = parseAssignments('mkvdev', a.list('-attr'));
  const backup = m.get('backup_adapter');
  m.delete('backup_adapter');
  for (const [k, v] of m) checkAssignment(name, 'lnagg', k, v);
  checkLnagg(adapters, backup, ctx.tree, ctx.cfg);
  ctx.cfg.lnaggs.push({ name, adapters, ...(backup !== undefined ? { backupAdapter: backup } : {}) });
  if (m.size > 0) ctx.cfg.attrs[name] = Object.fromEntries(m);
  ctx.changed = true;
  return out([`${name} Available`]);
}

function makeVlan(ctx: Ctx, a: ParsedArgs): string {
  const base = need(a, '-vlan', '-vlan');
  const tagId = checkVlan(base, need(a, '-tagid', '-vlan'), ctx.tree, ctx.cfg);
  const name = nextFreeName('ent', usedNames(ctx.cfg));
  ctx.cfg.vlans.push({ name, base, tagId });
  ctx.changed = true;
  return out([`${name} Available`]);
}
