// `lshwres -r mempool [--rsubtype pgdev]` and `chhwres -r mempool` (platform.md §5.4, §9; hmc-cli.md §6.5,
// §6.6): the shared memory pool of Active Memory Sharing and its paging space devices. The face only parses
// and renders; every rule is in the platform operation (src/platform/operations/memory-pool.ts).
//   chhwres -r mempool -m SYS -o a -a "pool_mem=MB,max_pool_mem=MB,paging_vios_names=vios1[,vios2]"
//   chhwres -r mempool -m SYS -o s -a "pool_mem=MB" | "max_pool_mem=MB" | "paging_vios_ids=1,2"
//   chhwres -r mempool -m SYS -o r [-a POOL]          (hmc-mcp sends the -a form; the one pool has no name)
//   chhwres -r mempool -m SYS --rsubtype pgdev -o a|r -p VIOS {--device hdiskN | -a device_name=hdiskN}
import { fail } from '../../../errors/hmc-error.ts';
import type { MemPoolAttrs } from '../../../link/fsp-api.ts';
import type { Hmc } from '../../hmc.ts';
import type { SystemView } from '../../system-view.ts';
import { lparRef, need, oneOf, type ParsedArgs } from '../args.ts';
import { parseKinds, parseRecord } from '../attributes/record.ts';
import * as k from '../attributes/value-kinds.ts';
import { renderListing } from '../fields.ts';
import { filters } from '../filters.ts';
import { MEMPOOL_FIELDS, PGDEV_FIELDS, pagingDeviceUser, type PgdevRow } from '../views/mempool-fields.ts';

export function listMemPool(out: string[], v: SystemView, args: ParsedArgs): void {
  const pool = v.system!.cfg.mempool ?? null;
  const sub = args.values.get('--rsubtype');
  if (sub === undefined) {
    filters(args, []);
    // Without a pool: "No results were found." (hmc-cli.md §6.5 leaves this UNCERTAIN; REST answers 204).
    return renderListing(out, pool ? [{ v, pool }] : [], MEMPOOL_FIELDS, args);
  }
  oneOf(sub, ['pgdev'] as const, 'resource subtype');
  const f = filters(args, ['paging_vios_names', 'paging_vios_ids', 'device_names']);
  const names = f.get('paging_vios_names'), ids = f.get('paging_vios_ids'), devices = f.get('device_names');
  const rows: PgdevRow[] = (pool?.paging_devices ?? [])
    .filter((dev) => !names || names.includes(v.partitions.get(dev.paging_vios_id)?.def.name ?? ''))
    .filter((dev) => !ids || ids.includes(String(dev.paging_vios_id)))
    .filter((dev) => !devices || devices.includes(dev.device_name))
    .map((dev) => ({ v, dev, user: pagingDeviceUser(v, dev) }));
  renderListing(out, rows, PGDEV_FIELDS, args);
}

const idList: k.Kind<number[]> = {
  parse: (t, a) => k.strList.parse(t, a).map((x) => k.int.parse(x, a)),
  format: (v) => v.map(String),
};
const POOL_ATTRS = { pool_mem: k.int, max_pool_mem: k.int, paging_vios_names: k.strList, paging_vios_ids: idList };

export async function changeMemPool(hmc: Hmc, v: SystemView, op: 'a' | 'r' | 'm' | 's', args: ParsedArgs): Promise<void> {
  const sub = args.values.get('--rsubtype');
  if (sub !== undefined) {
    oneOf(sub, ['pgdev'] as const, 'resource subtype');
    if (op !== 'a' && op !== 'r') fail('USAGE', { why: 'Paging space devices are added (-o a) or removed (-o r).' });
    const vios = lparRef(args, 'chhwres')!;
    const device = deviceName(args);
    await hmc.call(v, op === 'a' ? 'mempool.addDevice' : 'mempool.removeDevice', { vios, device });
    return;
  }
  if (args.values.has('-p') || args.values.has('--id')) fail('USAGE', { why: 'A partition can be given only with --rsubtype pgdev.' });
  if (args.values.has('--device')) fail('USAGE', { why: 'The --device option is valid only with --rsubtype pgdev.' });
  if (op === 'm') fail('USAGE', { why: 'A shared memory pool is created (-o a), changed (-o s) or removed (-o r).' });
  if (op === 'r') {
    // hmc-cli.md §6.6: hmc-mcp sends `-o r -a <pool name>`; a system has one pool, so the name selects nothing.
    await hmc.call(v, 'mempool.remove', {});
    return;
  }
  const attrs = parseKinds(parseRecord(need(args, '-a', 'chhwres')), POOL_ATTRS) as MemPoolAttrs;
  await hmc.call(v, op === 'a' ? 'mempool.create' : 'mempool.change', attrs);
}

function deviceName(args: ParsedArgs): string {
  const flag = args.values.get('--device');
  const attr = args.values.has('-a') ? parseKinds(parseRecord(args.values.get('-a')!), { device_name: k.text }).device_name as string | undefined : undefined;
  if (flag !== undefined && attr !== undefined) fail('USAGE', { why: 'Specify the paging space device with --device or device_name, not both.' });
  const name = flag ?? attr;
  if (!name) fail('USAGE', { why: 'Specify the paging space device with --device.' });
  return name!;
}
