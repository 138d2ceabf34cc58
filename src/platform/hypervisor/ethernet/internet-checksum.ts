// The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit words,
// used by the IPv4 header and by ICMP. A block that carries its own correct checksum sums to 0.

export function internetChecksum(b: Uint8Array, off: number, len: number): number {
  let sum = 0;
  const end = off + (len & ~1);
  for (let i = off; i < end; i += 2) sum += (b[i] << 8) | b[i + 1];
  if (len & 1) sum += b[off + len - 1] << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}
