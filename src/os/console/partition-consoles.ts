// The partitions' side of the system's virtual terminal server: one PartitionConsole per partition, driven by
// the boot sequence's console events and by what the HMC's terminal session types. A console login starts
// one shell that runs every line typed until logout: a client's AIX-like shell (one ClientShell per login,
// so variables and `$?` persist and `exit 3` logs out), or the VIOS's padmin shell directly (a console
// needs no RMC, unlike viosvrcmd).
import type { ManagedSystem, Partition } from '../../platform/managed-system.ts';
import type { VirtualTerminal } from '../../platform/hypervisor/virtual-terminal.ts';
import type { ConsoleDriver, ConsoleEvent } from '../../platform/hypervisor/virtual-terminals.ts';
import type { OsKind } from './console-text.ts';
import { consoleVars } from './console-vars.ts';
import { PartitionConsole, type ConsoleHost, type ConsoleSession, type ShellResult } from './partition-console.ts';

/** What the consoles need from the partitions' operating systems (PartitionOses). */
export interface ConsoleOses {
  /** A new login shell on a client partition. */
  clientShell(p: Partition): ConsoleSession;
  viosConsoleCommand(p: Partition, line: string): ShellResult;
}

/** `exit` with a status: the login shell ends (plain `exit` and `logout` the console itself handles). */
const EXIT_WITH_STATUS = /^\s*exit\s+\d+\s*$/;

/** The padmin shell keeps nothing between lines (vios-os.ts): a login only needs to notice `exit N`. */
function padminSession(oses: ConsoleOses, p: Partition): ConsoleSession {
  let exited = false;
  return {
    run(line) {
      if (!EXIT_WITH_STATUS.test(line)) return oses.viosConsoleCommand(p, line);
      exited = true;
      return { stdout: '', stderr: '', exit: Number(line.trim().split(/\s+/)[1]) };
    },
    get exited() { return exited; },
  };
}

export class PartitionConsoles implements ConsoleDriver {
  private readonly consoles = new WeakMap<Partition, PartitionConsole>();
  private readonly host: ConsoleHost;

  constructor(private readonly sys: ManagedSystem, oses: ConsoleOses) {
    const pw = sys.config.consoles;
    const passwords: Record<OsKind, string> = { aix: pw.aixRootPassword, linux: pw.linuxRootPassword, vios: pw.viosPadminPassword };
    this.host = {
      vars: (p) => consoleVars(this.sys, p),
      password: (kind) => passwords[kind],
      login: (p, kind) => (kind === 'vios' ? padminSession(oses, p) : oses.clientShell(p)),
    };
  }

  event(p: Partition, ev: ConsoleEvent, term: VirtualTerminal): void { this.of(p).event(p, ev, term); }
  input(p: Partition, data: string, term: VirtualTerminal): void { this.of(p).input(p, data, term); }

  private of(p: Partition): PartitionConsole {
    let c = this.consoles.get(p);
    if (!c) {
      c = new PartitionConsole(this.host);
      c.adopt(p);
      this.consoles.set(p, c);
    }
    return c;
  }
}
