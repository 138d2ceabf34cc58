// Disk contents on disk (DESIGN.md: "sparse files, one per disk or LUN"): `<dataDir>/storage/<uid>.img`,
// extended to the disk's size with ftruncate (so never-written regions are holes that read as zeros) and
// read and written with positional I/O on a descriptor kept open for the life of the store.
// Durability follows the simulator's `fsync` option, as NVRAM and the SAN document do: with it on, a
// write returns only after fdatasync, because a raw-disk write acknowledged to a client must survive a
// crash (DESIGN.md "Nothing acknowledged to a client may be lost"); tests and benchmarks on throw-away
// directories turn it off and get the page cache's speed.
import { closeSync, constants, fdatasyncSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { assertInside, volumeFileName, type BlockStore, type Volume } from './block-store.ts';

class FileVolume implements Volume {
  constructor(readonly uid: string, public sizeBytes: number, public fd: number, private readonly durable: boolean) {}

  read(into: Buffer, at: number, length: number, position: number): void {
    assertInside(this, position, length);
    while (length > 0) {
      const n = readSync(this.fd, into, at, length, position);
      if (n === 0) { into.fill(0, at, at + length); return; } // past the file's end (cannot happen once sized): zeros
      position += n; at += n; length -= n;
    }
  }

  write(from: Buffer, at: number, length: number, position: number): void {
    assertInside(this, position, length);
    while (length > 0) {
      const n = writeSync(this.fd, from, at, length, position);
      position += n; at += n; length -= n;
    }
    if (this.durable) fdatasyncSync(this.fd);
  }

  sync(): void { fdatasyncSync(this.fd); }
}

export class FileBlockStore implements BlockStore {
  private readonly volumes = new Map<string, FileVolume>();
  private readonly dir: string;
  private readonly fsync: boolean;
  private made = false;

  /** `dir` is `<dataDir>/storage`; `fsync: false` for tests and benchmarks on throw-away directories. */
  constructor(opts: { dir: string; fsync?: boolean }) {
    this.dir = opts.dir;
    this.fsync = opts.fsync !== false;
  }

  volume(uid: string, sizeBytes: number): FileVolume {
    const v = this.volumes.get(uid);
    if (v) {
      if (sizeBytes > v.sizeBytes) { ftruncateSync(v.fd, sizeBytes); v.sizeBytes = sizeBytes; }
      return v;
    }
    if (!this.made) { mkdirSync(this.dir, { recursive: true }); this.made = true; }
    const fd = openSync(join(this.dir, volumeFileName(uid)), constants.O_RDWR | constants.O_CREAT, 0o644);
    try {
      const had = fstatSync(fd).size;
      if (had < sizeBytes) ftruncateSync(fd, sizeBytes);
      // A new file's directory entry must be durable too, or a crash could lose the whole disk.
      if (this.fsync && had === 0) { fsyncSync(fd); this.syncDir(); }
      const nv = new FileVolume(uid, Math.max(had, sizeBytes), fd, this.fsync);
      this.volumes.set(uid, nv);
      return nv;
    } catch (e) {
      closeSync(fd);
      throw e;
    }
  }

  close(): void {
    for (const v of this.volumes.values()) {
      closeSync(v.fd);
      v.fd = -1; // a stale volume fails (EBADF) instead of writing into whatever file reuses the number
    }
    this.volumes.clear();
  }

  private syncDir(): void {
    const d = openSync(this.dir, constants.O_RDONLY);
    try { fsyncSync(d); } finally { closeSync(d); }
  }
}
