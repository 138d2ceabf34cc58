// A bridge's learned addresses: (VLAN, MAC) → port, in typed arrays with open addressing and linear
// probing, so that learning and lookup on the forwarding path allocate nothing. The key is two small
// integers (mac.ts): the VLAN (12 bits) beside the MAC's top 18 bits, and the MAC's low 30 bits. When full
// the table stops learning (frames to unlearned addresses are flooded, as a real switch does when its
// table overflows).
import { MAC_LOW_BITS, splitMac } from './mac.ts';

const EMPTY = -1;

export class MacTable {
  private hi: Int32Array;
  private lo: Int32Array;
  private port: Int32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 256, readonly maxEntries = 65536) {
    const cap = 1 << Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.hi = new Int32Array(cap);
    this.lo = new Int32Array(cap);
    this.port = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
  }

  get size(): number { return this.count; }

  private slot(key: number, lo: number): number {
    return Math.imul(lo ^ Math.imul(key, 0x9e3779b1), 0x85ebca77) & this.mask;
  }

  /** The port the MAC (top 18, low 30 bits) was learned on in `vlan`, or -1. */
  lookup(vlan: number, macTop: number, macLow: number): number {
    const key = (vlan << 18) | macTop;
    for (let i = this.slot(key, macLow); ; i = (i + 1) & this.mask) {
      const p = this.port[i];
      if (p === EMPTY) return EMPTY;
      if (this.hi[i] === key && this.lo[i] === macLow) return p;
    }
  }

  /** lookup() for a MAC held as one number (listings and tests). */
  find(vlan: number, mac: number): number { const [t, l] = splitMac(mac); return this.lookup(vlan, t, l); }

  learn(vlan: number, macTop: number, macLow: number, port: number): void {
    const key = (vlan << 18) | macTop;
    for (let i = this.slot(key, macLow); ; i = (i + 1) & this.mask) {
      const p = this.port[i];
      if (p === EMPTY) {
        if (this.count >= this.maxEntries) return;
        this.hi[i] = key; this.lo[i] = macLow; this.port[i] = port;
        if (++this.count * 2 > this.mask + 1) this.rehash((this.mask + 1) << 1, () => false);
        return;
      }
      if (this.hi[i] === key && this.lo[i] === macLow) { this.port[i] = port; return; }
    }
  }

  /** Forget every address learned on a port for which `drop` is true (a port removed or moved). */
  forget(drop: (port: number) => boolean): void {
    this.rehash(this.mask + 1, drop);
  }

  clear(): void { this.forget(() => true); }

  /** Every entry, for listings and tests. */
  entries(): { vlan: number; mac: number; port: number }[] {
    const out: { vlan: number; mac: number; port: number }[] = [];
    for (let i = 0; i <= this.mask; i++) {
      if (this.port[i] !== EMPTY) out.push({ vlan: this.hi[i] >>> 18, mac: (this.hi[i] & 0x3ffff) * 2 ** MAC_LOW_BITS + this.lo[i], port: this.port[i] });
    }
    return out;
  }

  private rehash(cap: number, drop: (port: number) => boolean): void {
    const [hi, lo, port] = [this.hi, this.lo, this.port];
    this.hi = new Int32Array(cap);
    this.lo = new Int32Array(cap);
    this.port = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
    this.count = 0;
    for (let i = 0; i < port.length; i++) {
      if (port[i] === EMPTY || drop(port[i])) continue;
      let j = this.slot(hi[i], lo[i]);
      while (this.port[j] !== EMPTY) j = (j + 1) & this.mask;
      this.hi[j] = hi[i]; this.lo[j] = lo[i]; this.port[j] = port[i];
      this.count++;
    }
  }
}
