// `lspv`: one line per configured disk, `NAME PVID VG STATUS` without a header (vios.md §2.8 describes the
// same columns on the VIOS): the PVID is `none` until one is assigned (chdev -a pv=yes), the VG `None`
// (SIM: the client has no LVM; no disk is in a volume group, not even rootvg), the status empty.
// Widths UNCERTAIN (data/device-catalog.ts WIDTHS). `lspv hdiskN` asks about the disk's volume group.
import { DEV_MSG } from '../data/client-messages.ts';
import { WIDTHS } from '../data/device-catalog.ts';
import { naturalOrder } from '../state/device-config.ts';
import { err, ok, type ClientCommand } from '../shell/client-command.ts';

const pad = (s: string, n: number): string => (s.length >= n ? `${s} ` : s.padEnd(n));
const USAGE = 'Usage: lspv [-L] [-l | -p | -M] [-n DescriptorPV] [-v VGid] PVname\n       lspv [-u] [-L]';

export const lspv: ClientCommand = (ctx, argv) => {
  const state = ctx.oses.client(ctx.p).state;
  const disks = state.devices.filter((d) => d.kind === 'hdisk' && d.status === 'Available').sort((a, b) => naturalOrder(a.name, b.name));
  const args = argv;
  if (args.length === 1 && !args[0].startsWith('-')) {
    return err(disks.some((d) => d.name === args[0]) ? DEV_MSG.pvNoVg(args[0]) : DEV_MSG.pvNotFound(args[0]));
  }
  if (args.length) return err(`lspv: Not a recognized flag: ${args[0].replace(/^-/, '')}\n${USAGE}`);
  return ok(disks.map((d) => `${pad(d.name, WIDTHS.lspvName)}${pad(state.pvids[d.uid ?? ''] ?? 'none', WIDTHS.lspvPvid)}${pad('None', WIDTHS.lspvVg)}`.trimEnd() + '\n').join(''));
};
