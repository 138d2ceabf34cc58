// The VIOS end of a virtual SCSI path (vios.md §2.3): a LUN on a vhost is a virtual target device, and
// what it reads and writes is its backing device — a whole disk the VIOS sees (internal SAS disk or SAN
// LUN through the VIOS's own FC ports) or a logical volume, which is a region of its VG's disks
// (lv-layout.ts). A backing disk the VIOS cannot see now (unmasked, adapter gone) answers no I/O.
import type { ViosOs } from './vios-os.ts';
import { findLv, lvDiskUid, lvLayout, type Extent } from './lv-layout.ts';

const MB = 1 << 20;

/** A run of bytes on a disk, with the size of that disk (the storage file is sized by it). */
export interface BackingExtent extends Extent { diskBytes: number }

export interface BackingTarget {
  sizeBytes: number;
  extents: BackingExtent[];
  /** The backing device's name on the VIOS (hdisk4, lv00), for messages. */
  backing: string;
}

/** What one VIOS can reach now: its disks by uid with their sizes (one environment read per resolution). */
export class ViosStorage {
  private readonly sizeMB = new Map<string, number>();
  constructor(private readonly os: ViosOs) {
    const env = os.environment();
    for (const d of [...env.physicalAdapters.flatMap((a) => a.disks), ...env.sanDisks]) this.sizeMB.set(d.uid, d.sizeMB);
  }

  /** The VTD on vhost slot `vhostSlot` that presents disk `uid` to the client, resolved to its bytes. */
  vscsiTarget(vhostSlot: number, uid: string): BackingTarget | undefined {
    for (const m of this.os.vscsiMappings()) {
      if (m.vhostSlot !== vhostSlot) continue;
      if ('uid' in m.disk) {
        if (m.disk.uid === uid) return this.wholeDisk(m.disk.uid, m.vtd);
        continue;
      }
      const at = findLv(this.os.volumeGroups(), m.disk.lv);
      if (!at || lvDiskUid(at.vg.vgid, m.disk.lv) !== uid) continue;
      const layout = lvLayout(at.vg, at.index, (pv) => {
        const pvUid = this.os.diskUidOf(pv);
        const size = pvUid === undefined ? undefined : this.sizeMB.get(pvUid);
        return pvUid === undefined || size === undefined ? undefined : { uid: pvUid, sizeMB: size };
      });
      if (!layout) return undefined;
      return {
        sizeBytes: layout.sizeBytes,
        extents: layout.extents.map((e) => ({ ...e, diskBytes: this.sizeMB.get(e.uid)! * MB })),
        backing: m.disk.lv,
      };
    }
    return undefined;
  }

  /** One of the VIOS's own disks (padmin reading hdiskN), by its unique id. */
  diskTarget(uid: string): BackingTarget | undefined {
    return this.wholeDisk(uid, uid);
  }

  private wholeDisk(uid: string, backing: string): BackingTarget | undefined {
    const mb = this.sizeMB.get(uid);
    if (mb === undefined) return undefined;
    const bytes = mb * MB;
    return { sizeBytes: bytes, extents: [{ uid, start: 0, length: bytes, diskBytes: bytes }], backing };
  }
}
