// An open disk device (`/dev/hdiskN` as `dd` opens it): bound to the disk's unique id when opened, so it
// stays the same disk whatever happens to device names later. Every transfer goes down the disk's route —
// the first working path (AIX MPIO over vSCSI is failover-only, vios.md §3) resolved to regions of storage
// volumes (disk-paths.ts). The route is cached and re-resolved only when the I/O generation moves (a
// system, VIOS or SAN change), so a transfer costs one integer comparison, a range check and the
// positional I/O itself. Raw-disk rules: offsets and lengths are whole 512-byte sectors (EINVAL), a
// transfer must lie inside the disk (ENXIO), and a disk with no working path fails with EIO.
import { SECTOR, type Volume } from '../../fabric/storage/block-store.ts';
import { BlockIoError } from './errno.ts';

/** A region of a storage volume; a route's segments laid end to end make the disk. */
export interface Segment { volume: Volume; start: number; length: number }

/** One working path to a disk and where its bytes are. */
export interface DiskRoute {
  kind: 'vscsi' | 'vfc' | 'local';
  /** The client's virtual adapter slot (vscsiN / fcsN), or -1 for a VIOS's own disk. */
  adapterSlot: number;
  /** The VIOS the path goes through. */
  vios: string;
  sizeBytes: number;
  segments: Segment[];
}

/** Where devices get their routes: a generation that moves on any change, and the route to a disk now. */
export interface RouteSource {
  readonly generation: number;
  route(owner: number, uid: string): DiskRoute | undefined;
}

export interface BlockDevice {
  /** hdiskN as named when opened. */
  readonly name: string;
  /** The disk's unique id (lsattr unique_id). */
  readonly uid: string;
  readonly sizeBytes: number;
  /** `length` bytes at `offset` (a new buffer). */
  read(offset: number, length: number): Buffer;
  /** Read into `into[at..at+length)` without allocating. */
  readInto(offset: number, into: Buffer, at?: number, length?: number): void;
  /** Write `data[at..at+length)` (all of `data` by default) at `offset`. */
  write(offset: number, data: Buffer, at?: number, length?: number): void;
  /** Make what was written durable (dd conv=fsync); writes already are when the store syncs. */
  sync(): void;
  /** The path the next transfer takes, or undefined when no path works. */
  activePath(): { kind: DiskRoute['kind']; adapterSlot: number; vios: string } | undefined;
}

export class OpenDisk implements BlockDevice {
  private gen = -1;
  private cached: DiskRoute | undefined;

  /** The disk `uid` of partition `owner`, opened as `name`. */
  constructor(private readonly source: RouteSource, private readonly owner: number, readonly name: string, readonly uid: string, readonly sizeBytes: number) {}

  read(offset: number, length: number): Buffer {
    const buf = Buffer.allocUnsafe(length);
    this.readInto(offset, buf, 0, length);
    return buf;
  }

  readInto(offset: number, into: Buffer, at = 0, length = into.length - at): void {
    this.check(offset, length, at, into.length);
    transfer(this.route(offset + length), offset, into, at, length, false);
  }

  write(offset: number, data: Buffer, at = 0, length = data.length - at): void {
    this.check(offset, length, at, data.length);
    transfer(this.route(offset + length), offset, data, at, length, true);
  }

  sync(): void {
    for (const s of this.route(0).segments) s.volume.sync();
  }

  activePath(): { kind: DiskRoute['kind']; adapterSlot: number; vios: string } | undefined {
    this.refresh();
    const r = this.cached;
    return r && { kind: r.kind, adapterSlot: r.adapterSlot, vios: r.vios };
  }

  private refresh(): void {
    if (this.gen === this.source.generation) return;
    this.cached = this.source.route(this.owner, this.uid);
    this.gen = this.source.generation; // read after: resolving may itself bring the SAN logins up to date
  }

  private route(end: number): DiskRoute {
    this.refresh();
    const r = this.cached;
    if (!r) throw new BlockIoError('EIO', `${this.name}: no working path to disk ${this.uid}`);
    if (end > r.sizeBytes) throw new BlockIoError('EIO', `${this.name}: the path through ${r.vios} reaches only ${r.sizeBytes} bytes`);
    return r;
  }

  /** The transfer of `length` bytes at disk `offset`, from or to `buf[at..]` of a buffer of `bufLength` bytes. */
  private check(offset: number, length: number, at: number, bufLength: number): void {
    const whole = Number.isSafeInteger(offset) && Number.isSafeInteger(length) && Number.isSafeInteger(at);
    if (!whole || offset < 0 || length < 0 || at < 0 || at + length > bufLength) {
      throw new BlockIoError('EINVAL', `${this.name}: bad transfer of ${length} bytes at ${offset}`);
    }
    if (offset % SECTOR !== 0 || length % SECTOR !== 0) {
      throw new BlockIoError('EINVAL', `${this.name}: ${length} bytes at ${offset} is not whole ${SECTOR}-byte sectors`);
    }
    if (offset + length > this.sizeBytes) {
      throw new BlockIoError('ENXIO', `${this.name}: ${length} bytes at ${offset} go past the end of the disk (${this.sizeBytes} bytes)`);
    }
  }
}

/** Move bytes between `buf[at..at+length)` and the disk region starting at `offset` of the route. */
function transfer(r: DiskRoute, offset: number, buf: Buffer, at: number, length: number, write: boolean): void {
  const segs = r.segments;
  if (segs.length === 1) {
    const s = segs[0];
    if (write) s.volume.write(buf, at, length, s.start + offset); else s.volume.read(buf, at, length, s.start + offset);
    return;
  }
  let base = 0;
  for (let i = 0; i < segs.length && length > 0; i++) {
    const s = segs[i];
    const end = base + s.length;
    if (offset < end) {
      const n = Math.min(length, end - offset);
      const pos = s.start + (offset - base);
      if (write) s.volume.write(buf, at, n, pos); else s.volume.read(buf, at, n, pos);
      offset += n; at += n; length -= n;
    }
    base = end;
  }
}
