// mksyscfg -r lpar | prof | sysprof, and -r prof -o save (hmc-cli.md §6.4, platform.md §7.2).
import { fail } from '../../../errors/hmc-error.ts';
import type { CreatePartitionRequest, PartitionAttrs } from '../../../link/fsp-api.ts';
import type { LparEnv } from '../../../platform/types/profile.ts';
import { lparRef, need, oneOf } from '../args.ts';
import type { CommandDef } from '../command.ts';
import { changesToProfile, parseKinds, parseRecord, profileChanges, take } from '../attributes/record.ts';
import { CREATE_PARTITION_ATTRS, PARTITION_ATTRS } from '../attributes/partition-attributes.ts';
import { int, listOf } from '../attributes/value-kinds.ts';
import type { SystemView } from '../../system-view.ts';
import type { AttributePair } from '../grammar/attribute-record.ts';

/** lpar_name=X or lpar_id=N inside a record (profiles name their partition this way). */
export function recordLpar(view: SystemView, got: Map<string, AttributePair>): { name?: string; id?: number } {
  const n = got.get('lpar_name')?.value;
  const id = got.get('lpar_id')?.value;
  if (n !== undefined && id !== undefined) fail('USAGE', { why: 'Specify either lpar_name or lpar_id, not both.' });
  if (id !== undefined) return { id: int.parse(id, 'lpar_id') };
  if (n === undefined) fail('MISSING_ATTRIBUTE', { attr: 'lpar_name' });
  if (!view.partitionByName(n!)) fail('PARTITION_NOT_FOUND', { name: n! });
  return { name: n };
}

export const mksyscfg: CommandDef = {
  flags: { '-r': 'value', '-m': 'value', '-i': 'value', '-f': 'value', '-o': 'value', '-p': 'value', '--id': 'value', '-n': 'value', '--force': 'bool' },
  async run(ctx, args) {
    const r = oneOf(need(args, '-r', 'mksyscfg'), ['lpar', 'prof', 'sysprof'] as const, 'resource type');
    const v = ctx.hmc.resolve(need(args, '-m', 'mksyscfg'));
    if (args.values.has('-f')) fail('NOT_IMPLEMENTED', { what: 'configuration file input (-f)' });
    if (r === 'prof' && args.values.get('-o') !== undefined) {
      oneOf(args.values.get('-o')!, ['save'] as const, 'operation');
      const ref = lparRef(args, 'mksyscfg')!;
      await ctx.hmc.call(v, 'profile.save', { ref, name: need(args, '-n', 'mksyscfg'), force: args.bools.has('--force') });
      return;
    }
    const pairs = parseRecord(need(args, '-i', 'mksyscfg'));
    if (r === 'lpar') {
      const got = take(pairs, ['name', 'lpar_env', 'lpar_id', 'profile_name', ...CREATE_PARTITION_ATTRS]);
      const name = got.get('name')?.value ?? fail('MISSING_ATTRIBUTE', { attr: 'name' });
      const env = oneOf(got.get('lpar_env')?.value ?? fail('MISSING_ATTRIBUTE', { attr: 'lpar_env' }), ['aixlinux', 'vioserver', 'os400'] as const, 'lpar_env') as LparEnv;
      const profileName = got.get('profile_name')?.value ?? fail('MISSING_ATTRIBUTE', { attr: 'profile_name' });
      const attrPairs = [...got.values()].filter((p) => (CREATE_PARTITION_ATTRS as readonly string[]).includes(p.name));
      const req: CreatePartitionRequest = {
        name, lpar_env: env,
        lpar_id: got.has('lpar_id') ? int.parse(got.get('lpar_id')!.value, 'lpar_id') : undefined,
        profile: { ...changesToProfile(profileChanges(v, pairs, false)), name: profileName },
        attrs: parseKinds(attrPairs, PARTITION_ATTRS) as PartitionAttrs,
      };
      await ctx.hmc.call(v, 'partition.create', req);
      return;
    }
    if (r === 'prof') {
      const got = take(pairs, ['name', 'lpar_name', 'lpar_id']);
      const name = got.get('name')?.value ?? fail('MISSING_ATTRIBUTE', { attr: 'name' });
      const ref = recordLpar(v, got);
      await ctx.hmc.call(v, 'profile.create', { ref, profile: { ...changesToProfile(profileChanges(v, pairs, false)), name } });
      return;
    }
    const got = take(pairs, ['name', 'lpar_names', 'profile_names']);
    if (pairs.length) fail('INVALID_ATTRIBUTE', { name: pairs[0].name });
    await ctx.hmc.call(v, 'sysprof.create', {
      name: got.get('name')?.value ?? fail('MISSING_ATTRIBUTE', { attr: 'name' }),
      lpar_names: listOf(got.get('lpar_names')?.value ?? fail('MISSING_ATTRIBUTE', { attr: 'lpar_names' }), 'lpar_names'),
      profile_names: listOf(got.get('profile_names')?.value ?? fail('MISSING_ATTRIBUTE', { attr: 'profile_names' }), 'profile_names'),
    });
  },
};
