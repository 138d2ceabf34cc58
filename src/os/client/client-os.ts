// A client partition's AIX-like view of its virtual devices (issue "VIOS" item 4: what each partition sees
// is "shown by the client OS model"): `lspv`, `lsdev -Cc disk|adapter`, `lspath`. Device names follow
// configuration order (adapters by virtual slot, disks by adapter then label); the runtime issue gives the
// client a real device configuration with consoles, cfgmgr and an IP stack.
import type { ManagedSystem, Partition } from '../../platform/managed-system.ts';
import type { PartitionOses } from '../partition-oses.ts';
import { clientAdapters, namedDisks } from './devices.ts';
import { splitWords } from '../../hmc/shell/words.ts';

const pad = (s: string, n: number): string => (s.length >= n ? `${s} ` : s.padEnd(n));

export function clientCommand(sys: ManagedSystem, oses: PartitionOses, p: Partition, line: string): { stdout: string; stderr: string; exit: number } {
  let argv: string[];
  try { argv = splitWords(line); } catch { return { stdout: '', stderr: `ksh: syntax error\n`, exit: 2 }; }
  const ads = clientAdapters(p);
  const byslot = new Map(ads.map((a) => [a.slot, a]));
  const disks = namedDisks(sys, oses, p);
  const [cmd, ...rest] = argv;
  const args = rest.join(' ');
  const ok = (lines: string[]): { stdout: string; stderr: string; exit: number } => ({ stdout: lines.map((l) => `${l}\n`).join(''), stderr: '', exit: 0 });
  switch (`${cmd} ${args}`.trim()) {
    case 'lspv':
      return ok(disks.map((d) => `${pad(d.name, 16)}${pad('none', 36)}None`));
    case 'lsdev -Cc disk':
      return ok(disks.map((d) => `${pad(d.name, 8)}Available ${d.kind === 'vscsi' ? 'Virtual SCSI Disk Drive' : 'MPIO FC 2145'}`));
    case 'lsdev -Cc adapter':
      return ok(ads.map((a) => `${pad(a.name, 8)}Available ${a.description}`));
    case 'lspath':
      return ok(disks.flatMap((d) => d.paths.map((x) => `Enabled ${d.name} ${d.kind === 'vscsi' ? byslot.get(x.adapterSlot)?.name : byslot.get(x.adapterSlot)?.name.replace('fcs', 'fscsi')}`)));
    case 'lsattr -El hdisk0 -a unique_id': case 'odmget': default:
      if (cmd === 'lsattr' && rest[0] === '-El' && rest[2] === '-a' && rest[3] === 'unique_id') {
        const d = disks.find((x) => x.name === rest[1]);
        if (d) return ok([`unique_id ${d.uid} Unique device identifier False`]);
        return { stdout: '', stderr: `lsattr: 0514-519 The following device was not found in the customized\n\tdevice configuration database:\n\t${rest[1]}\n`, exit: 1 };
      }
      return { stdout: '', stderr: `ksh: ${cmd ?? ''}: not found.\n`, exit: 127 };
  }
}
