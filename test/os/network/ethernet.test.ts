// Ethernet frames that really travel (the paper's Figures 3 and 4): client adapter, virtual switch, trunk
// adapter, SEA, physical port, external LAN. An administrator pings a partition on the same VLAN and a
// host across the SEA; a VLAN no SEA bridges stays inside the box; SEA failover keeps the path when the
// primary VIOS stops, and failback restores it; what crosses the wire is real 802.1Q frames.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ETHERTYPE } from '../../../src/platform/hypervisor/ethernet/ethernet-frame.ts';
import { readIpv4Header } from '../../../src/platform/hypervisor/ethernet/ipv4.ts';
import { readIcmpEcho, ICMP_ECHO_REQUEST } from '../../../src/platform/hypervisor/ethernet/icmp.ts';
import { formatIpv4 } from '../../../src/platform/hypervisor/ethernet/ipv4-address.ts';
import { parseMac } from '../../../src/platform/hypervisor/ethernet/mac.ts';
import { S824 } from '../../helpers/sim.ts';
import { C4T1, C4T2, C8T1, openNetSim, replies } from './net-harness.ts';

test("an administrator at aix01's shell pings a partition on the same VLAN and a host across the SEA", async () => {
  const t = await openNetSim();
  try {
    const same = t.sim.osCommand(S824, 'aix01', 'ping -c 2 10.10.1.103');
    assert.equal(same.exit, 0, same.stdout + same.stderr);
    assert.match(same.stdout, /2 packets transmitted, 2 packets received, 0% packet loss/);
    const across = t.sim.osCommand(S824, 'aix01', 'ping -c 2 10.10.1.1 | grep -c "bytes from 10.10.1.1"');
    assert.equal(across.stdout, '2\n');
    assert.ok((t.wire.get(C4T1) ?? []).some((f) => f.etherType === ETHERTYPE.IPV4), 'it went out through the SEA');
  } finally { t.close(); }
});

test('ping between partitions on the same VLAN works; across VLANs it does not', async () => {
  const t = await openNetSim();
  try {
    const r = t.net('aix01', 'ping -c 3 10.10.1.103');
    assert.equal(r.exit, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^PING 10\.10\.1\.103: \(10\.10\.1\.103\): 56 data bytes\n/);
    assert.deepEqual(r.stdout.split('\n').filter((l) => l.includes('bytes from')).map((l) => l.replace(/time=\d+ ms/, 'time=T')),
      [0, 1, 2].map((s) => `64 bytes from 10.10.1.103: icmp_seq=${s} ttl=255 time=T`));
    assert.match(r.stdout, /\n----10\.10\.1\.103 PING Statistics----\n3 packets transmitted, 3 packets received, 0% packet loss\nround-trip min\/avg\/max = \d+\/\d+\/\d+ ms\n$/);
    assert.equal(replies(t.net('aix03', 'ping -c 1 10.10.1.101')), 1, 'and back');
    // lnx02 has 10.10.1.102 on en0, but en0 is on VLAN 2: the ARP broadcast never reaches it.
    const before = t.oses.ethernet.stack(t.ctx('lnx02').p).interfaces()[0].endpoint.counters.rxBroadcast;
    const x = t.net('aix01', 'ping -c 2 10.10.1.102');
    assert.equal(x.exit, 1);
    assert.match(x.stdout, /2 packets transmitted, 0 packets received, 100% packet loss\n$/);
    assert.equal(replies(x), 0);
    assert.equal(t.oses.ethernet.stack(t.ctx('lnx02').p).interfaces()[0].endpoint.counters.rxBroadcast, before);
    assert.deepEqual((t.wire.get(C4T2) ?? []).filter((f) => f.etherType !== ETHERTYPE.RARP), [], 'nothing of VLAN 1 left through the VLAN 2 SEA');
  } finally { t.close(); }
});

test('a host on the external LAN answers through the SEA; the frames on the wire are real 802.1Q frames', async () => {
  const t = await openNetSim();
  try {
    t.wire.clear();
    const r = t.net('aix01', 'ping -c 2 10.10.1.1');
    assert.equal(r.exit, 0, r.stdout + r.stderr);
    assert.equal(replies(r), 2);
    assert.match(r.stdout, /64 bytes from 10\.10\.1\.1: icmp_seq=0 ttl=64 /);
    // VLAN 1 is the SEA's PVID: untagged on vios1's C4-T1 (the primary), never on vios2's C8-T1.
    const v1 = t.wire.get(C4T1) ?? [];
    const aix01Mac = parseMac(t.ctx('aix01').p.run.alloc!.virtual_io.eth[0].mac_addr);
    const echo = v1.filter((f) => f.src === aix01Mac && f.etherType === ETHERTYPE.IPV4);
    assert.equal(echo.length, 2);
    assert.ok(echo.every((f) => f.tag === null));
    assert.deepEqual(t.wire.get(C8T1) ?? [], []);

    // lnx02's en1 is on VLAN 3, carried tagged by the VLAN 2 SEA's trunk: tagged on the wire.
    assert.equal(t.net('lnx02', 'ifconfig en1 inet 10.10.3.102 netmask 255.255.255.0 up').exit, 0);
    t.wire.clear();
    assert.equal(replies(t.net('lnx02', 'ping -c 1 10.10.3.1')), 1);
    const v3 = (t.wire.get(C4T2) ?? []).filter((f) => f.etherType === ETHERTYPE.IPV4);
    assert.equal(v3.length, 1);
    assert.deepEqual(v3[0].tag, { pcp: 0, dei: 0, vid: 3 });
    const ip = readIpv4Header(v3[0].payload, 0, v3[0].payload.length)!;
    assert.equal(formatIpv4(ip.src), '10.10.3.102');
    assert.equal(formatIpv4(ip.dst), '10.10.3.1');
    assert.equal(ip.ttl, 64, 'Linux TTL');
    const icmp = readIcmpEcho(v3[0].payload, 20, ip.dataLength)!;
    assert.equal(icmp.type, ICMP_ECHO_REQUEST);
    assert.equal(icmp.data.length, 56);
    // VLAN 2 is that SEA's PVID: untagged.
    assert.equal(t.net('lnx02', 'ifconfig en0 inet 10.10.2.102 netmask 255.255.255.0').exit, 0);
    t.wire.clear();
    assert.equal(replies(t.net('lnx02', 'ping -c 1 10.10.2.1')), 1);
    assert.ok((t.wire.get(C4T2) ?? []).filter((f) => f.etherType === ETHERTYPE.IPV4).every((f) => f.tag === null));
  } finally { t.close(); }
});

test('VLAN 4 leaves through the SEA over the link aggregation; a VLAN no SEA bridges cannot reach the LAN', async () => {
  const t = await openNetSim();
  try {
    assert.equal(t.net('aix03', 'ifconfig en1 10.10.4.103 netmask 255.255.255.0 up').exit, 0);
    t.wire.clear();
    assert.equal(replies(t.net('aix03', 'ping -c 4 10.10.4.1')), 4);
    const members = [...t.wire.keys()].filter((k) => /-C5-T[12]$/.test(k));
    assert.ok(members.length >= 1, 'frames entered the LAN through the aggregated ports');
    // A new adapter on VLAN 5 (no trunk carries it), and a LAN host on VLAN 5 the switch can reach.
    await t.ok(`chhwres -r virtualio --rsubtype eth -m ${S824} -o a -p aix01 -s 12 -a port_vlan_id=5`);
    assert.equal(t.sim.osCommand(S824, 'aix01', 'cfgmgr').exit, 0, 'the OS configures the new adapter (ent1) when cfgmgr runs');
    t.sim.lan.addHost({ switch: 'lan1', name: 'router5', ip: '10.10.5.1', prefix: 24, vlan: 5 });
    assert.equal(t.net('aix01', 'ifconfig en1 inet 10.10.5.101 netmask 255.255.255.0 up').exit, 0);
    t.wire.clear();
    const r = t.net('aix01', 'ping -c 2 10.10.5.1');
    assert.equal(r.exit, 1);
    assert.match(r.stdout, /100% packet loss/);
    assert.equal(t.wire.size, 0, 'not one frame of VLAN 5 reached the LAN');
    // The same adapter's VLAN reaches the other partitions on VLAN 5 inside the box, though.
    await t.ok(`chhwres -r virtualio --rsubtype eth -m ${S824} -o a -p aix03 -s 12 -a port_vlan_id=5`);
    assert.equal(t.sim.osCommand(S824, 'aix03', 'cfgmgr').exit, 0);
    assert.equal(t.net('aix03', 'ifconfig en2 inet 10.10.5.103 netmask 255.255.255.0 up').exit, 0);
    assert.equal(replies(t.net('aix01', 'ping -c 1 10.10.5.103')), 1);
  } finally { t.close(); }
});

test('SEA failover: when vios1 stops, VLAN 1 goes out through vios2; when it returns, back through vios1', async () => {
  const t = await openNetSim();
  try {
    assert.equal(replies(t.net('aix01', 'ping -c 1 10.10.1.1')), 1);
    await t.ok(`chsysstate -r lpar -m ${S824} -n vios1 -o shutdown --immed`);
    t.wire.clear();
    const r = t.net('aix01', 'ping -c 3 10.10.1.1');
    assert.equal(replies(r), 3, r.stdout);
    assert.ok((t.wire.get(C8T1) ?? []).some((f) => f.etherType === ETHERTYPE.IPV4), 'through vios2');
    assert.equal(t.wire.get(C4T1), undefined, 'vios1 is down');
    assert.equal(replies(t.net('aix01', 'ping -c 1 10.10.1.103')), 1, 'inside the box nothing changed');

    await t.ok(`chsysstate -r lpar -m ${S824} -n vios1 -o on -f default_profile`);
    t.clock.advance(30 * 60_000);
    assert.equal(t.ctx('vios1').p.run.state, 'Running');
    t.wire.clear();
    // The LAN switch learned aix01 behind vios2 (now standby); vios1 announces its partitions' MACs when it
    // takes VLAN 1 back, so the router reaches aix01 at once, before aix01 sends anything.
    assert.ok(t.sim.lan.ping('router1', '10.10.1.101'), 'the router reaches aix01 after failback');
    assert.ok((t.wire.get(C4T1) ?? []).some((f) => f.etherType === ETHERTYPE.RARP), 'the announcement');
    assert.equal(replies(t.net('aix01', 'ping -c 2 10.10.1.1')), 2);
    assert.ok((t.wire.get(C4T1) ?? []).some((f) => f.etherType === ETHERTYPE.IPV4), 'failback to vios1');
    assert.ok(!(t.wire.get(C8T1) ?? []).some((f) => f.etherType === ETHERTYPE.IPV4));

    // Forced failover: ha_mode=standby on the primary's SEA hands VLAN 1 to vios2 while vios1 runs.
    await t.ok(`viosvrcmd -m ${S824} -p vios1 -c "chdev -dev ent11 -attr ha_mode=standby"`);
    t.wire.clear();
    assert.equal(replies(t.net('aix01', 'ping -c 2 10.10.1.1')), 2);
    assert.ok((t.wire.get(C8T1) ?? []).some((f) => f.etherType === ETHERTYPE.IPV4), 'through vios2 again');
  } finally { t.close(); }
});

test('learning: once addresses are known, a ping is not flooded in the virtual switch', async () => {
  const t = await openNetSim();
  try {
    assert.equal(replies(t.net('aix01', 'ping -c 1 10.10.1.103')), 1);
    const sw = t.oses.ethernet.vswitches.get('ETHERNET0')!;
    const flooded = sw.stats.flooded;
    const unicast = sw.stats.unicast;
    assert.equal(replies(t.net('aix01', 'ping -c 3 10.10.1.103')), 3);
    assert.equal(sw.stats.flooded, flooded, 'no flood: the ARP cache and the MAC table were warm');
    assert.equal(sw.stats.unicast - unicast, 6, 'three requests and three replies, each to one port');
    // The ARP entry lives 20 minutes of simulated time (arpt_killc); then aix01 asks again, by broadcast.
    const c = t.oses.ethernet.stack(t.ctx('aix01').p).interfaces()[0].endpoint.counters;
    const asked = c.txBroadcast;
    t.clock.advance(19 * 60_000);
    assert.equal(replies(t.net('aix01', 'ping -c 1 10.10.1.103')), 1);
    assert.equal(c.txBroadcast, asked, 'still cached');
    t.clock.advance(2 * 60_000);
    assert.equal(replies(t.net('aix01', 'ping -c 1 10.10.1.103')), 1);
    assert.equal(c.txBroadcast, asked + 1, 'expired: a new ARP request');
  } finally { t.close(); }
});
