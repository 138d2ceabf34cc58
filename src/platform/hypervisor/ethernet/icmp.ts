// ICMP echo request and reply (RFC 792): type 8 / 0, code 0, checksum over the whole ICMP message,
// identifier, sequence number, then the data (ping puts a timestamp and a pattern there).
import { internetChecksum } from './internet-checksum.ts';

export const ICMP_ECHO_REPLY = 0;
export const ICMP_ECHO_REQUEST = 8;
export const ICMP_HEADER = 8;

export interface IcmpEcho { type: number; code: number; id: number; seq: number; data: Uint8Array }

/** Write an echo message at `off` (checksum computed); returns its length. */
export function writeIcmpEcho(b: Uint8Array, off: number, m: IcmpEcho): number {
  b[off] = m.type; b[off + 1] = m.code; b[off + 2] = 0; b[off + 3] = 0;
  b[off + 4] = (m.id >>> 8) & 0xff; b[off + 5] = m.id & 0xff;
  b[off + 6] = (m.seq >>> 8) & 0xff; b[off + 7] = m.seq & 0xff;
  b.set(m.data, off + ICMP_HEADER);
  const len = ICMP_HEADER + m.data.length;
  const sum = internetChecksum(b, off, len);
  b[off + 2] = sum >>> 8; b[off + 3] = sum & 0xff;
  return len;
}

/** The echo message of `len` bytes at `off`, or null when it is not an echo or its checksum is wrong. */
export function readIcmpEcho(b: Uint8Array, off: number, len: number): IcmpEcho | null {
  if (len < ICMP_HEADER || internetChecksum(b, off, len) !== 0) return null;
  const type = b[off];
  if (type !== ICMP_ECHO_REQUEST && type !== ICMP_ECHO_REPLY) return null;
  return { type, code: b[off + 1], id: (b[off + 4] << 8) | b[off + 5], seq: (b[off + 6] << 8) | b[off + 7], data: b.slice(off + ICMP_HEADER, off + len) };
}
