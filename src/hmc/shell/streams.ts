// Standard input and output of the simulated shell. Pipeline elements run one after the other, so a pipe
// is simply the text one element wrote, read by the next one. Output is bounded (limits.ts).
import { checkTextSize } from './limits.ts';

/** What a command reads: `read` takes one line, `grep` takes everything that is left. */
export class Input {
  private pos = 0;
  constructor(private readonly text: string) {}

  /** The next line without its newline, and whether it ended with a newline; null at end of input. */
  readLine(): { line: string; complete: boolean } | null {
    if (this.pos >= this.text.length) return null;
    const nl = this.text.indexOf('\n', this.pos);
    const end = nl < 0 ? this.text.length : nl;
    const line = this.text.slice(this.pos, end);
    this.pos = nl < 0 ? this.text.length : nl + 1;
    return { line, complete: nl >= 0 };
  }

  readAll(): string {
    const rest = this.text.slice(this.pos);
    this.pos = this.text.length;
    return rest;
  }

  /** What is left, without consuming it (HMC commands are given their stdin but do not read it). */
  peekRest(): string {
    return this.text.slice(this.pos);
  }
}

export class Sink {
  private readonly chunks: string[] = [];
  private size = 0;
  /** A sink that drops what is written (a closed descriptor, `2>&-`). */
  constructor(private readonly discard = false) {}

  write(s: string): void {
    if (this.discard || s === '') return;
    checkTextSize(this.size + s.length);
    this.size += s.length;
    this.chunks.push(s);
  }

  /** For the shell's own last message after a limit stopped the line: never refused. */
  force(s: string): void {
    this.chunks.push(s);
  }

  text(): string {
    return this.chunks.join('');
  }
}

export interface Io { stdin: Input; out: Sink; err: Sink }
