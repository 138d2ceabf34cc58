// How `dd` reaches a disk: by the name this OS gave it (hdiskN, state/), opened through the block path of
// PartitionOses (blockDevice: the disk's working path down to the storage volume; disk-paths.ts). Two
// device files per disk, as on AIX: /dev/rhdiskN is the raw disk, where every transfer must be whole
// 512-byte sectors (EINVAL otherwise, block-device.ts); /dev/hdiskN is the block device, where any offset and
// length work (AIX goes through the buffer cache; we read and rewrite the sectors around the bytes).
// Reads stop at the end of the disk (end of file for dd); writes past it fail with ENXIO.
import { SECTOR } from '../../../fabric/storage/block-store.ts';
import { BlockIoError } from '../errno.ts';
import type { ClientCtx } from '../shell/client-command.ts';

export interface DiskHandle {
  name: string;
  sizeBytes: number;
  /** Up to `length` bytes at `offset` (fewer at the end of the disk; none past it). */
  read(offset: number, length: number): Buffer;
  write(offset: number, data: Buffer): void;
}

export interface BlockAccess {
  /** Open `hdiskN` (raw: /dev/rhdiskN). Throws BlockIoError (ENOENT, ENXIO, EIO). */
  open(ctx: ClientCtx, name: string, raw: boolean): DiskHandle;
}

const down = (n: number): number => Math.floor(n / SECTOR) * SECTOR;
const up = (n: number): number => Math.ceil(n / SECTOR) * SECTOR;

export const platformBlockAccess: BlockAccess = {
  open(ctx, name, raw) {
    const rec = ctx.oses.client(ctx.p).device(name);
    if (!rec || rec.kind !== 'hdisk' || rec.uid === undefined) throw new BlockIoError('ENOENT', `${ctx.p.def.name} has no configured disk ${name}`);
    if (rec.status !== 'Available') throw new BlockIoError('ENXIO', `${name} is Defined, not Available`);
    // The block path names disks as this OS configured them (devices.ts): the same name is the same disk.
    const dev = ctx.oses.blockDevice(ctx.p.def.lpar_id, name);
    const size = dev.sizeBytes;
    return {
      name,
      sizeBytes: size,
      read(offset, length) {
        const end = Math.min(size, offset + length);
        if (end <= offset) return Buffer.alloc(0);
        if (raw) return dev.read(offset, end - offset);
        const from = down(offset);
        return dev.read(from, Math.min(size, up(end)) - from).subarray(offset - from, end - from);
      },
      write(offset, data) {
        if (offset + data.length > size) throw new BlockIoError('ENXIO', `${name}: write past the end of the disk`);
        if (raw || (offset % SECTOR === 0 && data.length % SECTOR === 0)) { dev.write(offset, data); return; }
        const from = down(offset);
        const sectors = dev.read(from, up(offset + data.length) - from);
        data.copy(sectors, offset - from);
        dev.write(from, sectors);
      },
    };
  },
};
