// Virtual SCSI mappings (vios.md §2.3, §2.9): a virtual target device (VTD) joins a backing device (hdisk
// or logical volume) to a vhost. The N-th mapping on a vhost gets LUN 0x8N… (the lowest free position);
// a backing device is never mapped twice to the same vhost, and a disk mapped elsewhere or in a volume
// group needs -f (SIM-RULE §2.9, dual-VIOS practice §6 maps a LUN once per VIOS).
import type { DeviceTree } from './device-tree.ts';
import type { ViosConfig, VtdConfig } from './vios-config.ts';
import type { ViosSettings } from './vios-settings.ts';
import { nextFreeName, usedNames, validDeviceName } from './device-names.ts';
import { describeUse, usersOf } from './device-usage.ts';
import { refusePagingUse } from './paging-device.ts';
import { fail, VIOS_MSG } from './vios-errors.ts';

export interface MappingRequest { vdev: string; vhost: string; name?: string; force: boolean }

export function planMapping(req: MappingRequest, tree: DeviceTree, cfg: ViosConfig, settings: ViosSettings): VtdConfig {
  const vhost = tree.get(req.vhost);
  if (!vhost || vhost.cls !== 'vhost') fail(VIOS_MSG.notVhost(req.vhost));
  if (vhost.status !== 'Available') fail(VIOS_MSG.noDevice(req.vhost));
  const dev = tree.get(req.vdev);
  if (!dev || dev.status !== 'Available') fail(VIOS_MSG.noDevice(req.vdev));
  if (dev.cls !== 'hdisk' && dev.cls !== 'lv') fail(VIOS_MSG.wrongType(req.vdev, 'a disk or a logical volume'));

  const onVhost = cfg.vtds.find((t) => t.backing === req.vdev && t.vhost === req.vhost);
  if (onVhost) fail(VIOS_MSG.sameVhostTwice(req.vdev, req.vhost, onVhost.name));
  const all = usersOf(cfg, req.vdev, tree.env);
  refusePagingUse(req.vdev, all); // never, not even with -f (paging-device.ts)
  const uses = all.filter((u) => u.kind === 'vtd' || u.kind === 'vg');
  if (uses.length > 0 && !req.force) fail(VIOS_MSG.diskInUse(req.vdev, describeUse(uses[0])));

  const used = usedNames(cfg);
  let name: string;
  if (req.name !== undefined) {
    if (!validDeviceName(req.name)) fail(VIOS_MSG.badName(req.name));
    if (used.has(req.name) || tree.get(req.name)) fail(VIOS_MSG.nameInUse(req.name));
    name = req.name;
  } else {
    name = nextFreeName('vtscsi', used);
  }

  const luns = new Set(cfg.vtds.filter((t) => t.vhost === req.vhost).map((t) => t.lun));
  let lun = 1;
  while (luns.has(lun)) lun++;
  if (lun > settings.maxVtdsPerVhost) fail(VIOS_MSG.vtdLimit(req.vhost, settings.maxVtdsPerVhost));
  return { name, vhost: req.vhost, backing: req.vdev, kind: dev.cls === 'lv' ? 'lv' : 'disk', lun };
}

/** VTDs of a vhost in listing order: by VTD name, not by LUN (VERIFIED, §2.3). */
export function vtdsOf(cfg: ViosConfig, vhost: string, compare: (a: string, b: string) => number): VtdConfig[] {
  return cfg.vtds.filter((t) => t.vhost === vhost).sort((a, b) => compare(a.name, b.name));
}
