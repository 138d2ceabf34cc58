// `errpt` (the AIX error log, newest first): the summary `IDENTIFIER TIMESTAMP T C RESOURCE_NAME
// DESCRIPTION` with the timestamp as mmddHHMMyy; `-a` the detailed entries; `-j id[,id]`, `-N resource`,
// `-d class`, `-T type` select. `errclear [-j id] 0` empties the log (days other than 0 keep entries
// younger than that many days). Entries come from the OS (client-os.ts: boot, path failures and
// recoveries; shutdown; dd's I/O errors); their texts are data (data/errpt-templates.ts). Times are UTC.
import { formatDate } from '../../../hmc/shell/date-format.ts';
import { ERRPT_MSG } from '../data/client-messages.ts';
import { ERRPT_TEMPLATES } from '../data/errpt-templates.ts';
import { DEVICE_TYPES } from '../data/device-catalog.ts';
import type { ErrRecord } from '../state/client-os-state.ts';
import { err, ok, type ClientCommand, type ClientCtx } from '../shell/client-command.ts';
import { getopt, isResult } from './getopt.ts';
import { hostName, machineId } from './system-info.ts';

const USAGE = 'Usage: errpt [-a] [-d ErrorClassList] [-j ErrorID[,ErrorID]] [-N ResourceNameList] [-T ErrorTypeList]';
const TYPE_LETTER = { PERM: 'P', TEMP: 'T', INFO: 'I', PEND: 'P', PERF: 'P', UNKN: 'U' } as const;
const DAY_MS = 86_400_000;

const template = (e: ErrRecord) => ERRPT_TEMPLATES[e.template as keyof typeof ERRPT_TEMPLATES];

function summary(e: ErrRecord): string {
  const t = template(e);
  return `${t.id}   ${formatDate(e.time, '%m%d%H%M%y')} ${TYPE_LETTER[t.type]} ${t.cls} ${e.resource.padEnd(14)} ${t.description}`;
}

function detail(ctx: ClientCtx, e: ErrRecord): string[] {
  const t = template(e);
  // A disk entry names the disk's own type (vSCSI or MPIO FC disk), which the template cannot know.
  const disk = ctx.oses.client(ctx.p).device(e.resource);
  const resourceType = disk?.kind === 'hdisk' ? (disk.transport === 'vfc' ? DEVICE_TYPES.hdiskVfc : DEVICE_TYPES.hdiskVscsi).type : t.resourceType;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < e.detail.length; i += 2) pairs.push(e.detail[i], `${' '.repeat(11)}${e.detail[i + 1]}`);
  return [
    ERRPT_MSG.rule,
    `LABEL:\t\t${t.label}`,
    `IDENTIFIER:\t${t.id}`,
    '',
    `Date/Time:       ${formatDate(e.time, '%a %b %e %H:%M:%S %Z %Y')}`,
    `Sequence Number: ${e.seq}`,
    `Machine Id:      ${machineId(ctx)}`,
    `Node Id:         ${hostName(ctx)}`,
    `Class:           ${t.cls}`,
    `Type:            ${t.type}`,
    'WPAR:            Global',
    `Resource Name:   ${e.resource}`,
    ...(t.resourceClass === 'NONE' ? [] : [`Resource Class:  ${t.resourceClass}`, `Resource Type:   ${resourceType}`, `Location:        ${e.location}`]),
    '',
    'Description', t.description, '',
    'Probable Causes', ...t.causes, '',
    'Recommended Actions', ...t.actions,
    ...(pairs.length ? ['', 'Detail Data', ...pairs] : []),
  ];
}

const csv = (v: string | undefined): Set<string> | null => (v === undefined ? null : new Set(v.split(',').map((x) => x.trim().toUpperCase())));

export const errpt: ClientCommand = (ctx, argv) => {
  const o = getopt('errpt', argv, 'aj:N:d:T:', USAGE);
  if (isResult(o)) return o;
  if (o.operands.length) return err(`errpt: Not a recognized flag: ${o.operands[0]}\n${USAGE}`);
  const ids = csv(o.value('j'));
  const res = csv(o.value('N'));
  const classes = csv(o.value('d'));
  const types = csv(o.value('T'));
  const entries = [...ctx.oses.client(ctx.p).state.errlog].reverse().filter((e) => {
    const t = template(e);
    return !!t && (!ids || ids.has(t.id)) && (!res || res.has(e.resource.toUpperCase())) && (!classes || classes.has(t.cls)) && (!types || types.has(t.type));
  });
  if (!entries.length) return ok();
  if (o.has('a')) return ok(entries.flatMap((e) => detail(ctx, e)).map((l) => `${l}\n`).join(''));
  return ok([ERRPT_MSG.header, ...entries.map(summary)].map((l) => `${l}\n`).join(''));
};

export const errclear: ClientCommand = (ctx, argv) => {
  const o = getopt('errclear', argv, 'j:', 'Usage: errclear [-j ErrorID[,ErrorID]] Days');
  if (isResult(o)) return o;
  const days = o.operands[0];
  if (o.operands.length !== 1 || !/^\d+$/.test(days)) return err('Usage: errclear [-j ErrorID[,ErrorID]] Days');
  const ids = csv(o.value('j'));
  const keepAfter = ctx.now() - Number(days) * DAY_MS;
  const state = ctx.oses.client(ctx.p).state;
  state.errlog = state.errlog.filter((e) => (ids && !ids.has(template(e)?.id ?? '')) || (Number(days) > 0 && e.time > keepAfter));
  return ok();
};
