// A bridge's learned addresses: (VLAN, MAC) → port, in typed arrays with open addressing and linear
// probing, so that learning and lookup on the forwarding path allocate nothing. The key is split the way
// the frame holds it: VLAN (12 bits) with the MAC's high 16 bits in one word, the MAC's low 32 bits in
// the other. When full the table stops learning (frames to unlearned addresses are flooded, as a real
// switch does when its table overflows).

const EMPTY = -1;

export class MacTable {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private port: Int32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 256, readonly maxEntries = 65536) {
    const cap = 1 << Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.port = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
  }

  get size(): number { return this.count; }

  private slot(key: number, lo: number): number {
    return (Math.imul(lo ^ Math.imul(key, 0x9e3779b1), 0x85ebca77) >>> 0) & this.mask;
  }

  /** The port `mac` was learned on in `vlan`, or -1. */
  lookup(vlan: number, macHi: number, macLo: number): number {
    const key = ((vlan << 16) | macHi) >>> 0;
    for (let i = this.slot(key, macLo); ; i = (i + 1) & this.mask) {
      const p = this.port[i];
      if (p === EMPTY) return EMPTY;
      if (this.hi[i] === key && this.lo[i] === macLo) return p;
    }
  }

  learn(vlan: number, macHi: number, macLo: number, port: number): void {
    const key = ((vlan << 16) | macHi) >>> 0;
    for (let i = this.slot(key, macLo); ; i = (i + 1) & this.mask) {
      const p = this.port[i];
      if (p === EMPTY) {
        if (this.count >= this.maxEntries) return;
        this.hi[i] = key; this.lo[i] = macLo; this.port[i] = port;
        if (++this.count * 2 > this.mask + 1) this.rehash((this.mask + 1) << 1, () => false);
        return;
      }
      if (this.hi[i] === key && this.lo[i] === macLo) { this.port[i] = port; return; }
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
      if (this.port[i] !== EMPTY) out.push({ vlan: this.hi[i] >>> 16, mac: (this.hi[i] & 0xffff) * 0x1_0000_0000 + this.lo[i], port: this.port[i] });
    }
    return out;
  }

  private rehash(cap: number, drop: (port: number) => boolean): void {
    const [hi, lo, port] = [this.hi, this.lo, this.port];
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
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
