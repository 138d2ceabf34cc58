// chlparutil -r config -s RATE [-m SYS] (hmc-cli.md §6.8): set how often the HMC samples utilization data
// from a managed system, or from every managed system when -m is left out. Rate 0 stops sampling.
// The rule (which rates, which systems) is the sampler's (util-sampler.ts setRate); this face only parses.
import { need, oneOf } from '../args.ts';
import type { CommandDef } from '../command.ts';

export const chlparutil: CommandDef = {
  flags: { '-r': 'value', '-s': 'value', '-m': 'value' },
  run(ctx, args) {
    oneOf(need(args, '-r', 'chlparutil'), ['config'] as const, 'resource type');
    const rate = need(args, '-s', 'chlparutil');
    const m = args.values.get('-m');
    const views = m !== undefined ? [ctx.hmc.resolve(m)] : ctx.hmc.systems().filter((v) => v.mtms);
    ctx.hmc.util.setRate(views, rate);
  },
};
