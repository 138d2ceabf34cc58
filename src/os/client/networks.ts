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

interface Candidate { sea: string; real: string[]; priority: number; haMode: string }

function candidates(sys: ManagedSystem, oses: PartitionOses, vswitch: string, vlan: number): Candidate[] {
  const out: Candidate[] = [];
  for (const v of sys.partitions.values()) {
    if (v.def.lpar_env !== 'vioserver' || v.run.state !== 'Running' || !v.run.alloc) continue;
    for (const sea of oses.vios(v).seas()) {
      for (const slot of sea.trunkSlots) {
        const t = v.run.alloc.virtual_io.eth.find((a) => a.slot === slot);
        if (!t || t.trunk_priority === 0 || t.vswitch !== vswitch) continue;
        if (t.port_vlan_id === vlan || t.addl_vlan_ids.includes(vlan)) out.push({ sea: `${v.def.name}/${sea.name}`, real: sea.realAdapterLocations, priority: t.trunk_priority, haMode: sea.haMode });
      }
    }
  }
  return out.sort((a, b) => a.priority - b.priority || a.sea.localeCompare(b.sea));
}

export function clientNetworks(sys: ManagedSystem, oses: PartitionOses, client: Partition): VlanRoute[] {
  const io = client.run.alloc?.virtual_io;
  if (!io) return [];
  const routes: VlanRoute[] = [];
  for (const a of [...io.eth].sort((x, y) => x.slot - y.slot)) {
    for (const vlan of [a.port_vlan_id, ...a.addl_vlan_ids]) {
      const c = candidates(sys, oses, a.vswitch, vlan);
      const active = c.find((x) => x.haMode !== 'standby') ?? null;
      routes.push({
        adapterSlot: a.slot, vswitch: a.vswitch, vlan,
        sea: active?.sea ?? null, realAdapters: active?.real ?? [],
        standby: c.filter((x) => x !== active).map((x) => x.sea),
      });
    }
  }
  return routes;
}
