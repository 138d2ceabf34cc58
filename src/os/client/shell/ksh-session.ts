// One login to a client partition's shell (root's ksh, as on the console or through `powervm-sim os`): each
// `run` is one command line; variables and `$?` persist between the lines of a session. A line with a
// syntax error runs nothing (status 2, ksh's prefix); a line stopped by a limit (the HMC shell's bounds:
// loop iterations, output size) keeps what it wrote and ends with status 1. Before a line runs, the OS
// catches up with the hardware (ClientOs.observe: a boot, failed or recovered paths); after it, what the
// line changed in the device configuration is saved.
import { Budget, ExitSignal, ShellLimitError } from '../../../hmc/shell/limits.ts';
import { parse } from '../../../hmc/shell/parser.ts';
import { Input, Sink } from '../../../hmc/shell/streams.ts';
import { ShellSyntaxError } from '../../../hmc/shell/words.ts';
import type { Script } from '../../../hmc/shell/ast.ts';
import type { ManagedSystem, Partition } from '../../../platform/managed-system.ts';
import type { PartitionOses } from '../../partition-oses.ts';
import { CLIENT_COMMANDS } from '../commands/index.ts';
import { KSH_BUILTINS } from './ksh-builtins.ts';
import { KshRunner, KshVars, type CommandHost } from './ksh-runner.ts';
import type { ClientResult } from './client-command.ts';

/** The messages of the HMC parser name the HMC's shell; here they are ksh's. */
/** The partition stopped running (shutdown) while a line ran: nothing more of the line runs, the login ends. */
class HaltSignal {}

const kshMessage = (message: string): string =>
  message.replaceAll('the simulated HMC shell', 'this shell').split('\n').map((l) => `ksh: ${l}\n`).join('');

export class ClientShell {
  private readonly vars: KshVars;
  private ended = false;

  constructor(private readonly sys: ManagedSystem, private readonly oses: PartitionOses, private readonly lparId: number) {
    const p = this.partition();
    this.vars = new KshVars(new Map([
      ['HOME', '/'], ['USER', 'root'], ['LOGNAME', 'root'], ['PWD', '/'], ['SHELL', '/usr/bin/ksh'], ['IFS', ' \t\n'],
      ['PATH', '/usr/bin:/etc:/usr/sbin:/usr/ucb:/usr/bin/X11:/sbin'], ['HOSTNAME', p?.def.name ?? ''],
    ]));
  }

  /** The AIX root prompt. */
  get prompt(): string { return '# '; }

  /** True once a line ran `exit` at the top level. */
  get exited(): boolean { return this.ended; }

  run(line: string): ClientResult {
    let script: Script;
    try {
      script = parse(line);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError) && !(e instanceof ShellLimitError)) throw e;
      this.vars.status = 2;
      return { stdout: '', stderr: kshMessage(e.message), exit: 2 };
    }
    const p = this.partition();
    if (!p) return { stdout: '', stderr: 'ksh: the partition is gone\n', exit: 1 };
    const os = this.oses.client(p);
    os.observe(p);
    const out = new Sink();
    const err = new Sink();
    const budget = new Budget();
    const now = (): number => this.sys.clock.now();
    // A command that shut the partition down (shutdown) leaves nothing to run the rest of the line.
    const alloc = p.run.alloc;
    const running = (): Partition => {
      const cur = this.partition();
      if (!cur || cur.run.state !== 'Running' || cur.run.alloc !== alloc) throw new HaltSignal(); // off, or rebooted
      return cur;
    };
    const host: CommandHost = {
      builtin: (name) => {
        const b = KSH_BUILTINS.get(name);
        return b && ((argv, f) => { running(); return b(argv, f, { budget, now }); });
      },
      command: (name) => {
        const c = CLIENT_COMMANDS.get(name);
        // A command that changed the configured devices (cfgmgr, rmdev) tells the block path at once, so
        // that the next command of the same line (dd) finds the devices by their new names and paths.
        return c && ((args, stdin) => { try { return c({ sys: this.sys, oses: this.oses, p: running(), stdin, now }, args); } finally { os.noteDevices(); } });
      },
    };
    try {
      new KshRunner(host, budget).script(script, { vars: this.vars, io: { stdin: new Input(''), out, err }, loops: 0 });
    } catch (e) {
      if (e instanceof ExitSignal) {
        this.vars.status = e.status;
        this.ended = true;
      } else if (e instanceof HaltSignal) {
        this.ended = true;
      } else if (e instanceof ShellLimitError) {
        err.force(`ksh: ${e.message}\n`);
        this.vars.status = 1;
      } else {
        throw e;
      }
    } finally {
      os.persist();
    }
    return { stdout: out.text(), stderr: err.text(), exit: this.vars.status };
  }

  private partition(): Partition | undefined {
    return this.sys.partitions.get(this.lparId);
  }
}
