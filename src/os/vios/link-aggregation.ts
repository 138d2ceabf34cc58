// Link aggregations (EtherChannel, vios.md §5.1) and VLAN pseudo-devices (§2.9 `mkvdev -vlan`, §7 VLAN
// ids 1–4094). Both are `entN` devices made by configuration on top of physical ports.
import type { DeviceTree } from './device-tree.ts';
import type { ViosConfig } from './vios-config.ts';
import { describeUse, usersOf } from './device-usage.ts';
import { fail, VIOS_MSG } from './vios-errors.ts';

export const MAX_LNAGG_ADAPTERS = 8; // EtherChannel primary adapters (AIX limit)

function freePhysicalEnt(name: string, tree: DeviceTree, cfg: ViosConfig): void {
  const d = tree.get(name);
  if (!d || d.status !== 'Available') fail(VIOS_MSG.noDevice(name));
  if (d.cls !== 'ent') fail(VIOS_MSG.wrongType(name, 'a physical Ethernet adapter'));
  const uses = usersOf(cfg, name, tree.env);
  if (uses.length > 0) fail(VIOS_MSG.adapterUsed(name, describeUse(uses[0])));
}

export function checkLnagg(adapters: string[], backup: string | undefined, tree: DeviceTree, cfg: ViosConfig): void {
  if (adapters.length < 1 || adapters.length > MAX_LNAGG_ADAPTERS || new Set(adapters).size !== adapters.length) {
    fail(VIOS_MSG.usage('mkvdev', `-lnagg needs 1 to ${MAX_LNAGG_ADAPTERS} different Ethernet adapters`));
  }
  for (const a of adapters) freePhysicalEnt(a, tree, cfg);
  if (backup !== undefined) {
    if (adapters.includes(backup)) fail(VIOS_MSG.adapterUsed(backup, 'this link aggregation as a primary adapter'));
    freePhysicalEnt(backup, tree, cfg);
  }
}

export function checkVlan(base: string, tagId: string, tree: DeviceTree, cfg: ViosConfig): number {
  const d = tree.get(base);
  if (!d || d.status !== 'Available') fail(VIOS_MSG.noDevice(base));
  if (d.cls !== 'ent' && d.cls !== 'lnagg' && d.cls !== 'sea') fail(VIOS_MSG.wrongType(base, 'a physical Ethernet adapter, a link aggregation or a Shared Ethernet Adapter'));
  if (!/^\d+$/.test(tagId) || Number(tagId) < 1 || Number(tagId) > 4094) fail(VIOS_MSG.badValue('tagid', tagId, 'use a VLAN id from 1 to 4094'));
  const bridged = d.cls === 'ent' ? usersOf(cfg, base, tree.env).find((u) => u.kind === 'sea' || u.kind === 'lnagg') : undefined;
  if (bridged) fail(VIOS_MSG.adapterUsed(base, describeUse(bridged)));
  const tag = Number(tagId);
  const dup = cfg.vlans.find((v) => v.base === base && v.tagId === tag);
  if (dup) fail(VIOS_MSG.vlanExists(base, tag, dup.name));
  return tag;
}
