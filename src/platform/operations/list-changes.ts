// chsyscfg semantics for list attributes (platform.md §7.3): `attr=list` replaces, `attr+=el` adds,
// `attr-=el` removes. Elements are matched by their identity: the DRC index for io_slots, the virtual slot
// number for virtual adapters, the whole text otherwise.
import { fail } from '../../errors/hmc-error.ts';
import type { IoSlotRef, Profile } from '../types/profile.ts';

export interface ProfileChange {
  attr: keyof Profile;
  op: '=' | '+=' | '-=';
  value: unknown;
}

const SLOT_KEYED = new Set<keyof Profile>(['virtual_eth_adapters', 'virtual_scsi_adapters', 'virtual_fc_adapters', 'virtual_serial_adapters', 'vnic_adapters']);

function identity(attr: keyof Profile, el: unknown): string {
  if (attr === 'io_slots') return (el as IoSlotRef).drc_index.toUpperCase();
  if (SLOT_KEYED.has(attr)) return String(el).split('/')[0];
  return String(el);
}

export function applyListChanges(p: Profile, changes: ProfileChange[]): Profile {
  const rec = p as unknown as Record<string, unknown>;
  for (const c of changes) {
    const cur = rec[c.attr];
    if (c.op === '=') { rec[c.attr] = c.value; continue; }
    if (!Array.isArray(cur)) fail('INVALID_VALUE', { attr: c.attr, value: c.op, hint: 'Only list attributes can be changed with += or -=.' });
    const els = c.value as unknown[];
    const list = [...(cur as unknown[])];
    for (const el of els) {
      const id = identity(c.attr, el);
      const at = list.findIndex((x) => identity(c.attr, x) === id);
      if (c.op === '+=') {
        // A virtual slot already in use is left for the profile rules to report (HSCLSIM9), whatever list uses it.
        if (at >= 0 && !SLOT_KEYED.has(c.attr)) fail('INVALID_VALUE', { attr: c.attr, value: String(id), hint: 'The element is already in the list.' });
        list.push(el);
      } else {
        if (at < 0) fail('INVALID_VALUE', { attr: c.attr, value: String(id), hint: 'The element is not in the list.' });
        list.splice(at, 1);
      }
    }
    rec[c.attr] = list;
  }
  return p;
}
