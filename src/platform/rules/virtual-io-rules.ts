// System-wide rules on a profile's virtual adapters (vios.md §4, §7; platform.md §13 rules 8–10): the
// adapter's vswitch exists, a custom MAC is unique within the system, explicit WWPNs are unique and never
// reuse a pair, and client WWPN pairs the HMC generates come from the system's never-reused pool.
import { fail } from '../../errors/hmc-error.ts';
import type { ManagedSystem } from '../managed-system.ts';
import { generatedMac, macPrefix, wwpnPair, wwpnPrefix } from '../hypervisor/addresses.ts';
import { formatFc, parseEth, parseFc } from '../hypervisor/virtual-adapters.ts';
import type { Profile } from '../types/profile.ts';

/** Every MAC and WWPN in use on the system, except those of one partition's profile being replaced. */
function addressesInUse(sys: ManagedSystem, except?: { lparId: number; profile: string }): { macs: Set<string>; wwpns: Set<string> } {
  const macs = new Set<string>(), wwpns = new Set<string>();
  const prefix = macPrefix(sys.hw.serial);
  for (const p of sys.partitions.values()) {
    for (const prof of p.def.profiles) {
      if (except && p.def.lpar_id === except.lparId && prof.name === except.profile) continue;
      for (const el of prof.virtual_eth_adapters) {
        const a = parseEth(el);
        macs.add(a.mac_addr || generatedMac(prefix, p.def.lpar_id, a.slot));
      }
      for (const el of prof.virtual_fc_adapters) for (const w of parseFc(el).wwpns ?? []) wwpns.add(w);
    }
  }
  return { macs, wwpns };
}

export function checkVirtualIo(sys: ManagedSystem, lparId: number, p: Profile, replacing?: string): void {
  const used = addressesInUse(sys, replacing !== undefined ? { lparId, profile: replacing } : undefined);
  // Profiles of the same partition may share addresses (only one runs at a time).
  const mine = new Set<string>();
  const pmine = sys.partitions.get(lparId)?.def.profiles ?? [];
  for (const prof of pmine) for (const el of prof.virtual_eth_adapters) mine.add(parseEth(el).mac_addr);
  for (const prof of pmine) for (const el of prof.virtual_fc_adapters) for (const w of parseFc(el).wwpns ?? []) mine.add(w);
  for (const el of p.virtual_eth_adapters) {
    const a = parseEth(el);
    if (!sys.cfg.vswitches.some((v) => v.name === a.vswitch)) fail('INVALID_VALUE', { attr: 'virtual_eth_adapters', value: el, hint: `The virtual switch ${a.vswitch} does not exist on the managed system.` });
    if (a.addl_vlan_ids.includes(a.port_vlan_id)) fail('INVALID_VALUE', { attr: 'virtual_eth_adapters', value: el, hint: 'The additional VLAN IDs must not include the port VLAN ID.' });
    if (new Set(a.addl_vlan_ids).size !== a.addl_vlan_ids.length) fail('INVALID_VALUE', { attr: 'virtual_eth_adapters', value: el, hint: 'An additional VLAN ID is listed twice.' });
    if (a.addl_vlan_ids.length > 20) fail('INVALID_VALUE', { attr: 'virtual_eth_adapters', value: el, hint: 'An adapter carries at most 20 additional VLAN IDs.' });
    if (a.mac_addr && used.macs.has(a.mac_addr) && !mine.has(a.mac_addr)) fail('INVALID_VALUE', { attr: 'virtual_eth_adapters', value: el, hint: `The MAC address ${a.mac_addr} is already used on this managed system.` });
  }
  const seen = new Set<string>();
  for (const el of p.virtual_fc_adapters) {
    const a = parseFc(el);
    if (a.adapter_type === 'client' && !sys.model.capabilities.virtualFc) fail('NO_VFC', {});
    for (const w of a.wwpns ?? []) {
      if ((used.wwpns.has(w) && !mine.has(w)) || seen.has(w)) fail('INVALID_VALUE', { attr: 'virtual_fc_adapters', value: el, hint: `The WWPN ${w} is already used on this managed system.` });
      seen.add(w);
    }
  }
}

/** Inside a change: give client vFC adapters without WWPNs the next pair of the system's pool. */
export function assignWwpns(sys: ManagedSystem, p: Profile): void {
  const prefix = wwpnPrefix(sys.hw.serial);
  p.virtual_fc_adapters = p.virtual_fc_adapters.map((el) => {
    const a = parseFc(el);
    if (a.adapter_type !== 'client' || a.wwpns) return el;
    a.wwpns = wwpnPair(prefix, sys.cfg.next_wwpn);
    sys.cfg.next_wwpn += 2;
    return formatFc(a);
  });
}
