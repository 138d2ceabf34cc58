// Fibre Channel names and SCSI addresses as the SAN and the hosts print them (vios.md §2.3, §4).
// WWPNs are stored as 16 lower-case hex digits (os/vios/environment.ts PhysicalPortView.wwpn); location
// codes print them in upper case (vios.md §2.3 sample `-W500507680B215A3C`).
import { createHash } from 'node:crypto';

const HEX16 = /^[0-9a-f]{16}$/;

/** `10:00:00:90:FA:12:34:56` or `10000090FA123456` → `10000090fa123456`; null if not a WWPN. */
export function normalizeWwpn(text: string): string | null {
  const s = text.trim().toLowerCase().replace(/:/g, '');
  // An all-zero name is never assigned (FC-FS: a Name_Identifier of 0 means "no name").
  return HEX16.test(s) && !/^0+$/.test(s) ? s : null;
}

const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');

/**
 * An array target port's WWPN: NAA 5 + IBM's OUI 005076 + `80` + `0` (the shape of SVC/Storwize target ports,
 * e.g. `500507680b215a3c` in vios.md §2.3), then 7 hex digits from the fabric seed, the array name and
 * the port number. `attempt` > 0 only when the first choice collides with a WWPN already in the fabric.
 */
export function targetPortWwpn(seed: string, array: string, port: number, attempt = 0): string {
  return `500507680${sha1(`target/${seed}/${array}/${port}/${attempt}`).slice(0, 7)}`;
}

/**
 * A LUN's unique id as an IEEE NAA 6 (registered extended) identifier: 32 hex digits starting 6005076
 * (IBM's OUI), upper case as storage GUIs print it. Deterministic from the seed, the array name and the
 * LUN id, so that the same lab always gives the same disks the same identity (DiskView.uid).
 * KNOWN DIFFERENCE: a real array never reuses a uid; here a LUN deleted and re-created with the same id
 * on the same array gets the same uid again.
 */
export function lunUid(seed: string, array: string, lunId: number): string {
  return `6005076${sha1(`lun/${seed}/${array}/${lunId}`).slice(0, 25)}`.toUpperCase();
}

/** LUN ids an array hands out: 0..16383, the range of SAM's single-level LUN addressing. */
export const MAX_LUN_ID = 0x3fff;

/**
 * The 64-bit SCSI LUN in hex with leading zeros dropped (vios.md §2.3, VERIFIED pattern for LUNs below
 * 256: LUN 0 → `0`, LUN 1 → `1000000000000`, LUN 0x1E → `1E000000000000`). LUNs 0..255 use peripheral
 * device addressing (first level `00 nn`); from 256 on, flat space addressing (`4h nn`), as SAM-5 §4.7
 * defines. The flat-space form is UNCERTAIN: no capture of a LUN above 255 was seen.
 */
export function scsiLunHex(lunId: number): string {
  if (!Number.isInteger(lunId) || lunId < 0 || lunId > MAX_LUN_ID) throw new RangeError(`LUN id ${lunId} out of range`);
  const firstLevel = lunId < 256 ? BigInt(lunId) : BigInt(0x4000 | lunId);
  return (firstLevel << 48n).toString(16).toUpperCase();
}

/** `<FC port location>-W<target WWPN>-L<LUN>`: a SAN disk's location code on a host (vios.md §2.3). */
export function lunLocation(hostPortLocation: string, targetWwpn: string, lunId: number): string {
  return `${hostPortLocation}-W${targetWwpn.toUpperCase()}-L${scsiLunHex(lunId)}`;
}
