// rmsyscfg -r lpar | prof | sysprof (hmc-cli.md §6.4, platform.md §7.1): only Not Activated partitions.
import { fail } from '../../../errors/hmc-error.ts';
import { lparRef, need, oneOf } from '../args.ts';
import type { CommandDef } from '../command.ts';

export const rmsyscfg: CommandDef = {
  flags: { '-r': 'value', '-m': 'value', '-n': 'value', '-p': 'value', '--id': 'value', '--vioscfg': 'bool', '--vdisk': 'bool' },
  async run(ctx, args) {
    const r = oneOf(need(args, '-r', 'rmsyscfg'), ['lpar', 'prof', 'sysprof'] as const, 'resource type');
    const v = ctx.hmc.resolve(need(args, '-m', 'rmsyscfg'));
    if (r === 'lpar') {
      // --vioscfg / --vdisk also clean the VIOS side; with no VIOS mappings modelled yet there is nothing to clean.
      const ref = lparRef(args, 'rmsyscfg', '-n')!;
      await ctx.hmc.call(v, 'partition.remove', { ref });
      return;
    }
    if (args.bools.has('--vioscfg') || args.bools.has('--vdisk')) fail('USAGE', { why: 'The --vioscfg and --vdisk options are valid only with -r lpar.' });
    if (r === 'prof') {
      await ctx.hmc.call(v, 'profile.remove', { ref: lparRef(args, 'rmsyscfg')!, name: need(args, '-n', 'rmsyscfg') });
      return;
    }
    await ctx.hmc.call(v, 'sysprof.remove', { name: need(args, '-n', 'rmsyscfg') });
  },
};
