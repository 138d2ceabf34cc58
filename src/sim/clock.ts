// The injected clock (DESIGN.md "Time"). Nothing in the model reads wall time or calls setTimeout
// directly: it asks a Clock. Tests and benchmarks use VirtualClock and move time explicitly; the running
// simulator uses a RealClock, optionally scaled (N× faster than the wall clock).

export interface TimerHandle { readonly id: number }

export interface ScheduleOptions {
  /**
   * Housekeeping that should not by itself make time pass (periodic sampling, idle timeouts, console
   * polling): `--speed max` jumps only to foreground timers (jobs); background ones fire as time passes them.
   */
  background?: boolean;
}

export interface Clock {
  /** Milliseconds since the Unix epoch, in simulated time. */
  now(): number;
  /** Run `fn` when simulated time reaches `at` (ms epoch). Callbacks run in time order. */
  schedule(at: number, fn: () => void, opts?: ScheduleOptions): TimerHandle;
  cancel(handle: TimerHandle): void;
}

interface Pending { id: number; at: number; seq: number; fn: () => void; background: boolean }

/** Time moves only when told to; timers fire in (time, creation) order, deterministically. */
export class VirtualClock implements Clock {
  private t: number;
  private seq = 0;
  private pending: Pending[] = [];
  constructor(startMs = Date.UTC(2026, 0, 1, 8, 0, 0)) { this.t = startMs; }
  now(): number { return this.t; }
  schedule(at: number, fn: () => void, opts?: ScheduleOptions): TimerHandle {
    const p = { id: ++this.seq, at: Math.max(at, this.t), seq: this.seq, fn, background: opts?.background === true };
    this.pending.push(p);
    return { id: p.id };
  }
  cancel(h: TimerHandle): void { this.pending = this.pending.filter((p) => p.id !== h.id); }
  /** Advance by `ms`, firing every timer that falls due on the way (timers may schedule more). */
  advance(ms: number): void { this.advanceTo(this.t + ms); }
  advanceTo(target: number): void {
    for (;;) {
      const next = this.nextDue(target);
      if (!next) break;
      this.pending = this.pending.filter((p) => p !== next);
      this.t = next.at;
      next.fn();
    }
    this.t = Math.max(this.t, target);
  }
  /** Fire everything pending, however far in the future (bounded to avoid runaway loops). */
  runAll(limit = 100000): void {
    for (let i = 0; i < limit && this.pending.length; i++) {
      const next = this.nextDue(Infinity)!;
      this.pending = this.pending.filter((p) => p !== next);
      this.t = next.at;
      next.fn();
    }
  }
  get pendingCount(): number { return this.pending.length; }
  /** When the earliest pending timer is due (undefined when none is). */
  nextDueAt(): number | undefined { return this.nextDue(Infinity)?.at; }
  /** When the earliest foreground (job) timer is due. */
  nextForegroundAt(): number | undefined { return this.nextDue(Infinity, true)?.at; }
  private nextDue(limit: number, foregroundOnly = false): Pending | undefined {
    let best: Pending | undefined;
    for (const p of this.pending) {
      if (foregroundOnly && p.background) continue;
      if (p.at <= limit && (!best || p.at < best.at || (p.at === best.at && p.seq < best.seq))) best = p;
    }
    return best;
  }
}

/** Wall-clock time, optionally scaled: simulated time runs `speed` times faster from the start. */
export class RealClock implements Clock {
  private readonly origin = Date.now();
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();
  private seq = 0;
  constructor(private readonly speed = 1) {
    if (!(speed > 0)) throw new RangeError('clock speed must be positive');
  }
  now(): number { return this.origin + (Date.now() - this.origin) * this.speed; }
  schedule(at: number, fn: () => void): TimerHandle {
    const id = ++this.seq;
    const delay = Math.max(0, (at - this.now()) / this.speed);
    const t = setTimeout(() => { this.timers.delete(id); fn(); }, delay);
    t.unref?.();
    this.timers.set(id, t);
    return { id };
  }
  cancel(h: TimerHandle): void {
    const t = this.timers.get(h.id);
    if (t) clearTimeout(t);
    this.timers.delete(h.id);
  }
}

/**
 * As fast as possible (`--speed max`, issue "Runtime" item 1): simulated time stands still while anything
 * runs and jumps straight to the next timer as soon as the process is idle.
 */
export class FastClock extends VirtualClock {
  /** Simulated time starts at the wall clock's now (only the clock reads wall time). */
  static startingNow(): FastClock { return new FastClock(Date.now()); }
  private pumping = false;
  override schedule(at: number, fn: () => void, opts?: ScheduleOptions): TimerHandle {
    const h = super.schedule(at, fn, opts);
    if (!opts?.background) this.pump();
    return h;
  }
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(() => {
      this.pumping = false;
      if (this.nextForegroundAt() === undefined) return; // only housekeeping left: time stands still
      this.step();
      this.pump();
    });
  }
  /** Jump to the earliest job timer, firing it and every timer due on the way. */
  private step(): void {
    const at = this.nextForegroundAt();
    if (at !== undefined) this.advanceTo(at);
  }
}
