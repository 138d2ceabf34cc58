// The external Ethernet network (DESIGN.md fabric/lan): VLAN-aware learning switches (vlan-bridge.ts, the
// same rule as the hypervisor's virtual switch), the cables from the managed systems' physical Ethernet
// ports to their trunk ports, and hosts on access ports. Its configuration is persisted (lan-store.ts).
// The systems attach themselves; sync() brings the whole Ethernet world up to date in one pass: each
// system rebuilds its virtual switches and SEAs, then a cable's switch port is up exactly when the port
// at its other end belongs to a running partition (a link going down flushes what the switch learned on
// it), then SEAs that took over a VLAN announce its partitions' MACs.
import type { FrameQueue } from '../../platform/hypervisor/ethernet/frame-queue.ts';
import { parseIpv4 } from '../../platform/hypervisor/ethernet/ipv4-address.ts';
import type { EchoReply } from '../../platform/hypervisor/ethernet/ip-endpoint.ts';
import { type BridgePortSpec, type FrameSink, VlanBridge } from '../../platform/hypervisor/ethernet/vlan-bridge.ts';
import type { SimConfig } from '../../sim/config.ts';
import { LanError } from './lan-error.ts';
import { LanHost, lanHostMac } from './lan-host.ts';
import { emptyLanDoc, type LanCable, type LanDoc, type LanHostDef } from './lan-schema.ts';
import type { LanStore } from './lan-store.ts';

/** A managed system's Ethernet, as the LAN sees it. */
export interface LanAttachment {
  /** Rebuild the system's virtual switches and SEAs from its current state. */
  sync(): void;
  /** Send what changed SEAs must announce (after every link is up to date). */
  announce(): void;
  /** What a frame arriving from the cable at this physical port location goes to; undefined when the port is not live. */
  physicalPort(location: string): FrameSink | undefined;
}

class CableEnd implements FrameSink {
  endpoint: FrameSink | undefined;
  receive(f: Uint8Array, len: number): void { this.endpoint?.receive(f, len); }
}

export interface EthernetLanOptions { store: LanStore; queue: FrameQueue; net: SimConfig['network']; seed: string }

export class EthernetLan {
  private doc: LanDoc;
  readonly switches = new Map<string, VlanBridge>();
  readonly hosts = new Map<string, LanHost>();
  private readonly ends = new Map<string, CableEnd>();
  private readonly systems: LanAttachment[] = [];

  constructor(private readonly o: EthernetLanOptions) {
    this.doc = o.store.load() ?? emptyLanDoc();
    this.rebuild();
  }

  get queue(): FrameQueue { return this.o.queue; }
  get config(): Readonly<LanDoc> { return this.doc; }

  attach(s: LanAttachment): void { if (!this.systems.includes(s)) this.systems.push(s); }

  mkswitch(name: string): void {
    if (this.doc.switches.some((s) => s.name === name)) throw new LanError(`An Ethernet switch named ${name} already exists in the LAN.`);
    if (!/^[A-Za-z0-9_.-]{1,63}$/.test(name)) throw new LanError(`${name} is not a valid switch name: use 1 to 63 letters, digits, periods, hyphens or underscores.`);
    this.change((d) => d.switches.push({ name }));
  }

  cable(c: LanCable): void {
    this.needSwitch(c.switch);
    const other = this.doc.cables.find((x) => x.location === c.location);
    if (other) throw new LanError(`The port ${c.location} is already cabled to switch ${other.switch}.`);
    const vlans = c.vlans === 'all' ? [] : c.vlans;
    if ([c.native, ...vlans].some((v) => !Number.isInteger(v) || v < 0 || v > 4094) || vlans.includes(0)) throw new LanError('VLAN ids on a switch port are 1 to 4094.');
    this.change((d) => d.cables.push({ ...c }));
  }

  addHost(h: Omit<LanHostDef, 'mac'> & { mac?: string }): void {
    this.needSwitch(h.switch);
    if (this.doc.hosts.some((x) => x.name === h.name)) throw new LanError(`A host named ${h.name} already exists in the LAN.`);
    if (Number.isNaN(parseIpv4(h.ip)) || !Number.isInteger(h.prefix) || h.prefix < 1 || h.prefix > 32) throw new LanError(`${h.ip}/${h.prefix} is not a valid IPv4 address and prefix length.`);
    if (!Number.isInteger(h.vlan) || h.vlan < 1 || h.vlan > 4094) throw new LanError(`${h.vlan} is not a valid VLAN id (1 to 4094).`);
    const mac = (h.mac ?? lanHostMac(this.o.seed, h.name)).replace(/[:.-]/g, '').toUpperCase();
    if (!/^[0-9A-F]{12}$/.test(mac) || (parseInt(mac.slice(0, 2), 16) & 1) === 1) throw new LanError(`${h.mac} is not a valid unicast MAC address.`);
    if (this.doc.hosts.some((x) => x.mac === mac)) throw new LanError(`The MAC address ${mac} is already used by another host.`);
    this.change((d) => d.hosts.push({ switch: h.switch, name: h.name, ip: h.ip, prefix: h.prefix, vlan: h.vlan, mac }));
  }

  host(name: string): LanHost | undefined { return this.hosts.get(name); }

  /** A LAN host pings an address (after bringing the network up to date): the reply, or null. */
  ping(hostName: string, ip: string, seq = 0): EchoReply | null {
    const h = this.hosts.get(hostName);
    if (!h) throw new LanError(`The host ${hostName} cannot be found in the LAN.`);
    this.sync();
    return h.ping(parseIpv4(ip), seq);
  }

  /** The switch port a physical port's cable leads to (queue target and port), or null when not cabled. */
  uplink(location: string): { target: number; port: number } | null {
    const c = this.doc.cables.find((x) => x.location === location);
    const sw = c ? this.switches.get(c.switch) : undefined;
    const port = sw ? sw.portIndex(`cable:${location}`) : -1;
    return sw && port >= 0 ? { target: sw.target, port } : null;
  }

  /** Bring every attached system and the LAN's links up to date (before frames are sent). */
  sync(): void {
    for (const s of this.systems) s.sync();
    for (const [loc, end] of this.ends) end.endpoint = this.systems.map((s) => s.physicalPort(loc)).find((x) => x !== undefined);
    this.setPorts();
    for (const s of this.systems) s.announce();
  }

  private needSwitch(name: string): void {
    if (!this.doc.switches.some((s) => s.name === name)) throw new LanError(`The Ethernet switch ${name} cannot be found in the LAN.`);
  }

  private change(fn: (d: LanDoc) => void): void {
    const next = structuredClone(this.doc);
    fn(next);
    this.o.store.save(next);
    this.doc = next;
    this.rebuild();
  }

  /** Switches, cable ends and hosts as the document says; links follow at the next sync. */
  private rebuild(): void {
    for (const s of this.doc.switches) if (!this.switches.has(s.name)) this.switches.set(s.name, new VlanBridge(s.name, this.o.queue));
    for (const c of this.doc.cables) if (!this.ends.has(c.location)) this.ends.set(c.location, new CableEnd());
    for (const h of this.doc.hosts) if (!this.hosts.has(h.name)) this.hosts.set(h.name, new LanHost(h, this.o.queue, this.o.net));
    this.setPorts();
  }

  private setPorts(): void {
    for (const [name, sw] of this.switches) {
      const specs: BridgePortSpec[] = [];
      for (const c of this.doc.cables) {
        if (c.switch !== name) continue;
        const end = this.ends.get(c.location)!;
        specs.push({ key: `cable:${c.location}`, untagged: c.native, tagged: c.vlans === 'all' ? 'all' : c.vlans, group: c.group, up: end.endpoint !== undefined, sink: end });
      }
      for (const h of this.hosts.values()) {
        if (h.def.switch === name) specs.push({ key: `host:${h.def.name}`, untagged: h.def.vlan, tagged: [], up: true, sink: h.endpoint });
      }
      sw.setPorts(specs);
      for (const h of this.hosts.values()) if (h.def.switch === name) { h.link.target = sw.target; h.link.port = sw.portIndex(`host:${h.def.name}`); }
    }
  }
}
