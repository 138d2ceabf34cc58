// chhwres -r virtualio --rsubtype eth | scsi | fc | vswitch (platform.md §9): DLPAR of virtual adapters and
// virtual switch changes. Attribute records use the HMC grammar (hmc-cli.md §3.2).
import { fail } from '../../../errors/hmc-error.ts';
import type { NewAdapter } from '../../../link/fsp-api.ts';
import type { Hmc } from '../../hmc.ts';
import type { SystemView } from '../../system-view.ts';
import { lparRef, need, oneOf, type ParsedArgs } from '../args.ts';
import { parseRecord } from '../attributes/record.ts';
import * as k from '../attributes/value-kinds.ts';
import { adaptersOf } from '../views/virtualio-fields.ts';

export async function changeVirtualIo(hmc: Hmc, v: SystemView, op: 'a' | 'r' | 'm' | 's', args: ParsedArgs): Promise<void> {
  const sub = oneOf(need(args, '--rsubtype', 'chhwres'), ['eth', 'scsi', 'fc', 'vswitch', 'vnic', 'serial'] as const, 'resource subtype');
  if (sub === 'vnic' || sub === 'serial') fail('NOT_IMPLEMENTED', { what: `virtual I/O resource subtype ${sub}` });
  if (op === 'm') fail('USAGE', { why: 'Virtual adapters cannot be moved; remove and add them.' });
  if (sub === 'vswitch') {
    const name = need(args, '--vswitch', 'chhwres');
    const attrs = args.values.has('-a') ? parseRecord(args.values.get('-a')!) : [];
    let mode: 'VEB' | 'VEPA' | undefined;
    for (const a of attrs) {
      if (a.name !== 'switch_mode') fail('INVALID_ATTRIBUTE', { name: a.name });
      mode = oneOf(a.value, ['VEB', 'VEPA'] as const, 'switch mode');
    }
    if (op === 's' && !mode) fail('USAGE', { why: 'Give the new switch_mode with -a.' });
    return void (await hmc.call(v, 'vswitch.change', { op: op as 'a' | 'r' | 's', name, mode }));
  }
  const ref = lparRef(args, 'chhwres')!;
  const slotText = args.values.get('-s');
  if (op === 'r') return void (await hmc.call(v, 'virtualio.remove', { ref, slot: k.int.parse(slotText ?? fail('USAGE', { why: 'Give the virtual slot with -s.' }), '-s') }));
  const pairs = parseRecord(need(args, '-a', 'chhwres'));
  const get = new Map(pairs.map((p) => [p.name, p]));
  if (op === 's') {
    if (sub !== 'eth') fail('USAGE', { why: 'Only virtual Ethernet adapters have attributes that change dynamically.' });
    const slot = k.int.parse(slotText ?? fail('USAGE', { why: 'Give the virtual slot with -s.' }), '-s');
    for (const p of pairs) if (!['addl_vlan_ids', 'ieee_virtual_eth', 'qos_priority'].includes(p.name)) fail('DLPAR_NOT_ALLOWED', { why: `The attribute ${p.name} of a virtual Ethernet adapter can only be changed in the profile.` });
    const addl = get.get('addl_vlan_ids');
    await hmc.call(v, 'virtualio.setEth', {
      ref, slot,
      change: {
        addl: addl ? { op: addl.op, ids: k.listOf(addl.value, 'addl_vlan_ids').map((x) => k.int.parse(x, 'addl_vlan_ids')) } : undefined,
        is_ieee: get.has('ieee_virtual_eth') ? k.bit.parse(get.get('ieee_virtual_eth')!.value, 'ieee_virtual_eth') : undefined,
        qos_priority: get.get('qos_priority')?.value,
      },
    });
    return;
  }
  const p = ref.id !== undefined ? v.partitions.get(ref.id) : v.partitionByName(ref.name!);
  if (!p) fail('PARTITION_NOT_FOUND', { name: ref.name ?? String(ref.id) });
  let slot: number;
  if (slotText !== undefined) slot = k.int.parse(slotText, '-s');
  else {
    const { io } = adaptersOf(p!);
    const used = new Set([0, 1, ...io.eth.map((a) => a.slot), ...io.scsi.map((a) => a.slot), ...io.fc.map((a) => a.slot)]);
    slot = 2;
    while (used.has(slot)) slot++;
  }
  const allowed: Record<string, string[]> = {
    eth: ['port_vlan_id', 'ieee_virtual_eth', 'addl_vlan_ids', 'is_trunk', 'trunk_priority', 'vswitch', 'mac_addr', 'allowed_os_mac_addrs', 'qos_priority', 'is_required'],
    scsi: ['adapter_type', 'remote_lpar_id', 'remote_lpar_name', 'remote_slot_num', 'is_required'],
    fc: ['adapter_type', 'remote_lpar_id', 'remote_lpar_name', 'remote_slot_num', 'wwpns', 'is_required'],
  };
  for (const a of pairs) {
    if (!allowed[sub].includes(a.name)) fail('INVALID_ATTRIBUTE', { name: a.name });
    if (a.op !== '=') fail('INVALID_VALUE', { attr: a.name, value: a.op, hint: 'Use = when adding an adapter.' });
  }
  const val = (n: string): string | undefined => get.get(n)?.value;
  await hmc.call(v, 'virtualio.add', { ref, slot, adapter: newAdapter(v, sub as 'eth' | 'scsi' | 'fc', val) });
}

function newAdapter(v: SystemView, sub: 'eth' | 'scsi' | 'fc', val: (n: string) => string | undefined): NewAdapter {
  if (sub === 'eth') {
    const trunk = val('is_trunk') === '1';
    const prio = val('trunk_priority') !== undefined ? k.int.parse(val('trunk_priority')!, 'trunk_priority') : trunk ? 1 : 0;
    if (!trunk && val('trunk_priority') !== undefined && prio > 0) fail('INVALID_VALUE', { attr: 'trunk_priority', value: prio, hint: 'A trunk priority needs is_trunk=1.' });
    const mac = val('mac_addr');
    if (mac !== undefined && mac !== '' && !/^[0-9A-Fa-f]{12}$/.test(mac)) fail('INVALID_VALUE', { attr: 'mac_addr', value: mac, hint: 'A MAC address is 12 hexadecimal digits.' });
    return {
      type: 'eth',
      adapter: {
        is_ieee: val('ieee_virtual_eth') !== undefined ? k.bit.parse(val('ieee_virtual_eth')!, 'ieee_virtual_eth') : 0,
        port_vlan_id: k.int.parse(val('port_vlan_id') ?? fail('MISSING_ATTRIBUTE', { attr: 'port_vlan_id' }), 'port_vlan_id'),
        addl_vlan_ids: k.listOf(val('addl_vlan_ids') ?? '', 'addl_vlan_ids').map((x) => k.int.parse(x, 'addl_vlan_ids')),
        trunk_priority: trunk ? prio : 0,
        is_required: val('is_required') !== undefined ? k.bit.parse(val('is_required')!, 'is_required') : 0,
        vswitch: val('vswitch') ?? 'ETHERNET0',
        mac_addr: (mac ?? '').toUpperCase(),
        allowed_os_mac_addrs: val('allowed_os_mac_addrs') ?? 'all',
        qos_priority: val('qos_priority') ?? 'none',
      },
    };
  }
  const type = oneOf(val('adapter_type') ?? fail('MISSING_ATTRIBUTE', { attr: 'adapter_type' }), ['client', 'server'] as const, 'adapter type');
  let rid: number | null = null;
  const idText = val('remote_lpar_id'), nameText = val('remote_lpar_name');
  if (idText !== undefined && idText !== 'any') rid = k.int.parse(idText, 'remote_lpar_id');
  else if (nameText !== undefined && nameText !== '') {
    const p = v.partitionByName(nameText);
    if (!p) fail('PARTITION_NOT_FOUND', { name: nameText });
    rid = p!.def.lpar_id;
  } else if (type === 'client') fail('MISSING_ATTRIBUTE', { attr: 'remote_lpar_id' });
  const rs = val('remote_slot_num');
  const remote_slot_num = rs === undefined || rs === 'any' ? (type === 'client' ? fail('MISSING_ATTRIBUTE', { attr: 'remote_slot_num' }) : null) : k.int.parse(rs, 'remote_slot_num');
  const common = {
    adapter_type: type, remote_lpar_id: rid, remote_lpar_name: rid === null ? '' : v.partitions.get(rid)?.def.name ?? '',
    remote_slot_num, is_required: val('is_required') !== undefined ? k.bit.parse(val('is_required')!, 'is_required') : 0,
  } as const;
  if (sub === 'scsi') return { type: 'scsi', adapter: { ...common } };
  const w = val('wwpns');
  const wwpns = w ? k.listOf(w, 'wwpns').map((x) => x.toLowerCase()) : null;
  if (wwpns && (wwpns.length !== 2 || !wwpns.every((x) => /^[0-9a-f]{16}$/.test(x)))) fail('INVALID_VALUE', { attr: 'wwpns', value: w!, hint: 'Give two WWPNs of 16 hexadecimal digits.' });
  return { type: 'fc', adapter: { ...common, wwpns: wwpns as [string, string] | null } };
}
