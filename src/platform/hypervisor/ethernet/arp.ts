// ARP for IPv4 over Ethernet (RFC 826): hardware type 1, protocol 0x0800, lengths 6 and 4, operation
// 1 (request) or 2 (reply), then sender MAC/IP and target MAC/IP: 28 bytes after the Ethernet header.
import { readIpv4, writeIpv4 } from './ipv4-address.ts';
import { readMac, writeMac } from './mac.ts';

export const ARP_LENGTH = 28;
export const ARP_REQUEST = 1;
export const ARP_REPLY = 2;

export interface ArpPacket { op: number; senderMac: number; senderIp: number; targetMac: number; targetIp: number }

export function writeArp(b: Uint8Array, off: number, p: ArpPacket): number {
  b[off] = 0; b[off + 1] = 1; // Ethernet
  b[off + 2] = 0x08; b[off + 3] = 0x00; // IPv4
  b[off + 4] = 6; b[off + 5] = 4;
  b[off + 6] = p.op >>> 8; b[off + 7] = p.op & 0xff;
  writeMac(b, off + 8, p.senderMac); writeIpv4(b, off + 14, p.senderIp);
  writeMac(b, off + 18, p.targetMac); writeIpv4(b, off + 24, p.targetIp);
  return ARP_LENGTH;
}

/** The ARP packet at `off`, or null when it is not Ethernet/IPv4 ARP or is cut short. */
export function readArp(b: Uint8Array, off: number, len: number): ArpPacket | null {
  if (len - off < ARP_LENGTH) return null;
  if (b[off] !== 0 || b[off + 1] !== 1 || b[off + 2] !== 0x08 || b[off + 3] !== 0 || b[off + 4] !== 6 || b[off + 5] !== 4) return null;
  return {
    op: (b[off + 6] << 8) | b[off + 7],
    senderMac: readMac(b, off + 8), senderIp: readIpv4(b, off + 14),
    targetMac: readMac(b, off + 18), targetIp: readIpv4(b, off + 24),
  };
}
