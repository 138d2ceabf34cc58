// The FSP's NVRAM: the system's own copy of every partition definition (DESIGN.md "State and where it
// lives"). Stored as a journal of checksummed records in one file per system: a snapshot record, then one
// record per committed change. A change is acknowledged only after its record is fsynced, so a crash can
// leave at most one torn record at the tail, which is ignored on load. When the journal grows, it is
// compacted into a new snapshot written atomically (write temp, fsync, rename, fsync directory).
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';

export type NvramEntries = Map<string, unknown>;
export type NvramLoad = { kind: 'ok'; entries: NvramEntries } | { kind: 'missing' } | { kind: 'corrupt'; reason: string };

export interface NvramStore {
  load(): NvramLoad;
  /** Apply puts and deletes as one atomic, durable change. */
  commit(puts: ReadonlyArray<readonly [string, unknown]>, deletes: readonly string[]): void;
  /** Replace the whole content (initialize, restore). */
  replaceAll(entries: NvramEntries): void;
  /** Lose everything (fault injection: NVRAM replaced or corrupted). */
  wipe(): void;
  close(): void;
}

/** For `--memory` runs and tests: the same semantics, nothing on disk. */
export class MemoryNvram implements NvramStore {
  private entries: NvramEntries | null = null;
  load(): NvramLoad {
    return this.entries ? { kind: 'ok', entries: new Map(this.entries) } : { kind: 'missing' };
  }
  commit(puts: ReadonlyArray<readonly [string, unknown]>, deletes: readonly string[]): void {
    this.entries ??= new Map();
    // Entries are cloned so that no caller keeps a live reference into "NVRAM".
    for (const [k, v] of puts) this.entries.set(k, structuredClone(v));
    for (const k of deletes) this.entries.delete(k);
  }
  replaceAll(entries: NvramEntries): void { this.entries = structuredClone(entries); }
  wipe(): void { this.entries = null; }
  close(): void { /* nothing to release */ }
}

const line = (body: object): string => {
  const json = JSON.stringify(body);
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
};

export class FileNvram implements NvramStore {
  private fd: number | null = null;
  private journalBytes = 0;
  private snapshotBytes = 0;
  private live: NvramEntries = new Map();
  constructor(private readonly path: string, private readonly opts: { fsync?: boolean } = {}) {}

  load(): NvramLoad {
    if (!existsSync(this.path)) return { kind: 'missing' };
    const text = readFileSync(this.path, 'utf8');
    const parts = text.split('\n');
    const remainder = parts.pop() ?? ''; // text after the last newline: a torn, unacknowledged write
    const entries: NvramEntries = new Map();
    let sawSnapshot = false;
    let goodBytes = 0;
    for (let i = 0; i < parts.length; i++) {
      const rec = parseLine(parts[i]);
      if (!rec) {
        // A bad last record with nothing after it is a torn write; anything earlier is corruption.
        if (i === parts.length - 1 && remainder === '' && sawSnapshot) break;
        return { kind: 'corrupt', reason: `bad record ${i + 1}` };
      }
      if (rec.snap) { entries.clear(); sawSnapshot = true; }
      if (!sawSnapshot) return { kind: 'corrupt', reason: 'no snapshot record' };
      for (const [k, v] of rec.put ?? []) entries.set(k, v);
      for (const k of rec.del ?? []) entries.delete(k);
      goodBytes += Buffer.byteLength(parts[i]) + 1;
    }
    if (!sawSnapshot) return { kind: 'corrupt', reason: 'no snapshot record' };
    this.live = entries;
    this.snapshotBytes = goodBytes;
    this.journalBytes = 0;
    // Drop a torn tail now so that new records append after the last good one.
    if (goodBytes !== Buffer.byteLength(text)) this.rewrite(entries);
    return { kind: 'ok', entries: new Map(entries) };
  }

  commit(puts: ReadonlyArray<readonly [string, unknown]>, deletes: readonly string[]): void {
    if (this.snapshotBytes === 0) {
      for (const [k, v] of puts) this.live.set(k, v);
      for (const k of deletes) this.live.delete(k);
      this.rewrite(this.live);
      return;
    }
    const rec = line({ put: puts, del: deletes });
    const fd = this.open();
    writeSync(fd, rec);
    if (this.opts.fsync !== false) fsyncSync(fd);
    for (const [k, v] of puts) this.live.set(k, JSON.parse(JSON.stringify(v)));
    for (const k of deletes) this.live.delete(k);
    this.journalBytes += rec.length;
    if (this.journalBytes > 2 * this.snapshotBytes + (1 << 20)) this.rewrite(this.live);
  }

  replaceAll(entries: NvramEntries): void {
    this.live = new Map(JSON.parse(JSON.stringify([...entries])) as [string, unknown][]);
    this.rewrite(this.live);
  }

  wipe(): void {
    this.close();
    writeFileSync(this.path, '');
    this.live = new Map();
    this.snapshotBytes = 0;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private open(): number {
    if (this.fd === null) this.fd = openSync(this.path, 'a');
    return this.fd;
  }

  private rewrite(entries: NvramEntries): void {
    this.close();
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.tmp`;
    const body = line({ snap: true, put: [...entries] });
    const fd = openSync(tmp, 'w');
    writeSync(fd, body);
    if (this.opts.fsync !== false) fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, this.path);
    if (this.opts.fsync !== false) {
      const dfd = openSync(dirname(this.path), 'r');
      fsyncSync(dfd);
      closeSync(dfd);
    }
    this.snapshotBytes = body.length;
    this.journalBytes = 0;
  }
}

interface Rec { snap?: boolean; put?: [string, unknown][]; del?: string[] }

function parseLine(l: string): Rec | null {
  const sp = l.indexOf(' ');
  if (sp !== 8) return null;
  const json = l.slice(9);
  if (crc32(json).toString(16).padStart(8, '0') !== l.slice(0, 8)) return null;
  try {
    return JSON.parse(json) as Rec;
  } catch {
    return null;
  }
}
