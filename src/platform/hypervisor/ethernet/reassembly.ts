// IPv4 reassembly (RFC 791): fragments of one datagram (same source and identification) are copied into
// place until every byte up to the last fragment's end has arrived. Overlapping fragments are assumed
// not to occur (our senders never produce them); at most a few datagrams are held, oldest dropped first.
import type { Ipv4Header } from './ipv4.ts';

interface Partial { data: Uint8Array; have: number; total: number }
const MAX_HELD = 16;

export class Reassembly {
  private readonly held = new Map<string, Partial>();

  /** Add a fragment; returns the whole datagram's data when this fragment completes it. */
  add(h: Ipv4Header, f: Uint8Array, off: number): Uint8Array | null {
    const key = `${h.src}/${h.id}`;
    let p = this.held.get(key);
    if (!p) {
      if (this.held.size >= MAX_HELD) this.held.delete(this.held.keys().next().value!);
      p = { data: new Uint8Array(65536), have: 0, total: -1 };
      this.held.set(key, p);
    }
    if (h.fragmentOffset + h.dataLength > p.data.length) { this.held.delete(key); return null; }
    p.data.set(f.subarray(off, off + h.dataLength), h.fragmentOffset);
    p.have += h.dataLength;
    if (!h.moreFragments) p.total = h.fragmentOffset + h.dataLength;
    if (p.total < 0 || p.have < p.total) return null;
    this.held.delete(key);
    return p.data.slice(0, p.total);
  }
}
