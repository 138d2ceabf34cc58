// `shutdown [-F] [-r] [-h]`: the OS stops and asks the platform to power its partition off, through the
// same partition-power operation the HMC's chsysstate uses (platform.md §7.4): the partition shows Shutting
// Down for the configured time (timings.partitionShutdownMs), then Not Activated; with `-r` it is activated
// again with the profile it ran (an OS reboot keeps the running configuration). The log gets "SYSTEM
// SHUTDOWN BY USER". Output: AIX's SHUTDOWN PROGRAM banner and progress lines (data/client-messages.ts).
// SIM: without -F AIX first waits a grace period for logged-in users (default one minute, `+Time`); we have
// no other users and go at once; `+Time` other than +0/now is refused rather than ignored.
import { formatDate } from '../../../hmc/shell/date-format.ts';
import { shutdownPartition } from '../../../platform/operations/partition-power.ts';
import { SHUTDOWN_TEXT } from '../data/client-messages.ts';
import { ERRPT_RESOURCE } from '../data/errpt-templates.ts';
import { err, ok, type ClientCommand } from '../shell/client-command.ts';
import { getopt, isResult } from './getopt.ts';

const USAGE = 'Usage: shutdown [-d] [-F] [-h] [-i] [-k] [-l] [-m] [-p] [-r] [-t mmddHHMM[yy]] [-u] [-v] [+Time [Message]]';

export const shutdown: ClientCommand = (ctx, argv) => {
  const o = getopt('shutdown', argv, 'Fhrk', USAGE);
  if (isResult(o)) return o;
  const when = o.operands[0];
  if (when !== undefined && when !== 'now' && when !== '+0') return err(`shutdown: a delayed shutdown (${when}) is not simulated; use shutdown -F or +0.\n${USAGE}`);
  const restart = o.has('r');
  const lines = ['', SHUTDOWN_TEXT.banner, formatDate(ctx.now(), '%a %b %e %H:%M:%S %Z %Y'), '', restart ? SHUTDOWN_TEXT.waitReboot : SHUTDOWN_TEXT.waitHalt];
  if (o.has('k')) return ok(`${[...lines, 'Shutdown aborted: -k only warns (no shutdown).'].join('\n')}\n`);
  const os = ctx.oses.client(ctx.p);
  const ifs = [...os.state.devices.filter((d) => d.kind === 'ent' && d.status === 'Available').map((d) => d.name.replace('ent', 'en')), 'lo0'];
  const at = ctx.now();
  try {
    shutdownPartition(ctx.sys, { id: ctx.p.def.lpar_id }, 'delayed', restart);
  } catch (e) {
    return err(`shutdown: ${(e as Error).message}`);
  }
  os.log('shutdown', ERRPT_RESOURCE.shutdown, [], '', at);
  lines.push(...SHUTDOWN_TEXT.steps, SHUTDOWN_TEXT.interfaces(ifs), restart ? SHUTDOWN_TEXT.rebooting : SHUTDOWN_TEXT.halted);
  return ok(`${lines.join('\n')}\n`);
};

/** `reboot` (and `halt`): the immediate forms, as `shutdown -Fr` and `shutdown -F`. */
export const reboot: ClientCommand = (ctx, argv) => shutdown(ctx, ['-F', '-r', ...argv.filter((a) => a === 'now')]);
export const halt: ClientCommand = (ctx, argv) => shutdown(ctx, ['-F', ...argv.filter((a) => a === 'now')]);
