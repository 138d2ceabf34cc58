// What a client learns about a disk through one of its paths (SCSI inquiry and read capacity, in effect):
// the LUN id and, for NPIV, the target port; the size; and so the location codes lscfg and errpt show.
//   vSCSI: the VTD's LUN on the vhost the client adapter is paired with (lsmap's 0x8100000000000000),
//          location `<vscsi adapter>-L8100000000000000`;
//   vFC:   the SAN's target WWPN and LUN id as the client's own WWPN sees them, location
//          `<fcs adapter>-W<target>-L<lun>` (vios.md §2.3, the same form the VIOS shows for its SAN disks).
// Adapters are `U<type>.<model>.<serial>-V<lpar id>-C<slot>-T1` (platform naming). A path that is down
// answers nothing: the facts come from the first path that answers.
import { findModel } from '../../platform/catalog/model-catalog.ts';
import { virtualLocationCode } from '../../platform/naming.ts';
import { findLv, lvDiskUid } from '../vios/lv-layout.ts';
import { ViosStorage } from '../vios/vscsi-target.ts';
import { VisibilityContext } from './visibility.ts';
import type { DeviceRecord, PathRecord } from './state/client-os-state.ts';
import type { ClientCtx } from './shell/client-command.ts';

const MB = 1 << 20;

export interface PathFacts {
  /** `0x8100000000000000` (vSCSI) or the SAN LUN in the same 16-digit form (vFC). */
  lun: string;
  targetWwpn?: string;
  location: string;
  sizeMB: number;
}

/** The location code of the client's virtual adapter in `slot` (its port T1 unless `port` is null). */
export function adapterLocation(ctx: Pick<ClientCtx, 'sys' | 'p'>, slot: number, port: number | null = 1): string {
  const model = findModel(ctx.sys.hw.mtm);
  const [type, mdl] = model ? [model.machineType, model.model] : ctx.sys.hw.mtm.split('-');
  return virtualLocationCode(type, mdl, ctx.sys.hw.serial, ctx.p.def.lpar_id, slot, port ?? undefined);
}

/** The facts of a disk through one path, or undefined when the path does not answer now. */
export function pathFacts(ctx: ClientCtx, disk: DeviceRecord, path: PathRecord, adapters: readonly DeviceRecord[]): PathFacts | undefined {
  const slot = adapters.find((a) => a.name === path.parent)?.slot;
  const vios = ctx.sys.partitionByName(path.vios);
  const io = ctx.p.run.alloc?.virtual_io;
  if (slot === undefined || !vios || vios.run.state !== 'Running' || !io || disk.uid === undefined) return undefined;
  const loc = adapterLocation(ctx, slot);
  if (disk.transport === 'vscsi') {
    const a = io.scsi.find((x) => x.adapter_type === 'client' && x.slot === slot);
    if (!a || a.remote_slot_num === null) return undefined;
    const os = ctx.oses.vios(vios);
    const m = os.vscsiMappings().find((x) => x.vhostSlot === a.remote_slot_num && ('uid' in x.disk
      ? x.disk.uid === disk.uid
      : ((at) => !!at && lvDiskUid(at.vg.vgid, x.disk.lv) === disk.uid)(findLv(os.volumeGroups(), x.disk.lv))));
    const target = m && new ViosStorage(os).vscsiTarget(m.vhostSlot, disk.uid);
    if (!m || !target) return undefined;
    const lun = m.lun;
    return { lun, location: `${loc}-L${lun.slice(2).toUpperCase()}`, sizeMB: Math.floor(target.sizeBytes / MB) };
  }
  const a = io.fc.find((x) => x.adapter_type === 'client' && x.slot === slot);
  if (!a?.wwpns || a.remote_slot_num === null) return undefined;
  const port = new VisibilityContext(ctx.sys, ctx.oses).vios(vios).vfcPort.get(a.remote_slot_num);
  const l = port === undefined ? undefined : ctx.oses.access.visibleLuns(a.wwpns[0], port).find((x) => x.uid === disk.uid);
  if (!l) return undefined;
  const location = ctx.oses.access.lunLocation(loc, l.targetWwpn, l.lunId);
  return { lun: `0x${location.slice(location.lastIndexOf('-L') + 2).toLowerCase()}`, targetWwpn: l.targetWwpn, location, sizeMB: l.sizeMB };
}

/** The first answer among the disk's paths (Enabled ones first), or undefined when none answers. */
export function diskFacts(ctx: ClientCtx, disk: DeviceRecord, adapters: readonly DeviceRecord[]): PathFacts | undefined {
  const paths = [...(disk.paths ?? [])].sort((x, y) => Number(y.status === 'Enabled') - Number(x.status === 'Enabled'));
  for (const p of paths) {
    const f = pathFacts(ctx, disk, p, adapters);
    if (f) return f;
  }
  return undefined;
}

/** Where a disk is, even when no path answers: the location through its first path's adapter. */
export function diskLocation(ctx: ClientCtx, disk: DeviceRecord, adapters: readonly DeviceRecord[]): string {
  const f = diskFacts(ctx, disk, adapters);
  if (f) return f.location;
  const slot = adapters.find((a) => a.name === disk.paths?.[0]?.parent)?.slot;
  return slot === undefined ? '' : adapterLocation(ctx, slot);
}

/** lspath's connection field: the LUN for vSCSI, `target,lun` for vFC (UNCERTAIN: AIX's exact form). */
export function pathConnection(f: PathFacts | undefined): string {
  if (!f) return '';
  const lun = f.lun.slice(2).replace(/0+$/, '') || '0';
  return f.targetWwpn ? `${f.targetWwpn.toLowerCase()},${lun}` : lun.padEnd(12, '0');
}
