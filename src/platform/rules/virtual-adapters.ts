// Syntax and slot rules for the virtual adapter lists of a profile (platform.md §7.3). Until the VIOS
// issue types these adapters, elements stay strings; here we check their shape, their slot numbers and
// the few values with hard ranges (VLAN IDs 1–4094, trunk priority 1–15 on VIOS only).
import { fail } from '../../errors/hmc-error.ts';
import type { LparEnv, Profile } from '../types/profile.ts';

interface Shape { attr: keyof Profile; min: number; max: number; check?: (f: string[], env: LparEnv, el: string) => void }

const int = (s: string): number => (/^\d+$/.test(s) ? Number(s) : NaN);
const bad = (attr: string, value: string, hint: string): never => fail('INVALID_VALUE', { attr, value, hint });

const vlan = (attr: string, el: string, v: string): void => {
  const n = int(v);
  if (!(n >= 1 && n <= 4094)) bad(attr, el, 'VLAN IDs must be from 1 to 4094.');
};

const SHAPES: Shape[] = [
  { attr: 'virtual_eth_adapters', min: 6, max: 10, check: (f, env, el) => {
    // slot/is_ieee/port_vlan_id/[addl_vlan_ids]/[trunk_priority]/is_required[/vswitch/mac/allowed/qos]
    if (!/^[01]$/.test(f[1])) bad('virtual_eth_adapters', el, 'is_ieee must be 0 or 1.');
    vlan('virtual_eth_adapters', el, f[2]);
    const addl = f[3] === '' ? [] : f[3].split(',');
    if (addl.length && f[1] !== '1') bad('virtual_eth_adapters', el, 'Additional VLAN IDs need an IEEE 802.1Q adapter (is_ieee=1).');
    for (const a of addl) vlan('virtual_eth_adapters', el, a);
    const trunk = f[4] === '' ? 0 : int(f[4]);
    if (!(trunk >= 0 && trunk <= 15)) bad('virtual_eth_adapters', el, 'The trunk priority must be 0 (not a trunk adapter) or from 1 to 15.');
    if (trunk > 0 && env !== 'vioserver') bad('virtual_eth_adapters', el, 'Only Virtual I/O Server partitions can have trunk adapters.');
    if (!/^[01]$/.test(f[5])) bad('virtual_eth_adapters', el, 'is_required must be 0 or 1.');
    if (f[7] && !/^[0-9a-fA-F]{12}$/.test(f[7])) bad('virtual_eth_adapters', el, 'A MAC address is 12 hexadecimal digits.');
  } },
  { attr: 'virtual_scsi_adapters', min: 6, max: 6, check: (f, _env, el) => adapterPair('virtual_scsi_adapters', f, el, 5) },
  { attr: 'virtual_fc_adapters', min: 7, max: 7, check: (f, _env, el) => {
    adapterPair('virtual_fc_adapters', f, el, 6);
    if (f[5] !== '' && !/^[0-9a-fA-F]{16},[0-9a-fA-F]{16}$/.test(f[5])) bad('virtual_fc_adapters', el, 'The WWPNs are a pair of 16 hexadecimal digits each.');
    if (f[1] === 'server' && f[5] !== '') bad('virtual_fc_adapters', el, 'Server adapters have no WWPNs.');
  } },
  { attr: 'virtual_serial_adapters', min: 7, max: 7, check: (f, _env, el) => {
    if (f[1] !== 'client' && f[1] !== 'server') bad('virtual_serial_adapters', el, 'The adapter type must be client or server.');
  } },
];

function adapterPair(attr: string, f: string[], el: string, reqIdx: number): void {
  if (f[1] !== 'client' && f[1] !== 'server') bad(attr, el, 'The adapter type must be client or server.');
  const anyOk = f[1] === 'server';
  const rid = f[2], rslot = f[4];
  if (!(anyOk && (rid === 'any' || rid === '')) && !(int(rid) >= 1)) bad(attr, el, 'The remote partition ID is not valid.');
  if (!(anyOk && (rslot === 'any' || rslot === '')) && !(int(rslot) >= 0)) bad(attr, el, 'The remote slot number is not valid.');
  if (!/^[01]$/.test(f[reqIdx])) bad(attr, el, 'is_required must be 0 or 1.');
}

/** Split an element on `/` except inside the comma lists (addl VLANs, WWPN pairs keep their commas). */
const fields = (el: string): string[] => el.split('/');

export function checkVirtualAdapters(p: Profile, env: LparEnv): void {
  const used = new Map<number, string>();
  for (const shape of SHAPES) {
    for (const el of p[shape.attr] as string[]) {
      const f = fields(el);
      if (f.length < shape.min || f.length > shape.max) bad(shape.attr, el, 'The adapter description does not have the expected number of fields.');
      const slot = int(f[0]);
      const isSerialSystemSlot = shape.attr === 'virtual_serial_adapters' && (slot === 0 || slot === 1);
      if (!(slot >= 0)) bad(shape.attr, el, 'The virtual slot number is not valid.');
      if (!isSerialSystemSlot && slot < 2) fail('VIRTUAL_SLOT_INVALID', { slot, why: 'slots 0 and 1 are reserved for the virtual serial adapters', max: p.max_virtual_slots - 1 });
      if (slot >= p.max_virtual_slots) fail('VIRTUAL_SLOT_INVALID', { slot, why: `it is not below the maximum number of virtual slots (${p.max_virtual_slots})`, max: p.max_virtual_slots - 1 });
      if (used.has(slot)) fail('VIRTUAL_SLOT_INVALID', { slot, why: `it is already used by ${used.get(slot)}`, max: p.max_virtual_slots - 1 });
      used.set(slot, el);
      shape.check?.(f, env, el);
    }
  }
}
