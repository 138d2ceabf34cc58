// lsrefcode -r lpar | sys (hmc-cli.md §6.8, platform.md §7.5). Fields beyond the first four UNCERTAIN.
import { fail } from '../../../errors/hmc-error.ts';
import { need, oneOf } from '../args.ts';
import type { CommandDef } from '../command.ts';
import { renderListing, type FieldTable } from '../fields.ts';
import { filters, selectPartitions } from '../filters.ts';
import type { LparRow } from '../views/partition-fields.ts';
import type { SystemView } from '../../system-view.ts';
import { hmcTime } from '../views/time-format.ts';

type RefRow = LparRow & { entry?: { refcode: string; time: number } };
const LPAR_REF: FieldTable<RefRow> = {
  fields: {
    lpar_name: (r) => r.p.def.name,
    lpar_id: (r) => r.p.def.lpar_id,
    time_stamp: (r) => hmcTime(r.entry?.time ?? r.p.run.refcode_time),
    refcode: (r) => (r.v.partitionState(r.p) === 'Not Available' ? '' : r.entry?.refcode ?? r.p.run.refcode),
    word2: () => '00000000',
  },
  defaults: () => ['lpar_name', 'lpar_id', 'time_stamp', 'refcode', 'word2'],
};

type SysRow = { v: SystemView; now: number };
const SYS_REF: FieldTable<SysRow> = {
  fields: {
    time_stamp: (r) => hmcTime(r.v.system?.cfg.powered_on_at ?? r.now),
    refcode: (r) => (r.v.conn !== 'Connected' ? '0000-0000-00000000' : r.v.state === 'Operating' || r.v.state === 'Standby' ? '' : r.v.state === 'Initializing' ? 'C1001F00' : 'B1812614'),
    word2: () => '00000000',
  },
  defaults: () => ['time_stamp', 'refcode', 'word2'],
};

export const lsrefcode: CommandDef = {
  flags: { '-r': 'value', '-m': 'value', '-n': 'value', '-s': 'value', '-F': 'optvalue', '--header': 'bool', '--filter': 'value' },
  async run(ctx, args) {
    const r = oneOf(need(args, '-r', 'lsrefcode'), ['lpar', 'sys'] as const, 'resource type');
    const v = ctx.hmc.resolve(need(args, '-m', 'lsrefcode'));
    if (args.values.has('-s')) oneOf(args.values.get('-s')!, ['p', 's'] as const, 'service processor');
    if (args.values.has('-n') && !/^\d{1,4}$/.test(args.values.get('-n')!)) fail('USAGE', { why: 'The number of reference codes (-n) must be a whole number.' });
    await ctx.hmc.settled();
    if (r === 'sys') { filters(args, []); return renderListing(ctx.out, [{ v, now: ctx.hmc.clock.now() }], SYS_REF, args); }
    // -n N: the last N reference codes of each partition, most recent first (platform.md §7.5).
    const n = args.values.has('-n') ? Number(args.values.get('-n')) : 0;
    const rows: RefRow[] = selectPartitions(v, filters(args, ['lpar_names', 'lpar_ids'])).flatMap((p) => {
      const h = p.run.refcode_history ?? [];
      return n > 0 && h.length ? h.slice(0, n).map((entry) => ({ v, p, entry })) : [{ v, p }];
    });
    renderListing(ctx.out, rows, LPAR_REF, args);
  },
};
