// A VIOS device as a paging space device for Active Memory Sharing (platform.md §5.4: "a logical volume or
// whole disk on the paging VIOS"). The HMC asks the VIOS about the device when it is added to the shared
// memory pool; a device that a mapping, a volume group or a SEA already uses is not free (the checks of the
// VIOS prepdev command: "used as a backing device for virtual SCSI; used by a logical volume or volume group").
// Knowingly simplified: the 512-byte block size rule is not modelled (every simulated disk qualifies).
import type { PagingDeviceInfo } from '../../platform/fsp/partition-os-host.ts';
import type { DeviceTree } from './device-tree.ts';
import { describeUse, usersOf } from './device-usage.ts';
import type { ViosConfig } from './vios-config.ts';

export function pagingDeviceInfo(tree: DeviceTree, cfg: ViosConfig, name: string): PagingDeviceInfo | null {
  const d = tree.get(name);
  if (!d) return null;
  const uses = usersOf(cfg, name);
  const inUse = d.status === 'Defined' ? 'the Defined state' : uses.length ? describeUse(uses[0]) : null;
  if (d.cls === 'hdisk' && d.disk) return { sizeMB: d.disk.sizeMB, type: 'phys', location: d.location, inUse };
  if (d.cls === 'lv') {
    for (const g of cfg.vgs) {
      const lv = g.lvs.find((l) => l.name === name);
      if (lv) return { sizeMB: lv.pps * g.ppSizeMB, type: 'logical', location: '', inUse };
    }
  }
  return null;
}
