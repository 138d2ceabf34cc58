// A host on the external LAN (a router, a server, a workstation): one Ethernet interface on an access
// port of an external switch, answering ARP and ICMP echo (ip-endpoint.ts), able to ping in turn.
import { createHash } from 'node:crypto';
import type { FrameQueue } from '../../platform/hypervisor/ethernet/frame-queue.ts';
import { HopCost } from '../../platform/hypervisor/ethernet/hop-cost.ts';
import { IpEndpoint, type EchoReply, type EndpointLink } from '../../platform/hypervisor/ethernet/ip-endpoint.ts';
import { parseIpv4, prefixMask } from '../../platform/hypervisor/ethernet/ipv4-address.ts';
import { macHex, parseMac } from '../../platform/hypervisor/ethernet/mac.ts';
import type { SimConfig } from '../../sim/config.ts';
import type { LanHostDef } from './lan-schema.ts';

/** A stable, locally administered unicast MAC for a host named in the lab. */
export function lanHostMac(seed: string, name: string): string {
  const h = createHash('sha1').update(`lan-host/${seed}/${name}`).digest();
  return macHex(((h[0] & 0xfc) | 0x02) * 2 ** 40 + h.readUIntBE(1, 5));
}

/** The host's cable into its switch port: the wire and the switch's forwarding. */
class LanLink implements EndpointLink {
  target = -1;
  port = -1;
  private readonly hop: HopCost;
  constructor(private readonly queue: FrameQueue, net: SimConfig['network']) { this.hop = new HopCost(net.lanSwitchUs, net.wireNsPerByte); }
  transmit(frame: Uint8Array, len: number, extraNs: number): boolean {
    if (this.port < 0) return false;
    return this.queue.send(this.target, this.port, frame, len, extraNs + this.hop.ns(len));
  }
  latencyNs(): number { return this.queue.latencyNs; }
}

export class LanHost {
  readonly endpoint: IpEndpoint;
  readonly link: LanLink;
  private arp = new Map<number, number>();

  constructor(readonly def: LanHostDef, queue: FrameQueue, net: SimConfig['network']) {
    this.link = new LanLink(queue, net);
    this.endpoint = new IpEndpoint({ mac: parseMac(def.mac), link: this.link, arp: this.arp, stackUs: net.stackUs, ttl: net.lanHostTtl });
    this.endpoint.ip = parseIpv4(def.ip);
    this.endpoint.mask = prefixMask(def.prefix);
    this.endpoint.up = true;
  }

  /** Ping from this host (for tests and scenarios): ARP if needed, one echo; the reply or null. */
  ping(dst: number, seq = 0, data: Uint8Array = new Uint8Array(56)): EchoReply | null {
    const e = this.endpoint;
    if (((e.ip ^ dst) & e.mask) !== 0) return null;
    if (!this.arp.has(dst)) e.arpRequest(dst);
    const mac = this.arp.get(dst);
    if (mac === undefined) return null;
    let got: EchoReply | null = null;
    e.onEchoReply = (r) => { if (r.seq === seq && r.from === dst) got = r; };
    try { e.sendEcho(dst, mac, 0x4c41, seq, data); } finally { e.onEchoReply = null; }
    return got;
  }
}
