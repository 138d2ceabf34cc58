// IPv4 addresses and masks as unsigned 32-bit numbers.

/** `10.10.1.101` → number; NaN unless it is four decimal octets 0–255. */
export function parseIpv4(text: string): number {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return NaN;
  const o = m.slice(1).map(Number);
  if (o.some((x) => x > 255)) return NaN;
  return ((o[0] << 24) | (o[1] << 16) | (o[2] << 8) | o[3]) >>> 0;
}

export const formatIpv4 = (ip: number): string => `${ip >>> 24}.${(ip >>> 16) & 0xff}.${(ip >>> 8) & 0xff}.${ip & 0xff}`;

export const prefixMask = (bits: number): number => (bits <= 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0);

/** The prefix length of a contiguous mask, or -1 when the mask has holes. */
export function maskBits(mask: number): number {
  const n = Math.clz32(~mask >>> 0); // leading ones of the mask
  return prefixMask(n) === mask >>> 0 ? n : -1;
}

/** AIX prints masks in hex (`netmask 0xffffff00`). */
export const hexMask = (mask: number): string => `0x${(mask >>> 0).toString(16).padStart(8, '0')}`;

export const sameSubnet = (a: number, b: number, mask: number): boolean => ((a & mask) >>> 0) === ((b & mask) >>> 0);
export const broadcastOf = (ip: number, mask: number): number => ((ip & mask) | ~mask) >>> 0;

export function readIpv4(b: Uint8Array, off: number): number {
  return ((b[off] << 24) | (b[off + 1] << 16) | (b[off + 2] << 8) | b[off + 3]) >>> 0;
}
export function writeIpv4(b: Uint8Array, off: number, ip: number): void {
  b[off] = ip >>> 24; b[off + 1] = (ip >>> 16) & 0xff; b[off + 2] = (ip >>> 8) & 0xff; b[off + 3] = ip & 0xff;
}
