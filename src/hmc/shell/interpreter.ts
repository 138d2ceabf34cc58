// Runs a parsed command line (parser.ts) the way rbash would. Pipeline elements run one after the other,
// each reading what the previous one wrote; elements of a real pipeline and command substitutions run in
// a copy of the variables (bash runs them in subshells). A command name is looked up in this order:
// names with `/` are refused (rbash), then the shell's builtins and utilities (builtins.ts), then the
// HMC's commands (ShellHost); anything else is "command not found". Nothing else can run: the only code
// reachable from a command line is the builtins table and ShellHost.runHmc.
import type { Command, ForCommand, IfCommand, LoopCommand, Pipeline, Script, SimpleCommand, AndOr } from './ast.ts';
import { BUILTINS } from './builtins.ts';
import { ExpansionError, expandFields, expandString, type ExpandEnv } from './expand.ts';
import { ExitSignal, LoopSignal, type Budget } from './limits.ts';
import { applyRedirs, refusal } from './redirect.ts';
import { Input, Sink, type Io } from './streams.ts';
import type { Scope } from './variables.ts';
import { renderError } from '../../errors/hmc-error.ts';
import { ERRORS } from '../../errors/catalog.ts';
import type { ShellHost } from './types.ts';

export interface Frame {
  scope: Scope;
  io: Io;
  /** Loops around the running command in this (sub)shell, for break/continue. */
  loops: number;
}

/** The expansion environment of a frame; remembers the status of the last command substitution. */
interface FrameEnv extends ExpandEnv { substStatus: number | null }

export class Interpreter {
  constructor(private readonly host: ShellHost, private readonly budget: Budget) {}

  async script(script: Script, f: Frame): Promise<number> {
    for (const node of script) await this.andOr(node, f);
    return f.scope.status;
  }

  private async andOr(node: AndOr, f: Frame): Promise<number> {
    let status = await this.pipeline(node.first, f);
    f.scope.status = status;
    for (const { op, pipeline } of node.rest) {
      if ((op === '&&') !== (status === 0)) continue;
      status = await this.pipeline(pipeline, f);
      f.scope.status = status;
    }
    return status;
  }

  private async pipeline(p: Pipeline, f: Frame): Promise<number> {
    let status: number;
    const refused = refusal(p.cmds, (n) => f.scope.lookup(n));
    if (refused !== null) {
      // SIM-RULE: the whole pipeline is refused before any element runs (bash would still run the others)
      f.io.err.write(`-rbash: ${refused}\n`);
      status = 1;
    } else if (p.cmds.length === 1) {
      status = await this.command(p.cmds[0], f);
    } else {
      status = 0;
      let stdin = f.io.stdin;
      for (const [i, cmd] of p.cmds.entries()) {
        const last = i === p.cmds.length - 1;
        const out = last ? f.io.out : new Sink();
        const sub: Frame = { scope: f.scope.clone(), io: { stdin, out, err: f.io.err }, loops: 0 };
        status = await subshell(() => this.command(cmd, sub));
        if (!last) stdin = new Input(out.text());
      }
    }
    return p.negate ? Number(status === 0) : status;
  }

  private async command(cmd: Command, f: Frame): Promise<number> {
    this.budget.command();
    const env = this.env(f);
    let g = f;
    try {
      if (cmd.redirs.length) g = { ...f, io: await applyRedirs(cmd.redirs, f.io, env) };
      switch (cmd.k) {
        case 'simple': return await this.simple(cmd, g, env);
        case 'while': return await this.loop(cmd, g);
        case 'for': return await this.forLoop(cmd, g, env);
        case 'if': return await this.ifCommand(cmd, g);
        case 'group': {
          if (!cmd.subshell) return await this.script(cmd.body, g);
          const sub: Frame = { scope: g.scope.clone(), io: g.io, loops: 0 };
          return await subshell(() => this.script(cmd.body, sub));
        }
      }
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      g.io.err.write(`-rbash: ${e.message}\n`);
      return 1;
    }
  }

  private env(f: Frame): FrameEnv {
    const env: FrameEnv = {
      substStatus: null,
      lookup: (name) => f.scope.lookup(name),
      substitute: async (body) => {
        const out = new Sink();
        const sub: Frame = { scope: f.scope.clone(), io: { stdin: f.io.stdin, out, err: f.io.err }, loops: 0 };
        env.substStatus = await subshell(() => this.script(body, sub));
        f.scope.status = env.substStatus; // as in bash, `$?` later in the same command sees it
        return out.text();
      },
    };
    return env;
  }

  private async simple(cmd: SimpleCommand, f: Frame, env: FrameEnv): Promise<number> {
    const argv = await expandFields(cmd.words, env);
    const values: [string, string][] = [];
    for (const a of cmd.assigns) values.push([a.name, await expandString(a.value, env)]);
    if (argv.length === 0) {
      for (const [name, value] of values) {
        const refused = f.scope.set(name, value);
        if (refused) { f.io.err.write(`-rbash: ${refused}\n`); return 1; }
      }
      return env.substStatus ?? 0;
    }
    // `NAME=value command`: the variable is set for this command only
    const saved = values.map(([name]) => [name, f.scope.saved(name)] as const);
    try {
      for (const [name, value] of values) {
        const refused = f.scope.set(name, value);
        if (refused) { f.io.err.write(`-rbash: ${refused}\n`); return 1; }
      }
      return await this.run(argv, f);
    } finally {
      for (const [name, value] of saved) f.scope.restore(name, value);
    }
  }

  private async run(argv: string[], f: Frame): Promise<number> {
    const name = argv[0];
    if (name.includes('/')) {
      f.io.err.write(`-rbash: ${name}: restricted: cannot specify \`/' in command names\n`);
      return 1;
    }
    const builtin = BUILTINS.get(name);
    if (builtin) return builtin(argv, { io: f.io, scope: f.scope, loops: f.loops, budget: this.budget, now: () => this.host.now() });
    if (this.host.isHmcCommand(name)) {
      const r = await this.host.runHmc(argv, f.io.stdin.peekRest());
      f.io.out.write(r.stdout);
      f.io.err.write(r.stderr);
      return r.exit;
    }
    f.io.err.write(`${renderError('COMMAND_NOT_FOUND', { name })}\n`);
    return ERRORS.COMMAND_NOT_FOUND.exit;
  }

  private async loop(cmd: LoopCommand, f: Frame): Promise<number> {
    const inner: Frame = { ...f, loops: f.loops + 1 };
    let status = 0;
    for (;;) {
      const cond = await this.iterate(() => this.script(cmd.cond, inner));
      if (cond === 'break' || (cond === 0) === cmd.until) break;
      this.budget.iteration();
      const r = await this.iterate(() => this.script(cmd.body, inner));
      if (r === 'break') break;
      status = r === 'continue' ? 0 : r;
    }
    return status;
  }

  private async forLoop(cmd: ForCommand, f: Frame, env: FrameEnv): Promise<number> {
    const items = cmd.items === null ? [] : await expandFields(cmd.items, env);
    const inner: Frame = { ...f, loops: f.loops + 1 };
    let status = 0;
    for (const item of items) {
      this.budget.iteration();
      const refused = f.scope.set(cmd.name, item);
      if (refused) { f.io.err.write(`-rbash: ${refused}\n`); return 1; }
      const r = await this.iterate(() => this.script(cmd.body, inner));
      if (r === 'break') break;
      status = r === 'continue' ? 0 : r;
    }
    return status;
  }

  private async ifCommand(cmd: IfCommand, f: Frame): Promise<number> {
    for (const branch of cmd.branches) {
      if (await this.script(branch.cond, f) === 0) return this.script(branch.body, f);
    }
    return cmd.orElse ? this.script(cmd.orElse, f) : 0;
  }

  /** Runs a loop's condition or body; `break`/`continue` aimed at this loop end up here. */
  private async iterate(run: () => Promise<number>): Promise<number | 'break' | 'continue'> {
    try {
      return await run();
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e;
      if (e.levels > 1) throw new LoopSignal(e.kind, e.levels - 1);
      return e.kind;
    }
  }
}

/** Runs in a subshell: `exit` there ends only the subshell, with its status. */
async function subshell(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof ExitSignal) return e.status;
    throw e;
  }
}
