// bkprofdata and rstprofdata (platform.md §12): back up a system's partition data on the HMC, and restore
// it into the FSP (full, merge either way, or initialize).
import { fail } from '../../../errors/hmc-error.ts';
import type { RestoreLevel } from '../../../link/fsp-api.ts';
import { need, oneOf } from '../args.ts';
import type { CommandDef } from '../command.ts';
import { BACKUP_NAME_RE, profileDataFromCopy } from '../../profile-backup.ts';

export const bkprofdata: CommandDef = {
  flags: { '-m': 'value', '-f': 'value', '--force': 'bool' },
  async run(ctx, args) {
    const v = ctx.hmc.resolve(need(args, '-m', 'bkprofdata'));
    const file = need(args, '-f', 'bkprofdata');
    if (!BACKUP_NAME_RE.test(file)) fail('INVALID_VALUE', { attr: '-f', value: file, hint: 'A backup file name is 1 to 64 letters, digits, periods, hyphens or underscores.' });
    await ctx.hmc.settled();
    const serial = v.system?.hw.serial ?? fail('SYSTEM_STATE', { system: v.name, state: v.state, need: 'Operating' });
    if (ctx.hmc.db.getBackup(serial, file) !== undefined && !args.bools.has('--force')) {
      fail('BACKUP_FILE', { why: `The backup file ${file} already exists. Use --force to overwrite it.` });
    }
    ctx.hmc.db.putBackup(serial, file, ctx.hmc.clock.now(), profileDataFromCopy(v));
    ctx.out.push('Backup operation completed successfully.');
  },
};

export const rstprofdata: CommandDef = {
  flags: { '-m': 'value', '-l': 'value', '-f': 'value', '-q': 'value' },
  async run(ctx, args) {
    const v = ctx.hmc.resolve(need(args, '-m', 'rstprofdata'));
    const level = Number(oneOf(need(args, '-l', 'rstprofdata'), ['1', '2', '3', '4'] as const, 'restore level')) as RestoreLevel;
    let entries: [string, unknown][] = [];
    if (level !== 4) {
      const file = need(args, '-f', 'rstprofdata');
      const serial = v.system?.hw.serial ?? fail('SYSTEM_STATE', { system: v.name, state: v.state, need: 'Operating' });
      const data = ctx.hmc.db.getBackup(serial, file);
      if (data === undefined) fail('BACKUP_FILE', { why: `The backup file ${file} was not found for managed system ${v.name}.` });
      entries = data as [string, unknown][];
    } else if (args.values.has('-f')) fail('USAGE', { why: 'Initializing (-l 4) takes no backup file.' });
    await ctx.hmc.call(v, 'profdata.restore', { level, entries });
    await ctx.hmc.refresh(v);
  },
};
