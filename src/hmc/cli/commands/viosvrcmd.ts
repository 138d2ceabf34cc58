// viosvrcmd -m SYS -p VIOS | --id N -c "command" (vios.md §1, hmc-cli.md §6.8): run a VIOS command (without
// the ioscli prefix) on the VIOS over RMC; its output and exit status come back as they are.
import { lparRef, need } from '../args.ts';
import type { CommandDef } from '../command.ts';

export const viosvrcmd: CommandDef = {
  flags: { '-m': 'value', '-p': 'value', '--id': 'value', '-c': 'value' },
  async run(ctx, args) {
    const v = ctx.hmc.resolve(need(args, '-m', 'viosvrcmd'));
    const ref = lparRef(args, 'viosvrcmd')!;
    const line = need(args, '-c', 'viosvrcmd');
    const r = await ctx.hmc.call(v, 'vios.command', { ref, line });
    // The VIOS's output passes through line by line; its error text follows on the same stream.
    const text = r.stdout + r.stderr;
    if (text !== '') ctx.out.push(...text.replace(/\n$/, '').split('\n'));
    ctx.exit = r.exit;
  },
};
