// Bounds that keep one command line from hanging or exhausting the simulator: whatever a user types, the
// work of one `run` is bounded (SIM-RULE; real bash has none of these limits, it just runs out of memory).
// Also the non-error control flow of the interpreter (exit, break, continue) as thrown signals.

export const LIMITS = {
  /** Iterations of all while/until/for loops of one command line together. */
  iterations: 10_000,
  /** Nesting of `$( )` and backticks. */
  substitutionDepth: 16,
  /** Nesting of compound commands (while, for, if) in the source. */
  compoundDepth: 64,
  /** Simple commands run by one command line. */
  commands: 100_000,
  /** Characters in one output stream, one expanded word or one variable. */
  text: 16 * 1024 * 1024,
  /** Steps of the regular-expression matcher of grep over one command line. */
  regexSteps: 50_000_000,
} as const;

/** A bound was reached: the command line stops; the message (without `-rbash: `) goes to stderr. */
export class ShellLimitError extends Error {
  override name = 'ShellLimitError';
}

/** Counts the work of one command line. */
export class Budget {
  private iterations = 0;
  private commands = 0;
  private regexSteps = 0;

  iteration(): void {
    if (++this.iterations > LIMITS.iterations) throw new ShellLimitError(`loop stopped: more than ${LIMITS.iterations} iterations`);
  }

  command(): void {
    if (++this.commands > LIMITS.commands) throw new ShellLimitError(`command line stopped: more than ${LIMITS.commands} commands`);
  }

  regex(steps: number): void {
    this.regexSteps += steps;
    if (this.regexSteps > LIMITS.regexSteps) throw new ShellLimitError('grep: pattern matching stopped: too much work for one command line');
  }
}

export function checkTextSize(length: number): void {
  if (length > LIMITS.text) throw new ShellLimitError(`xrealloc: cannot allocate ${length} bytes (limit ${LIMITS.text})`);
}

/** `exit [n]`, `logout`, `quit`: leaves the shell (or the subshell it runs in) with this status. */
export class ExitSignal {
  constructor(readonly status: number) {}
}

/** `break [n]` / `continue [n]`: leaves or restarts the n-th enclosing loop. */
export class LoopSignal {
  constructor(readonly kind: 'break' | 'continue', readonly levels: number) {}
}
