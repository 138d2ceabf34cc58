// rmsyscfg -r lpar | prof | sysprof (hmc-cli.md §6.4, platform.md §7.1): only Not Activated partitions.
import { fail } from '../../../errors/hmc-error.ts';
import { lparRef, need, oneOf } from '../args.ts';
import type { CommandDef } from '../command.ts';
import type { PartitionSnapshot } from '../../../platform/types/partition.ts';
import { parseVirtualIo } from '../../../platform/hypervisor/virtual-adapters.ts';

/** Does this VIOS have a virtual SCSI or FC server adapter for the client, running or in a profile? */
function servesClient(vios: PartitionSnapshot, clientId: number): boolean {
  const ios = [...vios.def.profiles.map(parseVirtualIo), ...(vios.run.alloc ? [vios.run.alloc.virtual_io] : [])];
  return ios.some((io) => [...io.scsi, ...io.fc].some((a) => a.adapter_type === 'server' && a.remote_lpar_id === clientId));
}

export const rmsyscfg: CommandDef = {
  flags: { '-r': 'value', '-m': 'value', '-n': 'value', '-p': 'value', '--id': 'value', '--vioscfg': 'bool', '--vdisk': 'bool' },
  async run(ctx, args) {
    const r = oneOf(need(args, '-r', 'rmsyscfg'), ['lpar', 'prof', 'sysprof'] as const, 'resource type');
    const v = ctx.hmc.resolve(need(args, '-m', 'rmsyscfg'));
    if (r === 'lpar') {
      const ref = lparRef(args, 'rmsyscfg', '-n')!;
      if (args.bools.has('--vioscfg') || args.bools.has('--vdisk')) {
        // Removing the VIOS side (server adapters, mappings, virtual disks) is not simulated yet. When a VIOS
        // serves this partition the command is refused whole rather than half done; with nothing to clean,
        // the options ask for nothing and the partition is removed.
        const target = ref.id !== undefined ? v.partitions.get(ref.id) : v.partitionByName(ref.name!);
        const served = target && v.sortedPartitions().some((p) => p.def.lpar_env === 'vioserver' && servesClient(p, target.def.lpar_id));
        if (served) fail('NOT_IMPLEMENTED', { what: 'removal of a partition\'s Virtual I/O Server configuration (--vioscfg, --vdisk)' });
      }
      await ctx.hmc.call(v, 'partition.remove', { ref });
      return;
    }
    if (args.bools.has('--vioscfg') || args.bools.has('--vdisk')) fail('USAGE', { why: 'The --vioscfg and --vdisk options are valid only with -r lpar.' });
    if (r === 'prof') {
      await ctx.hmc.call(v, 'profile.remove', { ref: lparRef(args, 'rmsyscfg')!, name: need(args, '-n', 'rmsyscfg') });
      return;
    }
    await ctx.hmc.call(v, 'sysprof.remove', { name: need(args, '-n', 'rmsyscfg') });
  },
};
