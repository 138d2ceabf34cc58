// The padmin command table (vios.md §1: the ioscli command set). A name not in the table is answered by
// the restricted shell as "not found" (§10).
import type { Command } from './context.ts';
import { lsdev } from './lsdev.ts';
import { lsmap } from './lsmap.ts';
import { mkvdev } from './mkvdev.ts';
import { rmdev, rmvdev } from './rmdev.ts';
import { lsnports, vfcmap } from './npiv.ts';
import { cfgdev, chdev } from './chdev.ts';
import { lspv, lsvg, mklv, mkvg } from './lvm.ts';
import { chkdev, ioslevel, license, oemSetupEnv } from './misc.ts';

export const COMMANDS: Readonly<Record<string, Command>> = {
  cfgdev, chdev, chkdev, ioslevel, license, lsdev, lsmap, lsnports, lspv, lsvg, mklv, mkvdev, mkvg, rmdev, rmvdev, vfcmap,
  oem_setup_env: oemSetupEnv,
};
