// The HMC's end of a partition console (mkvterm, hmc-cli.md §6): once the system has opened the session, the
// user's terminal is passed through raw. Keystrokes go to the partition as typed; its output is fetched over
// the HMC link, every consoles.pollMs and right after each keystroke (the link has no push). `~.` at the
// start of a line asks " Terminate session? [y/n]"; the session also ends when rmvterm closes it, when the
// system can no longer be reached, or when the SSH channel goes away.
import type { FspArgs, FspResult } from '../../link/fsp-api.ts';
import type { TimerHandle } from '../../sim/clock.ts';
import type { VtermAttach } from '../cli/command.ts';
import type { Hmc } from '../hmc.ts';
import type { RawIO, RawProgram } from './raw-terminal.ts';

/** What the HMC prints around a console session (the closing texts are UNCERTAIN: not in reference/). */
const TEXT = {
  opened: ' Open in progress \r\n\r\n Open Completed.\r\n\r\n',
  confirm: ' Terminate session? [y/n]',
  closedElsewhere: '\r\n\r\n The terminal session was closed (rmvterm).\r\n',
  lost: (why: string) => `\r\n\r\n The terminal session ended: ${why}\r\n`,
};

export function vtermProgram(hmc: Hmc, a: VtermAttach): RawProgram {
  return { run: (io) => new VtermSession(hmc, a, io).run() };
}

class VtermSession {
  private cursor: number;
  private timer: TimerHandle | null = null;
  private done = false;
  private finished: () => void = () => {};
  private sending: Promise<void> = Promise.resolve();
  private reading = false;
  private readAgain = false;
  private lineStart = true;
  private escape: 'none' | 'tilde' | 'confirm' = 'none';

  constructor(private readonly hmc: Hmc, private readonly a: VtermAttach, private readonly io: RawIO) {
    this.cursor = a.cursor;
  }

  run(): Promise<void> {
    const over = new Promise<void>((r) => { this.finished = r; });
    this.io.write(TEXT.opened);
    this.io.onInput((d) => this.keys(d));
    void this.io.gone.then(() => this.end(null));
    void this.poll();
    return over;
  }

  private call<K extends 'vterm.read' | 'vterm.write' | 'vterm.close'>(op: K, args: FspArgs<K>): Promise<FspResult<K>> {
    const v = this.hmc.connectionFor(this.a.system);
    if (!v) return Promise.reject(new Error('the managed system is no longer connected'));
    return this.hmc.call(v, op, args);
  }

  /** Fetch new output; a request made while one is on its way runs right after it. */
  private async poll(): Promise<void> {
    if (this.done) return;
    if (this.reading) { this.readAgain = true; return; }
    this.reading = true;
    try {
      do {
        this.readAgain = false;
        const r = await this.call('vterm.read', { session: this.a.session, cursor: this.cursor });
        if (this.done) return;
        if (r.data) this.io.write(r.data);
        this.cursor = r.cursor;
        if (!r.open) return void (await this.end(TEXT.closedElsewhere, false));
      } while (this.readAgain);
    } catch (e) {
      return void (await this.end(TEXT.lost(e instanceof Error ? e.message : String(e)), false));
    } finally {
      this.reading = false;
    }
    if (this.timer) this.hmc.clock.cancel(this.timer);
    // Background: an open console alone does not make simulated time run under --speed max.
    this.timer = this.hmc.clock.schedule(this.hmc.clock.now() + this.hmc.config.consoles.pollMs, () => { this.timer = null; void this.poll(); }, { background: true });
  }

  /** Keystrokes: pass them on, except the `~.` escape at the start of a line and the answer to its question. */
  private keys(data: string): void {
    let out = '';
    for (const ch of data) {
      if (this.done) return;
      if (this.escape === 'confirm') {
        this.escape = 'none';
        this.io.write(`${ch}\r\n`);
        if (ch === 'y' || ch === 'Y') { void this.end(null); return; }
        continue;
      }
      if (this.escape === 'tilde') {
        this.escape = 'none';
        if (ch === '.') { this.escape = 'confirm'; this.io.write(TEXT.confirm); continue; }
        out += ch === '~' ? '~' : `~${ch}`;
      } else if (this.lineStart && ch === '~') {
        this.escape = 'tilde';
        continue;
      } else {
        out += ch;
      }
      this.lineStart = ch === '\r' || ch === '\n';
    }
    if (out) this.send(out);
  }

  private send(data: string): void {
    this.sending = this.sending.then(async () => {
      if (this.done) return;
      try {
        await this.call('vterm.write', { session: this.a.session, data });
      } catch (e) {
        return void (await this.end(TEXT.lost(e instanceof Error ? e.message : String(e)), false));
      }
      void this.poll(); // the echo and any answer are there already
    });
  }

  /** Stop; when we are the ones leaving, close the session on the system first (a new mkvterm may follow at once). */
  private async end(text: string | null, closeOnSystem = true): Promise<void> {
    if (this.done) return;
    this.done = true;
    if (this.timer) { this.hmc.clock.cancel(this.timer); this.timer = null; }
    if (text) this.io.write(text);
    if (closeOnSystem) await this.call('vterm.close', { session: this.a.session }).catch(() => undefined);
    this.finished();
  }
}
