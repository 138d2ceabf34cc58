// The interactive shell's terminal side (hmc-cli.md §1, fence_lpar): echo what is typed, simple line
// editing, `\r\n` line endings, and one complete line at a time handed to the shell. Lines typed while a
// command runs are queued, as a terminal would buffer them.

export interface LineEditorIO {
  write(text: string): void;
  onLine(line: string): Promise<void>;
  onEof(): void;
}

export class LineEditor {
  private buf = '';
  private queue: string[] = [];
  private busy = false;
  private lastWasCR = false;
  private inEscape = 0;
  constructor(private readonly io: LineEditorIO) {}

  feed(data: string): void {
    for (const ch of data) {
      if (this.inEscape) { this.skipEscape(ch); continue; }
      const code = ch.charCodeAt(0);
      if (ch === '\n' && this.lastWasCR) { this.lastWasCR = false; continue; } // \r\n is one Enter
      this.lastWasCR = ch === '\r';
      if (ch === '\r' || ch === '\n') { this.io.write('\r\n'); this.enqueue(this.buf); this.buf = ''; continue; }
      if (code === 0x7f || code === 0x08) {
        if (this.buf.length) { this.buf = this.buf.slice(0, -1); this.io.write('\b \b'); }
        continue;
      }
      if (code === 0x03) { this.buf = ''; this.io.write('^C\r\n'); this.enqueue(null); continue; }
      if (code === 0x04) { if (this.buf === '') this.io.onEof(); continue; }
      if (code === 0x15) { this.io.write('\b \b'.repeat(this.buf.length)); this.buf = ''; continue; }
      if (code === 0x1b) { this.inEscape = 1; continue; }
      if (code === 0x09) { this.buf += ' '; this.io.write(' '); continue; }
      if (code < 0x20) continue;
      this.buf += ch;
      this.io.write(ch);
    }
  }

  private skipEscape(ch: string): void {
    // ESC [ ... final byte (arrows, function keys): ignored, there is no history to move through.
    if (this.inEscape === 1) { this.inEscape = ch === '[' || ch === 'O' ? 2 : 0; return; }
    if (ch >= '@' && ch <= '~') this.inEscape = 0;
  }

  /** null marks an interrupted (Ctrl-C) line: just a new prompt. */
  private enqueue(line: string | null): void {
    this.queue.push(line ?? '\u0000');
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.queue.length) {
        const line = this.queue.shift()!;
        await this.io.onLine(line === '\u0000' ? '' : line);
      }
    } finally {
      this.busy = false;
    }
  }
}
