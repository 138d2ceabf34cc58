// IPv4 headers (RFC 791) without options: version 4, IHL 5, total length, identification, flags and
// fragment offset (in 8-byte units), TTL, protocol, header checksum, source, destination.
import { internetChecksum } from './internet-checksum.ts';
import { readIpv4, writeIpv4 } from './ipv4-address.ts';

export const IPV4_HEADER = 20;
export const PROTO_ICMP = 1;
const MORE_FRAGMENTS = 0x2000;

export interface Ipv4Header {
  src: number; dst: number; protocol: number; ttl: number; id: number;
  /** Byte offset of this fragment's data in the datagram (a multiple of 8). */
  fragmentOffset: number; moreFragments: boolean;
  /** Length of this packet's data (total length minus the header). */
  dataLength: number;
}

/** Write a header (checksum computed) at `off`; the data of `h.dataLength` bytes follows it. */
export function writeIpv4Header(b: Uint8Array, off: number, h: Ipv4Header): number {
  const total = IPV4_HEADER + h.dataLength;
  const frag = (h.moreFragments ? MORE_FRAGMENTS : 0) | ((h.fragmentOffset >>> 3) & 0x1fff);
  b[off] = 0x45; b[off + 1] = 0;
  b[off + 2] = total >>> 8; b[off + 3] = total & 0xff;
  b[off + 4] = (h.id >>> 8) & 0xff; b[off + 5] = h.id & 0xff;
  b[off + 6] = frag >>> 8; b[off + 7] = frag & 0xff;
  b[off + 8] = h.ttl; b[off + 9] = h.protocol;
  b[off + 10] = 0; b[off + 11] = 0;
  writeIpv4(b, off + 12, h.src); writeIpv4(b, off + 16, h.dst);
  const sum = internetChecksum(b, off, IPV4_HEADER);
  b[off + 10] = sum >>> 8; b[off + 11] = sum & 0xff;
  return IPV4_HEADER;
}

/** The header at `off`, or null when it is not a well-formed IPv4 header with a correct checksum. */
export function readIpv4Header(b: Uint8Array, off: number, len: number): Ipv4Header | null {
  if (len - off < IPV4_HEADER || b[off] >>> 4 !== 4) return null;
  const ihl = (b[off] & 0x0f) * 4;
  const total = (b[off + 2] << 8) | b[off + 3];
  if (ihl < IPV4_HEADER || total < ihl || off + total > len) return null;
  if (internetChecksum(b, off, ihl) !== 0) return null;
  const frag = (b[off + 6] << 8) | b[off + 7];
  return {
    src: readIpv4(b, off + 12), dst: readIpv4(b, off + 16), protocol: b[off + 9], ttl: b[off + 8],
    id: (b[off + 4] << 8) | b[off + 5], fragmentOffset: (frag & 0x1fff) * 8, moreFragments: (frag & MORE_FRAGMENTS) !== 0,
    dataLength: total - ihl,
  };
}

/** Header length of the packet at `off` (options included). */
export const ipv4HeaderLength = (b: Uint8Array, off: number): number => (b[off] & 0x0f) * 4;
