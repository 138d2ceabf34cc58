// mkvterm / rmvterm -m SYS -p NAME | --id N (hmc-cli.md §6: "mkvterm -m SYS -p X | --id N"): open a
// partition's console (virtual serial slot 0, platform.md §7.3) on the user's terminal, or close the one
// open session from anywhere. The system allows one session per partition; a terminal opens in any partition
// state (a Not Activated partition's console shows its output once it starts).
import { fail } from '../../../errors/hmc-error.ts';
import { lparRef, need, type ParsedArgs } from '../args.ts';
import type { CommandContext, CommandDef } from '../command.ts';
import type { SystemView } from '../../system-view.ts';

function target(ctx: CommandContext, args: ParsedArgs, command: string): { v: SystemView; ref: { name?: string; id?: number } } {
  const v = ctx.hmc.resolve(need(args, '-m', command));
  const ref = lparRef(args, command)!;
  const known = ref.id !== undefined ? v.partitions.get(ref.id) : v.partitionByName(ref.name!);
  if (!known) fail('PARTITION_NOT_FOUND', { name: ref.name ?? String(ref.id) });
  return { v, ref };
}

export const mkvterm: CommandDef = {
  flags: { '-m': 'value', '-p': 'value', '--id': 'value' },
  async run(ctx, args) {
    const { v, ref } = target(ctx, args, 'mkvterm');
    const terminal = ctx.session.terminal;
    if (!terminal) return fail('VTERM_NEEDS_TERMINAL');
    const r = await ctx.hmc.call(v, 'vterm.open', { lpar: ref });
    terminal.attach({ kind: 'vterm', system: v.ip, lparId: r.lpar_id, session: r.session, cursor: r.cursor });
  },
};

export const rmvterm: CommandDef = {
  flags: { '-m': 'value', '-p': 'value', '--id': 'value' },
  async run(ctx, args) {
    const { v, ref } = target(ctx, args, 'rmvterm');
    // Closing a partition that has no open session is not an error (nothing to close).
    await ctx.hmc.call(v, 'vterm.close', { lpar: ref });
  },
};
