// Builds a managed system's hardware inventory from a compact description (the lab's data): slots with
// DRC indexes, location codes and the adapters in them (platform.md §2.1, §8).
import { z } from 'zod';
import catalog from './adapter-catalog.json' with { type: 'json' };
import { physicalLocationCode } from '../naming.ts';
import type { AdapterSpec, SlotSpec, SystemHardware } from '../types/system.ts';

const { _comment, ...ADAPTERS } = catalog as Record<string, unknown> & { _comment: string };
void _comment;

export const HardwareDescription = z.strictObject({
  mtm: z.string(),
  serial: z.string().regex(/^[0-9A-Z]{7}$/),
  fspIp: z.string(),
  cores: z.number().int().positive(),
  installedCores: z.number().int().positive().optional(),
  memoryGB: z.number().int().positive(),
  installedMemoryGB: z.number().int().positive().optional(),
  lmbMB: z.number().int().positive(),
  /** FSP passwords already set at the factory/lab; without them a new system shows Pending Authentication. */
  fspPasswords: z.strictObject({ access: z.string(), admin: z.string(), general: z.string() }).optional(),
  /** I/O units (CEC or drawers) with their slots. */
  units: z.array(z.strictObject({
    type: z.string().length(4),
    model: z.string().length(3),
    serial: z.string().length(7),
    slots: z.array(z.strictObject({
      loc: z.string().regex(/^C\d+$/),
      adapter: z.string(),
      disks: z.array(z.strictObject({ name: z.string(), sizeGB: z.number().positive() })).optional(),
    })),
  })),
});
export type HardwareDescription = z.infer<typeof HardwareDescription>;

export function adapterSpec(name: string): AdapterSpec {
  const a = (ADAPTERS as Record<string, AdapterSpec>)[name];
  if (!a) throw new Error(`unknown adapter type ${name} (see src/platform/io/adapter-catalog.json)`);
  return structuredClone(a);
}

export function buildHardware(d: HardwareDescription): SystemHardware {
  const slots: SlotSpec[] = [];
  d.units.forEach((u, ui) => {
    const unit = physicalLocationCode(u.type, u.model, u.serial);
    u.slots.forEach((s, si) => {
      const adapter = adapterSpec(s.adapter);
      const drcName = physicalLocationCode(u.type, u.model, u.serial, 'P1', s.loc);
      if (s.disks) {
        // Internal disks sit in the controller's bays: they belong to whoever owns the controller's slot.
        adapter.disks = s.disks.map((k, di) => ({ name: k.name, sizeMB: k.sizeGB * 1024, location: `${drcName}-T1-D${di + 1}` }));
      }
      const bus = 512 + ui * 32 + si;
      slots.push({
        drc_index: (0x21010000 + ui * 0x1000 + bus).toString(16).toUpperCase(),
        drc_name: drcName,
        unit_phys_loc: unit,
        phys_loc: s.loc,
        bus_id: bus,
        adapter,
      });
    });
  });
  return {
    mtm: d.mtm,
    serial: d.serial,
    installedCores: d.installedCores ?? d.cores,
    configurableCores: d.cores,
    installedMemMB: (d.installedMemoryGB ?? d.memoryGB) * 1024,
    configurableMemMB: d.memoryGB * 1024,
    lmbMB: d.lmbMB,
    fspIp: d.fspIp,
    slots,
  };
}
