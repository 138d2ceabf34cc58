// chsyspwd (platform.md §4): set the FSP's HMC access, ASMI admin and ASMI general passwords through the
// link. A system shows Pending Authentication until all three are set; a wrong stored access password
// shows Failed Authentication until this command gives the right one.
import { fail } from '../../../errors/hmc-error.ts';
import { need, oneOf } from '../args.ts';
import type { CommandDef } from '../command.ts';

export const chsyspwd: CommandDef = {
  flags: { '-m': 'value', '-t': 'value', '--passwd': 'value', '--newpasswd': 'value', '-r': 'value' },
  async run(ctx, args) {
    if (args.values.has('-r')) oneOf(args.values.get('-r')!, ['sys'] as const, 'resource type');
    const v = ctx.hmc.resolve(need(args, '-m', 'chsyspwd'));
    const kind = oneOf(need(args, '-t', 'chsyspwd'), ['access', 'admin', 'general'] as const, 'password type');
    const next = args.values.get('--newpasswd') ?? fail('USAGE', { why: 'The chsyspwd command needs the --newpasswd option.' });
    await ctx.hmc.setSystemPassword(v, kind, args.values.get('--passwd'), next);
  },
};
