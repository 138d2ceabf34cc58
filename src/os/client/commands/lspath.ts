// `lspath` (AIX MPIO): one line per path, `status name parent` (vios.md §6: `Enabled hdisk0 fscsi0`), disks
// in name order and each disk's paths in the order they were configured. A path through a VIOS that is not
// serving the disk shows Failed (state/device-config.ts); one not found at the last boot shows Defined.
// `-l name`, `-p parent`, `-s status` select; `-F format` chooses fields (status, name, parent,
// connection, path_id) as lsdev -F does.
import { pathConnection, pathFacts } from '../disk-facts.ts';
import { pathParentName } from '../device-list.ts';
import { naturalOrder } from '../state/device-config.ts';
import { err, ok, type ClientCommand } from '../shell/client-command.ts';
import { formatFields, getopt, isResult } from './getopt.ts';

const USAGE = 'Usage: lspath [-F Format | -t] [-H] [-l Name] [-p Parent] [-s Status] [-w Connection] [-i PathID]';
const STATUSES = ['enabled', 'disabled', 'failed', 'defined', 'missing', 'detected'];

export const lspath: ClientCommand = (ctx, argv) => {
  const o = getopt('lspath', argv, 'F:Hl:p:s:w:i:t', USAGE);
  if (isResult(o)) return o;
  if (o.operands.length) return err(`lspath: Not a recognized flag: ${o.operands[0]}\n${USAGE}`);
  const status = o.value('s')?.toLowerCase();
  if (status !== undefined && !STATUSES.includes(status)) return err(`lspath: The status ${o.value('s')} is not valid.\n${USAGE}`);
  const os = ctx.oses.client(ctx.p);
  const adapters = os.adapters();
  const rows: { field: (f: string) => string | undefined; connection: () => string; line: string }[] = [];
  const disks = os.state.devices.filter((d) => d.kind === 'hdisk').sort((a, b) => naturalOrder(a.name, b.name));
  for (const d of disks) {
    if (o.has('l') && d.name !== o.value('l')) continue;
    (d.paths ?? []).forEach((p, id) => {
      const parent = pathParentName(d, p.parent);
      if (o.has('p') && parent !== o.value('p')) return;
      if (status !== undefined && p.status.toLowerCase() !== status) return;
      if (o.has('i') && String(id) !== o.value('i')) return;
      // The connection is what the path's inquiry answers: asked only when a format wants it.
      const connection = (): string => pathConnection(pathFacts(ctx, d, p, adapters));
      const plain: Record<string, string> = { status: p.status, name: d.name, parent, path_id: String(id) };
      rows.push({ field: (f) => (f === 'connection' ? connection() : Object.hasOwn(plain, f) ? plain[f] : undefined), connection, line: `${p.status} ${d.name} ${parent}` });
    });
  }
  if (o.has('w')) return ok(rows.filter((r) => r.connection() === o.value('w')).map((r) => `${r.line}\n`).join(''));
  const format = o.value('F') ?? (o.has('t') ? 'status name parent path_id' : 'status name parent');
  const header = o.has('H') ? `${formatFields(format, (f) => f)}\n` : '';
  return ok(header + rows.map((r) => `${formatFields(format, r.field)}\n`).join(''));
};
