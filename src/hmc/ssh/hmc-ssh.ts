// Wires the SSH server to the HMC: users and roles authenticate logins, and every exec request or typed
// line runs through the restricted shell, whose HMC commands go to the one command runner.
import type { Hmc } from '../hmc.ts';
import { COMMANDS } from '../cli/registry.ts';
import { runCommand } from '../cli/run-command.ts';
import { ShellSession } from '../shell/session.ts';
import { sshAuthFor } from '../users/ssh-auth.ts';
import { usersOf } from '../users/users-of.ts';
import { loadOrCreateHostKey } from './host-key.ts';
import { startSshServer, type RunningSsh } from './ssh-server.ts';
import { vtermProgram } from './vterm-session.ts';
import type { VtermAttach } from '../cli/command.ts';

export interface HmcSshOptions { hostKeyPath: string | null; host: string; port: number }

export function startHmcSsh(hmc: Hmc, o: HmcSshOptions): Promise<RunningSsh> {
  const auth = sshAuthFor(usersOf(hmc), () => hmc.clock.now());
  const hostname = hmc.config.hmc.hostname;
  return startSshServer({
    hostKey: loadOrCreateHostKey(o.hostKeyPath),
    hostname,
    clock: hmc.clock,
    auth,
    timeouts: (user) => auth.timeouts(user),
    onLogin: (user, method, ok, from) => hmc.db.audit(hmc.clock.now(), user, `login ${ok ? 'succeeded' : 'failed'} (ssh ${method} from ${from})`, ok ? 0 : 1),
    newShell: (user, tty) => {
      // mkvterm hands its console to the terminal; it takes over once the line that ran it is done.
      let attached: VtermAttach | null = null;
      const terminal = tty ? { attach: (a: VtermAttach) => { attached = a; } } : undefined;
      const shell = new ShellSession({
        isHmcCommand: (name) => Object.hasOwn(COMMANDS, name),
        runHmc: (argv) => runCommand(hmc, argv, { user, terminal }),
        now: () => hmc.clock.now(),
      }, { user, hostname });
      return {
        run: (line) => shell.run(line),
        get exited() { return shell.exited; },
        takeRaw: () => {
          const a = attached;
          attached = null;
          return a ? vtermProgram(hmc, a) : null;
        },
      };
    },
  }, o.host, o.port);
}
