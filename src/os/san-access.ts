// What hosts (a VIOS, a client through NPIV) can ask of the SAN: which LUNs an initiator WWPN sees and how
// a physical FC port is connected (vios.md §2.7, §4). The fabric implements it; OS code only reads it.
import { lunLocation } from '../fabric/san/wwpn.ts';

export interface SanLun { uid: string; label: string; sizeMB: number; targetWwpn: string; lunId: number }

export interface SanAccess {
  /** LUNs visible to an initiator logged in through a physical host port (masking and zoning applied). */
  visibleLuns(initiatorWwpn: string, viaHostPortWwpn: string): SanLun[];
  /** NPIV state of a physical host port: fabric=1 only through an NPIV adapter and switch. */
  portInfo(hostPortWwpn: string): { fabric: boolean; npivTotal: number; npivAvailable: number } | undefined;
  /** Keep the fabric's NPIV logins in step with the VIOS vfcmap configuration. */
  syncNpivLogins(hostPortWwpn: string, clientWwpns: string[]): void;
  /** `<port location>-W<target wwpn>-L<lun>` (vios.md §2.3). */
  lunLocation(hostPortLocation: string, targetWwpn: string, lunId: number): string;
}

/** No SAN attached: nothing visible, ports not logged in. */
export const NO_SAN: SanAccess = {
  visibleLuns: () => [],
  portInfo: () => undefined,
  syncNpivLogins: () => {},
  lunLocation,
};
