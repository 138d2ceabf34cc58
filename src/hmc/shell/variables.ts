// Shell variables of one session and the special parameters. rbash forbids changing SHELL, PATH, ENV,
// BASH_ENV and HISTFILE ("readonly variable"). Initial values are UNCERTAIN (no capture of a real HMC
// environment): a home directory per user and a restricted PATH.

const RESTRICTED = new Set(['SHELL', 'PATH', 'ENV', 'BASH_ENV', 'HISTFILE']);

/** `$$`: the simulated shell has no process; a fixed number keeps output deterministic. */
const SHELL_PID = '4242';

export class Scope {
  /** `$?`: status of the last command. */
  status = 0;

  constructor(private readonly vars: Map<string, string>) {}

  static login(user: string, hostname: string): Scope {
    return new Scope(new Map([
      ['USER', user], ['LOGNAME', user], ['HOME', `/home/${user}`], ['PWD', `/home/${user}`],
      ['HOSTNAME', hostname], ['PATH', '/hmcrbin:/usr/hmcrbin'], ['SHELL', '/bin/rbash'], ['IFS', ' \t\n'],
    ]));
  }

  /** A subshell's copy (pipeline elements, command substitution): its changes are not seen here. */
  clone(): Scope {
    const s = new Scope(new Map(this.vars));
    s.status = this.status;
    return s;
  }

  lookup(name: string): string | undefined {
    switch (name) {
      case '?': return String(this.status);
      case '$': return SHELL_PID;
      case '0': return '-rbash';
      case '#': return '0';
      case '-': return 'hB';
      default: return this.vars.get(name);
    }
  }

  /** Sets a variable; returns bash's complaint (without `-rbash: `) when it may not be changed. */
  set(name: string, value: string): string | null {
    if (RESTRICTED.has(name)) return `${name}: readonly variable`;
    this.vars.set(name, value);
    return null;
  }

  /** For `NAME=value command`: the previous value, to put back afterwards. */
  saved(name: string): string | undefined {
    return this.vars.get(name);
  }

  restore(name: string, value: string | undefined): void {
    if (value === undefined) this.vars.delete(name);
    else this.vars.set(name, value);
  }
}
