// --filter handling shared by the listing commands (hmc-cli.md §3.3). Filter names each command accepts
// are declared by the command; others get the invalid-attribute message.
import { fail } from '../../errors/hmc-error.ts';
import type { PartitionSnapshot } from '../../platform/types/partition.ts';
import type { SystemView } from '../system-view.ts';
import type { ParsedArgs } from './args.ts';
import { parseFilter } from './grammar/filter.ts';
import { RecordSyntaxError } from './grammar/attribute-record.ts';

export function filters(args: ParsedArgs, allowed: readonly string[]): Map<string, string[]> {
  const text = args.values.get('--filter');
  if (text === undefined) return new Map();
  let f: Map<string, string[]>;
  try {
    f = parseFilter(text);
  } catch (e) {
    if (e instanceof RecordSyntaxError) return fail('USAGE', { why: `The filter "${text}" is not valid.` });
    throw e;
  }
  for (const k of f.keys()) if (!allowed.includes(k)) fail('INVALID_ATTRIBUTE', { name: k });
  return f;
}

/** Partitions selected by lpar_names / lpar_ids; an unknown name or id is HSCL8012 (Ansible reads it as absent). */
export function selectPartitions(v: SystemView, f: Map<string, string[]>): PartitionSnapshot[] {
  let rows = v.sortedPartitions();
  const names = f.get('lpar_names');
  if (names) {
    for (const n of names) if (!v.partitionByName(n)) fail('PARTITION_NOT_FOUND', { name: n });
    rows = rows.filter((p) => names.includes(p.def.name));
  }
  const ids = f.get('lpar_ids');
  if (ids) {
    for (const id of ids) if (!v.partitions.has(Number(id))) fail('PARTITION_NOT_FOUND', { name: id });
    rows = rows.filter((p) => ids.includes(String(p.def.lpar_id)));
  }
  return rows;
}
