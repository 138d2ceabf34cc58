// lssvcevents -t console: the HMC's console events, here the audit log of who ran what and who logged in
// (issue "HMC access": "an audit log of who ran what"). Field names follow the real command (time, text);
// the wording of the texts is UNCERTAIN.
import { fail } from '../../../errors/hmc-error.ts';
import { oneOf, need } from '../args.ts';
import type { CommandDef } from '../command.ts';
import { renderListing, type FieldTable } from '../fields.ts';
import { filters } from '../filters.ts';
import { hmcTime } from '../views/time-format.ts';

type Row = { ts: number; user: string; command: string; exit: number };
const FIELDS: FieldTable<Row> = {
  fields: {
    time: (r) => hmcTime(r.ts),
    user: (r) => r.user,
    text: (r) => (r.command.startsWith('login ') || r.command.startsWith('logout ')
      ? `User ${r.user} ${r.command}` : `User ${r.user} ran the command ${r.command} (exit status ${r.exit})`),
    exit_status: (r) => String(r.exit),
  },
  defaults: () => ['time', 'text'],
};

export const lssvcevents: CommandDef = {
  flags: { '-t': 'value', '-d': 'value', '-i': 'value', '-m': 'value', '-F': 'optvalue', '--header': 'bool', '--filter': 'value' },
  run(ctx, args) {
    const t = oneOf(need(args, '-t', 'lssvcevents'), ['console', 'hardware'] as const, 'event type');
    const f = filters(args, ['users', 'status']);
    const now = ctx.hmc.clock.now();
    const num = (flag: string): number | undefined => {
      const v = args.values.get(flag);
      if (v !== undefined && !/^\d{1,6}$/.test(v)) fail('USAGE', { why: `The value of ${flag} must be a whole number.` });
      return v === undefined ? undefined : Number(v);
    };
    const days = num('-d') ?? 7;
    const mins = num('-i');
    const since = mins !== undefined ? now - mins * 60_000 : now - days * 86_400_000;
    // Hardware (serviceable) events come with fault injection; none exist yet.
    const rows = t === 'hardware' ? [] : ctx.hmc.db.auditLog(10_000).filter((r) => r.ts >= since)
      .filter((r) => !f.get('users') || f.get('users')!.includes(r.user));
    renderListing(ctx.out, rows, FIELDS, args);
  },
};
