// A client partition's IP stack (issue "Ethernet" item 5): its interfaces en0, en1, … over the virtual
// adapters ent0, ent1, … (the names the partition's OS configured: devices.ts), their live settings
// (address, mask, up/down, MTU 1500), the ARP cache, the echo responder (ip-endpoint.ts) and per-adapter
// counters for entstat and netstat.
// The ODM settings (net-config.ts) are what `chdev` changes and what every activation starts from;
// `ifconfig` changes only the live settings, as on AIX. Live state and counters start afresh at each
// activation of the partition.
import type { Partition } from '../../../platform/managed-system.ts';
import type { NvramStore } from '../../../platform/fsp/nvram.ts';
import type { VirtualEthAdapter } from '../../../platform/types/virtual-io.ts';
import type { SimConfig } from '../../../sim/config.ts';
import type { FrameQueue } from '../../../platform/hypervisor/ethernet/frame-queue.ts';
import { IpEndpoint, type EchoReply } from '../../../platform/hypervisor/ethernet/ip-endpoint.ts';
import { parseIpv4 } from '../../../platform/hypervisor/ethernet/ipv4-address.ts';
import { parseMac } from '../../../platform/hypervisor/ethernet/mac.ts';
import type { ClientAdapter } from '../devices.ts';
import { ArpTable } from './arp-table.ts';
import { VswitchLink } from './vswitch-link.ts';
import { HopCost } from '../../../platform/hypervisor/ethernet/hop-cost.ts';
import { initialNetConfig, loadNetConfig, saveNetConfig, unconfigured, type ClientNetConfig, type InterfaceConfig } from './net-config.ts';

export interface ClientIpStackOptions {
  lparId: number;
  partition: () => Partition | undefined;
  /** The partition's configured adapters (devices.ts clientAdapters): an adapter the OS has not configured has no interface. */
  adapters: () => ClientAdapter[];
  store: NvramStore;
  net: SimConfig['network'];
  now: () => number;
  queue: FrameQueue;
}

/** One interface as the commands show it. */
export interface InterfaceView {
  /** en0 */
  name: string;
  /** ent0 */
  device: string;
  adapter: VirtualEthAdapter;
  endpoint: IpEndpoint;
  odm: InterfaceConfig;
}

interface AdapterRuntime { endpoint: IpEndpoint; link: VswitchLink }

export class ClientIpStack {
  private stored: ClientNetConfig | null;
  private activation = -1;
  private readonly adapters = new Map<number, AdapterRuntime>();
  readonly arp: ArpTable;
  /** lo0 packets (each loopback echo counts once each way). */
  loopbackPackets = 0;
  private echoRuns = 0;

  constructor(private readonly o: ClientIpStackOptions) {
    this.stored = loadNetConfig(o.store);
    this.arp = new ArpTable(o.now, o.net.arpTimeoutMs);
  }

  private get p(): Partition | undefined { return this.o.partition(); }
  get ttl(): number { return this.p?.def.os_version.startsWith('Linux') ? this.o.net.linuxTtl : this.o.net.aixTtl; }
  get lparId(): number { return this.o.lparId; }

  /** The ODM configuration: what chdev stored, or what the partition was installed with. */
  odm(): ClientNetConfig {
    const p = this.p;
    if (this.stored && this.stored.lparUuid !== p?.def.uuid) this.stored = null; // another partition under the same id
    return this.stored ?? initialNetConfig(p?.def.uuid ?? '', p?.def.name ?? '', p?.def.rmc_ipaddr ?? '', this.o.net.initialPrefixLength);
  }

  /** Start afresh when the partition was activated again (AIX boots with its ODM settings, counters at zero). */
  private ensureActivation(): void {
    const at = this.p?.run.alloc?.activated_at ?? -1;
    if (at === this.activation) return;
    this.activation = at;
    this.adapters.clear();
    this.arp.clear();
    this.loopbackPackets = 0;
  }

  /** The configured Ethernet adapters with their interface names (entN → enN, devices.ts). */
  interfaces(): InterfaceView[] {
    const p = this.p;
    if (!p?.run.alloc) return [];
    this.ensureActivation();
    const eth = new Map(p.run.alloc.virtual_io.eth.map((a) => [a.slot, a]));
    const odm = this.odm();
    return this.o.adapters().filter((a) => a.kind === 'eth' && eth.has(a.slot)).map((a) => {
      const name = a.name.replace(/^ent/, 'en');
      const adapter = eth.get(a.slot)!;
      return { name, device: a.name, adapter, endpoint: this.runtime(a.slot, adapter, odm.interfaces[name]).endpoint, odm: odm.interfaces[name] ?? unconfigured() };
    });
  }

  interface(name: string): InterfaceView | undefined {
    return this.interfaces().find((i) => i.name === name || i.device === name);
  }

  private runtime(slot: number, adapter: VirtualEthAdapter, cfg: InterfaceConfig | undefined): AdapterRuntime {
    let rt = this.adapters.get(slot);
    if (rt) return rt;
    const n = this.o.net;
    const link = new VswitchLink(this.o.queue, new HopCost(n.vswitchHopUs, n.vswitchNsPerByte));
    const endpoint = new IpEndpoint({ mac: parseMac(adapter.mac_addr), link, arp: this.arp, stackUs: n.stackUs, ttl: this.ttl });
    applyConfig(endpoint, cfg ?? unconfigured());
    rt = { endpoint, link };
    this.adapters.set(slot, rt);
    return rt;
  }

  /**
   * The virtual switch has (re)built its ports: the adapters present are connected at `ports` (slot →
   * switch target and port); adapters no longer present are gone (DLPAR removal).
   */
  attach(ports: ReadonlyMap<number, { target: number; port: number }>): void {
    for (const i of this.interfaces()) {
      const rt = this.adapters.get(i.adapter.slot)!;
      const at = ports.get(i.adapter.slot);
      rt.link.target = at?.target ?? -1;
      rt.link.port = at?.port ?? -1;
    }
    for (const slot of [...this.adapters.keys()]) if (!ports.has(slot)) this.adapters.delete(slot);
  }

  /** What the adapter in `slot` receives from its switch port. */
  sink(slot: number): IpEndpoint | undefined {
    this.interfaces();
    return this.adapters.get(slot)?.endpoint;
  }

  /** `ifconfig`: change the live settings only. */
  setLive(name: string, change: Partial<{ ip: number; mask: number; up: boolean; mtu: number }>): void {
    const i = this.interface(name);
    if (!i) return;
    const e = i.endpoint;
    if (change.ip !== undefined) e.ip = change.ip;
    if (change.mask !== undefined) e.mask = change.mask;
    if (change.mtu !== undefined) e.mtu = change.mtu;
    if (change.up !== undefined) e.up = change.up;
  }

  /** `chdev -l enN`: store the ODM settings and apply them to the running interface. */
  setOdm(name: string, cfg: InterfaceConfig): void {
    const odm = structuredClone(this.odm());
    odm.interfaces[name] = cfg;
    saveNetConfig(this.o.store, odm);
    this.stored = odm;
    const i = this.interface(name);
    if (i) applyConfig(i.endpoint, cfg);
  }

  setHostname(hostname: string): void {
    const odm = structuredClone(this.odm());
    odm.hostname = hostname;
    saveNetConfig(this.o.store, odm);
    this.stored = odm;
  }

  /** The interface a packet to `dst` leaves by: the first up interface whose subnet holds it. */
  route(dst: number): InterfaceView | undefined {
    return this.interfaces().find((i) => i.endpoint.configured && ((i.endpoint.ip ^ dst) & i.endpoint.mask) === 0);
  }

  /** The ICMP identifier of the next ping run (AIX uses the process id; here a per-partition sequence). */
  nextEchoId(): number { return ((this.o.lparId << 10) + this.echoRuns++) & 0xffff; }

  /** Whether `ip` is one of this partition's own live addresses (or loopback). */
  isLocal(ip: number): boolean {
    return ip >>> 24 === 127 || this.interfaces().some((i) => i.endpoint.configured && i.endpoint.ip === ip);
  }

  /**
   * Send one echo request through `via` and deliver everything that follows; returns the reply, or null
   * when none came (no ARP answer, or no echo reply).
   */
  echo(via: InterfaceView, dst: number, id: number, seq: number, data: Uint8Array): EchoReply | null {
    const e = via.endpoint;
    let mac = this.arp.get(dst);
    if (mac === undefined) {
      e.arpRequest(dst);
      mac = this.arp.get(dst);
      if (mac === undefined) return null;
    }
    let got: EchoReply | null = null;
    e.onEchoReply = (r) => { if (r.id === id && r.seq === seq && r.from === dst) got = r; };
    try { e.sendEcho(dst, mac, id, seq, data); } finally { e.onEchoReply = null; }
    return got;
  }
}

function applyConfig(e: IpEndpoint, cfg: InterfaceConfig): void {
  const ip = parseIpv4(cfg.netaddr);
  const mask = parseIpv4(cfg.netmask);
  e.ip = Number.isNaN(ip) ? 0 : ip;
  e.mask = Number.isNaN(mask) ? 0 : mask;
  e.mtu = cfg.mtu;
  e.up = cfg.state === 'up' && e.ip !== 0;
}
