// Which configuration objects depend on a device. One answer for every rule that asks "is it in use":
// mkvdev (a disk mapped or in a volume group, §2.9), SEA and link aggregation rules (§5, §5.1), rmdev
// (a backing adapter is not removed unless -recursive, §2.9), chdev (busy devices need -perm) and
// lspv -free (§2.8).
import type { ViosConfig } from './vios-config.ts';

export type UseKind = 'vtd' | 'vfc' | 'sea' | 'lnagg' | 'vlan' | 'vg';

export interface Use {
  kind: UseKind;
  /** The dependent object (a VTD, SEA, link aggregation, VLAN device, volume group, or the mapped peer). */
  name: string;
}

const WHAT: Record<UseKind, string> = {
  vtd: 'virtual target device',
  vfc: 'the virtual Fibre Channel mapping with',
  sea: 'Shared Ethernet Adapter',
  lnagg: 'link aggregation',
  vlan: 'VLAN device',
  vg: 'volume group',
};

export const describeUse = (u: Use): string => `${WHAT[u.kind]} "${u.name}"`;

/** The SEA's control channel adapter, if it has one (an attribute, §5). */
export const ctlChanOf = (cfg: ViosConfig, sea: string): string | undefined => cfg.attrs[sea]?.ctl_chan || undefined;

export function usersOf(cfg: ViosConfig, name: string): Use[] {
  const uses: Use[] = [];
  for (const t of cfg.vtds) if (t.backing === name || t.vhost === name) uses.push({ kind: 'vtd', name: t.name });
  for (const m of cfg.vfc) {
    if (m.vfchost === name) uses.push({ kind: 'vfc', name: m.fcs });
    if (m.fcs === name) uses.push({ kind: 'vfc', name: m.vfchost });
  }
  for (const s of cfg.seas) {
    if (s.realAdapter === name || s.virtAdapters.includes(name) || ctlChanOf(cfg, s.name) === name) uses.push({ kind: 'sea', name: s.name });
  }
  for (const l of cfg.lnaggs) if (l.adapters.includes(name) || l.backupAdapter === name) uses.push({ kind: 'lnagg', name: l.name });
  for (const v of cfg.vlans) if (v.base === name) uses.push({ kind: 'vlan', name: v.name });
  for (const g of cfg.vgs) if (g.pvs.includes(name)) uses.push({ kind: 'vg', name: g.name });
  return uses;
}

/** The volume group a disk belongs to. */
export const vgOfDisk = (cfg: ViosConfig, disk: string): string | undefined => cfg.vgs.find((g) => g.pvs.includes(disk))?.name;
