// `cfgmgr` configures devices that appeared since boot (a virtual adapter added by DLPAR, a disk newly
// mapped or masked on a VIOS or the SAN, a path that came back after boot) and prints nothing, as AIX's
// does; `-l NAME` only under that adapter (sys0/vio0: everything). `rmdev -l NAME` makes a device Defined,
// `-d` deletes it from the configuration, `-R` does the same to the disks behind an adapter first.
import { DEV_MSG } from '../data/client-messages.ts';
import { configure, unconfigure } from '../state/device-config.ts';
import { err, ok, type ClientCommand } from '../shell/client-command.ts';
import { getopt, isResult } from './getopt.ts';

const CFG_USAGE = 'Usage: cfgmgr [-f|-s|-p Phase] [-i Device] [-l Name] [-v]';
const RM_USAGE = 'Usage: rmdev -l Name [-d] [-R] [-S]';
const WHOLE = new Set(['sys0', 'sysplanar0', 'vio0']);

export const cfgmgr: ClientCommand = (ctx, argv) => {
  const o = getopt('cfgmgr', argv, 'l:', CFG_USAGE);
  if (isResult(o)) return o;
  if (o.operands.length) return err(`cfgmgr: Not a recognized flag: ${o.operands[0]}\n${CFG_USAGE}`);
  const os = ctx.oses.client(ctx.p);
  const name = o.value('l')?.replace(/^fscsi/, 'fcs');
  let parents: Set<string> | null = null;
  if (name !== undefined && !WHOLE.has(name)) {
    const rec = os.device(name);
    if (!rec || rec.kind === 'hdisk') return err(DEV_MSG.notFound('cfgmgr', o.value('l')!));
    parents = new Set([name]);
  }
  configure(os.state, os.offered(ctx.p), parents);
  return ok();
};

export const rmdev: ClientCommand = (ctx, argv) => {
  const o = getopt('rmdev', argv, 'l:dRSqf:', RM_USAGE);
  if (isResult(o)) return o;
  const name = o.value('l');
  if (name === undefined || o.operands.length) return err(RM_USAGE);
  const os = ctx.oses.client(ctx.p);
  const rec = os.device(name);
  if (!rec) return err(DEV_MSG.notFound('rmdev', name));
  const del = o.has('d');
  const children = rec.kind === 'hdisk' ? [] : os.state.devices.filter((d) => d.kind === 'hdisk' && d.paths?.some((p) => p.parent === name));
  if (children.length && !o.has('R')) {
    return err(DEV_MSG.childBusy(name));
  }
  const lines: string[] = [];
  for (const d of [...children, rec]) {
    unconfigure(os.state, d.name, del);
    lines.push(del ? DEV_MSG.deleted(d.name) : DEV_MSG.defined(d.name));
  }
  return ok(lines.map((l) => `${l}\n`).join(''));
};
