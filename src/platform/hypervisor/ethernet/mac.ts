// MAC addresses as numbers (48 bits fit exactly in a double), so that the forwarding path compares and
// hashes numbers instead of strings. The hypervisor prints them as 12 upper-case hex digits (vios.md §7);
// AIX prints them with colons (entstat) or as dotted hex without leading zeros (netstat -in).

export const BROADCAST_MAC = 0xffff_ffff_ffff;
const TWO32 = 0x1_0000_0000;

/** `A6F4C2003006` (or with `:`/`.`/`-` separators) → number; NaN when it is not a MAC address. */
export function parseMac(text: string): number {
  const hex = text.replace(/[:.-]/g, '');
  return /^[0-9a-fA-F]{12}$/.test(hex) ? parseInt(hex, 16) : NaN;
}

/** Upper-case 12 hex digits, the hypervisor's form. */
export const macHex = (mac: number): string => mac.toString(16).toUpperCase().padStart(12, '0');

export function macOctets(mac: number): number[] {
  const hi = Math.floor(mac / TWO32);
  const lo = mac % TWO32;
  return [(hi >>> 8) & 0xff, hi & 0xff, (lo >>> 24) & 0xff, (lo >>> 16) & 0xff, (lo >>> 8) & 0xff, lo & 0xff];
}

/** `a6:f4:c2:00:30:06` (entstat "Hardware Address"). */
export const macColons = (mac: number): string => macOctets(mac).map((o) => o.toString(16).padStart(2, '0')).join(':');

/** `a6.f4.c2.0.30.6` (netstat -in link# rows: dotted hex without leading zeros). */
export const macDotted = (mac: number): string => macOctets(mac).map((o) => o.toString(16)).join('.');

// The forwarding path splits a MAC into its top 18 and low 30 bits: both halves (and a VLAN id shifted in
// beside the top half) stay below 2^30, V8's small-integer range, so that no number is boxed per frame.
export const MAC_LOW_BITS = 30;
const TWO30 = 0x4000_0000;
/** Bits 47–30 of the MAC at `off`. */
export const macTop = (b: Uint8Array, off: number): number => (b[off] << 10) | (b[off + 1] << 2) | (b[off + 2] >>> 6);
/** Bits 29–0 of the MAC at `off`. */
export const macLow = (b: Uint8Array, off: number): number => ((b[off + 2] & 0x3f) << 24) | (b[off + 3] << 16) | (b[off + 4] << 8) | b[off + 5];
export const splitMac = (mac: number): [top: number, low: number] => [Math.floor(mac / TWO30), mac % TWO30];

export const readMac = (b: Uint8Array, off: number): number => macTop(b, off) * TWO30 + macLow(b, off);

export function writeMac(b: Uint8Array, off: number, mac: number): void {
  const hi = Math.floor(mac / TWO32);
  const lo = mac % TWO32;
  b[off] = (hi >>> 8) & 0xff; b[off + 1] = hi & 0xff;
  b[off + 2] = (lo >>> 24) & 0xff; b[off + 3] = (lo >>> 16) & 0xff; b[off + 4] = (lo >>> 8) & 0xff; b[off + 5] = lo & 0xff;
}

/** Group (multicast or broadcast) addresses have the low bit of the first octet set. */
export const isGroupMac = (b: Uint8Array, off: number): boolean => (b[off] & 1) === 1;
