// A VIOS's own device configuration (DESIGN.md "State and where it lives": per VIOS, persisted like
// NVRAM). Everything the padmin commands create or change lives here: device name assignments (§1.1),
// vSCSI and vFC mappings (§2.3, §2.4), SEAs, link aggregations and VLAN devices (§2.9, §5), volume groups,
// changed attributes, PVIDs and the license state. Hardware itself comes from the ViosEnvironment.
// Commands work on a clone and only a successful command is committed, so a refusal changes nothing.
import { z } from 'zod';
import type { NvramStore } from '../../platform/fsp/nvram.ts';

const Name = z.string().min(1);
const Attrs = z.record(z.string(), z.string());

export const ViosConfigSchema = z.object({
  version: z.literal(1),
  /** Hardware identity (device-names.ts keys) → AIX device name; kept until rmdev deletes the device. */
  names: z.array(z.object({ key: z.string(), name: Name })),
  /** Devices put in the Defined state by `rmdev -ucfg`; cfgdev makes them Available again. */
  defined: z.array(Name),
  /** Disk unique id → PVID (written on the disk by mkvg or `chdev -attr pv=yes`). */
  pvids: z.record(z.string(), z.string()),
  /** Device name → attributes changed by chdev (or given at creation with -attr). */
  attrs: z.record(z.string(), Attrs),
  /** Virtual target devices; `lun` is the 1-based position on the vhost (0x81… = 1). */
  vtds: z.array(z.object({ name: Name, vhost: Name, backing: Name, kind: z.enum(['disk', 'lv']), lun: z.number().int().min(1) })),
  /** vfcmap: vfchost → physical FC port (fcsN). */
  vfc: z.array(z.object({ vfchost: Name, fcs: Name })),
  seas: z.array(z.object({ name: Name, realAdapter: Name, virtAdapters: z.array(Name), pvidAdapter: Name, pvid: z.number().int() })),
  lnaggs: z.array(z.object({ name: Name, adapters: z.array(Name), backupAdapter: z.string().optional() })),
  vlans: z.array(z.object({ name: Name, base: Name, tagId: z.number().int() })),
  vgs: z.array(z.object({
    name: Name, vgid: z.string(), ppSizeMB: z.number().int().positive(), pvs: z.array(Name),
    lvs: z.array(z.object({
      name: Name, type: z.string(), pps: z.number().int().positive(),
      /**
       * Where the LV's PPs are (lv-layout.ts): runs of `count` PPs from PP `pp` (1-based) of PV `pv`, written
       * by mklv. Absent in configurations saved before it was kept: lv-layout.ts then places the LV as
       * those did (creation order), so their data stays where it was.
       */
      extents: z.array(z.object({ pv: Name, pp: z.number().int().min(1), count: z.number().int().positive() })).optional(),
    })),
  })),
  licenseAccepted: z.boolean(),
});

export type ViosConfig = z.infer<typeof ViosConfigSchema>;
export type VtdConfig = ViosConfig['vtds'][number];
export type SeaConfig = ViosConfig['seas'][number];
export type LnaggConfig = ViosConfig['lnaggs'][number];
export type VgConfig = ViosConfig['vgs'][number];

export const emptyViosConfig = (): ViosConfig => ({
  version: 1, names: [], defined: [], pvids: {}, attrs: {}, vtds: [], vfc: [], seas: [], lnaggs: [], vlans: [], vgs: [],
  licenseAccepted: false,
});

const KEY = 'vios-config';

/**
 * The stored configuration. A missing store is a freshly installed VIOS; an unreadable one is treated the
 * same way (like a reinstalled VIOS) and reported in `problem`, so that the platform can surface it.
 */
export function loadViosConfig(store: NvramStore): { config: ViosConfig; problem?: string } {
  const loaded = store.load();
  if (loaded.kind === 'missing') return { config: emptyViosConfig() };
  if (loaded.kind === 'corrupt') return { config: emptyViosConfig(), problem: `configuration store corrupt: ${loaded.reason}` };
  const raw = loaded.entries.get(KEY);
  if (raw === undefined) return { config: emptyViosConfig() };
  const parsed = ViosConfigSchema.safeParse(raw);
  if (!parsed.success) return { config: emptyViosConfig(), problem: `configuration not valid: ${parsed.error.message}` };
  return { config: parsed.data };
}

export function saveViosConfig(store: NvramStore, config: ViosConfig): void {
  store.commit([[KEY, config]], []);
}
