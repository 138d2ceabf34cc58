// How frames travel (DESIGN.md: the model runs without timers): whoever transmits — an OS's adapter, a
// Shared Ethernet Adapter, a physical port, a host on the external LAN — puts the frame on this queue,
// addressed to a switch port; the queue delivers frames in order until it is empty. A switch forwards by
// calling its ports' receivers directly; a receiver that answers (an ARP or echo reply) or bridges the frame
// on transmits again, onto the queue. So delivery is synchronous and in order, the call depth stays
// bounded, and a loop in the cabling burns out after `maxFramesPerDrain` frames instead of hanging.
// Frames are copied into preallocated slots: nothing is allocated per frame once the slots are warm.
// Each frame carries the latency accumulated on its way (the latency model of config.network, in integer
// nanoseconds), so that a reply's arrival says how long the round trip took.
import { copyBytes } from './ethernet-frame.ts';

export interface FrameTarget {
  /** A frame arrives at `port`. The buffer is only valid during the call: copy what must be kept. */
  ingress(port: number, frame: Uint8Array, len: number): void;
}

export interface FrameQueueOptions { capacity?: number; maxFramesPerDrain?: number }

export class FrameQueue {
  private readonly targets: (FrameTarget | null)[] = [];
  private readonly mask: number;
  private readonly tgt: Int32Array;
  private readonly prt: Int32Array;
  private readonly len: Int32Array;
  private readonly lat: Int32Array;
  private readonly data: Uint8Array[];
  private head = 0;
  private tail = 0;
  private count = 0;
  private busy = false;
  private draining = false;
  private readonly maxPerDrain: number;
  /** Latency (ns) accumulated by the frame being delivered now; 0 outside a delivery. */
  latencyNs = 0;
  /** Frames delivered, frames dropped because the queue was full, frames dropped by the loop guard. */
  delivered = 0;
  overflowDrops = 0;
  stormDrops = 0;
  /** Sees every frame as it is delivered (a capture point for tests and tracing, like tcpdump). */
  tap: ((target: number, port: number, frame: Uint8Array, len: number) => void) | null = null;

  constructor(opts: FrameQueueOptions = {}) {
    const cap = 1 << Math.ceil(Math.log2(Math.max(2, opts.capacity ?? 1024)));
    this.mask = cap - 1;
    this.tgt = new Int32Array(cap);
    this.prt = new Int32Array(cap);
    this.len = new Int32Array(cap);
    this.lat = new Int32Array(cap);
    this.data = new Array<Uint8Array>(cap);
    this.maxPerDrain = opts.maxFramesPerDrain ?? 1_000_000;
  }

  register(t: FrameTarget): number {
    const free = this.targets.indexOf(null);
    if (free >= 0) { this.targets[free] = t; return free; }
    return this.targets.push(t) - 1;
  }

  unregister(id: number): void { this.targets[id] = null; }

  /**
   * Transmit a frame to `port` of switch `target`, `costNs` after the frame being delivered now (or after
   * now, outside a delivery). Delivers everything queued unless a delivery is already under way further up
   * the stack. False when the queue was full and the frame was dropped.
   */
  send(target: number, port: number, frame: Uint8Array, len: number, costNs: number): boolean {
    if (!this.enqueue(target, port, frame, len, costNs)) return false;
    if (!this.draining) this.drain();
    return true;
  }

  /** Queue without delivering (a burst whose frames should all be queued before any is delivered). */
  enqueue(target: number, port: number, frame: Uint8Array, len: number, costNs: number): boolean {
    if (this.count > this.mask) { this.overflowDrops++; return false; }
    const i = this.tail;
    let slot = this.data[i];
    if (slot === undefined || slot.length < len) slot = this.data[i] = new Uint8Array(Math.max(2048, 1 << Math.ceil(Math.log2(len))));
    copyBytes(frame, 0, slot, 0, len);
    this.tgt[i] = target; this.prt[i] = port; this.len[i] = len;
    this.lat[i] = (this.draining ? this.latencyNs : 0) + costNs;
    this.tail = (i + 1) & this.mask;
    this.count++;
    return true;
  }

  drain(): void {
    if (this.draining) return;
    this.draining = true;
    let n = 0;
    try {
      while (this.count > 0) {
        if (++n > this.maxPerDrain) {
          this.stormDrops += this.count;
          this.head = this.tail; this.count = 0;
          break;
        }
        const i = this.head;
        this.head = (i + 1) & this.mask;
        // The slot stays counted while its frame is delivered, so that frames sent meanwhile never reuse it.
        this.busy = true;
        this.latencyNs = this.lat[i];
        const t = this.targets[this.tgt[i]];
        if (this.tap) this.tap(this.tgt[i], this.prt[i], this.data[i], this.len[i]);
        if (t) t.ingress(this.prt[i], this.data[i], this.len[i]);
        this.busy = false;
        this.count--;
        this.delivered++;
      }
    } finally {
      if (this.busy) { this.busy = false; this.count--; }
      this.draining = false;
      this.latencyNs = 0;
    }
  }

  get pending(): number { return this.count; }
}
