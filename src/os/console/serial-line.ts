// The line discipline of a partition's console (the OS's tty on the virtual serial adapter): it echoes what
// is typed (not while a password is asked for), erases with Backspace, ends a line at Enter (\r, \n or \r\n)
// and turns Ctrl-C and Ctrl-D into an interrupt and an end of input. Escape sequences (arrow keys) are
// dropped: there is no history or cursor movement.

export type LineEvent = { kind: 'line'; text: string } | { kind: 'intr' } | { kind: 'eof' };

export class SerialLine {
  /** Off while a password is typed. */
  echo = true;
  private buf = '';
  private lastCR = false;
  private inEscape = 0;

  /** Feed keystrokes; `out` receives the echo, `on` each complete line (and may change `echo` for the next). */
  feed(data: string, out: (s: string) => void, on: (e: LineEvent) => void): void {
    for (const ch of data) {
      if (this.inEscape) { this.skipEscape(ch); continue; }
      if (ch === '\n' && this.lastCR) { this.lastCR = false; continue; }
      this.lastCR = ch === '\r';
      const code = ch.charCodeAt(0);
      if (ch === '\r' || ch === '\n') {
        out('\r\n');
        const text = this.buf;
        this.buf = '';
        on({ kind: 'line', text });
      } else if (code === 0x7f || code === 0x08) {
        if (this.buf.length) { this.buf = this.buf.slice(0, -1); if (this.echo) out('\b \b'); }
      } else if (code === 0x03) {
        this.buf = '';
        out('^C\r\n');
        on({ kind: 'intr' });
      } else if (code === 0x04) {
        if (this.buf === '') on({ kind: 'eof' });
      } else if (code === 0x15) {
        if (this.echo) out('\b \b'.repeat(this.buf.length));
        this.buf = '';
      } else if (code === 0x1b) {
        this.inEscape = 1;
      } else if (code >= 0x20 || code === 0x09) {
        this.buf += ch;
        if (this.echo) out(ch);
      }
    }
  }

  /** Forget a half-typed line (the partition stopped, or the shell ended). */
  reset(): void { this.buf = ''; this.lastCR = false; this.inEscape = 0; this.echo = true; }

  private skipEscape(ch: string): void {
    if (this.inEscape === 1) { this.inEscape = ch === '[' || ch === 'O' ? 2 : 0; return; }
    if (ch >= '@' && ch <= '~') this.inEscape = 0;
  }
}
