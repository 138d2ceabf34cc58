// What the FSP needs from the operating systems running in the partitions: the VIOS's padmin shell (reached
// over RMC by viosvrcmd), whether a virtual adapter backs a VIOS mapping or SEA (so DLPAR refuses to
// pull it from under them) and what a VIOS device offers as a paging space device (Active Memory Sharing).
// Provided by src/os/; the platform does not import OS code.
import type { ManagedSystem } from '../managed-system.ts';

/** A disk or logical volume on a VIOS, as a candidate paging space device (platform.md §5.4). */
export interface PagingDeviceInfo {
  sizeMB: number;
  type: 'phys' | 'logical';
  location: string;
  /** What already uses it on the VIOS (a mapping, a volume group…), or null when it is free. */
  inUse: string | null;
}

export interface PartitionOsHost {
  adapterInUse(lparId: number, slot: number): string | null;
  /** A device of a VIOS that could be a paging space device; null when the VIOS has no such disk or logical volume. */
  pagingDeviceInfo(viosId: number, device: string): PagingDeviceInfo | null;
  /** A partition was activated: its OS boots (a VIOS names new hardware, as at a reboot). */
  booted?(lparId: number): void;
  viosCommand(sys: ManagedSystem, ref: { name?: string; id?: number }, line: string): { stdout: string; stderr: string; exit: number };
}
