// Disk contents in memory (`--memory` runs and tests): each disk is a sparse map of 64 KiB chunks,
// allocated on first write, so a 100 GB LUN costs only what was written to it.
import { assertInside, volumeFileName, type BlockStore, type Volume } from './block-store.ts';

const CHUNK = 64 * 1024;

class MemoryVolume implements Volume {
  private readonly chunks = new Map<number, Buffer>();
  constructor(readonly uid: string, public sizeBytes: number) {}

  read(into: Buffer, at: number, length: number, position: number): void {
    assertInside(this, position, length);
    while (length > 0) {
      const index = Math.floor(position / CHUNK);
      const off = position - index * CHUNK;
      const n = Math.min(length, CHUNK - off);
      const chunk = this.chunks.get(index);
      if (chunk) chunk.copy(into, at, off, off + n);
      else into.fill(0, at, at + n);
      position += n; at += n; length -= n;
    }
  }

  write(from: Buffer, at: number, length: number, position: number): void {
    assertInside(this, position, length);
    while (length > 0) {
      const index = Math.floor(position / CHUNK);
      const off = position - index * CHUNK;
      const n = Math.min(length, CHUNK - off);
      let chunk = this.chunks.get(index);
      if (!chunk) { chunk = Buffer.alloc(CHUNK); this.chunks.set(index, chunk); }
      from.copy(chunk, off, at, at + n);
      position += n; at += n; length -= n;
    }
  }

  sync(): void { /* memory is as durable as it gets */ }

  /** Bytes held (for tests: sparse means only written chunks cost memory). */
  get allocatedBytes(): number { return this.chunks.size * CHUNK; }
}

export class MemoryBlockStore implements BlockStore {
  private readonly volumes = new Map<string, MemoryVolume>();

  volume(uid: string, sizeBytes: number): MemoryVolume {
    let v = this.volumes.get(uid);
    if (!v) {
      volumeFileName(uid); // the same uids as the file store, so a lab that runs in memory runs on disk too
      v = new MemoryVolume(uid, sizeBytes);
      this.volumes.set(uid, v);
    }
    else if (sizeBytes > v.sizeBytes) v.sizeBytes = sizeBytes;
    return v;
  }

  close(): void { /* nothing open */ }
}
