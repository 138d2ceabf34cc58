// Frames are real bytes: Ethernet II with an optional 802.1Q tag, ARP, IPv4 and ICMP echo, with their
// checksums; encode/decode round trips (property tests) and a checksum computed by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeFrame, encodeFrame, frameVid, MIN_FRAME, tagInto, untagInto, TPID_8021Q } from '../../../../src/platform/hypervisor/ethernet/ethernet-frame.ts';
import { internetChecksum } from '../../../../src/platform/hypervisor/ethernet/internet-checksum.ts';
import { readIpv4Header, writeIpv4Header, IPV4_HEADER } from '../../../../src/platform/hypervisor/ethernet/ipv4.ts';
import { readIcmpEcho, writeIcmpEcho, ICMP_ECHO_REQUEST } from '../../../../src/platform/hypervisor/ethernet/icmp.ts';
import { readArp, writeArp } from '../../../../src/platform/hypervisor/ethernet/arp.ts';
import { formatIpv4, maskBits, parseIpv4, prefixMask } from '../../../../src/platform/hypervisor/ethernet/ipv4-address.ts';
import { macColons, macDotted, macHex, parseMac, readMac, writeMac } from '../../../../src/platform/hypervisor/ethernet/mac.ts';

const mac = fc.integer({ min: 0, max: 2 ** 48 - 1 });
const tag = fc.option(fc.record({ pcp: fc.integer({ min: 0, max: 7 }), dei: fc.integer({ min: 0, max: 1 }), vid: fc.integer({ min: 0, max: 4095 }) }), { nil: null });
const etherType = fc.integer({ min: 0x0600, max: 0xffff }).filter((t) => t !== TPID_8021Q);
const payload = fc.uint8Array({ minLength: 0, maxLength: 300 });
const ip = fc.integer({ min: 0, max: 2 ** 32 - 1 });

test('an Ethernet frame decodes to what was encoded, tag and padding included', () => {
  fc.assert(fc.property(mac, mac, tag, etherType, payload, (dst, src, t, type, data) => {
    const buf = encodeFrame({ dst, src, tag: t, etherType: type, payload: data });
    assert.ok(buf.length >= MIN_FRAME);
    const f = decodeFrame(buf);
    assert.equal(f.dst, dst);
    assert.equal(f.src, src);
    assert.deepEqual(f.tag, t ? { ...t } : null);
    assert.equal(f.etherType, type);
    assert.deepEqual(f.payload.subarray(0, data.length), data);
    assert.ok(f.payload.subarray(data.length).every((b) => b === 0), 'padding is zeros');
    assert.equal(frameVid(buf), t ? t.vid : -1);
  }));
});

test('the 802.1Q tag sits at bytes 12-15: TPID 0x8100 then PCP, DEI, VID', () => {
  const buf = encodeFrame({ dst: 0xffffffffffff, src: 0x0a0b0c0d0e0f, tag: { pcp: 5, dei: 1, vid: 0x123 }, etherType: 0x0800, payload: new Uint8Array(46) });
  assert.deepEqual([...buf.subarray(12, 18)], [0x81, 0x00, (5 << 5) | (1 << 4) | 0x1, 0x23, 0x08, 0x00]);
});

test('tagging then untagging gives back the untagged frame', () => {
  fc.assert(fc.property(mac, mac, etherType, payload, fc.integer({ min: 1, max: 4094 }), fc.integer({ min: 0, max: 7 }), (dst, src, type, data, vid, pcp) => {
    const plain = encodeFrame({ dst, src, tag: null, etherType: type, payload: data });
    const tagged = new Uint8Array(plain.length + 4);
    const n = tagInto(plain, plain.length, tagged, vid, pcp);
    assert.equal(n, plain.length + 4);
    assert.deepEqual(decodeFrame(tagged, n).tag, { pcp, dei: 0, vid });
    const back = new Uint8Array(n);
    const m = untagInto(tagged, n, back);
    assert.deepEqual(back.subarray(0, m), new Uint8Array(plain));
  }));
});

test('the IPv4 header checksum matches a hand computation (RFC 1071 sum of 16-bit words)', () => {
  // 45 00 00 73 00 00 40 00 40 11 [00 00] c0 a8 00 01 c0 a8 00 c7: the words sum to 0x2479c, folded 0x479e, complement 0xb861.
  const h = Uint8Array.from([0x45, 0, 0, 0x73, 0, 0, 0x40, 0, 0x40, 0x11, 0, 0, 0xc0, 0xa8, 0, 1, 0xc0, 0xa8, 0, 0xc7]);
  assert.equal(internetChecksum(h, 0, 20), 0xb861);
  h[10] = 0xb8; h[11] = 0x61;
  assert.equal(internetChecksum(h, 0, 20), 0, 'a header carrying its checksum sums to zero');
});

test('IPv4 headers round-trip, and any single flipped bit is caught by the checksum', () => {
  fc.assert(fc.property(ip, ip, fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 1400 }), fc.integer({ min: 0, max: IPV4_HEADER * 8 - 1 }),
    (src, dst, ttl, id, dataLength, bit) => {
      const b = new Uint8Array(IPV4_HEADER + dataLength);
      writeIpv4Header(b, 0, { src, dst, protocol: 1, ttl, id, fragmentOffset: 0, moreFragments: false, dataLength });
      assert.equal(internetChecksum(b, 0, IPV4_HEADER), 0);
      assert.deepEqual(readIpv4Header(b, 0, b.length), { src, dst, protocol: 1, ttl, id, fragmentOffset: 0, moreFragments: false, dataLength });
      b[bit >>> 3] ^= 1 << (bit & 7);
      assert.equal(readIpv4Header(b, 0, b.length), null);
    }));
});

test('ICMP echo messages round-trip and carry a checksum over the whole message', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffff }), payload, (id, seq, data) => {
    const b = new Uint8Array(8 + data.length);
    const n = writeIcmpEcho(b, 0, { type: ICMP_ECHO_REQUEST, code: 0, id, seq, data });
    assert.equal(internetChecksum(b, 0, n), 0);
    assert.deepEqual(readIcmpEcho(b, 0, n), { type: ICMP_ECHO_REQUEST, code: 0, id, seq, data });
    if (n > 8) { b[n - 1] ^= 0x40; assert.equal(readIcmpEcho(b, 0, n), null); }
  }));
});

test('ARP packets round-trip', () => {
  fc.assert(fc.property(fc.constantFrom(1, 2), mac, ip, mac, ip, (op, senderMac, senderIp, targetMac, targetIp) => {
    const b = new Uint8Array(28);
    writeArp(b, 0, { op, senderMac, senderIp, targetMac, targetIp });
    assert.deepEqual(readArp(b, 0, 28), { op, senderMac, senderIp, targetMac, targetIp });
  }));
});

test('MAC and IPv4 address forms', () => {
  fc.assert(fc.property(mac, (m) => {
    assert.equal(parseMac(macHex(m)), m);
    assert.equal(parseMac(macColons(m)), m);
    const b = new Uint8Array(8);
    writeMac(b, 1, m);
    assert.equal(readMac(b, 1), m);
  }));
  assert.equal(macDotted(parseMac('BAB2F100300A')), 'ba.b2.f1.0.30.a');
  assert.ok(Number.isNaN(parseMac('BAB2F100300')));
  fc.assert(fc.property(ip, (a) => assert.equal(parseIpv4(formatIpv4(a)), a)));
  fc.assert(fc.property(fc.integer({ min: 0, max: 32 }), (n) => assert.equal(maskBits(prefixMask(n)), n)));
  assert.equal(maskBits(parseIpv4('255.0.255.0')), -1);
  assert.ok(Number.isNaN(parseIpv4('10.10.1.256')));
});
