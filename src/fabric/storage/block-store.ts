// Where disk contents live (DESIGN.md "State and where it lives": disk contents belong to the storage —
// internal SAS disks and SAN LUNs — as sparse files, one per disk or LUN). A disk is known by its unique
// id, the same id the VIOS and the clients see (environment-builder.ts internalDiskUid, the SAN's LUN
// uid), so every path to a LUN reaches the same bytes. Logical volumes are regions of these disks; they
// have no storage of their own.

/** Bytes per disk sector: transfers are whole sectors (the AIX raw-disk rule the block path enforces). */
export const SECTOR = 512;
/** AIX sizes disks in MB of 2^20 bytes (lspv, lsmap, LUN sizes). */
export const MB = 1 << 20;

/** One disk's contents. Never-written regions read as zeros. */
export interface Volume {
  readonly uid: string;
  readonly sizeBytes: number;
  /** Copy `length` bytes at `position` of the disk into `into[at..]`. */
  read(into: Buffer, at: number, length: number, position: number): void;
  /** Copy `from[at..at+length)` to `position` of the disk; durable on return when the store syncs. */
  write(from: Buffer, at: number, length: number, position: number): void;
  /** Make everything written so far durable (a no-op in memory). */
  sync(): void;
}

export interface BlockStore {
  /**
   * The volume of a disk, created empty on first use. A disk asked for with a larger size than before
   * (a grown LUN) grows; a smaller size never shrinks it, so nothing written is lost.
   */
  volume(uid: string, sizeBytes: number): Volume;
  /** Release open files; volumes handed out before must not be used afterwards. */
  close(): void;
}

/**
 * A disk uid becomes a file name: uids are hex (internal disks, LUNs) or hex with dots, but anything
 * outside a safe set is refused rather than allowed to escape the storage directory.
 */
export function volumeFileName(uid: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(uid)) throw new Error(`block store: unusable disk uid "${uid}"`);
  return `${uid}.img`;
}

/** An internal check (a caller bug, not a user error): the block path checks ranges before it gets here. */
export function assertInside(v: Volume, position: number, length: number): void {
  if (!(position >= 0 && length >= 0 && position + length <= v.sizeBytes)) {
    throw new Error(`block store: ${length} bytes at ${position} outside disk ${v.uid} of ${v.sizeBytes} bytes`);
  }
}
