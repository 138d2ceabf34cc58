// The Ethernet of one managed system as it runs (the paper's Figures 3 and 4): the hypervisor's virtual
// switches (one VlanBridge per vswitch name), each running partition's virtual adapters as their ports,
// the Shared Ethernet Adapters of running VIOSes bridging their trunk adapters to physical ports, and each
// client partition's IP stack. Client adapters are access ports on their PVID and, when IEEE 802.1Q,
// tagged members of their additional VLANs; a trunk adapter carries its PVID untagged and its additional
// VLANs tagged, but only the VLANs for which its SEA is the active one (networks.ts: lowest trunk priority
// of a running VIOS unless standby), so floods and external traffic take exactly one way out.
// SIM: only VEB switching is modelled; a vswitch set to VEPA still switches locally (vios.md §7).
// SIM: a VIOS's own IP address (on an SEA or another adapter) is not modelled; its non-trunk adapters,
// such as the SEA control channel, are ports that receive and drop.
import type { ManagedSystem, Partition } from '../../platform/managed-system.ts';
import type { NvramStore } from '../../platform/fsp/nvram.ts';
import type { FrameQueue } from '../../platform/hypervisor/ethernet/frame-queue.ts';
import { parseMac } from '../../platform/hypervisor/ethernet/mac.ts';
import { type BridgePortSpec, type FrameSink, VlanBridge } from '../../platform/hypervisor/ethernet/vlan-bridge.ts';
import type { PartitionOses } from '../partition-oses.ts';
import { activeBridge, bridgeCandidates, type BridgeCandidate } from '../client/networks.ts';
import { ClientIpStack } from '../client/net/ip-stack.ts';
import { clientAdapters } from '../client/devices.ts';
import { physicalAdapters } from '../vios/environment-builder.ts';
import { SeaBridge, type SeaUplink } from '../vios/sea-bridge.ts';

/** The external LAN as a system sees it (src/fabric/lan/ethernet-lan.ts). */
export interface ExternalLan {
  uplink(location: string): { target: number; port: number } | null;
  sync(): void;
  attach(s: { sync(): void; announce(): void; physicalPort(location: string): FrameSink | undefined }): void;
}

export interface SystemEthernetOptions {
  sys: ManagedSystem;
  oses: PartitionOses;
  queue: FrameQueue;
  /** Where each client partition keeps its network configuration (one store per partition id). */
  storeFor: (lparId: number) => NvramStore;
  lan?: ExternalLan | null;
}

const DROP: FrameSink = { receive() { /* nothing listens on this port */ } };
const portKey = (lparId: number, slot: number): string => `${lparId}/${slot}`;

export class SystemEthernet {
  readonly vswitches = new Map<string, VlanBridge>();
  private readonly stacks = new Map<number, ClientIpStack>();
  private seas = new Map<string, SeaBridge>();
  private wire = new Map<string, FrameSink>();
  /** The active SEA per `vswitch/vlan` at the last sync, to see which VLANs changed hands. */
  private active = new Map<string, string>();
  private announcements: { sea: SeaBridge; vlan: number; macs: number[] }[] = [];

  constructor(private readonly o: SystemEthernetOptions) {
    o.lan?.attach(this);
  }

  get queue(): FrameQueue { return this.o.queue; }

  /** The IP stack of a client partition (its configuration lives across activations). */
  stack(p: Partition): ClientIpStack {
    const id = p.def.lpar_id;
    let s = this.stacks.get(id);
    if (!s) {
      const sys = this.o.sys;
      const adapters = () => { const cur = sys.partitions.get(id); return cur ? clientAdapters(this.o.oses, cur) : []; };
      s = new ClientIpStack({ lparId: id, partition: () => sys.partitions.get(id), adapters, store: this.o.storeFor(id), net: sys.config.network, now: () => sys.clock.now(), queue: this.o.queue });
      this.stacks.set(id, s);
    }
    return s;
  }

  /** Bring the whole Ethernet world up to date before frames are sent (the LAN syncs every system). */
  syncAll(): void {
    if (this.o.lan) this.o.lan.sync();
    else { this.sync(); this.announce(); }
  }

  /** What a frame arriving from the cable at this physical port goes to (its SEA, or a port nothing bridges). */
  physicalPort(location: string): FrameSink | undefined { return this.wire.get(location); }

  /** The SEA bridges by `vios/seaName`, for tests and statistics. */
  seaBridges(): ReadonlyMap<string, SeaBridge> { return this.seas; }

  sync(): void {
    const { sys, oses } = this.o;
    const net = sys.config.network;
    const activeNow = new Map<string, BridgeCandidate>();
    for (const [k, c] of bridgeCandidates(sys, oses)) { const a = activeBridge(c); if (a) activeNow.set(k, a); }
    const isActive = (v: Partition, slot: number, vswitch: string, vlan: number): boolean => {
      const a = activeNow.get(`${vswitch}/${vlan}`);
      return !!a && a.lparId === v.def.lpar_id && a.trunkSlot === slot;
    };
    const running = [...sys.partitions.values()].filter((p) => p.run.state === 'Running' && p.run.alloc);

    // The SEAs of running VIOSes, and what each physical Ethernet port of theirs leads to.
    const seas = new Map<string, SeaBridge>();
    const trunkSink = new Map<string, { sea: SeaBridge; i: number }>();
    const wire = new Map<string, FrameSink>();
    for (const v of running.filter((p) => p.def.lpar_env === 'vioserver')) {
      const eth = v.run.alloc!.virtual_io.eth;
      for (const s of oses.vios(v).seas()) {
        const trunks = s.trunkSlots.map((slot) => eth.find((a) => a.slot === slot && a.trunk_priority > 0)).filter((a) => a !== undefined);
        const vswitch = trunks[0]?.vswitch ?? '';
        const activeVlans = new Set(trunks.flatMap((t) => [t.port_vlan_id, ...t.addl_vlan_ids].filter((vl) => isActive(v, t.slot, vswitch, vl))));
        const uplinks: SeaUplink[] = s.realAdapterLocations.flatMap((location) => { const u = this.o.lan?.uplink(location); return u ? [{ location, ...u }] : []; });
        const sea = new SeaBridge({
          id: `${v.def.name}/${s.name}`, queue: this.o.queue, pvid: s.pvid, uplinks, activeVlans,
          trunks: trunks.map((t) => ({ slot: t.slot, pvid: t.port_vlan_id, addlVlans: t.addl_vlan_ids })),
          latency: {
            toWireUs: net.seaBridgeUs + net.lanSwitchUs, toWireNsPerByte: net.wireNsPerByte,
            toSwitchUs: net.seaBridgeUs + net.vswitchHopUs, toSwitchNsPerByte: net.wireNsPerByte + net.vswitchNsPerByte,
          },
        });
        seas.set(sea.id, sea);
        trunks.forEach((t, i) => trunkSink.set(portKey(v.def.lpar_id, t.slot), { sea, i }));
        for (const loc of s.realAdapterLocations) wire.set(loc, sea.wireSink);
      }
      for (const a of physicalAdapters(sys, v)) for (const port of a.ports) if (port.kind === 'eth' && !wire.has(port.location)) wire.set(port.location, DROP);
    }

    // Every running partition's virtual Ethernet adapters as ports of their virtual switch.
    const specs = new Map<string, BridgePortSpec[]>(sys.cfg.vswitches.map((s) => [s.name, []]));
    for (const p of running) {
      const vios = p.def.lpar_env === 'vioserver';
      for (const a of p.run.alloc!.virtual_io.eth) {
        const key = portKey(p.def.lpar_id, a.slot);
        const tagged = a.is_ieee ? a.addl_vlan_ids : [];
        let spec: BridgePortSpec;
        if (vios && a.trunk_priority > 0) {
          const t = trunkSink.get(key);
          const on = (vl: number): boolean => !!t && isActive(p, a.slot, a.vswitch, vl);
          spec = { key, untagged: on(a.port_vlan_id) ? a.port_vlan_id : 0, tagged: a.addl_vlan_ids.filter(on), up: true, sink: t ? t.sea.trunkSinks[t.i] : DROP };
        } else {
          spec = { key, untagged: a.port_vlan_id, tagged, up: true, sink: vios ? DROP : this.stack(p).sink(a.slot) ?? DROP };
        }
        const list = specs.get(a.vswitch) ?? [];
        list.push(spec);
        specs.set(a.vswitch, list);
      }
    }
    for (const [name, list] of specs) {
      let sw = this.vswitches.get(name);
      if (!sw) { sw = new VlanBridge(name, this.o.queue); this.vswitches.set(name, sw); }
      sw.setPorts(list);
    }
    for (const [name, sw] of this.vswitches) if (!specs.has(name)) sw.setPorts([]);

    // Connect the SEAs' trunks and the partitions' adapters to their ports.
    for (const [key, { sea, i }] of trunkSink) {
      const [id, slot] = key.split('/').map(Number);
      const a = sys.partitions.get(id)!.run.alloc!.virtual_io.eth.find((x) => x.slot === slot)!;
      const sw = this.vswitches.get(a.vswitch)!;
      sea.vswitchTarget = sw.target;
      sea.trunkPorts[i] = sw.portIndex(key);
    }
    for (const [id, stack] of this.stacks) {
      const p = sys.partitions.get(id);
      const ports = new Map<number, { target: number; port: number }>();
      if (p && p.run.state === 'Running' && p.run.alloc) {
        for (const a of p.run.alloc.virtual_io.eth) {
          const sw = this.vswitches.get(a.vswitch);
          if (sw) ports.set(a.slot, { target: sw.target, port: sw.portIndex(portKey(id, a.slot)) });
        }
      }
      stack.attach(ports);
    }
    this.seas = seas;
    this.wire = wire;
    this.noteTakeovers(activeNow, running);
  }

  /** VLANs whose active SEA changed: the new one will announce the partitions' MACs on that VLAN. */
  private noteTakeovers(activeNow: Map<string, BridgeCandidate>, running: Partition[]): void {
    const next = new Map<string, string>();
    for (const [k, a] of activeNow) {
      next.set(k, a.sea);
      if (this.active.get(k) === a.sea) continue;
      const sea = this.seas.get(a.sea);
      if (!sea) continue;
      const [vswitch, vl] = k.split('/');
      const vlan = Number(vl);
      const macs = running.flatMap((p) => p.run.alloc!.virtual_io.eth
        .filter((x) => x.trunk_priority === 0 && x.vswitch === vswitch && (x.port_vlan_id === vlan || (x.is_ieee === 1 && x.addl_vlan_ids.includes(vlan))))
        .map((x) => parseMac(x.mac_addr)));
      if (macs.length) this.announcements.push({ sea, vlan, macs });
    }
    this.active = next;
  }

  announce(): void {
    const list = this.announcements;
    this.announcements = [];
    for (const { sea, vlan, macs } of list) sea.announce(vlan, macs);
  }
}
