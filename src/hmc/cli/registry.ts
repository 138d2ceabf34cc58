// The HMC command line: one typed table of every command (STYLE.md "one typed registry of operations per
// face"). A name missing from this table is "command not found" from the restricted shell.
import type { CommandDef } from './command.ts';
import { chhwres } from './commands/chhwres.ts';
import { chsyscfg } from './commands/chsyscfg.ts';
import { chsysstate } from './commands/chsysstate.ts';
import { chsyspwd } from './commands/chsyspwd.ts';
import { lshmc } from './commands/lshmc.ts';
import { lshwres } from './commands/lshwres.ts';
import { lsrefcode } from './commands/lsrefcode.ts';
import { lssyscfg } from './commands/lssyscfg.ts';
import { mksyscfg } from './commands/mksyscfg.ts';
import { bkprofdata, rstprofdata } from './commands/profdata.ts';
import { rmsyscfg } from './commands/rmsyscfg.ts';
import { lssysconn, mksysconn, rmsysconn } from './commands/sysconn.ts';
import { lssvcevents } from './commands/lssvcevents.ts';
import { viosvrcmd } from './commands/viosvrcmd.ts';
import { mkvterm, rmvterm } from './commands/vterm.ts';
import { chaccfg, lsaccfg, mkaccfg, rmaccfg } from './commands/accfg.ts';
import { lslparutil } from './commands/lslparutil.ts';
import { chlparutil } from './commands/chlparutil.ts';
import { chpwdpolicy, lspwdpolicy, mkpwdpolicy, rmpwdpolicy } from './commands/pwdpolicy.ts';
import { chhmcusr, lshmcusr, mkauthkeys, mkhmcusr, rmhmcusr } from './commands/users.ts';

export const COMMANDS: Record<string, CommandDef> = {
  lssyscfg, mksyscfg, chsyscfg, rmsyscfg, chsysstate,
  lshwres, chhwres, lsrefcode, lshmc,
  lssysconn, mksysconn, rmsysconn, chsyspwd,
  bkprofdata, rstprofdata,
  lshmcusr, mkhmcusr, chhmcusr, rmhmcusr, mkauthkeys,
  lsaccfg, mkaccfg, chaccfg, rmaccfg,
  lspwdpolicy, mkpwdpolicy, chpwdpolicy, rmpwdpolicy,
  lssvcevents, viosvrcmd, mkvterm, rmvterm,
  lslparutil, chlparutil,
};
