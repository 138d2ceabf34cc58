// chhwres -r proc | mem | io | procpool | mempool (platform.md §9, hmc-cli.md §6.6): DLPAR and resource settings.
import { fail } from '../../../errors/hmc-error.ts';
import type { DlparOp, PoolAttrs, SystemAttrs } from '../../../link/fsp-api.ts';
import type { SharingMode } from '../../../platform/types/profile.ts';
import { lparRef, need, oneOf, type ParsedArgs } from '../args.ts';
import type { CommandDef } from '../command.ts';
import { parseKinds, parseRecord } from '../attributes/record.ts';
import * as k from '../attributes/value-kinds.ts';
import { changeVirtualIo } from './chhwres-virtualio.ts';
import { changeMemPool } from './mempool.ts';

const OPS = ['a', 'r', 'm', 's'] as const;

function target(args: ParsedArgs): { name?: string; id?: number } | undefined {
  const t = args.values.get('-t'), tid = args.values.get('--tid');
  if (t !== undefined && tid !== undefined) fail('USAGE', { why: 'Specify either -t or --tid, not both.' });
  if (tid !== undefined) return { id: k.int.parse(tid, '--tid') };
  return t === undefined ? undefined : { name: t };
}

function noTarget(args: ParsedArgs, op: string): void {
  if (op !== 'm' && (args.values.has('-t') || args.values.has('--tid'))) fail('USAGE', { why: 'A target partition is valid only with the move operation (-o m).' });
}

const PROC_ATTRS = { sharing_mode: k.text, uncap_weight: k.int };
const MEM_LPAR_ATTRS = { mem_expansion: k.factor, mem_weight: k.int };
const MEM_SYS_ATTRS = { requested_num_sys_huge_pages: k.int, pend_mem_region_size: k.int, mem_mirroring_mode: k.text };
const POOL_ATTRS = { new_name: k.text, max_pool_proc_units: k.int, reserved_pool_proc_units: k.units };

export const chhwres: CommandDef = {
  flags: {
    '-r': 'value', '-m': 'value', '-o': 'value', '-p': 'value', '--id': 'value', '-t': 'value', '--tid': 'value',
    '--procs': 'value', '--procunits': 'value', '-q': 'value', '--quantity': 'value', '-l': 'value', '-a': 'value',
    '--poolname': 'value', '--poolid': 'value', '--rsubtype': 'value', '-s': 'value', '--vswitch': 'value',
    '-w': 'value', '-d': 'value', '--force': 'bool', '--device': 'value',
  },
  async run(ctx, args) {
    const r = oneOf(need(args, '-r', 'chhwres'), ['proc', 'mem', 'io', 'procpool', 'mempool', 'virtualio', 'sriov'] as const, 'resource type');
    const v = ctx.hmc.resolve(need(args, '-m', 'chhwres'));
    const op = oneOf(need(args, '-o', 'chhwres'), OPS, 'operation');
    const w = args.values.get('-w'), d = args.values.get('-d');
    if (w !== undefined) k.int.parse(w, '-w');
    if (d !== undefined && !/^[0-5]$/.test(d)) fail('USAGE', { why: 'The detail level (-d) must be from 0 to 5.' });
    noTarget(args, op);
    if (r === 'proc') {
      const ref = lparRef(args, 'chhwres')!;
      if (op === 's') {
        const a = parseKinds(parseRecord(need(args, '-a', 'chhwres')), PROC_ATTRS) as { sharing_mode?: SharingMode; uncap_weight?: number };
        await ctx.hmc.call(v, 'dlpar.procAttrs', { ref, attrs: a });
        return;
      }
      const procs = args.values.has('--procs') ? k.int.parse(args.values.get('--procs')!, '--procs') : undefined;
      const units = args.values.has('--procunits') ? k.units.parse(args.values.get('--procunits')!, '--procunits') ?? undefined : undefined;
      await ctx.hmc.call(v, 'dlpar.proc', { ref, op: op as DlparOp, procs, procUnits: units, target: target(args) });
      return;
    }
    if (r === 'mem') {
      const ref = lparRef(args, 'chhwres', '-p', op !== 's');
      if (op === 's') {
        const pairs = parseRecord(need(args, '-a', 'chhwres'));
        if (ref) await ctx.hmc.call(v, 'dlpar.memAttrs', { ref, attrs: parseKinds(pairs, MEM_LPAR_ATTRS) });
        else await ctx.hmc.call(v, 'system.change', parseKinds(pairs, MEM_SYS_ATTRS) as SystemAttrs);
        return;
      }
      const q = args.values.get('-q') ?? args.values.get('--quantity') ?? fail('USAGE', { why: 'The memory quantity (-q) is required.' });
      await ctx.hmc.call(v, 'dlpar.mem', { ref: ref!, op: op as DlparOp, quantity: k.int.parse(q, '-q'), target: target(args) });
      return;
    }
    if (r === 'io') {
      if (op === 's') fail('USAGE', { why: 'The set operation is not valid for I/O slots.' });
      const ref = lparRef(args, 'chhwres')!;
      await ctx.hmc.call(v, 'dlpar.slot', { ref, op: op as DlparOp, drc: need(args, '-l', 'chhwres'), target: target(args) });
      return;
    }
    if (r === 'procpool') {
      if (op !== 's') fail('USAGE', { why: 'Shared processor pools are changed with the set operation (-o s).' });
      const pairs = parseRecord(need(args, '-a', 'chhwres'));
      const lpar = lparRef(args, 'chhwres', '-p', false);
      if (lpar) {
        // Moving a running partition to another pool (platform.md §6.3).
        const a = parseKinds(pairs, { shared_proc_pool_name: k.text, shared_proc_pool_id: k.int }) as { shared_proc_pool_name?: string; shared_proc_pool_id?: number };
        if ((a.shared_proc_pool_name === undefined) === (a.shared_proc_pool_id === undefined)) fail('USAGE', { why: 'Specify shared_proc_pool_name or shared_proc_pool_id.' });
        await ctx.hmc.call(v, 'pool.movePartition', { lpar, pool: a.shared_proc_pool_name !== undefined ? { name: a.shared_proc_pool_name } : { id: a.shared_proc_pool_id } });
        return;
      }
      const name = args.values.get('--poolname'), id = args.values.get('--poolid');
      if ((name === undefined) === (id === undefined)) fail('USAGE', { why: 'Specify the pool with --poolname or --poolid.' });
      const ref = name !== undefined ? { name } : { id: k.int.parse(id!, '--poolid') };
      await ctx.hmc.call(v, 'pool.set', { ref, attrs: parseKinds(pairs, POOL_ATTRS) as PoolAttrs });
      return;
    }
    if (r === 'virtualio') return changeVirtualIo(ctx.hmc, v, op, args);
    if (r === 'mempool') return changeMemPool(ctx.hmc, v, op, args);
    fail('NOT_IMPLEMENTED', { what: `resource type ${r}` });
  },
};
