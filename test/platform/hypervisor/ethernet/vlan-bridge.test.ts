// The VLAN-aware learning bridge behind the hypervisor's virtual switch and the LAN's switches: VLAN
// isolation, tagging on egress, learning (a second frame is not flooded), ingress filtering, link-down
// flush, port channels; the MAC table against a Map oracle; the frame queue's order and loop guard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeFrame, encodeFrame, type EthernetFrame } from '../../../../src/platform/hypervisor/ethernet/ethernet-frame.ts';
import { FrameQueue } from '../../../../src/platform/hypervisor/ethernet/frame-queue.ts';
import { MacTable } from '../../../../src/platform/hypervisor/ethernet/mac-table.ts';
import { BROADCAST_MAC } from '../../../../src/platform/hypervisor/ethernet/mac.ts';
import { type BridgePortSpec, VlanBridge } from '../../../../src/platform/hypervisor/ethernet/vlan-bridge.ts';

const MAC = { a: 0x02000000000a, b: 0x02000000000b, c: 0x02000000000c, x: 0x0200000000ff };

function rig() {
  const queue = new FrameQueue();
  const bridge = new VlanBridge('ETHERNET0', queue);
  const got = new Map<string, EthernetFrame[]>();
  const port = (key: string, untagged: number, tagged: BridgePortSpec['tagged'] = [], extra: Partial<BridgePortSpec> = {}): BridgePortSpec => {
    got.set(key, []);
    return { key, untagged, tagged, up: true, sink: { receive: (f, len) => got.get(key)!.push(decodeFrame(f, len)) }, ...extra };
  };
  const send = (key: string, dst: number, src: number, vid: number | null = null): void => {
    const f = encodeFrame({ dst, src, tag: vid === null ? null : { pcp: 0, dei: 0, vid }, etherType: 0x88b5, payload: new Uint8Array(50) });
    queue.send(bridge.target, bridge.portIndex(key), f, f.length, 0);
  };
  const take = (): Record<string, string[]> => {
    const out: Record<string, string[]> = {};
    for (const [k, list] of got) { if (list.length) out[k] = list.map((f) => (f.tag ? `vid${f.tag.vid}` : 'untagged')); list.length = 0; }
    return out;
  };
  return { queue, bridge, port, send, take };
}

test('VLANs are isolated; a trunk gets its native VLAN untagged and the others tagged', () => {
  const r = rig();
  r.bridge.setPorts([r.port('a', 1), r.port('b', 1), r.port('c', 2), r.port('t', 1, [2, 3])]);
  r.send('a', BROADCAST_MAC, MAC.a);
  assert.deepEqual(r.take(), { b: ['untagged'], t: ['untagged'] });
  r.send('c', BROADCAST_MAC, MAC.c);
  assert.deepEqual(r.take(), { t: ['vid2'] });
  r.send('t', BROADCAST_MAC, MAC.x, 2);
  assert.deepEqual(r.take(), { c: ['untagged'] }, 'a tagged frame reaches the access port of its VLAN untagged');
  r.send('t', BROADCAST_MAC, MAC.x, 5);
  assert.deepEqual(r.take(), {}, 'a VLAN the trunk does not carry is filtered at ingress');
  assert.equal(r.bridge.stats.dropped, 1);
  r.send('a', BROADCAST_MAC, MAC.a, 2);
  assert.deepEqual(r.take(), {}, 'an access port does not accept tags of other VLANs');
});

test('learning: once both ends have spoken, frames go to one port instead of being flooded', () => {
  const r = rig();
  r.bridge.setPorts([r.port('a', 1), r.port('b', 1), r.port('t', 1)]);
  r.send('a', MAC.b, MAC.a);
  assert.deepEqual(r.take(), { b: ['untagged'], t: ['untagged'] }, 'unknown unicast is flooded');
  r.send('b', MAC.a, MAC.b);
  assert.deepEqual(r.take(), { a: ['untagged'] }, 'the reply goes only to where a was learned');
  const flooded = r.bridge.stats.flooded;
  r.send('a', MAC.b, MAC.a);
  assert.deepEqual(r.take(), { b: ['untagged'] }, 'the second frame is not flooded');
  assert.equal(r.bridge.stats.flooded, flooded);
  r.send('a', MAC.a, MAC.b);
  assert.deepEqual(r.take(), {}, 'a frame for the port it came from is filtered');
  // The same MAC learned per VLAN: b on VLAN 1 says nothing about VLAN 2.
  assert.equal(r.bridge.table.find(2, MAC.b), -1);
  assert.equal(r.bridge.table.find(1, MAC.b), r.bridge.portIndex('a'), 'a MAC seen on another port moves there');
});

test('a port going down forgets what was learned on it; a port channel gets one copy of a flood', () => {
  const r = rig();
  const specs = [r.port('a', 1), r.port('b', 1), r.port('p1', 1, [], { group: 'po1' }), r.port('p2', 1, [], { group: 'po1' })];
  r.bridge.setPorts(specs);
  r.send('a', BROADCAST_MAC, MAC.a);
  const got = r.take();
  assert.deepEqual(Object.keys(got).filter((k) => k.startsWith('p')).length, 1, 'one member of the channel carries the flood');
  r.send('b', MAC.a, MAC.b);
  assert.deepEqual(r.take(), { a: ['untagged'] });
  r.bridge.setPorts([{ ...specs[0], up: false }, specs[1], specs[2], specs[3]]);
  assert.equal(r.bridge.table.find(1, MAC.a), -1, 'a flushed on link down');
  r.send('b', MAC.a, MAC.b);
  assert.deepEqual(Object.keys(r.take()).filter((k) => !k.startsWith('p')), [], 'nothing reaches a port that is down');
});

// MACs across the whole 48-bit range (the table splits them at bit 30).
const POOL = Array.from({ length: 41 }, (_, i) => (i * 0x9e3779b97f4a) % 2 ** 48);

test('the MAC table agrees with a Map under any sequence of learn, lookup and forget', () => {
  const op = fc.oneof(
    fc.record({ k: fc.constant('learn' as const), vlan: fc.integer({ min: 1, max: 4094 }), mac: fc.integer({ min: 0, max: 40 }), port: fc.integer({ min: 0, max: 5 }) }),
    fc.record({ k: fc.constant('forget' as const), port: fc.integer({ min: 0, max: 5 }) }),
  );
  fc.assert(fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
    const t = new MacTable(16);
    const oracle = new Map<string, number>();
    for (const o of ops) {
      if (o.k === 'learn') {
        const mac = POOL[o.mac];
        t.learn(o.vlan, Math.floor(mac / 2 ** 30), mac % 2 ** 30, o.port);
        assert.equal(t.find(o.vlan, mac), o.port);
        oracle.set(`${o.vlan}/${mac}`, o.port);
      } else {
        t.forget((p) => p === o.port);
        for (const [k, p] of oracle) if (p === o.port) oracle.delete(k);
      }
    }
    assert.equal(t.size, oracle.size);
    for (const e of t.entries()) assert.equal(oracle.get(`${e.vlan}/${e.mac}`), e.port);
  }));
});

test('the frame queue delivers in order without recursion, and a loop burns out', () => {
  const q = new FrameQueue({ capacity: 8, maxFramesPerDrain: 1000 });
  const seen: number[] = [];
  let depth = 0;
  let maxDepth = 0;
  const echo = q.register({ ingress: (port, f) => {
    depth++; maxDepth = Math.max(maxDepth, depth);
    seen.push(f[0]);
    if (f[0] < 5) { const g = Uint8Array.of(f[0] + 1); q.send(echo, port, g, 1, 1); q.send(echo, port, Uint8Array.of(100 + f[0]), 1, 1); }
    depth--;
  } });
  q.send(echo, 0, Uint8Array.of(0), 1, 0);
  assert.deepEqual(seen, [0, 1, 100, 2, 101, 3, 102, 4, 103, 5, 104], 'breadth first, in send order');
  assert.equal(maxDepth, 1, 'a frame sent during a delivery waits its turn');
  // Two ports forwarding to each other forever: the guard stops it.
  const a: { id: number } = { id: -1 };
  const b = q.register({ ingress: (_p, f, len) => { q.send(a.id, 0, f, len, 1); } });
  a.id = q.register({ ingress: (_p, f, len) => { q.send(b, 0, f, len, 1); } });
  q.send(a.id, 0, Uint8Array.of(1), 1, 0);
  assert.equal(q.pending, 0);
  assert.ok(q.stormDrops >= 1, 'the loop was cut off');
});
