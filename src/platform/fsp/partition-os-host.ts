// What the FSP needs from the operating systems running in the partitions: the VIOS's padmin shell (reached
// over RMC by viosvrcmd) and whether a virtual adapter backs a VIOS mapping or SEA (so DLPAR refuses to
// pull it from under them). Provided by src/os/; the platform does not import OS code.
import type { ManagedSystem } from '../managed-system.ts';

export interface PartitionOsHost {
  adapterInUse(lparId: number, slot: number): string | null;
  /** A partition was activated: its OS boots (a VIOS names new hardware, as at a reboot). */
  booted?(lparId: number): void;
  viosCommand(sys: ManagedSystem, ref: { name?: string; id?: number }, line: string): { stdout: string; stderr: string; exit: number };
}
