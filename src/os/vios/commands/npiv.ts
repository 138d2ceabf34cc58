// vfcmap and lsnports (vios.md §2.4, §2.7, §4): a vfchost is mapped to one physical FC port; the port must
// be NPIV-capable, logged in to an NPIV switch (fabric=1) and have a free NPIV login (aports > 0)
// (SIM-RULE §2.9). Port counts come from the environment: the fabric keeps them in step with the mappings.
import { naturalCompare } from '../device-names.ts';
import { fail, VIOS_MSG } from '../vios-errors.ts';
import { out, type Command } from './context.ts';
import { parseArgs } from './args.ts';
import { delimited } from '../format/columns.ts';
import { nportFields, nportTable, type NportRecord } from '../format/lsnports.ts';

export const vfcmap: Command = (ctx, argv) => {
  const a = parseArgs('vfcmap', argv, { '-vadapter': 'value', '-fcp': 'optional' });
  const name = a.value('-vadapter') ?? fail(VIOS_MSG.usage('vfcmap', 'give -vadapter.'));
  if (!a.has('-fcp')) fail(VIOS_MSG.usage('vfcmap', 'give -fcp (with no port name to unmap).'));
  const v = ctx.tree.get(name);
  if (!v || v.cls !== 'vfchost') fail(VIOS_MSG.notVfchost(name));
  if (v.status !== 'Available') fail(VIOS_MSG.noDevice(name));
  const fcp = a.value('-fcp') ?? '';
  const current = ctx.cfg.vfc.find((m) => m.vfchost === name);
  if (fcp === '') {
    // An empty -fcp unmaps (§2.9).
    if (current) { ctx.cfg.vfc = ctx.cfg.vfc.filter((m) => m !== current); ctx.changed = true; }
    return out([`${name} changed`]);
  }
  const p = ctx.tree.get(fcp);
  if (!p || p.status !== 'Available') fail(VIOS_MSG.noDevice(fcp));
  if (p.cls !== 'fcs' || !p.port) fail(VIOS_MSG.wrongType(fcp, 'a physical Fibre Channel port'));
  if (current?.fcs === fcp) return out([`${name} changed`]);
  if (current) fail(VIOS_MSG.vfcMapped(name, current.fcs));
  if (!((p.port.npivTotal ?? 0) > 0) || p.port.fabric !== true) fail(VIOS_MSG.notNpiv(fcp));
  if (!((p.port.npivAvailable ?? 0) > 0)) fail(VIOS_MSG.noNpivPorts(fcp));
  ctx.cfg.vfc.push({ vfchost: name, fcs: fcp });
  ctx.changed = true;
  return out([`${name} changed`]);
};

export const lsnports: Command = (ctx, argv) => {
  const a = parseArgs('lsnports', argv, { '-fmt': 'value' });
  const rs: NportRecord[] = ctx.tree.list
    .filter((d) => d.cls === 'fcs' && (d.port?.npivTotal ?? 0) > 0) // only NPIV-capable ports (§2.7)
    .sort((x, y) => naturalCompare(x.name, y.name))
    .map((d) => {
      const tports = d.port?.npivTotal ?? 0;
      const aports = d.port?.npivAvailable ?? 0;
      const swwpns = ctx.settings.npivSupportedWwpns;
      // UNCERTAIN: two WWPNs per login in use (each client vFC adapter has a pair, §4).
      return { name: d.name, physloc: d.location, fabric: d.port?.fabric ? 1 : 0, tports, aports, swwpns, awwpns: Math.max(0, swwpns - 2 * (tports - aports)) };
    });
  const fmt = a.value('-fmt');
  if (rs.length === 0) return '';
  return out(fmt === undefined ? nportTable(rs) : delimited(rs.map(nportFields), fmt));
};
