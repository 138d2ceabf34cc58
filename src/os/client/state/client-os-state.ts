// What a client partition's AIX keeps about its devices between boots, as its ODM does: the devices it has
// configured (name, Available/Defined, which virtual adapter or disk each is), the MPIO paths of each disk
// with their last seen state, PVIDs, attributes changed by chdev, and the error log (errpt). Persisted per
// partition in an NvramStore ("persisted like NVRAM", as the VIOS configuration: DESIGN.md "State and where
// it lives") under its own key; the network configuration (net/net-config.ts) shares the store under
// another key.
import { z } from 'zod';
import type { NvramStore } from '../../../platform/fsp/nvram.ts';

/** Device kinds the OS names from what the hypervisor offers (device-config.ts; devices.ts answers with them): adapters and disks. */
export const DEVICE_KINDS = ['ent', 'vscsi', 'fcs', 'hdisk'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/**
 * An MPIO path (lspath): through a client adapter (by its device name) to a VIOS. Enabled and Failed
 * follow the path's health (the health check notices a VIOS going away and coming back); a path known
 * before a boot but not found at the boot stays Defined until cfgmgr finds it again.
 */
const PathSchema = z.object({
  parent: z.string(),
  vios: z.string(),
  status: z.enum(['Enabled', 'Failed', 'Defined']),
});
export type PathRecord = z.infer<typeof PathSchema>;

const DeviceSchema = z.object({
  name: z.string(),
  kind: z.enum(DEVICE_KINDS),
  status: z.enum(['Available', 'Defined']),
  /** Adapters: the virtual slot of the adapter in this partition. */
  slot: z.number().int().optional(),
  /** Disks: the unique id (what makes it the same disk on every path and after a reboot). */
  uid: z.string().optional(),
  label: z.string().optional(),
  transport: z.enum(['vscsi', 'vfc']).optional(),
  paths: z.array(PathSchema).optional(),
});
export type DeviceRecord = z.infer<typeof DeviceSchema>;

const ErrSchema = z.object({
  seq: z.number().int(),
  /** A key of ERRPT_TEMPLATES (data/errpt-templates.ts). */
  template: z.string(),
  time: z.number(),
  resource: z.string(),
  /** Detail data lines (errpt -a). */
  detail: z.array(z.string()),
  location: z.string(),
});
export type ErrRecord = z.infer<typeof ErrSchema>;

export const ClientOsStateSchema = z.object({
  version: z.literal(1),
  /** The partition this state belongs to: a partition created later with the same id starts afresh. */
  uuid: z.string(),
  /** The activation (RunningAllocation.activated_at) the configuration was last built at: a new one is a boot. */
  bootedAt: z.number().nullable(),
  devices: z.array(DeviceSchema),
  /** Disk uid → PVID (chdev -a pv=yes). */
  pvids: z.record(z.string(), z.string()),
  /** Device name → attributes changed by chdev. */
  attrs: z.record(z.string(), z.record(z.string(), z.string())),
  errlog: z.array(ErrSchema),
  nextSeq: z.number().int(),
});
export type ClientOsState = z.infer<typeof ClientOsStateSchema>;

/** How many error log entries are kept (AIX bounds the log by size; SIM: by count, oldest dropped first). */
export const ERRLOG_KEEP = 500;

const KEY = 'client-devices';

export const emptyState = (uuid: string): ClientOsState =>
  ({ version: 1, uuid, bootedAt: null, devices: [], pvids: {}, attrs: {}, errlog: [], nextSeq: 1 });

/** The stored state; an empty one when nothing (or something unreadable) is stored: the OS then configures afresh. */
export function loadClientState(store: NvramStore, uuid: string): ClientOsState {
  const loaded = store.load();
  if (loaded.kind !== 'ok') return emptyState(uuid);
  const parsed = ClientOsStateSchema.safeParse(loaded.entries.get(KEY));
  return parsed.success && parsed.data.uuid === uuid ? parsed.data : emptyState(uuid);
}

export function saveClientState(store: NvramStore, state: ClientOsState): void {
  store.commit([[KEY, state]], []);
}
