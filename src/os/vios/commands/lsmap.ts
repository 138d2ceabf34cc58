// lsmap (vios.md §2.3 vSCSI, §2.4 NPIV, §2.5 network): builds one record per server adapter from the
// environment (clients, ports) and the configuration (mappings, SEAs), and hands it to the VERIFIED
// formats. `-fmt` prints one delimited line per adapter; `-field` selects fields (needs -fmt here).
import type { Device } from '../device-tree.ts';
import { naturalCompare } from '../device-names.ts';
import { lunHex } from '../device-attributes.ts';
import { vtdsOf } from '../vscsi-mapping.ts';
import { fail, VIOS_MSG } from '../vios-errors.ts';
import { out, type Command, type Ctx } from './context.ts';
import { parseArgs } from './args.ts';
import { delimited } from '../format/columns.ts';
import { vhostBlocks, vhostFields, VHOST_FIELDS, VTD_FIELDS, type VhostRecord } from '../format/lsmap-vscsi.ts';
import { vfchostBlocks, vfchostFields, NPIV_FIELDS, type VfchostRecord } from '../format/lsmap-npiv.ts';
import { sveaBlocks, sveaFields, type SveaRecord } from '../format/lsmap-net.ts';

export function vhostRecord(ctx: Ctx, d: Device): VhostRecord {
  const c = d.va?.client;
  // §2.3: the client id when the client is connected; otherwise 0 or the configured id (UNCERTAIN, a setting).
  const id = c?.running ? c.lparId : ctx.settings.vscsiClientIdWhenDown === 'configured' ? (c?.lparId ?? d.va?.remoteLparId ?? 0) : 0;
  return {
    svsa: d.name,
    physloc: d.location,
    clientId: `0x${id.toString(16).padStart(8, '0')}`,
    vtds: vtdsOf(ctx.cfg, d.name, naturalCompare).map((t) => ({
      vtd: t.name,
      status: ctx.tree.get(t.name)?.status ?? 'Available',
      lun: lunHex(t.lun),
      backing: t.backing,
      bdphysloc: t.kind === 'disk' ? (ctx.tree.get(t.backing)?.location ?? '') : '',
      mirrored: t.kind === 'disk' ? 'false' : 'N/A',
    })),
  };
}

export function vfchostRecord(ctx: Ctx, d: Device): VfchostRecord {
  const map = ctx.cfg.vfc.find((m) => m.vfchost === d.name);
  const port = map ? ctx.tree.get(map.fcs) : undefined;
  const c = d.va?.client;
  const running = c?.running === true;
  // §2.4 states: mapped + client running + port on an NPIV fabric → logged in; mapped otherwise → NOT_LOGGED.
  const loggedIn = running && port?.port?.fabric === true;
  return {
    name: d.name,
    physloc: d.location,
    clntId: String(c?.lparId ?? d.va?.remoteLparId ?? ''),
    clntName: running ? c.name : '',
    clntOs: running ? c.os : '',
    status: loggedIn ? 'LOGGED_IN' : 'NOT_LOGGED_IN',
    fcName: map?.fcs ?? '',
    fcLoc: port?.location ?? '',
    portsLoggedIn: loggedIn ? ctx.settings.npivPortsLoggedIn : 0,
    flags: loggedIn ? 'a<LOGGED_IN,STRIP_MERGE>' : map ? '4<NOT_LOGGED>' : '1<NOT_MAPPED,NOT_CONNECTED>',
    vfcClientName: loggedIn && c ? ctx.settings.vfcClientDeviceName(c) : '',
    vfcClientDrc: loggedIn && c ? c.location : '',
  };
}

export function sveaRecord(ctx: Ctx, d: Device): SveaRecord {
  const s = ctx.cfg.seas.find((x) => x.virtAdapters.includes(d.name));
  if (!s) return { svea: d.name, physloc: d.location };
  return {
    svea: d.name,
    physloc: d.location,
    sea: { name: s.name, backing: s.realAdapter, status: ctx.tree.get(s.name)?.status ?? 'Available', physloc: ctx.tree.get(s.realAdapter)?.location ?? '' },
  };
}

export const lsmap: Command = (ctx, argv) => {
  const a = parseArgs('lsmap', argv, { '-all': 'bool', '-vadapter': 'value', '-npiv': 'bool', '-net': 'bool', '-fmt': 'value', '-field': 'multi' });
  if (a.has('-all') === a.has('-vadapter')) fail(VIOS_MSG.usage('lsmap', 'give either -all or -vadapter.'));
  if (a.has('-npiv') && a.has('-net')) fail(VIOS_MSG.usage('lsmap', '-npiv and -net cannot be used together.'));
  const fmt = a.value('-fmt');
  const fields = a.list('-field');
  if (fields.length > 0 && fmt === undefined) fail(VIOS_MSG.usage('lsmap', '-field needs -fmt in the simulated Virtual I/O Server.'));
  const kind = a.has('-npiv') ? 'vfchost' : a.has('-net') ? 'veth' : 'vhost';
  const one = a.value('-vadapter');
  let devs: Device[];
  if (one !== undefined) {
    const d = ctx.tree.get(one);
    if (!d || d.cls !== kind) fail(kind === 'vhost' ? VIOS_MSG.notVhost(one) : kind === 'vfchost' ? VIOS_MSG.notVfchost(one) : VIOS_MSG.wrongType(one, 'a virtual Ethernet adapter'));
    devs = [d];
  } else {
    devs = ctx.tree.list.filter((d) => d.cls === kind && d.status === 'Available').sort((x, y) => naturalCompare(x.name, y.name));
  }
  const check = (allowed: readonly string[]): void => {
    for (const f of fields) if (!allowed.includes(f)) fail(VIOS_MSG.usage('lsmap', `"${f}" is not a valid field (${allowed.join(', ')}).`));
  };
  if (kind === 'vfchost') {
    const rs = devs.map((d) => vfchostRecord(ctx, d));
    check(NPIV_FIELDS);
    return out(fmt === undefined ? vfchostBlocks(rs) : delimited(rs.map((r) => vfchostFields(r, fields.length ? fields : NPIV_FIELDS)), fmt));
  }
  if (kind === 'veth') {
    if (fields.length > 0) fail(VIOS_MSG.usage('lsmap', '-field is not available with -net in the simulated Virtual I/O Server.'));
    const rs = devs.map((d) => sveaRecord(ctx, d));
    return out(fmt === undefined ? sveaBlocks(rs) : delimited(rs.map(sveaFields), fmt));
  }
  const rs = devs.map((d) => vhostRecord(ctx, d));
  check([...VHOST_FIELDS, ...VTD_FIELDS]);
  const all = [...VHOST_FIELDS, ...VTD_FIELDS];
  return out(fmt === undefined ? vhostBlocks(rs, ctx.settings.emptyVhostLine) : delimited(rs.map((r) => vhostFields(r, fields.length ? fields : all)), fmt));
};
