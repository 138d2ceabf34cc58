// The external LAN's configuration document (DESIGN.md fabric/: external Ethernet switches): switches,
// the cables from the managed systems' physical Ethernet ports to switch ports, and hosts on access ports.
// A cable's switch port is an 802.1Q trunk: `native` is its untagged VLAN (what the SEA's PVID must match),
// `vlans` the VLANs it carries tagged; cables with the same `group` form one port channel (the switch side
// of a VIOS link aggregation, vios.md §5.1).
import { z } from 'zod';

const Name = z.string().regex(/^[A-Za-z0-9_.-]{1,63}$/);
const Vlan = z.number().int().min(1).max(4094);

export const LanCableSchema = z.object({
  switch: Name,
  /** Physical port location code, e.g. U78C9.001.WZS0A1B-P1-C4-T1 */
  location: z.string().min(1),
  native: z.number().int().min(0).max(4094),
  vlans: z.union([z.literal('all'), z.array(Vlan)]),
  group: Name.optional(),
});

export const LanHostSchema = z.object({
  switch: Name,
  name: Name,
  ip: z.string(),
  prefix: z.number().int().min(1).max(32),
  vlan: Vlan,
  /** 12 upper-case hex digits. */
  mac: z.string().regex(/^[0-9A-F]{12}$/),
});

export const LanDocSchema = z.object({
  version: z.literal(1),
  switches: z.array(z.object({ name: Name })),
  cables: z.array(LanCableSchema),
  hosts: z.array(LanHostSchema),
});

export type LanDoc = z.infer<typeof LanDocSchema>;
export type LanCable = z.infer<typeof LanCableSchema>;
export type LanHostDef = z.infer<typeof LanHostSchema>;

export const emptyLanDoc = (): LanDoc => ({ version: 1, switches: [], cables: [], hosts: [] });
