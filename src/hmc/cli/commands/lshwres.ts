// lshwres -r proc | mem | io | procpool | mempool (hmc-cli.md §6.5). Virtual I/O and SR-IOV listings come
// with the VIOS issue; until then they are refused as not supported, never answered empty.
import { fail } from '../../../errors/hmc-error.ts';
import { need, oneOf } from '../args.ts';
import type { CommandDef } from '../command.ts';
import { renderListing } from '../fields.ts';
import { filters, selectPartitions } from '../filters.ts';
import { NO_RESULTS } from '../grammar/output.ts';
import { CHILD_FIELDS, MEM_LPAR_FIELDS, MEM_SYS_FIELDS, POOL_FIELDS, PROC_LPAR_FIELDS, PROC_POOL_LEVEL_FIELDS, PROC_SYS_FIELDS, SLOT_FIELDS, slotChildren, type SlotRow } from '../views/hwres-fields.ts';
import { findModel } from '../../../platform/catalog/model-catalog.ts';
import { listVirtualIo } from './lshwres-virtualio.ts';
import { listMemPool } from './mempool.ts';

export const lshwres: CommandDef = {
  flags: { '-r': 'value', '-m': 'value', '--level': 'value', '--rsubtype': 'value', '-F': 'optvalue', '--header': 'bool', '--filter': 'value' },
  async run(ctx, args) {
    const r = oneOf(need(args, '-r', 'lshwres'), ['proc', 'mem', 'io', 'procpool', 'mempool', 'virtualio', 'sriov', 'hca', 'hea'] as const, 'resource type');
    const v = ctx.hmc.resolve(need(args, '-m', 'lshwres'));
    await ctx.hmc.settled();
    if (!v.system || v.conn !== 'Connected') fail('SYSTEM_STATE', { system: v.name, state: v.state, need: 'Operating' });
    const system = v.system!;
    const level = args.values.get('--level');
    if (r === 'proc' || r === 'mem') {
      const lv = oneOf(level ?? fail('USAGE', { why: `The lshwres -r ${r} command needs the --level option.` }), r === 'proc' ? ['sys', 'lpar', 'pool'] as const : ['sys', 'lpar'] as const, 'level');
      if (lv === 'pool') { filters(args, []); return renderListing(ctx.out, [v], PROC_POOL_LEVEL_FIELDS, args); }
      if (lv === 'sys') {
        filters(args, []);
        return renderListing(ctx.out, [v], r === 'proc' ? PROC_SYS_FIELDS : MEM_SYS_FIELDS, args);
      }
      const rows = selectPartitions(v, filters(args, ['lpar_names', 'lpar_ids'])).map((p) => ({ v, p }));
      return renderListing(ctx.out, rows, r === 'proc' ? PROC_LPAR_FIELDS : MEM_LPAR_FIELDS, args);
    }
    if (r === 'io') {
      const sub = oneOf(need(args, '--rsubtype', 'lshwres'), ['slot', 'slotchildren', 'bus', 'unit', 'iopool', 'taggedio'] as const, 'resource subtype');
      if (sub !== 'slot' && sub !== 'slotchildren') fail('NOT_IMPLEMENTED', { what: `I/O resource subtype ${sub}` });
      const f = filters(args, ['lpar_names', 'lpar_ids', 'slots', 'units', 'buses']);
      const owners = new Map<string, ReturnType<typeof v.sortedPartitions>[number]>();
      for (const p of v.sortedPartitions()) for (const d of p.run.alloc?.io_slots ?? []) owners.set(d, p);
      let rows: SlotRow[] = system.hw.slots.map((slot) => ({ v, slot, owner: owners.get(slot.drc_index) }));
      const names = f.get('lpar_names'), ids = f.get('lpar_ids'), drcs = f.get('slots');
      if (names) rows = rows.filter((x) => x.owner && names.includes(x.owner.def.name));
      if (ids) rows = rows.filter((x) => x.owner && ids.includes(String(x.owner.def.lpar_id)));
      if (drcs) rows = rows.filter((x) => drcs.some((d) => d.toUpperCase() === x.slot.drc_index || d === x.slot.drc_name));
      if (sub === 'slotchildren') return renderListing(ctx.out, rows.flatMap(slotChildren), CHILD_FIELDS, args);
      return renderListing(ctx.out, rows, SLOT_FIELDS, args);
    }
    if (r === 'procpool') {
      const f = filters(args, ['pool_names', 'pool_ids', 'lpar_names', 'lpar_ids']);
      const names = f.get('pool_names'), ids = f.get('pool_ids');
      // Listed: the default pool and every configured pool (max_pool_proc_units > 0), by id.
      const rows = v.pools.filter((p) => p && (p.shared_proc_pool_id === 0 || p.max_pool_proc_units > 0))
        .filter((p) => (!names || names.includes(p.name)) && (!ids || ids.includes(String(p.shared_proc_pool_id))))
        .map((pool) => ({ v, pool }));
      if (findModel(system.hw.mtm)!.maxSharedProcPools <= 1 && rows.length === 0) { ctx.out.push(NO_RESULTS); return; }
      return renderListing(ctx.out, rows, POOL_FIELDS, args);
    }
    if (r === 'mempool') return listMemPool(ctx.out, v, args);
    if (r === 'virtualio') return listVirtualIo(ctx.out, v, args);
    fail('NOT_IMPLEMENTED', { what: `resource type ${r}` });
  },
};
