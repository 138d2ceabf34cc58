// One login to the HMC's restricted shell (hmc-cli.md §1–2): each exec request, or each line typed at the
// interactive prompt, is one `run`; variables and `$?` persist between the lines of a session. A line
// with a syntax error runs nothing (status 2); a line stopped by a limit (limits.ts) keeps the output it
// produced and ends with status 1.
import type { Script } from './ast.ts';
import { Interpreter } from './interpreter.ts';
import { Budget, ExitSignal, ShellLimitError } from './limits.ts';
import { parse } from './parser.ts';
import { Input, Sink } from './streams.ts';
import type { ShellHost, ShellIO } from './types.ts';
import { Scope } from './variables.ts';
import { ShellSyntaxError } from './words.ts';

export type { ShellHost, ShellIO } from './types.ts';

const prefixed = (message: string) => message.split('\n').map((l) => `-rbash: ${l}\n`).join('');

/** Is this line a request to leave the shell (`exit`, `exit 3`, `quit`, `logout`)? fence_lpar sends `quit`. */
export function isLogout(line: string): boolean {
  return /^\s*(exit|quit|logout)(\s+[+-]?[0-9]+)?\s*;?\s*$/.test(line);
}

export class ShellSession {
  private readonly scope: Scope;
  private ended = false;
  private queue: Promise<unknown> = Promise.resolve();
  readonly user: string;
  readonly hostname: string;

  constructor(private readonly host: ShellHost, opts: { user?: string; hostname?: string } = {}) {
    this.user = opts.user ?? 'hscroot';
    this.hostname = opts.hostname ?? 'hmc';
    this.scope = Scope.login(this.user, this.hostname);
  }

  /** The interactive prompt, `hscroot@hmc01:~> ` (hmc-cli.md §1). */
  get prompt(): string {
    return `${this.user}@${this.hostname}:~> `;
  }

  /** True once a line ran `exit`, `logout` or `quit` at the top level (not in a pipeline or substitution). */
  get exited(): boolean {
    return this.ended;
  }

  /** Run one command line as the restricted shell would. Lines run one after the other, never interleaved. */
  run(line: string): Promise<ShellIO> {
    const result = this.queue.then(() => this.runNow(line));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async runNow(line: string): Promise<ShellIO> {
    let script: Script;
    try {
      script = parse(line);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError) && !(e instanceof ShellLimitError)) throw e;
      this.scope.status = 2;
      return { stdout: '', stderr: prefixed(e.message), exit: 2 };
    }
    const out = new Sink();
    const err = new Sink();
    const interpreter = new Interpreter(this.host, new Budget());
    try {
      await interpreter.script(script, { scope: this.scope, io: { stdin: new Input(''), out, err }, loops: 0 });
    } catch (e) {
      if (e instanceof ExitSignal) {
        this.scope.status = e.status;
        this.ended = true;
      } else if (e instanceof ShellLimitError) {
        err.force(`-rbash: ${e.message}\n`);
        this.scope.status = 1;
      } else {
        throw e;
      }
    }
    return { stdout: out.text(), stderr: err.text(), exit: this.scope.status };
  }
}
