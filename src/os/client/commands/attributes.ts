// `lsattr` and `chdev`: a device's attributes (data/client-attributes.ts) with the values chdev stored in the
// client's ODM (state attrs) over the defaults. `lsattr -El NAME [-a attr]…` prints `attribute value
// description user_settable` in columns as wide as their widest cell; `-D` the defaults, `-R -a attr` the
// values an attribute takes, `-F format`, `-O` colon form. `chdev -l NAME -a attr=value …` checks every
// value before changing anything (a refused chdev changes nothing) and prints `NAME changed`; `-a pv=yes`
// gives a disk a PVID, `pv=clear` removes it. The network interfaces (enN) and inet0 belong to the network
// module (commands/net): lsattr and chdev hand them over.
import { CHANGE_METHOD, CLIENT_ATTRIBUTES, attributeConflict, type AttrCtx, type AttrDef, type Values } from '../data/client-attributes.ts';
import { DEV_MSG } from '../data/client-messages.ts';
import { deviceRows, type DeviceRow } from '../device-list.ts';
import { diskFacts, type PathFacts } from '../disk-facts.ts';
import { pvidFor } from '../../vios/volume-group.ts';
import { err, ok, type ClientCommand, type ClientCtx, type ClientResult } from '../shell/client-command.ts';
import { formatFields, getopt, isResult } from './getopt.ts';
import { chdevNetwork, isNetworkDevice, lsattrNetwork } from './net/index.ts';

const LSATTR_USAGE = 'Usage: lsattr -E -l Name [-a Attribute] ... [-F Format | -O] [-H]\n       lsattr -D -l Name [-a Attribute] ... [-F Format | -O] [-H]\n       lsattr -R -l Name -a Attribute';
const CHDEV_USAGE = 'Usage: chdev -l Name [-a Attribute=Value] ... [-P | -T] [-U]';

function attrCtx(ctx: ClientCtx, dev: DeviceRow): AttrCtx {
  let facts: PathFacts | undefined | null = null;
  const os = ctx.oses.client(ctx.p);
  return {
    ctx, dev,
    facts: () => (facts === null ? (facts = dev.rec?.kind === 'hdisk' ? diskFacts(ctx, dev.rec, os.adapters()) : undefined) : facts),
    pvid: () => (dev.rec?.uid === undefined ? undefined : os.state.pvids[dev.rec.uid]),
  };
}

const defaultOf = (d: AttrDef, c: AttrCtx): string => (typeof d.value === 'string' ? d.value : d.value(c));

function findDevice(ctx: ClientCtx, cmd: string, name: string): DeviceRow | ClientResult {
  return deviceRows(ctx).find((r) => r.name === name) ?? err(DEV_MSG.notFound(cmd, name));
}

function rangeText(v: Values | undefined, current: string): string[] {
  if (!v) return [current];
  if ('list' in v) return v.list;
  if ('lo' in v) return [`${v.lo}...${v.hi} (+1)`];
  return [current];
}

export const lsattr: ClientCommand = (ctx, argv) => {
  const o = getopt('lsattr', argv, 'EDRl:a:F:HO', LSATTR_USAGE);
  if (isResult(o)) return o;
  const name = o.value('l');
  const modes = ['E', 'D', 'R'].filter((m) => o.has(m));
  if (name === undefined || modes.length !== 1 || o.operands.length) return err(LSATTR_USAGE);
  const only = o.all('a').flatMap((x) => x.split(/[\s,]+/)).filter(Boolean);
  if (isNetworkDevice(name) && !o.has('R')) return lsattrNetwork(ctx, name, only);
  const dev = findDevice(ctx, 'lsattr', name);
  if ('exit' in dev) return dev;
  const defs = CLIENT_ATTRIBUTES[dev.type.type];
  if (!defs) return err(`lsattr: the attributes of ${name} are not simulated.`);
  for (const n of only) if (!defs.some((d) => d.name === n)) return err(DEV_MSG.attrMissing('lsattr', n));
  const c = attrCtx(ctx, dev);
  const stored = ctx.oses.client(ctx.p).state.attrs[name] ?? {};
  const shown = only.length ? only.map((n) => defs.find((d) => d.name === n)!) : defs;
  const value = (d: AttrDef): string => (o.has('D') || !Object.hasOwn(stored, d.name) ? defaultOf(d, c) : stored[d.name]);
  if (o.has('R')) {
    if (shown.length !== 1 || !only.length) return err(LSATTR_USAGE);
    return ok(rangeText(shown[0].values, value(shown[0])).map((l) => `${l}\n`).join(''));
  }
  const cells = shown.map((d) => ({ attribute: d.name, value: value(d), description: d.description, user_settable: d.values ? 'True' : 'False' }));
  const field = (r: Record<string, string>) => (f: string): string | undefined => (Object.hasOwn(r, f) ? r[f] : undefined);
  if (o.has('O')) return ok(`#${cells.map((r) => r.attribute).join(':')}\n${cells.map((r) => r.value).join(':')}\n`);
  const format = o.value('F');
  if (format !== undefined) return ok(cells.map((r) => `${formatFields(format, field(r))}\n`).join(''));
  const header = { attribute: 'attribute', value: 'value', description: 'description', user_settable: 'user_settable' };
  const rows = o.has('H') ? [header, ...cells] : cells;
  const keys = ['attribute', 'value', 'description'] as const;
  const w = keys.map((k) => Math.max(...rows.map((r) => r[k].length)) + 1);
  const lines = rows.map((r) => `${keys.map((k, i) => r[k].padEnd(w[i])).join('')}${r.user_settable}\n`);
  return ok((o.has('H') ? `${lines[0]}\n` : '') + lines.slice(o.has('H') ? 1 : 0).join(''));
};

function valid(v: Values, s: string): boolean {
  if ('list' in v) return v.list.includes(s);
  if ('lo' in v) return /^\d+$/.test(s) && Number(s) >= v.lo && Number(s) <= v.hi;
  return /^0x[0-9a-fA-F]{1,16}$/.test(s);
}

export const chdev: ClientCommand = (ctx, argv) => {
  const o = getopt('chdev', argv, 'l:a:PTU', CHDEV_USAGE);
  if (isResult(o)) return o;
  const name = o.value('l');
  if (name === undefined || o.operands.length || !o.has('a')) return err(CHDEV_USAGE);
  const changes: Record<string, string> = {};
  for (const pair of o.all('a').flatMap((x) => x.split(/\s+/)).filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return err(`chdev: The attribute ${pair} is not in the form Attribute=Value.\n${CHDEV_USAGE}`);
    changes[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  if (isNetworkDevice(name)) return chdevNetwork(ctx, name, changes);
  const dev = findDevice(ctx, 'chdev', name);
  if ('exit' in dev) return dev;
  const defs = CLIENT_ATTRIBUTES[dev.type.type] ?? [];
  const os = ctx.oses.client(ctx.p);
  const method = CHANGE_METHOD[dev.type.cls] ?? 'chggen';
  const stored = { ...os.state.attrs[name] };
  let pv: string | undefined;
  const bad: string[] = [];
  for (const [k, v] of Object.entries(changes)) {
    if (k === 'pv' && dev.rec?.kind === 'hdisk') { if (v === 'yes' || v === 'clear' || v === 'no') pv = v; else bad.push('pv'); continue; }
    const d = defs.find((x) => x.name === k);
    if (!d?.values || !valid(d.values, v)) bad.push(k);
    else stored[k] = v;
  }
  const c = attrCtx(ctx, dev);
  const merged = Object.fromEntries(defs.map((d) => [d.name, Object.hasOwn(stored, d.name) ? stored[d.name] : defaultOf(d, c)]));
  const conflict = attributeConflict(merged);
  if (conflict && !bad.includes(conflict)) bad.push(conflict);
  if (bad.length) return err(DEV_MSG.badValues(method, bad.map((k) => `${k.padEnd(16)}${defs.find((d) => d.name === k)?.description ?? ''}`.trimEnd())));
  const uid = dev.rec?.uid;
  if (uid !== undefined && pv === 'yes') os.state.pvids[uid] ??= pvidFor(uid);
  if (uid !== undefined && pv === 'clear') delete os.state.pvids[uid];
  for (const d of defs) if (stored[d.name] === defaultOf(d, c)) delete stored[d.name];
  if (Object.keys(stored).length) os.state.attrs[name] = stored; else delete os.state.attrs[name];
  return ok(`${DEV_MSG.changed(name)}\n`);
};
