// lssyscfg -r sys | lpar | prof | sysprof | frame (hmc-cli.md §6.3).
import { fail } from '../../../errors/hmc-error.ts';
import { need, oneOf } from '../args.ts';
import type { CommandDef } from '../command.ts';
import { renderListing, type FieldTable } from '../fields.ts';
import { filters, selectPartitions } from '../filters.ts';
import { NO_RESULTS } from '../grammar/output.ts';
import { PARTITION_FIELDS } from '../views/partition-fields.ts';
import { PROFILE_FIELDS, type ProfRow } from '../views/profile-fields.ts';
import { SYSTEM_FIELDS } from '../views/system-fields.ts';
import type { SysProfSnapshot } from '../../../platform/types/system.ts';

type SysprofRow = { sp: SysProfSnapshot };
const SYSPROF_FIELDS: FieldTable<SysprofRow> = {
  fields: { name: (r) => r.sp.name, lpar_names: (r) => r.sp.lpar_names, profile_names: (r) => r.sp.profile_names },
  defaults: () => ['name', 'lpar_names', 'profile_names'],
};

export const lssyscfg: CommandDef = {
  flags: { '-r': 'value', '-m': 'value', '-F': 'optvalue', '--header': 'bool', '--filter': 'value' },
  async run(ctx, args) {
    const r = oneOf(need(args, '-r', 'lssyscfg'), ['sys', 'lpar', 'prof', 'sysprof', 'frame'] as const, 'resource type');
    await ctx.hmc.settled();
    const now = ctx.hmc.clock.now();
    if (r === 'frame') { filters(args, ['names']); ctx.out.push(NO_RESULTS); return; }
    if (r === 'sys') {
      filters(args, ['names']);
      const m = args.values.get('-m');
      const views = m !== undefined ? [ctx.hmc.resolve(m)] : ctx.hmc.systems();
      return renderListing(ctx.out, views.map((v) => ({ v, now })), SYSTEM_FIELDS, args);
    }
    const v = ctx.hmc.resolve(need(args, '-m', 'lssyscfg'));
    // Without any partition data yet (never authenticated), there is nothing to list, not an empty list.
    if (!v.system) fail('SYSTEM_STATE', { system: v.name, state: v.state, need: 'Operating' });
    if (r === 'lpar') {
      const f = filters(args, ['lpar_names', 'lpar_ids', 'work_groups']);
      const rows = selectPartitions(v, f).filter((p) => !f.has('work_groups') || f.get('work_groups')!.includes('none'));
      return renderListing(ctx.out, rows.map((p) => ({ v, p })), PARTITION_FIELDS, args);
    }
    if (r === 'prof') {
      const f = filters(args, ['lpar_names', 'lpar_ids', 'profile_names']);
      const names = f.get('profile_names');
      const rows: ProfRow[] = [];
      for (const p of selectPartitions(v, f)) for (const prof of p.def.profiles) if (!names || names.includes(prof.name)) rows.push({ v, p, prof });
      if (names && f.has('lpar_names') && rows.length === 0) fail('PROFILE_NOT_FOUND', { name: names.join(','), lpar: f.get('lpar_names')!.join(',') });
      return renderListing(ctx.out, rows, PROFILE_FIELDS, args);
    }
    const f = filters(args, ['profile_names']);
    const names = f.get('profile_names');
    const rows = [...v.sysprofs.values()].filter((sp) => !names || names.includes(sp.name)).sort((a, b) => a.name.localeCompare(b.name));
    renderListing(ctx.out, rows.map((sp) => ({ sp })), SYSPROF_FIELDS, args);
  },
};
