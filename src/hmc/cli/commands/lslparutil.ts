// lslparutil -r config | sys | pool | procpool | lpar | mempool | all (hmc-cli.md §6.8): the utilization
// data the HMC sampled from a managed system (src/hmc/util/), newest sample first. Counters are cumulative,
// so a tool computes utilization from two samples: Δ(capped_cycles + uncapped_cycles) / Δtime_cycles.
import { fail } from '../../../errors/hmc-error.ts';
import { need, oneOf, type ParsedArgs } from '../args.ts';
import type { CommandDef } from '../command.ts';
import { renderListing, type FieldTable } from '../fields.ts';
import { filters } from '../filters.ts';
import type { SystemView } from '../../system-view.ts';
import { UTIL_RESOURCES, utilDefaults, utilFieldNames, utilValue, type UtilRecord, type UtilResource } from '../../util/util-fields.ts';
import { parseUtilWindow, WINDOW_FLAGS } from '../../util/util-window.ts';

/** The filters each listing accepts (hmc-cli.md §3.3 names; which resource takes which is UNCERTAIN). */
const FILTERS: Record<UtilResource | 'all', readonly string[]> = {
  sys: [], pool: [], mempool: [],
  procpool: ['pool_names', 'pool_ids'],
  lpar: ['lpar_names', 'lpar_ids'],
  all: ['lpar_names', 'lpar_ids', 'pool_names', 'pool_ids'],
};

type ConfigRow = { v: SystemView; rate: number };
const CONFIG_FIELDS: FieldTable<ConfigRow> = {
  fields: { name: (r) => r.v.name, type_model_serial_num: (r) => r.v.mtms!, sample_rate: (r) => String(r.rate) },
  defaults: () => ['name', 'type_model_serial_num', 'sample_rate'],
};

function ids(f: Map<string, string[]>, name: string): number[] | undefined {
  const l = f.get(name);
  if (!l) return undefined;
  for (const id of l) if (!/^\d{1,9}$/.test(id)) fail('USAGE', { why: `The value ${id} of the filter ${name} is not a number.` });
  return l.map(Number);
}

function listConfig(ctx: Parameters<CommandDef['run']>[0], args: ParsedArgs): void {
  const window = Object.keys(WINDOW_FLAGS).find((k) => args.values.has(k) || args.bools.has(k));
  if (window) fail('USAGE', { why: `The ${window} option cannot be used with -r config.` });
  filters(args, []);
  const m = args.values.get('-m');
  const views = (m !== undefined ? [ctx.hmc.resolve(m)] : ctx.hmc.systems()).filter((v) => v.mtms);
  renderListing(ctx.out, views.map((v) => ({ v, rate: ctx.hmc.util.rateOf(v) })), CONFIG_FIELDS, args);
}

export const lslparutil: CommandDef = {
  flags: { '-r': 'value', '-m': 'value', '-F': 'optvalue', '--header': 'bool', '--filter': 'value', ...WINDOW_FLAGS },
  async run(ctx, args) {
    const r = oneOf(need(args, '-r', 'lslparutil'), ['config', ...UTIL_RESOURCES, 'all'] as const, 'resource type');
    if (r === 'config') return listConfig(ctx, args);
    const v = ctx.hmc.resolve(need(args, '-m', 'lslparutil'));
    const w = parseUtilWindow(args.values, args.bools, ctx.hmc.clock.now());
    const f = filters(args, FILTERS[r]);
    const types = r === 'all' ? UTIL_RESOURCES : [r];
    const table: FieldTable<UtilRecord> = {
      fields: Object.fromEntries(utilFieldNames(types).map((n) => [n, (row: UtilRecord) => utilValue(row, n)])),
      defaults: utilDefaults,
    };
    await ctx.hmc.util.settled();
    const rows = v.mtms === null ? [] : ctx.hmc.util.store.select({
      mtms: v.mtms, types, from: w.from, to: w.to, granularity: w.granularity, limit: w.limit, spread: w.spread,
      lparNames: f.get('lpar_names'), lparIds: ids(f, 'lpar_ids'), poolNames: f.get('pool_names'), poolIds: ids(f, 'pool_ids'),
    });
    renderListing(ctx.out, rows, table, args);
  },
};
