// Raw mode of an SSH terminal: a program (mkvterm's console session) takes the channel over, receiving the
// keystrokes unedited and writing straight to the screen, until it returns. The SSH server routes input here
// instead of to its line editor while a program runs.

export interface RawIO {
  write(text: string): void;
  /** Keystrokes as they arrive, until the program returns. */
  onInput(cb: (data: string) => void): void;
  /** Resolves when the SSH channel closes (the user went away). */
  readonly gone: Promise<void>;
}

/** A program that runs on the raw terminal and returns when it is done. */
export interface RawProgram { run(io: RawIO): Promise<void> }

export class RawPort implements RawIO {
  private input: ((data: string) => void) | null = null;
  private running = false;
  constructor(private readonly out: (text: string) => void, readonly gone: Promise<void>) {}
  write(text: string): void { this.out(text); }
  onInput(cb: (data: string) => void): void { this.input = cb; }

  /** Hand keystrokes to the running program; false when none runs (they belong to the shell). */
  feed(data: string): boolean {
    if (!this.running) return false;
    this.input?.(data);
    return true;
  }

  async run(program: RawProgram): Promise<void> {
    this.running = true;
    try {
      await program.run(this);
    } finally {
      this.running = false;
      this.input = null;
    }
  }
}
