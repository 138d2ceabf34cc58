// One partition's side of its console: what its firmware and OS print as the boot sequence advances
// (boot-sequence.ts tells us each step), and what they do with what is typed: the firmware's SMS menu or
// Open Firmware prompt, then the OS's login and shell. Output a step would have printed is never skipped:
// when the boot jumps ahead (an instant boot, partitionBootMs = 0), the steps in between are printed first.
import { BOOT_PROGRESS } from '../../platform/hypervisor/boot-sequence.ts';
import type { VirtualTerminal } from '../../platform/hypervisor/virtual-terminal.ts';
import type { ConsoleEvent } from '../../platform/hypervisor/virtual-terminals.ts';
import type { Partition } from '../../platform/managed-system.ts';
import { FIRMWARE, fill, osKind, osText, render, type OsKind, type Vars } from './console-text.ts';
import { SerialLine, type LineEvent } from './serial-line.ts';

export interface ShellResult { stdout: string; stderr: string; exit: number }

/**
 * The logged-in user's shell: one per console login, so variables and `$?` carry from line to line, as in
 * a real login shell; `exited` once the shell ended (`exit 3`), which ends the login.
 */
export interface ConsoleSession {
  run(line: string): ShellResult | Promise<ShellResult>;
  readonly exited: boolean;
}

/** What a console needs from the rest of the partition's OS. */
export interface ConsoleHost {
  vars(p: Partition): Vars;
  /** The password of the OS's console user (config.consoles). */
  password(kind: OsKind): string;
  /** Start the logged-in user's shell (at login; dropped at logout). */
  login(p: Partition, kind: OsKind): ConsoleSession;
}

type Mode = 'silent' | 'sms' | 'of' | 'login' | 'password' | 'shell';

const STEP_SECTION: Record<string, string> = FIRMWARE.steps;
const FIRMWARE_SECTIONS = new Set<string>(FIRMWARE.firmwareSections);
const SECTIONS: Record<string, string[] | undefined> = FIRMWARE.sections;
const LOGOUT = /^\s*(exit|logout)\s*$/;

export class PartitionConsole {
  private boot: object | null = null;
  /** Index in BOOT_PROGRESS of the next step to print. */
  private next = 0;
  private mode: Mode = 'silent';
  private user = '';
  /** The shell of the current login (null at the login prompt). */
  private session: ConsoleSession | null = null;
  private readonly line = new SerialLine();
  private readonly queue: LineEvent[] = [];
  private busy = false;

  constructor(private readonly host: ConsoleHost) {}

  /**
   * A console first met on a partition that is already up (the system's process restarted while its
   * partitions kept running): it waits at the login prompt, or at the firmware's menu or prompt.
   */
  adopt(p: Partition): void {
    const booted = p.run.state === 'Running' && (p.run.refcode === '' || p.run.refcode.startsWith('Linux'));
    if (!booted && p.run.state !== 'Open Firmware') return;
    this.boot = p.run.alloc;
    this.next = BOOT_PROGRESS.length;
    this.mode = booted ? 'login' : p.run.alloc?.boot_mode === 'of' ? 'of' : 'sms';
  }

  event(p: Partition, ev: ConsoleEvent, term: VirtualTerminal): void {
    if (ev.kind === 'start' || (ev.kind !== 'off' && ev.kind !== 'shutdown' && this.boot !== p.run.alloc)) this.restart(p);
    const kind = osKind(p);
    switch (ev.kind) {
      case 'start': return;
      case 'step': return this.steps(p, term, BOOT_PROGRESS.indexOf(ev.step), false);
      case 'ready':
        if (ev.mode === 'sms' || ev.mode === 'of') {
          this.steps(p, term, BOOT_PROGRESS.length - 1, true);
          term.write(render(ev.mode === 'sms' ? FIRMWARE.sms : FIRMWARE.of, this.host.vars(p)));
          this.mode = ev.mode;
          return;
        }
        this.steps(p, term, BOOT_PROGRESS.length - 1, false);
        term.write(render(osText(kind).sections.ready, this.host.vars(p)) + render(osText(kind).login.herald, this.host.vars(p)));
        this.mode = 'login';
        return;
      case 'shutdown':
        // Only a running OS has shutdown messages; firmware just stops.
        if (this.mode === 'login' || this.mode === 'password' || this.mode === 'shell') term.write(render(osText(kind).sections.shutdown, this.host.vars(p)));
        this.stop();
        return;
      case 'off':
        this.stop();
        this.boot = null;
    }
  }

  input(p: Partition, data: string, term: VirtualTerminal): void {
    if (this.mode === 'silent') return; // keystrokes while nothing reads the console are lost
    this.line.feed(data, (s) => term.write(s), (e) => {
      this.queue.push(e);
      if (!this.busy) this.drain(p, term);
    });
  }

  private restart(p: Partition): void {
    this.boot = p.run.alloc;
    this.next = 0;
    this.stop();
  }

  private stop(): void {
    this.mode = 'silent';
    this.user = '';
    this.session = null;
    this.line.reset();
    this.queue.length = 0;
  }

  /** Print the steps up to `upTo` not printed yet; with `firmwareOnly`, stop where the OS would take over. */
  private steps(p: Partition, term: VirtualTerminal, upTo: number, firmwareOnly: boolean): void {
    const os = osText(osKind(p)).sections;
    for (; this.next <= upTo && this.next < BOOT_PROGRESS.length; this.next++) {
      const section = STEP_SECTION[BOOT_PROGRESS[this.next].aix];
      if (section === undefined) continue;
      if (firmwareOnly && !FIRMWARE_SECTIONS.has(section)) return;
      const vars = this.host.vars(p);
      term.write(render(SECTIONS[section], vars) + render(os[section], vars));
    }
  }

  /** Lines are handled in order; a shell that answers later holds the ones typed meanwhile. */
  private drain(p: Partition, term: VirtualTerminal): void {
    while (this.queue.length) {
      const r = this.handle(p, term, this.queue.shift()!);
      if (r) {
        this.busy = true;
        void r.finally(() => { this.busy = false; this.drain(p, term); });
        return;
      }
    }
  }

  private handle(p: Partition, term: VirtualTerminal, e: LineEvent): Promise<void> | void {
    const kind = osKind(p);
    const text = osText(kind);
    const vars = { ...this.host.vars(p), user: this.user };
    const write = (lines: readonly string[] | string): void => term.write(render(lines, vars));
    const typed = e.kind === 'line' ? e.text.trim() : '';
    switch (this.mode) {
      case 'silent': return;
      case 'sms': return write(e.kind === 'line' && typed !== '' ? [...FIRMWARE.smsChoice, ...FIRMWARE.sms] : FIRMWARE.sms.slice(-1));
      case 'of':
        if (typed === '') return write([...FIRMWARE.ofOk, FIRMWARE.ofPrompt]);
        return write([...FIRMWARE.ofUnknown.map((l) => fill(l, { word: typed.split(/\s+/)[0] })), FIRMWARE.ofPrompt]);
      case 'login':
        if (typed === '') return write(text.login.again);
        this.user = typed;
        this.mode = 'password';
        this.line.echo = false;
        return write(fill(text.login.password, { user: typed }));
      case 'password': {
        this.line.echo = true;
        const ok = e.kind === 'line' && this.user === text.login.user && e.text === this.host.password(kind);
        if (!ok) {
          this.mode = 'login';
          this.user = '';
          return write(e.kind === 'line' ? [...text.login.failed, text.login.again] : text.login.again);
        }
        this.mode = 'shell';
        this.session = this.host.login(p, kind);
        return write([...text.login.motd, text.login.prompt]);
      }
      case 'shell':
        if (e.kind === 'eof' || LOGOUT.test(typed)) return this.logout(p, term);
        if (e.kind === 'intr' || typed === '') return write(text.login.prompt);
        return this.run(p, term, kind, e.text);
    }
  }

  private logout(p: Partition, term: VirtualTerminal): void {
    this.mode = 'login';
    this.user = '';
    this.session = null;
    term.write(render(osText(osKind(p)).login.herald, this.host.vars(p)));
  }

  private run(p: Partition, term: VirtualTerminal, kind: OsKind, line: string): Promise<void> | void {
    const session = this.session ??= this.host.login(p, kind);
    const show = (r: ShellResult): void => {
      if (this.mode !== 'shell' || this.session !== session) return; // the partition stopped while the command ran
      const out = (r.stdout + r.stderr).replace(/\r?\n/g, '\r\n');
      if (session.exited) { // `exit N`: the login ends, the console shows the login prompt again
        term.write(out);
        this.logout(p, term);
        return;
      }
      term.write(out + render(osText(kind).login.prompt, { ...this.host.vars(p), user: this.user }));
    };
    const failed = (e: unknown): ShellResult => ({ stdout: '', stderr: `${e instanceof Error ? e.message : String(e)}\n`, exit: 1 });
    let r: ShellResult | Promise<ShellResult>;
    try { r = session.run(line); } catch (e) { r = failed(e); }
    if (r instanceof Promise) return r.catch(failed).then(show);
    show(r);
  }
}
