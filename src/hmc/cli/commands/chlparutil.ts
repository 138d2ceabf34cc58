// chlparutil -r config -s RATE [-m SYS] (hmc-cli.md §6.8): set how often the HMC samples utilization data
// from a managed system, or from every managed system when -m is left out. Rate 0 stops sampling.
// The accepted rates are SimConfig hmc.utilSampleRates (UNCERTAIN).
import { fail } from '../../../errors/hmc-error.ts';
import { need, oneOf } from '../args.ts';
import type { CommandDef } from '../command.ts';

export const chlparutil: CommandDef = {
  flags: { '-r': 'value', '-s': 'value', '-m': 'value' },
  run(ctx, args) {
    oneOf(need(args, '-r', 'chlparutil'), ['config'] as const, 'resource type');
    const rates = ctx.hmc.config.hmc.utilSampleRates.map(String);
    const rate = Number(oneOf(need(args, '-s', 'chlparutil'), rates, 'sample rate'));
    const m = args.values.get('-m');
    const views = m !== undefined ? [ctx.hmc.resolve(m)] : ctx.hmc.systems().filter((v) => v.mtms);
    // A system never connected has no identity yet to keep its rate under.
    for (const v of views) if (!v.mtms) fail('SYSTEM_STATE', { system: v.name, state: v.state, need: 'Operating' });
    for (const v of views) ctx.hmc.util.store.setRate(v.mtms!, rate);
    ctx.hmc.util.sync();
  },
};
