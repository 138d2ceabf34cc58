// The SAN as one plain JSON document: what the storage administrator configured (switches, zoning,
// arrays, LUN masking) and who is logged in to the fabric. The schema is what SanStore checks on load,
// so a hand-edited or damaged file is refused rather than half-read; unknown keys are rejected.
import { z } from 'zod';

const Wwpn = z.string().regex(/^[0-9a-f]{16}$/);
const Name = z.string().min(1);

/** A host's physical FC port plugged into a switch port (the platform connects it; vios.md §2.7). */
const HostConnection = z.strictObject({
  port: z.number().int().nonnegative(),
  kind: z.literal('host'),
  /** The host port's location code, e.g. U78D2.001.WZS01AB-P1-C6-T1. */
  location: Name,
  wwpn: Wwpn,
  /** The adapter supports NPIV (8 Gb+ adapters, vios.md §4). */
  npivCapable: z.boolean(),
  /** tports: NPIV logins the port accepts (64 on 16 Gb and slower adapters, vios.md §4). */
  npivLimit: z.number().int().nonnegative(),
});

/** One target port of a storage array plugged into a switch port. */
const ArrayConnection = z.strictObject({
  port: z.number().int().nonnegative(),
  kind: z.literal('array'),
  array: Name,
  arrayPort: z.number().int().nonnegative(),
  wwpn: Wwpn,
});

const Zone = z.strictObject({ name: Name, members: z.array(Wwpn) });
const ZoneSet = z.strictObject({ name: Name, zones: z.array(Name) });

const FcSwitch = z.strictObject({
  name: Name,
  npiv: z.boolean(),
  portCount: z.number().int().positive(),
  connections: z.array(z.discriminatedUnion('kind', [HostConnection, ArrayConnection])),
  zones: z.array(Zone),
  zoneSets: z.array(ZoneSet),
  activeZoneSet: Name.nullable(),
});

const Lun = z.strictObject({
  id: z.number().int().nonnegative(),
  name: Name,
  sizeMB: z.number().int().positive(),
  uid: z.string().regex(/^[0-9A-F]{32}$/),
  /** LUN masking: the initiator WWPNs this LUN is presented to. */
  hosts: z.array(Wwpn),
});

const StorageArray = z.strictObject({
  name: Name,
  /** Target port WWPNs; the index is the array's port number. */
  ports: z.array(Wwpn),
  luns: z.array(Lun),
});

/** A fabric login: FLOGI of a physical port (initiator === via) or FDISC of an NPIV initiator through it. */
const Login = z.strictObject({ initiator: Wwpn, via: Wwpn });

export const SanDocSchema = z.strictObject({
  version: z.literal(1),
  /** Seed of the generated ids (array target WWPNs, LUN uids): the same lab always gives the same ids. */
  seed: z.string(),
  switches: z.array(FcSwitch),
  arrays: z.array(StorageArray),
  logins: z.array(Login),
});

export type HostConnection = z.infer<typeof HostConnection>;
export type ArrayConnection = z.infer<typeof ArrayConnection>;
export type Connection = HostConnection | ArrayConnection;
export type Zone = z.infer<typeof Zone>;
export type ZoneSet = z.infer<typeof ZoneSet>;
export type FcSwitch = z.infer<typeof FcSwitch>;
export type Lun = z.infer<typeof Lun>;
export type StorageArray = z.infer<typeof StorageArray>;
export type Login = z.infer<typeof Login>;
export type SanDoc = z.infer<typeof SanDocSchema>;

export const emptySanDoc = (seed: string): SanDoc => ({ version: 1, seed, switches: [], arrays: [], logins: [] });
