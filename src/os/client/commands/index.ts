// The commands of a client partition's shell, by name (STYLE.md: one typed table per face). Each family is
// a file of its own; the network commands (ifconfig, netstat, ping, entstat) come from the network module
// (commands/net), which also answers lsattr/chdev for enN and inet0. Shell builtins (echo, grep, test, …)
// are in shell/ksh-builtins.ts. A Map, so that `constructor` or `__proto__` is never a command.
import type { ClientCommand } from '../shell/client-command.ts';
import { chdev, lsattr } from './attributes.ts';
import { cfgmgr, rmdev } from './cfgmgr.ts';
import { dd } from './dd.ts';
import { errclear, errpt } from './errpt.ts';
import { lscfg } from './lscfg.ts';
import { lsdev } from './lsdev.ts';
import { lspath } from './lspath.ts';
import { lspv } from './lspv.ts';
import { od } from './od.ts';
import { halt, reboot, shutdown } from './shutdown.ts';
import { hostname, oslevel, prtconf, uname } from './system-info.ts';
import { NET_COMMANDS } from './net/index.ts';

export const CLIENT_COMMANDS: ReadonlyMap<string, ClientCommand> = new Map<string, ClientCommand>([
  ['lsdev', lsdev], ['lspv', lspv], ['lspath', lspath], ['lscfg', lscfg], ['lsattr', lsattr], ['chdev', chdev],
  ['cfgmgr', cfgmgr], ['rmdev', rmdev], ['errpt', errpt], ['errclear', errclear], ['dd', dd], ['od', od],
  ['shutdown', shutdown], ['reboot', reboot], ['halt', halt],
  ['hostname', hostname], ['oslevel', oslevel], ['uname', uname], ['prtconf', prtconf],
  ...Object.entries(NET_COMMANDS),
]);
