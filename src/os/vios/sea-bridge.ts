// The Shared Ethernet Adapter's data path (vios.md §5; the paper's Figure 3): a layer-2 bridge in the VIOS
// between its trunk virtual adapters and its physical adapter or link aggregation. Frames from a trunk go
// out on the physical side, the SEA's PVID untagged and every other VLAN tagged; frames from the wire go to
// the trunk adapter that carries their VLAN, untagged for that trunk's PVID. Only VLANs for which this SEA
// is the active one are bridged (failover, §5): a standby SEA drops what it receives, so exactly one path
// leads out of the box per VLAN. Over a link aggregation each frame leaves by one member port, chosen by a
// hash of its addresses (§5.1). The SEA's configuration checks live in shared-ethernet-adapter.ts.
import { ETH_HEADER, ETHERTYPE, frameVid, isTagged, MAX_VIRTUAL_FRAME, MIN_FRAME, tagInto, untagInto, VLAN_TAG } from '../../platform/hypervisor/ethernet/ethernet-frame.ts';
import type { FrameQueue } from '../../platform/hypervisor/ethernet/frame-queue.ts';
import { HopCost } from '../../platform/hypervisor/ethernet/hop-cost.ts';
import type { FrameSink } from '../../platform/hypervisor/ethernet/vlan-bridge.ts';
import { BROADCAST_MAC, writeMac } from '../../platform/hypervisor/ethernet/mac.ts';
import { writeArp } from '../../platform/hypervisor/ethernet/arp.ts';

export interface SeaTrunk { slot: number; pvid: number; addlVlans: readonly number[] }
/** Where a physical port's cable leads: a port of an external switch (queue target and port). */
export interface SeaUplink { location: string; target: number; port: number }

export interface SeaBridgeOptions {
  /** `vios1/ent8` */
  id: string;
  queue: FrameQueue;
  pvid: number;
  trunks: readonly SeaTrunk[];
  /** The cabled member ports of the real adapter (one, or several for a link aggregation). */
  uplinks: readonly SeaUplink[];
  /** The VLANs this SEA is the active bridge for. */
  activeVlans: ReadonlySet<number>;
  /** Latency of one crossing towards the wire and towards the virtual switch: fixed µs plus ns per byte. */
  latency: { toWireUs: number; toWireNsPerByte: number; toSwitchUs: number; toSwitchNsPerByte: number };
}

const RARP_REQUEST_REVERSE = 3;
/**
 * Where an SEA re-tags a frame. One for all SEAs: a re-tagged frame is copied onto the frame queue before
 * any other SEA can run, so no two SEAs ever use it at once.
 */
const scratch = new Uint8Array(MAX_VIRTUAL_FRAME + VLAN_TAG);

export class SeaBridge {
  /** The virtual switch's queue target and the trunk ports' indices, set once the switch has its ports. */
  vswitchTarget = -1;
  readonly trunkPorts: Int32Array;
  private readonly vlanTrunk = new Int16Array(4096).fill(-1);
  private readonly active = new Uint8Array(4096);
  readonly stats = { toWire: 0, toSwitch: 0, dropped: 0 };
  /** What the trunk adapters hand to the SEA, one sink per trunk. */
  readonly trunkSinks: FrameSink[];
  /** What the physical port(s) hand to the SEA. */
  readonly wireSink: FrameSink;

  private readonly toWire: HopCost;
  private readonly toSwitch: HopCost;

  constructor(private readonly o: SeaBridgeOptions) {
    this.toWire = new HopCost(o.latency.toWireUs, o.latency.toWireNsPerByte);
    this.toSwitch = new HopCost(o.latency.toSwitchUs, o.latency.toSwitchNsPerByte);
    this.trunkPorts = new Int32Array(o.trunks.length).fill(-1);
    o.trunks.forEach((t, i) => { for (const v of [t.pvid, ...t.addlVlans]) this.vlanTrunk[v] = i; });
    for (const v of o.activeVlans) this.active[v] = 1;
    this.trunkSinks = o.trunks.map((_, i) => ({ receive: (f: Uint8Array, len: number) => this.fromTrunk(i, f, len) }));
    this.wireSink = { receive: (f, len) => this.fromWire(f, len) };
  }

  get id(): string { return this.o.id; }
  isActive(vlan: number): boolean { return this.active[vlan] === 1; }

  private fromTrunk(i: number, f: Uint8Array, len: number): void {
    const vid = frameVid(f);
    const vlan = vid <= 0 ? this.o.trunks[i].pvid : vid;
    const up = this.o.uplinks;
    if (this.active[vlan] === 0 || up.length === 0) { this.stats.dropped++; return; }
    const u = up.length === 1 ? up[0] : up[((f[5] ^ f[11]) & 0xff) % up.length];
    let out = f;
    let n = len;
    if (vlan === this.o.pvid) { if (isTagged(f)) { out = scratch; n = untagInto(f, len, out); } }
    else if (vid !== vlan) { out = scratch; n = tagInto(f, len, out, vlan); }
    this.stats.toWire++;
    this.o.queue.send(u.target, u.port, out, n, this.toWire.ns(n));
  }

  private fromWire(f: Uint8Array, len: number): void {
    const vid = frameVid(f);
    const vlan = vid <= 0 ? this.o.pvid : vid;
    const t = this.vlanTrunk[vlan];
    if (this.active[vlan] === 0 || t < 0 || this.trunkPorts[t] < 0) { this.stats.dropped++; return; }
    let out = f;
    let n = len;
    if (vlan === this.o.trunks[t].pvid) { if (isTagged(f)) { out = scratch; n = untagInto(f, len, out); } }
    else if (vid !== vlan) { out = scratch; n = tagInto(f, len, out, vlan); }
    this.stats.toSwitch++;
    this.o.queue.send(this.vswitchTarget, this.trunkPorts[t], out, n, this.toSwitch.ns(n));
  }

  /**
   * After taking over a VLAN, tell the external switches where its partitions' MACs now are: one reverse
   * ARP broadcast per MAC, sent from that MAC (vios.md §5: the new primary announces the clients).
   */
  announce(vlan: number, macs: readonly number[]): void {
    const t = this.vlanTrunk[vlan];
    if (this.active[vlan] === 0 || t < 0) return;
    const f = new Uint8Array(MIN_FRAME);
    const tagged = new Uint8Array(MIN_FRAME + VLAN_TAG);
    for (const mac of macs) {
      writeMac(f, 0, BROADCAST_MAC);
      writeMac(f, 6, mac);
      f[12] = ETHERTYPE.RARP >>> 8; f[13] = ETHERTYPE.RARP & 0xff;
      writeArp(f, ETH_HEADER, { op: RARP_REQUEST_REVERSE, senderMac: mac, senderIp: 0, targetMac: mac, targetIp: 0 });
      // Handed in as the trunk adapter would deliver it, so that tagging and member choice follow the rule above.
      if (vlan === this.o.trunks[t].pvid) this.fromTrunk(t, f, MIN_FRAME);
      else this.fromTrunk(t, tagged, tagInto(f, MIN_FRAME, tagged, vlan));
    }
  }
}
