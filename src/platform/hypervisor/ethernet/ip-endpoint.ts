// An IPv4 end station on one Ethernet port: what a partition's interface (en0) and a host on the external
// LAN both do with frames. It accepts frames addressed to its MAC or to a group address, answers ARP
// requests for its address and learns its neighbours (RFC 826 merge rule), answers ICMP echo requests,
// reports echo replies, and fragments and reassembles IPv4 datagrams larger than the MTU (RFC 791).
// Frames leave untagged: the port's PVID or access VLAN gives them their VLAN.
import { ARP_REPLY, ARP_REQUEST, readArp, writeArp } from './arp.ts';
import { ETH_HEADER, ETHERTYPE, frameEtherType, isTagged, MIN_FRAME, payloadOffset } from './ethernet-frame.ts';
import { ICMP_ECHO_REPLY, ICMP_ECHO_REQUEST, ICMP_HEADER, readIcmpEcho, writeIcmpEcho } from './icmp.ts';
import { broadcastOf } from './ipv4-address.ts';
import { IPV4_HEADER, PROTO_ICMP, readIpv4Header, writeIpv4Header, ipv4HeaderLength } from './ipv4.ts';
import { BROADCAST_MAC, isGroupMac, macLow, macTop, readMac, splitMac, writeMac } from './mac.ts';
import type { FrameSink } from './vlan-bridge.ts';
import { AdapterCounters } from './adapter-counters.ts';
import { usToNs } from './hop-cost.ts';
import { Reassembly } from './reassembly.ts';

export interface EndpointLink {
  /** Put a frame on the wire; `extraNs` is this station's own processing time. False when it was dropped. */
  transmit(frame: Uint8Array, len: number, extraNs: number): boolean;
  /** Latency accumulated by the frame being received now (ns). */
  latencyNs(): number;
}

export interface ArpCache {
  get(ip: number): number | undefined;
  has(ip: number): boolean;
  set(ip: number, mac: number): void;
}

export interface EchoReply { id: number; seq: number; from: number; ttl: number; bytes: number; latencyUs: number }

export interface IpEndpointOptions {
  mac: number;
  link: EndpointLink;
  arp: ArpCache;
  /** Processing time of this station's stack per answered packet (µs). */
  stackUs: number;
  /** TTL of the packets it sends (AIX 255, Linux 64). */
  ttl: number;
  counters?: AdapterCounters;
}

export class IpEndpoint implements FrameSink {
  ip = 0;
  mask = 0;
  up = false;
  mtu = 1500;
  /** Called for every echo reply addressed to this station. */
  onEchoReply: ((r: EchoReply) => void) | null = null;
  readonly counters: AdapterCounters;
  private readonly out = new Uint8Array(ETH_HEADER + 65536);
  private readonly reassembly = new Reassembly();
  private ipId = 1;

  private readonly stackNs: number;
  private readonly macTop: number;
  private readonly macLow: number;

  constructor(private readonly o: IpEndpointOptions) {
    this.counters = o.counters ?? new AdapterCounters();
    [this.macTop, this.macLow] = splitMac(o.mac);
    this.stackNs = usToNs(o.stackUs);
  }

  get mac(): number { return this.o.mac; }
  get configured(): boolean { return this.up && this.ip !== 0; }

  receive(f: Uint8Array, len: number): void {
    // Not for this adapter: unknown unicast a switch flooded (compared as two integers: no float on this path).
    if (!isGroupMac(f, 0) && (macTop(f, 0) !== this.macTop || macLow(f, 0) !== this.macLow)) return;
    this.counters.countRx(len, f);
    // VLAN devices over the adapter are not modelled: a tagged frame has no interface to go to.
    if (isTagged(f)) { this.counters.rxDropped++; return; }
    if (!this.configured) return;
    const type = frameEtherType(f);
    const off = payloadOffset(f);
    if (type === ETHERTYPE.ARP) this.arp(f, off, len);
    else if (type === ETHERTYPE.IPV4) this.ipv4(f, off, len);
  }

  private arp(f: Uint8Array, off: number, len: number): void {
    const a = readArp(f, off, len);
    if (!a) { this.counters.rxErrors++; return; }
    const forMe = a.targetIp === this.ip;
    if (this.o.arp.has(a.senderIp) || forMe) this.o.arp.set(a.senderIp, a.senderMac);
    if (forMe && a.op === ARP_REQUEST) {
      const n = this.frame(a.senderMac, ETHERTYPE.ARP, ETH_HEADER + writeArp(this.out, ETH_HEADER, { op: ARP_REPLY, senderMac: this.o.mac, senderIp: this.ip, targetMac: a.senderMac, targetIp: a.senderIp }));
      this.send(n, this.stackNs);
    }
  }

  private ipv4(f: Uint8Array, off: number, len: number): void {
    const h = readIpv4Header(f, off, len);
    if (!h) { this.counters.rxErrors++; return; }
    if (h.dst !== this.ip && h.dst !== broadcastOf(this.ip, this.mask) && h.dst !== 0xffffffff) return;
    let data: Uint8Array = f;
    let dataOff = off + ipv4HeaderLength(f, off);
    let dataLen = h.dataLength;
    if (h.moreFragments || h.fragmentOffset > 0) {
      const whole = this.reassembly.add(h, f, dataOff);
      if (!whole) return;
      data = whole; dataOff = 0; dataLen = whole.length;
    }
    if (h.protocol !== PROTO_ICMP) return;
    const m = readIcmpEcho(data, dataOff, dataLen);
    if (!m) return;
    if (m.type === ICMP_ECHO_REQUEST && h.dst === this.ip) {
      this.sendIcmp(h.src, readMac(f, 6), { type: ICMP_ECHO_REPLY, code: 0, id: m.id, seq: m.seq, data: m.data }, this.stackNs);
    } else if (m.type === ICMP_ECHO_REPLY) {
      this.onEchoReply?.({ id: m.id, seq: m.seq, from: h.src, ttl: h.ttl, bytes: dataLen, latencyUs: (this.o.link.latencyNs() + this.stackNs) / 1000 });
    }
  }

  /** Broadcast an ARP request for `ip`. */
  arpRequest(ip: number): boolean {
    const n = this.frame(BROADCAST_MAC, ETHERTYPE.ARP, ETH_HEADER + writeArp(this.out, ETH_HEADER, { op: ARP_REQUEST, senderMac: this.o.mac, senderIp: this.ip, targetMac: 0, targetIp: ip }));
    return this.send(n, 0);
  }

  /** Send an echo request of `dataLen` data bytes to `dst` at `dstMac` (fragmented if it exceeds the MTU). */
  sendEcho(dst: number, dstMac: number, id: number, seq: number, data: Uint8Array): boolean {
    return this.sendIcmp(dst, dstMac, { type: ICMP_ECHO_REQUEST, code: 0, id, seq, data }, 0);
  }

  private sendIcmp(dst: number, dstMac: number, m: Parameters<typeof writeIcmpEcho>[2], extraNs: number): boolean {
    const msg = new Uint8Array(ICMP_HEADER + m.data.length);
    writeIcmpEcho(msg, 0, m);
    const id = this.ipId = (this.ipId + 1) & 0xffff;
    const chunk = Math.max(8, (this.mtu - IPV4_HEADER) & ~7);
    let ok = true;
    for (let at = 0; at < msg.length || at === 0; at += chunk) {
      const part = Math.min(chunk, msg.length - at);
      const more = at + part < msg.length;
      writeIpv4Header(this.out, ETH_HEADER, { src: this.ip, dst, protocol: PROTO_ICMP, ttl: this.o.ttl, id, fragmentOffset: at, moreFragments: more, dataLength: part });
      this.out.set(msg.subarray(at, at + part), ETH_HEADER + IPV4_HEADER);
      ok = this.send(this.frame(dstMac, ETHERTYPE.IPV4, ETH_HEADER + IPV4_HEADER + part), extraNs) && ok;
      if (!more) break;
    }
    return ok;
  }

  /** Fill in the Ethernet header of the frame being built in `out`; returns its padded length. */
  private frame(dst: number, etherType: number, len: number): number {
    writeMac(this.out, 0, dst);
    writeMac(this.out, 6, this.o.mac);
    this.out[12] = etherType >>> 8; this.out[13] = etherType & 0xff;
    let n = len;
    while (n < MIN_FRAME) this.out[n++] = 0;
    return n;
  }

  private send(len: number, extraNs: number): boolean {
    if (!this.o.link.transmit(this.out, len, extraNs)) { this.counters.txErrors++; return false; }
    this.counters.countTx(len, this.out);
    return true;
  }
}

