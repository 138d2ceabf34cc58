// An IEEE 802.1Q VLAN-aware learning bridge: the forwarding rule shared by the hypervisor's virtual switch
// (vios.md §7) and the external LAN's Ethernet switches, written once. Each port has the VLAN whose frames
// it carries untagged (PVID, native or access VLAN) and the VLANs it carries tagged. A frame arriving
// untagged (or priority-tagged) belongs to the port's untagged VLAN; a tagged frame to its VID, and only if
// the port is a member of that VLAN (ingress filtering). The bridge learns (VLAN, source MAC) → port,
// forwards known unicast to that one port and floods broadcast, multicast and unknown unicast to the VLAN's
// other member ports; on egress the frame is untagged for the port's untagged VLAN and tagged otherwise.
// Ports of one channel group (a link aggregation) act as one port: learned once, one member per frame
// chosen by a hash of the addresses. A port that is down neither sends nor receives.
// Structure of arrays (DESIGN.md performance rules): typed arrays per port, a VLAN membership bitset,
// precomputed flood lists per VLAN and one scratch buffer for re-tagging: nothing is allocated per frame.
import { frameVid, isTagged, MAX_VIRTUAL_FRAME, tagInto, untagInto, VLAN_TAG } from './ethernet-frame.ts';
import type { FrameQueue, FrameTarget } from './frame-queue.ts';
import { isGroupMac, macLow, macTop } from './mac.ts';
import { MacTable } from './mac-table.ts';

export interface FrameSink {
  /** A frame leaves the bridge through this port; the buffer is only valid during the call. */
  receive(frame: Uint8Array, len: number): void;
}

export interface BridgePortSpec {
  /** Stable identity: a port keeps its index (and what was learned on it) across reconfigurations. */
  key: string;
  /** The VLAN carried untagged (PVID, native or access VLAN); 0 = none. */
  untagged: number;
  /** The VLANs carried tagged; 'all' = 1–4094. */
  tagged: readonly number[] | 'all';
  /** Ports with the same non-empty group form one logical port (link aggregation). */
  group?: string;
  up: boolean;
  sink: FrameSink;
}

const WORDS = 128; // 4096 VLAN bits per port
const NONE = new Int32Array(0);
const ALL_VLANS = Array.from({ length: 4094 }, (_, i) => i + 1);

function vlansOf(s: BridgePortSpec): number[] {
  const tagged = s.tagged === 'all' ? ALL_VLANS : s.tagged;
  return (s.untagged ? [s.untagged, ...tagged] : [...tagged]).filter((v) => v >= 1 && v <= 4094);
}

export class VlanBridge implements FrameTarget {
  readonly target: number;
  readonly table = new MacTable();
  private index = new Map<string, number>();
  private specs: (BridgePortSpec | null)[] = [];
  private untagged = new Int32Array(0);
  private up = new Uint8Array(0);
  private logical = new Int32Array(0);
  private bits = new Uint32Array(0);
  private sinks: (FrameSink | null)[] = [];
  /** Up members of each logical port (indexed by the logical port = its first member). */
  private members: Int32Array[] = [];
  private floods: Int32Array[] = new Array<Int32Array>(4096).fill(NONE);
  private readonly scratch = new Uint8Array(MAX_VIRTUAL_FRAME + VLAN_TAG);
  /** Frames forwarded to one port, frames flooded, frames dropped at ingress, frames filtered (destination on the arrival port). */
  readonly stats = { unicast: 0, flooded: 0, dropped: 0, filtered: 0 };

  constructor(readonly name: string, readonly queue: FrameQueue) {
    this.target = queue.register(this);
  }

  /** Stop receiving from the queue (the switch was removed). */
  dispose(): void { this.queue.unregister(this.target); }

  portIndex(key: string): number { return this.index.get(key) ?? -1; }
  portKey(port: number): string | undefined { return this.specs[port]?.key; }
  get portCount(): number { return this.index.size; }

  /**
   * Replace the port set. Ports that keep their key keep their index and learned addresses, except that a
   * port that is down, or that moved into or out of a channel group, forgets them (a switch flushes a port
   * whose link goes down).
   */
  setPorts(specs: readonly BridgePortSpec[]): void {
    const keep = new Set(specs.map((s) => s.key));
    const flush = new Set<number>();
    for (const [k, i] of this.index) if (!keep.has(k)) { this.index.delete(k); this.specs[i] = null; flush.add(i); }
    const free = [...flush].sort((a, b) => b - a);
    for (const s of specs) {
      let i = this.index.get(s.key);
      if (i === undefined) { i = free.pop() ?? this.specs.length; this.index.set(s.key, i); }
      if ((this.specs[i]?.group ?? '') !== (s.group ?? '') || !s.up) flush.add(i);
      this.specs[i] = s;
    }
    // Forgetting is by logical port (what was learned); a flushed member drops its whole group's entries.
    if (flush.size) {
      const lead = new Set([...flush].map((i) => this.logical[i] ?? i));
      this.table.forget((p) => flush.has(p) || lead.has(p));
    }
    this.rebuild();
  }

  private member(port: number, vlan: number): boolean {
    return ((this.bits[port * WORDS + (vlan >>> 5)] >>> (vlan & 31)) & 1) === 1;
  }

  private rebuild(): void {
    const n = this.specs.length;
    this.untagged = new Int32Array(n);
    this.up = new Uint8Array(n);
    this.logical = new Int32Array(n).fill(-1);
    this.bits = new Uint32Array(n * WORDS);
    this.sinks = new Array<FrameSink | null>(n).fill(null);
    const leaders = new Map<string, number>();
    const members: number[][] = Array.from({ length: n }, () => []);
    for (let i = 0; i < n; i++) {
      const s = this.specs[i];
      if (!s) continue;
      this.untagged[i] = s.untagged;
      this.up[i] = s.up ? 1 : 0;
      this.sinks[i] = s.sink;
      for (const v of vlansOf(s)) this.bits[i * WORDS + (v >>> 5)] |= 1 << (v & 31);
      const lead = s.group ? leaders.get(s.group) ?? (leaders.set(s.group, i), i) : i;
      this.logical[i] = lead;
      if (s.up) members[lead].push(i);
    }
    this.members = members.map((m) => Int32Array.from(m));
    const floods: number[][] = Array.from({ length: 4096 }, () => []);
    for (let l = 0; l < n; l++) {
      if (this.logical[l] !== l || this.members[l].length === 0) continue;
      const vlans = new Set<number>();
      for (const p of this.members[l]) for (const v of vlansOf(this.specs[p]!)) vlans.add(v);
      for (const v of vlans) floods[v].push(l);
    }
    this.floods = floods.map((f) => (f.length ? Int32Array.from(f) : NONE));
  }

  /** The up member of logical port `l` that carries this frame on `vlan`, or -1. */
  private pick(l: number, vlan: number, f: Uint8Array): number {
    const m = this.members[l];
    if (m.length === 0) return -1;
    const p = m.length === 1 ? m[0] : m[((f[5] ^ f[11]) & 0xff) % m.length];
    return this.member(p, vlan) ? p : -1;
  }

  ingress(port: number, f: Uint8Array, len: number): void {
    if (port < 0 || port >= this.up.length || this.up[port] === 0) { this.stats.dropped++; return; }
    const vid = frameVid(f);
    const vlan = vid <= 0 ? this.untagged[port] : vid;
    if (vlan === 0 || !this.member(port, vlan)) { this.stats.dropped++; return; }
    const from = this.logical[port];
    if (!isGroupMac(f, 6)) this.table.learn(vlan, macTop(f, 6), macLow(f, 6), from);
    if (!isGroupMac(f, 0)) {
      const to = this.table.lookup(vlan, macTop(f, 0), macLow(f, 0));
      if (to === from) { this.stats.filtered++; return; }
      const p = to >= 0 ? this.pick(to, vlan, f) : -1;
      if (p >= 0) { this.stats.unicast++; this.egress(p, vlan, f, len); return; }
    }
    this.stats.flooded++;
    const list = this.floods[vlan];
    for (let k = 0; k < list.length; k++) {
      const l = list[k];
      if (l === from) continue;
      const p = this.pick(l, vlan, f);
      if (p >= 0) this.egress(p, vlan, f, len);
    }
  }

  private egress(p: number, vlan: number, f: Uint8Array, len: number): void {
    const sink = this.sinks[p]!;
    if (vlan === this.untagged[p]) {
      if (!isTagged(f)) sink.receive(f, len);
      else sink.receive(this.scratch, untagInto(f, len, this.scratch));
    } else if (frameVid(f) === vlan) {
      sink.receive(f, len);
    } else {
      sink.receive(this.scratch, tagInto(f, len, this.scratch, vlan, isTagged(f) ? f[14] >>> 5 : 0));
    }
  }
}
