// chsyscfg -r lpar | prof | sys | sysprof, and -r lpar -o apply (hmc-cli.md §6.4, platform.md §7.2).
import { fail } from '../../../errors/hmc-error.ts';
import type { PartitionAttrs, SystemAttrs } from '../../../link/fsp-api.ts';
import { lparRef, need, oneOf } from '../args.ts';
import type { CommandDef } from '../command.ts';
import { parseKinds, parseRecord, profileChanges, take } from '../attributes/record.ts';
import { PARTITION_ATTRS, SYSTEM_ATTRS } from '../attributes/partition-attributes.ts';
import { int, listOf, text } from '../attributes/value-kinds.ts';
import { recordLpar } from './mksyscfg.ts';

export const chsyscfg: CommandDef = {
  flags: { '-r': 'value', '-m': 'value', '-i': 'value', '-f': 'value', '-o': 'value', '-p': 'value', '--id': 'value', '-n': 'value', '--force': 'bool' },
  async run(ctx, args) {
    const r = oneOf(need(args, '-r', 'chsyscfg'), ['lpar', 'prof', 'sys', 'sysprof'] as const, 'resource type');
    const v = ctx.hmc.resolve(need(args, '-m', 'chsyscfg'));
    if (args.values.has('-f')) fail('NOT_IMPLEMENTED', { what: 'configuration file input (-f)' });
    if (args.values.has('-o')) {
      oneOf(args.values.get('-o')!, ['apply'] as const, 'operation');
      if (r !== 'lpar') fail('USAGE', { why: 'The apply operation is valid only with -r lpar.' });
      await ctx.hmc.call(v, 'profile.apply', { ref: lparRef(args, 'chsyscfg')!, name: need(args, '-n', 'chsyscfg') });
      return;
    }
    const pairs = parseRecord(need(args, '-i', 'chsyscfg'));
    if (r === 'sys') {
      await ctx.hmc.call(v, 'system.change', parseKinds(pairs, SYSTEM_ATTRS) as SystemAttrs);
      return;
    }
    if (r === 'lpar') {
      const got = take(pairs, ['name', 'lpar_id']);
      const ref = got.has('lpar_id') ? { id: int.parse(got.get('lpar_id')!.value, 'lpar_id') } : { name: got.get('name')?.value ?? fail('MISSING_ATTRIBUTE', { attr: 'name' }) };
      if (ref.name !== undefined && !v.partitionByName(ref.name)) fail('PARTITION_NOT_FOUND', { name: ref.name });
      if (pairs.length === 0) fail('USAGE', { why: 'No attributes to change were given.' });
      await ctx.hmc.call(v, 'partition.change', { ref, attrs: parseKinds(pairs, PARTITION_ATTRS) as PartitionAttrs });
      return;
    }
    if (r === 'prof') {
      const got = take(pairs, ['name', 'lpar_name', 'lpar_id', 'new_name']);
      const name = got.get('name')?.value ?? fail('MISSING_ATTRIBUTE', { attr: 'name' });
      const ref = recordLpar(v, got);
      const changes = profileChanges(v, pairs, true);
      if (got.has('new_name')) changes.push({ attr: 'name', op: '=', value: text.parse(got.get('new_name')!.value, 'new_name') });
      if (changes.length === 0) fail('USAGE', { why: 'No attributes to change were given.' });
      await ctx.hmc.call(v, 'profile.change', { ref, name, changes });
      return;
    }
    const got = take(pairs, ['name', 'new_name', 'lpar_names', 'profile_names']);
    if (pairs.length) fail('INVALID_ATTRIBUTE', { name: pairs[0].name });
    const name = got.get('name')?.value ?? fail('MISSING_ATTRIBUTE', { attr: 'name' });
    const cur = v.sysprofs.get(name) ?? fail('SYSPROF_NOT_FOUND', { name });
    await ctx.hmc.call(v, 'sysprof.change', {
      name,
      next: {
        name: got.get('new_name')?.value ?? name,
        lpar_names: got.has('lpar_names') ? listOf(got.get('lpar_names')!.value, 'lpar_names') : cur.lpar_names,
        profile_names: got.has('profile_names') ? listOf(got.get('profile_names')!.value, 'profile_names') : cur.profile_names,
      },
    });
  },
};
