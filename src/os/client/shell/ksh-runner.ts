// Runs a parsed command line in a client partition the way AIX's ksh would, as far as an administrator's
// one-liners need: lists (`;`, newlines), `&&`/`||`, pipelines (`|`, each element reading what the one
// before it wrote, one after the other), `!`, `for`/`while`/`until`/`if`, `( )` and `{ }`, variables and
// `$( )`. A command name is looked up in the shell's builtins, then in the partition's commands; a path
// such as /usr/sbin/lsdev names the same command when it is in a directory AIX keeps commands in.
// Everything else is `ksh: X: not found.` with status 127 (AIX ksh's wording).
import type { AndOr, Command, ForCommand, IfCommand, LoopCommand, Pipeline, Script, SimpleCommand } from '../../../hmc/shell/ast.ts';
import { ExitSignal, LoopSignal, type Budget } from '../../../hmc/shell/limits.ts';
import { Input, Sink, type Io } from '../../../hmc/shell/streams.ts';
import { KSH_MSG } from '../data/client-messages.ts';
import { applyRedirs, expandFields, expandString, KshError, type KshEnv } from './ksh-expand.ts';
import type { ClientResult } from './client-command.ts';

/** The shell variables of one login; `$?` is `status`. */
export class KshVars {
  status = 0;
  constructor(readonly vars: Map<string, string>) {}
  lookup(name: string): string | undefined {
    switch (name) {
      case '?': return String(this.status);
      case '$': return '12345'; // SIM: no processes; a fixed number keeps output deterministic
      case '0': return '-ksh';
      case '#': return '0';
      default: return this.vars.get(name);
    }
  }
  clone(): KshVars {
    const c = new KshVars(new Map(this.vars));
    c.status = this.status;
    return c;
  }
}

export interface Frame { vars: KshVars; io: Io; loops: number }

/** What runs a command once its name is known: a builtin (control flow, echo, grep) or a partition command. */
export interface CommandHost {
  builtin(name: string): ((argv: string[], f: Frame) => number) | undefined;
  /** A partition command; it is given the arguments after its name (ClientCommand's argv). */
  command(name: string): ((args: string[], stdin: string) => ClientResult) | undefined;
}

/** Directories whose commands this shell has (AIX's default PATH and the usual admin paths). */
const COMMAND_DIRS = new Set(['/usr/bin', '/usr/sbin', '/bin', '/sbin', '/etc', '/usr/ucb', '/usr/lib/methods']);

export class KshRunner {
  constructor(private readonly host: CommandHost, private readonly budget: Budget) {}

  script(script: Script, f: Frame): number {
    for (const node of script) this.andOr(node, f);
    return f.vars.status;
  }

  private andOr(node: AndOr, f: Frame): void {
    let status = this.pipeline(node.first, f);
    f.vars.status = status;
    for (const { op, pipeline } of node.rest) {
      if ((op === '&&') !== (status === 0)) continue;
      status = this.pipeline(pipeline, f);
      f.vars.status = status;
    }
  }

  private pipeline(p: Pipeline, f: Frame): number {
    let status = 0;
    if (p.cmds.length === 1) {
      status = this.command(p.cmds[0], f);
    } else {
      let stdin = f.io.stdin;
      for (const [i, cmd] of p.cmds.entries()) {
        const last = i === p.cmds.length - 1;
        const out = last ? f.io.out : new Sink();
        const sub: Frame = { vars: f.vars.clone(), io: { stdin, out, err: f.io.err }, loops: 0 };
        status = subshell(() => this.command(cmd, sub));
        if (!last) stdin = new Input(out.text());
      }
    }
    return p.negate ? Number(status === 0) : status;
  }

  private command(cmd: Command, f: Frame): number {
    this.budget.command();
    const env = this.env(f);
    let g = f;
    try {
      if (cmd.redirs.length) g = { ...f, io: applyRedirs(cmd.redirs, f.io, env) };
      switch (cmd.k) {
        case 'simple': return this.simple(cmd, g, env);
        case 'while': return this.loop(cmd, g);
        case 'for': return this.forLoop(cmd, g, env);
        case 'if': return this.ifCommand(cmd, g);
        case 'group': {
          if (!cmd.subshell) return this.script(cmd.body, g);
          const sub: Frame = { vars: g.vars.clone(), io: g.io, loops: 0 };
          return subshell(() => this.script(cmd.body, sub));
        }
      }
    } catch (e) {
      if (!(e instanceof KshError)) throw e;
      g.io.err.write(`ksh: ${e.message}\n`);
      return 1;
    }
  }

  private env(f: Frame): KshEnv {
    return {
      lookup: (name) => f.vars.lookup(name),
      substitute: (body) => {
        const out = new Sink();
        const sub: Frame = { vars: f.vars.clone(), io: { stdin: f.io.stdin, out, err: f.io.err }, loops: 0 };
        f.vars.status = subshell(() => this.script(body, sub));
        return out.text();
      },
    };
  }

  private simple(cmd: SimpleCommand, f: Frame, env: KshEnv): number {
    const argv = expandFields(cmd.words, env);
    const values = cmd.assigns.map((a) => [a.name, expandString(a.value, env)] as const);
    if (argv.length === 0) {
      for (const [name, value] of values) f.vars.vars.set(name, value);
      return f.vars.status;
    }
    // `NAME=value command`: the variable is set for this command only
    const saved = values.map(([name]) => [name, f.vars.vars.get(name)] as const);
    try {
      for (const [name, value] of values) f.vars.vars.set(name, value);
      return this.run(argv, f);
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) f.vars.vars.delete(name); else f.vars.vars.set(name, value);
      }
    }
  }

  private run(argv: string[], f: Frame): number {
    const slash = argv[0].lastIndexOf('/');
    const name = slash < 0 ? argv[0] : COMMAND_DIRS.has(argv[0].slice(0, slash)) ? argv[0].slice(slash + 1) : '';
    const builtin = name === '' ? undefined : this.host.builtin(name);
    if (builtin) return builtin([name, ...argv.slice(1)], f);
    const command = name === '' ? undefined : this.host.command(name);
    if (!command) {
      f.io.err.write(`${KSH_MSG.notFound(argv[0])}\n`);
      return 127;
    }
    const r = command(argv.slice(1), f.io.stdin.readAll());
    f.io.out.write(r.stdout);
    f.io.err.write(r.stderr);
    return r.exit;
  }

  private loop(cmd: LoopCommand, f: Frame): number {
    const inner: Frame = { ...f, loops: f.loops + 1 };
    let status = 0;
    for (;;) {
      const cond = this.iterate(() => this.script(cmd.cond, inner));
      if (cond === 'break' || (cond === 0) === cmd.until) break;
      this.budget.iteration();
      const r = this.iterate(() => this.script(cmd.body, inner));
      if (r === 'break') break;
      status = r === 'continue' ? 0 : r;
    }
    return status;
  }

  private forLoop(cmd: ForCommand, f: Frame, env: KshEnv): number {
    const items = cmd.items === null ? [] : expandFields(cmd.items, env);
    const inner: Frame = { ...f, loops: f.loops + 1 };
    let status = 0;
    for (const item of items) {
      this.budget.iteration();
      f.vars.vars.set(cmd.name, item);
      const r = this.iterate(() => this.script(cmd.body, inner));
      if (r === 'break') break;
      status = r === 'continue' ? 0 : r;
    }
    return status;
  }

  private ifCommand(cmd: IfCommand, f: Frame): number {
    for (const branch of cmd.branches) {
      if (this.script(branch.cond, f) === 0) return this.script(branch.body, f);
    }
    return cmd.orElse ? this.script(cmd.orElse, f) : 0;
  }

  /** A loop's condition or body; `break`/`continue` aimed at this loop end here. */
  private iterate(run: () => number): number | 'break' | 'continue' {
    try {
      return run();
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e;
      if (e.levels > 1) throw new LoopSignal(e.kind, e.levels - 1);
      return e.kind;
    }
  }
}

/** A subshell: `exit` there ends only the subshell, with its status. */
function subshell(run: () => number): number {
  try {
    return run();
  } catch (e) {
    if (e instanceof ExitSignal) return e.status;
    throw e;
  }
}
