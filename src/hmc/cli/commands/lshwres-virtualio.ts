// lshwres -r virtualio --rsubtype scsi | fc | eth | serial | slot | vswitch (hmc-cli.md §6.5).
import { fail } from '../../../errors/hmc-error.ts';
import { findModel } from '../../../platform/catalog/model-catalog.ts';
import type { SystemView } from '../../system-view.ts';
import { need, oneOf, type ParsedArgs } from '../args.ts';
import { renderListing } from '../fields.ts';
import { filters, selectPartitions } from '../filters.ts';
import { adaptersOf, ETH_FIELDS, FC_FIELDS, SCSI_FIELDS, SERIAL_FIELDS, SLOT_LEVEL_FIELDS, VSWITCH_FIELDS, type SlotLevelRow } from '../views/virtualio-fields.ts';
import { activeOrDefaultProfile } from '../views/partition-fields.ts';

export function listVirtualIo(out: string[], v: SystemView, args: ParsedArgs): void {
  const sub = oneOf(need(args, '--rsubtype', 'lshwres'), ['scsi', 'fc', 'eth', 'serial', 'slot', 'vswitch', 'vnic', 'vnicbkdev', 'virtualopti', 'hsl', 'vasi'] as const, 'resource subtype');
  if (sub === 'vswitch') {
    filters(args, ['vswitches']);
    const vlans = new Map<string, Set<number>>();
    for (const p of v.sortedPartitions()) for (const a of adaptersOf(p).io.eth) {
      const set = vlans.get(a.vswitch) ?? new Set<number>();
      set.add(a.port_vlan_id);
      for (const id of a.addl_vlan_ids) set.add(id);
      vlans.set(a.vswitch, set);
    }
    const rows = v.system!.cfg.vswitches.map((s) => ({ name: s.name, mode: s.switch_mode, vlans: [...(vlans.get(s.name) ?? [])].sort((a, b) => a - b) }));
    return renderListing(out, rows, VSWITCH_FIELDS, args);
  }
  if (!['scsi', 'fc', 'eth', 'serial', 'slot'].includes(sub)) fail('NOT_IMPLEMENTED', { what: `virtual I/O resource subtype ${sub}` });
  if (sub === 'fc' && !findModel(v.system!.hw.mtm)!.capabilities.virtualFc) fail('NO_VFC');
  const level = args.values.get('--level') ?? 'lpar';
  if (level !== 'lpar') oneOf(level, ['lpar'] as const, 'level');
  const parts = selectPartitions(v, filters(args, ['lpar_names', 'lpar_ids', 'slots']));
  const slots = filters(args, ['lpar_names', 'lpar_ids', 'slots']).get('slots');
  const keep = (slot: number): boolean => !slots || slots.includes(String(slot));
  if (sub === 'slot') {
    const rows: SlotLevelRow[] = parts.map((p) => {
      const { io, running } = adaptersOf(p);
      const used = new Set([0, 1, ...io.eth.map((a) => a.slot), ...io.scsi.map((a) => a.slot), ...io.fc.map((a) => a.slot)]);
      const pend = activeOrDefaultProfile(p)?.max_virtual_slots ?? 0;
      return { v, p, running, used, pendMax: pend, currMax: p.run.alloc?.max_virtual_slots ?? pend };
    });
    return renderListing(out, rows, SLOT_LEVEL_FIELDS, args);
  }
  if (sub === 'serial') {
    const rows = parts.flatMap((p) => [0, 1].filter(keep).map((slot) => ({ v, p, running: !!p.run.alloc, slot })));
    return renderListing(out, rows, SERIAL_FIELDS, args);
  }
  if (sub === 'eth') {
    const rows = parts.flatMap((p) => { const { io, running } = adaptersOf(p); return io.eth.filter((a) => keep(a.slot)).sort((a, b) => a.slot - b.slot).map((a) => ({ v, p, running, a })); });
    return renderListing(out, rows, ETH_FIELDS, args);
  }
  if (sub === 'scsi') {
    const rows = parts.flatMap((p) => { const { io, running } = adaptersOf(p); return io.scsi.filter((a) => keep(a.slot)).sort((a, b) => a.slot - b.slot).map((a) => ({ v, p, running, a })); });
    return renderListing(out, rows, SCSI_FIELDS, args);
  }
  const rows = parts.flatMap((p) => { const { io, running } = adaptersOf(p); return io.fc.filter((a) => keep(a.slot)).sort((a, b) => a.slot - b.slot).map((a) => ({ v, p, running, a })); });
  renderListing(out, rows, FC_FIELDS, args);
}
