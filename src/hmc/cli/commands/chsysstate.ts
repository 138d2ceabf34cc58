// chsysstate -r sys | lpar | sysprof (hmc-cli.md §6.7, platform.md §3, §7.4). Returns when the request is
// accepted; the state then moves on the clock.
import { fail } from '../../../errors/hmc-error.ts';
import type { ShutdownKind } from '../../../link/fsp-api.ts';
import { BOOT_MODES } from '../../../platform/types/profile.ts';
import { lparRef, need, oneOf } from '../args.ts';
import type { CommandDef } from '../command.ts';

const SYS_OPS = ['on', 'onstandby', 'onsysprof', 'onhwdisc', 'off', 'rebuild', 'recover', 'spfailover', 'chkey'] as const;
const LPAR_OPS = ['on', 'shutdown', 'osshutdown', 'dumprestart', 'retrydump', 'dston', 'remotedstoff', 'remotedston', 'consoleservice', 'iopreset', 'iopdump', 'chkey'] as const;

export const chsysstate: CommandDef = {
  flags: { '-r': 'value', '-m': 'value', '-o': 'value', '-n': 'value', '--id': 'value', '-f': 'value', '-b': 'value', '-k': 'value', '-i': 'value', '--immed': 'bool', '--restart': 'bool', '--force': 'bool' },
  async run(ctx, args) {
    const r = oneOf(need(args, '-r', 'chsysstate'), ['sys', 'lpar', 'sysprof'] as const, 'resource type');
    const v = ctx.hmc.resolve(need(args, '-m', 'chsysstate'));
    if (r === 'sysprof') {
      oneOf(need(args, '-o', 'chsysstate'), ['on'] as const, 'operation');
      await ctx.hmc.call(v, 'sysprof.activate', { name: need(args, '-n', 'chsysstate') });
      return;
    }
    if (r === 'sys') {
      const op = oneOf(need(args, '-o', 'chsysstate'), SYS_OPS, 'operation');
      switch (op) {
        case 'on': return void (await ctx.hmc.call(v, 'system.powerOn', { mode: 'norm' }));
        case 'onstandby': return void (await ctx.hmc.call(v, 'system.powerOn', { mode: 'standby' }));
        case 'onhwdisc': return void (await ctx.hmc.call(v, 'system.powerOn', { mode: 'hwdisc' }));
        case 'onsysprof': return void (await ctx.hmc.call(v, 'system.powerOn', { mode: 'sysprof', sysprof: need(args, '-f', 'chsysstate') }));
        case 'off': return void (await ctx.hmc.call(v, 'system.powerOff', { immed: args.bools.has('--immed') }));
        case 'rebuild': return ctx.hmc.rebuild(v);
        case 'recover': return ctx.hmc.recover(v);
        default: return fail('NOT_IMPLEMENTED', { what: `system operation ${op}` });
      }
    }
    const op = oneOf(need(args, '-o', 'chsysstate'), LPAR_OPS, 'operation');
    const ref = lparRef(args, 'chsysstate', '-n')!;
    if (op === 'on') {
      const b = args.values.get('-b');
      await ctx.hmc.call(v, 'partition.activate', {
        ref,
        req: { profile: args.values.get('-f'), bootMode: b === undefined ? undefined : oneOf(b, BOOT_MODES, 'boot mode'), keylock: args.values.get('-k'), ipl: args.values.get('-i'), force: args.bools.has('--force') },
      });
      return;
    }
    if (op === 'shutdown' || op === 'osshutdown') {
      const immed = args.bools.has('--immed');
      const kind: ShutdownKind = op === 'shutdown' ? (immed ? 'immed' : 'delayed') : immed ? 'os-immed' : 'os';
      await ctx.hmc.call(v, 'partition.shutdown', { ref, kind, restart: args.bools.has('--restart') });
      return;
    }
    fail('NOT_IMPLEMENTED', { what: `partition operation ${op}` });
  },
};
