// The system's virtual terminal server: every partition's console (slot 0, platform.md §7.3) and the terminal
// sessions HMCs hold on them (mkvterm / rmvterm, hmc-cli.md §6). As on the real HMC, a partition has at most
// one open session; opening a second fails until the first is closed, and rmvterm closes it from anywhere
// (its holder then sees the session end). A terminal opens whatever the partition's state: a Not Activated
// partition's console shows output once it starts.
//
// The text itself comes from whoever drives the partition's side of the console (its firmware and OS,
// src/os/console/), told about each step of the boot sequence through consoleEvent().
import { fail } from '../../errors/hmc-error.ts';
import type { ManagedSystem, Partition } from '../managed-system.ts';
import { findPartition, requireRunning } from '../operations/gates.ts';
import type { Tx } from '../tx.ts';
import type { BootMode } from '../types/profile.ts';
import type { BOOT_PROGRESS } from './boot-sequence.ts';
import { VirtualTerminal } from './virtual-terminal.ts';

export type BootStep = (typeof BOOT_PROGRESS)[number];

/** What happens to a partition, as its console sees it (boot-sequence.ts). */
export type ConsoleEvent =
  | { kind: 'start' } // the hypervisor has given it its resources and starts it
  | { kind: 'step'; step: BootStep } // a boot progress step (firmware, then the OS loader and kernel)
  | { kind: 'ready'; mode: BootMode } // booted: the OS is up, or the firmware stopped at SMS / the OK prompt
  | { kind: 'shutdown' } // an OS (delayed) shutdown begins
  | { kind: 'off' }; // the partition no longer runs

/** The partition's side of the console: what it prints at each event and what it does with keystrokes. */
export interface ConsoleDriver {
  event(p: Partition, ev: ConsoleEvent, term: VirtualTerminal): void;
  input(p: Partition, data: string, term: VirtualTerminal): void;
}

interface Session { id: string; lparId: number; lastSeen: number }

export class VirtualTerminals {
  driver: ConsoleDriver | null = null;
  private readonly terms = new Map<number, { owner: Partition; term: VirtualTerminal }>();
  private readonly byLpar = new Map<number, Session>();
  private readonly sessions = new Map<string, Session>();
  private seq = 0;
  constructor(private readonly sys: ManagedSystem) {}

  /** The console of a partition (a new partition with a reused id starts with an empty one). */
  terminal(p: Partition): VirtualTerminal {
    const t = this.terms.get(p.def.lpar_id);
    if (t && t.owner === p) return t.term;
    const term = new VirtualTerminal(this.sys.config.consoles.bufferChars);
    this.terms.set(p.def.lpar_id, { owner: p, term });
    return term;
  }

  /** A boot-sequence event, inside the change that caused it: what it writes is taken back if the change is. */
  event(tx: Tx, p: Partition, ev: ConsoleEvent): void {
    if (!this.driver) return;
    const term = this.terminal(p);
    const mark = term.cursor;
    tx.guard(term, () => term.truncate(mark));
    this.driver.event(p, ev, term);
  }

  /** mkvterm: open the partition's one terminal session. */
  open(ref: { name?: string; id?: number }): { session: string; cursor: number; lpar_id: number } {
    requireRunning(this.sys, true);
    const p = findPartition(this.sys, ref);
    if (p.def.lpar_env === 'os400') fail('NOT_IMPLEMENTED', { what: 'virtual terminal of an IBM i partition (5250 console)' });
    const held = this.live(p.def.lpar_id);
    if (held) fail('VTERM_ALREADY_OPEN');
    const now = this.sys.clock.now();
    const s: Session = { id: `vt-${p.def.lpar_id}-${now}-${++this.seq}`, lparId: p.def.lpar_id, lastSeen: now };
    this.byLpar.set(s.lparId, s);
    this.sessions.set(s.id, s);
    const term = this.terminal(p);
    const replay = this.sys.config.consoles.replayOnOpenChars;
    return { session: s.id, cursor: Math.max(term.start, term.cursor - replay), lpar_id: p.def.lpar_id };
  }

  /** Output since `cursor`, and whether the session is still open (rmvterm or a removed partition end it). */
  read(id: string, cursor: number): { data: string; cursor: number; open: boolean } {
    const s = this.sessions.get(id);
    const p = s && this.sys.partitions.get(s.lparId);
    if (!s || !p) { if (s) this.drop(s); return { data: '', cursor, open: false }; }
    s.lastSeen = this.sys.clock.now();
    const r = this.terminal(p).read(cursor);
    return { data: r.data, cursor: r.cursor, open: true };
  }

  /** Keystrokes from the session's holder, handed to the partition's side as a serial line would. */
  write(id: string, data: string): void {
    const s = this.sessions.get(id);
    const p = s && this.sys.partitions.get(s.lparId);
    if (!s || !p) return; // the holder learns at its next read that the session is gone
    s.lastSeen = this.sys.clock.now();
    this.driver?.input(p, data, this.terminal(p));
  }

  /** The holder leaves (`~.`), or rmvterm closes whatever session the partition has. */
  close(a: { session?: string; ref?: { name?: string; id?: number } }): { closed: boolean } {
    if (a.session !== undefined) {
      const s = this.sessions.get(a.session);
      if (s) this.drop(s);
      return { closed: !!s };
    }
    const p = findPartition(this.sys, a.ref ?? {});
    const s = this.byLpar.get(p.def.lpar_id);
    if (s) this.drop(s);
    return { closed: !!s };
  }

  isOpen(lparId: number): boolean { return this.live(lparId) !== undefined; }

  /** platform.md §7.1: "An open virtual terminal must be closed (rmvterm) before deleting". */
  requireClosed(ref: { name?: string; id?: number }): void {
    const p = ref.id !== undefined ? this.sys.partitions.get(ref.id) : this.sys.partitionByName(ref.name ?? '');
    if (p && this.isOpen(p.def.lpar_id)) fail('VTERM_OPEN', { name: p.def.name });
  }

  /** The open session of a partition, unless its HMC stopped reading it long ago (that HMC went away). */
  private live(lparId: number): Session | undefined {
    const s = this.byLpar.get(lparId);
    if (s && this.sys.clock.now() - s.lastSeen > this.sys.config.consoles.sessionLeaseMs) { this.drop(s); return undefined; }
    return s;
  }

  private drop(s: Session): void {
    this.sessions.delete(s.id);
    if (this.byLpar.get(s.lparId) === s) this.byLpar.delete(s.lparId);
  }
}

const SERVERS = new WeakMap<ManagedSystem, VirtualTerminals>();

/** The virtual terminal server of a system (one per system, made on first use). */
export function virtualTerminals(sys: ManagedSystem): VirtualTerminals {
  let v = SERVERS.get(sys);
  if (!v) { v = new VirtualTerminals(sys); SERVERS.set(sys, v); }
  return v;
}

/** The boot sequence's hook: tell the partition's console what just happened. */
export function consoleEvent(sys: ManagedSystem, tx: Tx, p: Partition, ev: ConsoleEvent): void {
  virtualTerminals(sys).event(tx, p, ev);
}
