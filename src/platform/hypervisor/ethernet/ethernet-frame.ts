// Ethernet II frames with an optional IEEE 802.1Q tag, as real bytes (vios.md §7: the hypervisor's switch
// is an 802.1Q VLAN-aware layer-2 switch; untagged OS traffic belongs to the adapter's PVID). Layout:
// destination MAC (6), source MAC (6), [TPID 0x8100 (2), TCI = PCP (3 bits) | DEI (1) | VID (12)], EtherType
// (2), payload. The frame check sequence is not carried: adapters strip it before the OS sees the frame.
// The encode/decode functions allocate (for stacks and tests); the tagInto/untagInto helpers write into a
// caller's buffer so that the forwarding path allocates nothing.
import { readMac, writeMac } from './mac.ts';

export const TPID_8021Q = 0x8100;
export const ETHERTYPE = { IPV4: 0x0800, ARP: 0x0806, RARP: 0x8035 } as const;
export const ETH_HEADER = 14;
export const VLAN_TAG = 4;
/** Minimum frame length without the FCS (64 on the wire); shorter frames are padded with zeros. */
export const MIN_FRAME = 60;
/** The largest frame virtual Ethernet carries (vios.md §7: 65408 bytes). */
export const MAX_VIRTUAL_FRAME = 65408;

export interface VlanTag { pcp: number; dei: number; vid: number }
export interface EthernetFrame { dst: number; src: number; tag: VlanTag | null; etherType: number; payload: Uint8Array }

export function encodeFrame(f: EthernetFrame): Buffer {
  const head = ETH_HEADER + (f.tag ? VLAN_TAG : 0);
  const buf = Buffer.alloc(Math.max(MIN_FRAME, head + f.payload.length));
  writeMac(buf, 0, f.dst);
  writeMac(buf, 6, f.src);
  let o = 12;
  if (f.tag) {
    buf.writeUInt16BE(TPID_8021Q, o);
    buf.writeUInt16BE(((f.tag.pcp & 7) << 13) | ((f.tag.dei & 1) << 12) | (f.tag.vid & 0xfff), o + 2);
    o += VLAN_TAG;
  }
  buf.writeUInt16BE(f.etherType, o);
  buf.set(f.payload, head);
  return buf;
}

/** Decode a frame of `len` bytes (a copy of the payload, padding included: upper layers know their length). */
export function decodeFrame(buf: Uint8Array, len = buf.length): EthernetFrame {
  if (len < ETH_HEADER) throw new RangeError(`frame of ${len} bytes is shorter than an Ethernet header`);
  const tagged = isTagged(buf);
  if (tagged && len < ETH_HEADER + VLAN_TAG) throw new RangeError(`tagged frame of ${len} bytes is too short`);
  const tci = tagged ? (buf[14] << 8) | buf[15] : 0;
  const head = tagged ? ETH_HEADER + VLAN_TAG : ETH_HEADER;
  return {
    dst: readMac(buf, 0), src: readMac(buf, 6),
    tag: tagged ? { pcp: tci >>> 13, dei: (tci >>> 12) & 1, vid: tci & 0xfff } : null,
    etherType: (buf[head - 2] << 8) | buf[head - 1],
    payload: Uint8Array.from(buf.subarray(head, len)),
  };
}

export const isTagged = (b: Uint8Array): boolean => b[12] === 0x81 && b[13] === 0x00;
/** The frame's VLAN id, or -1 when it carries no 802.1Q tag. A priority tag (VID 0) reads as 0. */
export const frameVid = (b: Uint8Array): number => (isTagged(b) ? ((b[14] & 0x0f) << 8) | b[15] : -1);
export const framePcp = (b: Uint8Array): number => (isTagged(b) ? b[14] >>> 5 : 0);
/** EtherType after the tag, if any. */
export const frameEtherType = (b: Uint8Array): number => (isTagged(b) ? (b[16] << 8) | b[17] : (b[12] << 8) | b[13]);
/** Offset of the payload. */
export const payloadOffset = (b: Uint8Array): number => (isTagged(b) ? ETH_HEADER + VLAN_TAG : ETH_HEADER);

/**
 * Copy `len` bytes. A whole source array goes by the native copy; part of one by a hand loop (a native
 * copy of part of an array — `set(subarray())`, or Buffer#copy, which slices internally — would create a
 * view object per frame); only frames longer than 512 bytes take that allocation, for the native speed.
 */
export function copyBytes(src: Uint8Array, srcOff: number, dst: Uint8Array, dstOff: number, len: number): void {
  if (srcOff === 0 && len === src.length) { dst.set(src, dstOff); return; }
  if (len <= 512) {
    for (let i = 0; i < len; i++) dst[dstOff + i] = src[srcOff + i];
    return;
  }
  dst.set(src.subarray(srcOff, srcOff + len), dstOff);
}

/** Write the frame with an 802.1Q tag for `vid` into `out` (replacing a tag it may carry); returns the new length. */
export function tagInto(src: Uint8Array, len: number, out: Uint8Array, vid: number, pcp = 0): number {
  const tagged = isTagged(src);
  const rest = tagged ? ETH_HEADER + VLAN_TAG - 2 : ETH_HEADER - 2; // offset of the EtherType
  copyBytes(src, 0, out, 0, 12);
  out[12] = 0x81; out[13] = 0x00;
  out[14] = ((pcp & 7) << 5) | ((vid >>> 8) & 0x0f); out[15] = vid & 0xff;
  copyBytes(src, rest, out, 16, len - rest);
  return len - rest + 16;
}

/** Write the frame without its 802.1Q tag into `out`, padded to the minimum length; returns the new length. */
export function untagInto(src: Uint8Array, len: number, out: Uint8Array): number {
  if (!isTagged(src)) { copyBytes(src, 0, out, 0, len); return len; }
  copyBytes(src, 0, out, 0, 12);
  copyBytes(src, 16, out, 12, len - 16);
  let n = len - VLAN_TAG;
  while (n < MIN_FRAME) out[n++] = 0;
  return n;
}
