// A VIOS device as a paging space device for Active Memory Sharing (platform.md §5.4: "a logical volume or
// whole disk on the paging VIOS"). The HMC asks the VIOS about the device when it is added to the shared
// memory pool; a device that a mapping, a volume group or a SEA already uses is not free (the checks of the
// VIOS prepdev command: "used as a backing device for virtual SCSI; used by a logical volume or volume group").
// Knowingly simplified: the 512-byte block size rule is not modelled (every simulated disk qualifies).
//
// Once in the pool, the device is the hypervisor's: the VIOS refuses to map it, put it in a volume group,
// delete it (rmlv through rmvdev -rmlv, rmdev) or unconfigure it, -f and -recursive notwithstanding, until
// the HMC removes it from the pool (chhwres -r mempool --rsubtype pgdev -o r). The real VIOS is believed to
// keep paging devices of its own (vrmpageN, not in the reference: UNCERTAIN) that claim the disk; the
// simulated VIOS has no such devices and asks the platform instead (ViosEnvironment.pagingDevices, read
// afresh for every command, so the VIOS and the pool never disagree; device-usage.ts).
import type { PagingDeviceInfo } from '../../platform/fsp/partition-os-host.ts';
import type { DeviceTree } from './device-tree.ts';
import { describeUse, usersOf, type Use } from './device-usage.ts';
import type { ViosConfig } from './vios-config.ts';
import { fail, VIOS_MSG } from './vios-errors.ts';

/** Refuses when `uses` (usersOf `device`) include a paging space device of the shared memory pool. */
export function refusePagingUse(device: string, uses: readonly Use[]): void {
  const paging = uses.find((u) => u.kind === 'paging');
  if (paging) fail(VIOS_MSG.pagingDevice(device, describeUse(paging)));
}

export function pagingDeviceInfo(tree: DeviceTree, cfg: ViosConfig, name: string): PagingDeviceInfo | null {
  const d = tree.get(name);
  if (!d) return null;
  const uses = usersOf(cfg, name, tree.env);
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
