// The Shared Ethernet Adapter rules (vios.md §2.9 SIM-RULES, §5, §7): a layer-2 bridge between one
// physical adapter or link aggregation and 1–16 trunk virtual Ethernet adapters of this VIOS. The same
// check serves `mkvdev -sea` and `chdev` of an existing SEA, so the rule is written once.
import type { DeviceTree } from './device-tree.ts';
import type { ViosConfig } from './vios-config.ts';
import { describeUse, usersOf } from './device-usage.ts';
import { fail, VIOS_MSG } from './vios-errors.ts';

export interface SeaSpec {
  name: string;
  realAdapter: string;
  virtAdapters: string[];
  pvidAdapter: string;
  pvid: number;
  haMode: string;
  ctlChan?: string;
}

export const MAX_TRUNK_ADAPTERS = 16; // §5

/** Uses of `dev` other than by the SEA being checked itself. */
const otherUses = (tree: DeviceTree, cfg: ViosConfig, dev: string, sea: string) => usersOf(cfg, dev, tree.env).filter((u) => !(u.kind === 'sea' && u.name === sea));

export function checkSea(spec: SeaSpec, tree: DeviceTree, cfg: ViosConfig): void {
  const n = spec.virtAdapters.length;
  if (n < 1 || n > MAX_TRUNK_ADAPTERS || new Set(spec.virtAdapters).size !== n) fail(VIOS_MSG.trunkCount(n));
  const trunks = spec.virtAdapters.map((name) => {
    const d = tree.get(name);
    if (!d || d.status !== 'Available') fail(VIOS_MSG.noDevice(name));
    if (d.cls !== 'veth' || !d.va || (d.va.trunkPriority ?? 0) <= 0) fail(VIOS_MSG.notTrunk(name));
    const used = otherUses(tree, cfg, name, spec.name).filter((u) => u.kind === 'sea');
    if (used.length > 0) fail(VIOS_MSG.adapterUsed(name, describeUse(used[0])));
    return { name, va: d.va };
  });

  const real = tree.get(spec.realAdapter);
  if (!real || real.status !== 'Available') fail(VIOS_MSG.noDevice(spec.realAdapter));
  if (real.cls !== 'ent' && real.cls !== 'lnagg') fail(VIOS_MSG.badRealAdapter(spec.realAdapter));
  const realUses = otherUses(tree, cfg, spec.realAdapter, spec.name);
  if (realUses.length > 0) fail(VIOS_MSG.adapterUsed(spec.realAdapter, describeUse(realUses[0])));

  const def = trunks.find((t) => t.name === spec.pvidAdapter);
  if (!def) fail(VIOS_MSG.defaultNotListed(spec.pvidAdapter));
  if (def.va.pvid !== spec.pvid) fail(VIOS_MSG.wrongDefaultId(String(spec.pvid), spec.pvidAdapter, def.va.pvid ?? 0));

  // SIM-RULE: one bridge joins one virtual switch, and a VLAN is bridged by one trunk adapter of it.
  const carrier = new Map<number, string>();
  for (const t of trunks) {
    if ((t.va.vswitch ?? '') !== (trunks[0].va.vswitch ?? '')) fail(VIOS_MSG.vswitchMix(trunks[0].name, t.name));
    for (const vlan of [t.va.pvid ?? 0, ...(t.va.addlVlans ?? [])]) {
      const other = carrier.get(vlan);
      if (other !== undefined) fail(VIOS_MSG.vlanOverlap(vlan, other, t.name));
      carrier.set(vlan, t.name);
    }
  }

  if (spec.haMode === 'sharing' && n < 2) fail(VIOS_MSG.sharingNeedsTwo()); // §5 load sharing
  if (spec.ctlChan) {
    const c = tree.get(spec.ctlChan);
    if (!c || c.status !== 'Available') fail(VIOS_MSG.noDevice(spec.ctlChan));
    const busy = otherUses(tree, cfg, spec.ctlChan, spec.name).length > 0;
    if (c.cls !== 'veth' || (c.va?.trunkPriority ?? 0) > 0 || spec.virtAdapters.includes(spec.ctlChan) || busy) fail(VIOS_MSG.badCtlChan(spec.ctlChan));
  }
}

/** The SEA as configured (structure from the record, ha_mode and ctl_chan from its attributes). */
export function seaSpecOf(cfg: ViosConfig, name: string): SeaSpec | undefined {
  const s = cfg.seas.find((x) => x.name === name);
  if (!s) return undefined;
  const attrs = cfg.attrs[name] ?? {};
  return { ...s, virtAdapters: [...s.virtAdapters], haMode: attrs.ha_mode ?? 'disabled', ctlChan: attrs.ctl_chan || undefined };
}
