// Which way each VLAN of a client leaves the box (the paper's Figure 3, vios.md §5, §7): the virtual switch
// delivers a frame on VLAN v to every trunk adapter of that switch carrying v; the Shared Ethernet Adapter
// bridging that trunk adapter sends it to its physical (or aggregated) adapter. Among SEAs bridging the
// same VLAN on the same switch exactly one is active: the running VIOS's SEA whose trunk has the best
// (lowest) priority, unless forced to standby.
import type { ManagedSystem, Partition } from '../../platform/managed-system.ts';
import type { PartitionOses } from '../partition-oses.ts';

export interface VlanRoute {
  adapterSlot: number;
  vswitch: string;
  vlan: number;
  /** `vios1/ent8`, or null when no SEA bridges the VLAN (the VLAN stays inside the box). */
  sea: string | null;
  realAdapters: string[];
  /** Standby SEAs ready to take over (failover). */
  standby: string[];
}

/** A trunk adapter of a running VIOS's SEA that bridges a VLAN of a virtual switch. */
export interface BridgeCandidate { sea: string; real: string[]; priority: number; haMode: string; lparId: number; seaName: string; trunkSlot: number }

/**
 * Every SEA trunk that could bridge each VLAN, keyed `vswitch/vlan`, best first (lowest trunk priority,
 * then name). The data path (os/network/system-ethernet.ts) and clientNetworks both read this rule.
 */
export function bridgeCandidates(sys: ManagedSystem, oses: PartitionOses): Map<string, BridgeCandidate[]> {
  const out = new Map<string, BridgeCandidate[]>();
  for (const v of sys.partitions.values()) {
    if (v.def.lpar_env !== 'vioserver' || v.run.state !== 'Running' || !v.run.alloc) continue;
    for (const sea of oses.vios(v).seas()) {
      for (const slot of sea.trunkSlots) {
        const t = v.run.alloc.virtual_io.eth.find((a) => a.slot === slot);
        if (!t || t.trunk_priority === 0) continue;
        for (const vlan of [t.port_vlan_id, ...t.addl_vlan_ids]) {
          const key = `${t.vswitch}/${vlan}`;
          const list = out.get(key) ?? [];
          list.push({ sea: `${v.def.name}/${sea.name}`, real: sea.realAdapterLocations, priority: t.trunk_priority, haMode: sea.haMode, lparId: v.def.lpar_id, seaName: sea.name, trunkSlot: slot });
          out.set(key, list);
        }
      }
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.priority - b.priority || a.sea.localeCompare(b.sea));
  return out;
}

/** The one SEA that bridges a VLAN: the best candidate not forced to standby (null: the VLAN stays inside the box). */
export const activeBridge = (c: readonly BridgeCandidate[]): BridgeCandidate | null => c.find((x) => x.haMode !== 'standby') ?? null;

export function clientNetworks(sys: ManagedSystem, oses: PartitionOses, client: Partition): VlanRoute[] {
  const io = client.run.alloc?.virtual_io;
  if (!io) return [];
  const all = bridgeCandidates(sys, oses);
  const routes: VlanRoute[] = [];
  for (const a of [...io.eth].sort((x, y) => x.slot - y.slot)) {
    for (const vlan of [a.port_vlan_id, ...a.addl_vlan_ids]) {
      const c = all.get(`${a.vswitch}/${vlan}`) ?? [];
      const active = activeBridge(c);
      routes.push({
        adapterSlot: a.slot, vswitch: a.vswitch, vlan,
        sea: active?.sea ?? null, realAdapters: active?.real ?? [],
        standby: c.filter((x) => x !== active).map((x) => x.sea),
      });
    }
  }
  return routes;
}
