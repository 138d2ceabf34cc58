// Which configuration objects depend on a device. One answer for every rule that asks "is it in use":
// mkvdev (a disk mapped or in a volume group, §2.9), SEA and link aggregation rules (§5, §5.1), rmdev
// (a backing adapter is not removed unless -recursive, §2.9), chdev (busy devices need -perm) and
// lspv -free (§2.8). Besides the VIOS's own configuration, a disk or logical volume may be a paging space
// device of the shared memory pool (platform.md §5.4): that use comes from the platform (the environment's
// pagingDevices), and no padmin command may take such a device or remove it (paging-device.ts).
import type { ViosEnvironment } from './environment.ts';
import type { ViosConfig } from './vios-config.ts';

export type UseKind = 'vtd' | 'vfc' | 'sea' | 'lnagg' | 'vlan' | 'vg' | 'paging';

export interface Use {
  kind: UseKind;
  /**
   * The dependent object (a VTD, SEA, link aggregation, VLAN device, volume group, or the mapped peer); for
   * `paging`, the shared-memory partition paging to the device now ('' when none does).
   */
  name: string;
  /** `paging` on a disk whose volume group holds a paging logical volume: that logical volume. */
  via?: string;
}

/** What usersOf needs from the environment: the pool's paging space devices on this VIOS. */
export type PagingSource = Pick<ViosEnvironment, 'pagingDevices'>;

const WHAT: Record<Exclude<UseKind, 'paging'>, string> = {
  vtd: 'virtual target device',
  vfc: 'the virtual Fibre Channel mapping with',
  sea: 'Shared Ethernet Adapter',
  lnagg: 'link aggregation',
  vlan: 'VLAN device',
  vg: 'volume group',
};

export function describeUse(u: Use): string {
  if (u.kind !== 'paging') return `${WHAT[u.kind]} "${u.name}"`;
  const what = u.via ? `the shared memory pool through paging space device "${u.via}"` : 'the shared memory pool as a paging space device';
  return u.name ? `${what} of shared memory partition "${u.name}"` : what;
}

/** The SEA's control channel adapter, if it has one (an attribute, §5). */
export const ctlChanOf = (cfg: ViosConfig, sea: string): string | undefined => cfg.attrs[sea]?.ctl_chan || undefined;

export function usersOf(cfg: ViosConfig, name: string, env: PagingSource): Use[] {
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
  // Paging uses come last, so that the VIOS's own dependents are named first where both exist.
  for (const pg of env.pagingDevices) {
    const client = pg.client?.name ?? '';
    if (pg.device === name) uses.push({ kind: 'paging', name: client });
    // A paging logical volume lives on the disks of its volume group: they are not free either.
    else if (cfg.vgs.some((g) => g.pvs.includes(name) && g.lvs.some((l) => l.name === pg.device))) uses.push({ kind: 'paging', name: client, via: pg.device });
  }
  return uses;
}

/** The volume group a disk belongs to. */
export const vgOfDisk = (cfg: ViosConfig, disk: string): string | undefined => cfg.vgs.find((g) => g.pvs.includes(disk))?.name;
