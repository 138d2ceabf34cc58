// lssysconn, mksysconn, rmsysconn (hmc-cli.md §6.2, platform.md §4): the HMC's connections to FSPs.
import { fail } from '../../../errors/hmc-error.ts';
import { need, oneOf, type ParsedArgs } from '../args.ts';
import type { CommandDef } from '../command.ts';
import { renderListing, type FieldTable } from '../fields.ts';
import { filters } from '../filters.ts';
import type { SystemView } from '../../system-view.ts';

const ipOf = (args: ParsedArgs): string | undefined => args.values.get('-ip') ?? args.values.get('--ip');

const CONN_FIELDS: FieldTable<SystemView> = {
  fields: {
    resource_type: () => 'sys',
    type_model_serial_num: (v) => v.mtms ?? 'unavailable',
    sp: () => 'primary',
    sp_phys_loc: () => 'unavailable',
    ipaddr: (v) => v.ip,
    alt_ipaddr: () => 'unavailable',
    state: (v) => v.conn,
  },
  defaults: () => ['resource_type', 'type_model_serial_num', 'sp', 'sp_phys_loc', 'ipaddr', 'alt_ipaddr', 'state'],
};

export const lssysconn: CommandDef = {
  flags: { '-r': 'value', '-F': 'optvalue', '--header': 'bool', '--filter': 'value' },
  async run(ctx, args) {
    const r = oneOf(need(args, '-r', 'lssysconn'), ['all', 'sys', 'frame'] as const, 'resource type');
    const f = filters(args, ['ipaddrs', 'type_model_serial_num']);
    await ctx.hmc.settled();
    let rows = r === 'frame' ? [] : ctx.hmc.systems();
    const ips = f.get('ipaddrs');
    if (ips) rows = rows.filter((v) => ips.includes(v.ip));
    renderListing(ctx.out, rows, CONN_FIELDS, args);
  },
};

export const mksysconn: CommandDef = {
  flags: { '-ip': 'value', '--ip': 'value', '-r': 'value', '--passwd': 'value', '--force': 'bool' },
  async run(ctx, args) {
    const ip = ipOf(args) ?? fail('USAGE', { why: 'The mksysconn command needs the --ip option.' });
    if (args.values.has('-r')) oneOf(args.values.get('-r')!, ['sys', 'frame'] as const, 'resource type');
    if (!/^[0-9A-Za-z.:-]{1,64}$/.test(ip)) fail('INVALID_VALUE', { attr: '--ip', value: ip, hint: 'Specify an IP address or host name.' });
    await ctx.hmc.addConnection(ip, args.values.get('--passwd') ?? null);
  },
};

export const rmsysconn: CommandDef = {
  flags: { '-ip': 'value', '--ip': 'value', '-m': 'value', '-o': 'value', '-r': 'value' },
  run(ctx, args) {
    const op = args.values.has('-o') ? oneOf(args.values.get('-o')!, ['remove', 'reset'] as const, 'operation') : 'remove';
    let ip = ipOf(args);
    if (ip === undefined) {
      const m = args.values.get('-m') ?? fail('USAGE', { why: 'The rmsysconn command needs the --ip or -m option.' });
      ip = ctx.hmc.resolve(m).ip;
    }
    if (op === 'reset') return ctx.hmc.resetConnection(ip);
    ctx.hmc.removeConnection(ip);
  },
};
