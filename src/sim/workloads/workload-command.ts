// `powervm-sim workload SYSTEM LPAR [KIND key=value … | none]` and the lab's `@workload` directive: set,
// clear or show what runs in a partition (workload-spec.ts gives the statement's grammar).
import type { CommandResult } from '../../hmc/cli/command.ts';
import type { ManagedSystem } from '../../platform/managed-system.ts';
import type { WorkloadTable } from './workload-table.ts';
import { formatWorkload, WorkloadSyntaxError } from './workload-spec.ts';

export const WORKLOAD_USAGE = 'usage: workload SYSTEM LPAR [constant pu=N | daily base=N peak=N [peak_hour=H] | burst base=N peak=N period=S duration=S | csv file=F [column=N] [interval=S] | none] [mem=MB|P%] [compress=F]';

export function workloadCommand(systems: ManagedSystem[], tables: Map<ManagedSystem, WorkloadTable>, argv: string[]): CommandResult {
  const [sysName, lparName, ...words] = argv;
  const fail = (msg: string): CommandResult => ({ stdout: '', stderr: `powervm-sim workload: ${msg}\n`, exit: 1 });
  if (!sysName || !lparName) return fail(WORKLOAD_USAGE);
  const sys = systems.find((s) => s.name === sysName || s.mtms === sysName);
  if (!sys) return fail(`no managed system ${sysName}`);
  const p = sys.partitionByName(lparName) ?? (/^\d+$/.test(lparName) ? sys.partitions.get(Number(lparName)) : undefined);
  if (!p) return fail(`no partition ${lparName} on ${sys.name}`);
  const table = tables.get(sys)!;
  if (words.length === 0) {
    const s = table.get(p.def.lpar_id);
    return { stdout: `${p.def.name}: ${s ? formatWorkload(s) : 'idle (no workload set)'}\n`, stderr: '', exit: 0 };
  }
  try {
    const s = table.set(p.def.lpar_id, words);
    return { stdout: `${p.def.name}: ${s ? formatWorkload(s) : 'idle (no workload set)'}\n`, stderr: '', exit: 0 };
  } catch (e) {
    if (e instanceof WorkloadSyntaxError) return fail(`${e.message}\n${WORKLOAD_USAGE}`);
    throw e;
  }
}
