// The network commands as an administrator types them in a client partition: ifconfig, netstat -in,
// ping, entstat, and chdev/lsattr for en0 and inet0; their exact output, their refusals (which change
// nothing), and what survives a restart (chdev writes the ODM; ifconfig does not).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chdevNetwork, lsattrNetwork } from '../../../../src/os/client/commands/net/index.ts';
import { openNetSim, replies } from '../../network/net-harness.ts';

test('ifconfig -a shows the configured interfaces and lo0; ifconfig changes the live settings', async () => {
  const t = await openNetSim();
  try {
    assert.equal(t.net('aix03', 'ifconfig -a').stdout, [
      'en0: flags=1e084863,480<UP,BROADCAST,NOTRAILERS,RUNNING,SIMPLEX,MULTICAST,GROUPRT,64BIT,CHECKSUM_OFFLOAD(ACTIVE),CHAIN>',
      '\tinet 10.10.1.103 netmask 0xffffff00 broadcast 10.10.1.255',
      '\t tcp_sendspace 262144 tcp_recvspace 262144 rfc1323 1',
      'lo0: flags=e08084b,c0<UP,BROADCAST,LOOPBACK,RUNNING,SIMPLEX,MULTICAST,GROUPRT,64BIT,LARGESEND,CHAIN>',
      '\tinet 127.0.0.1 netmask 0xff000000 broadcast 127.255.255.255',
      '\tinet6 ::1%1/0',
      '\t tcp_sendspace 131072 tcp_recvspace 131072 rfc1323 1',
      '',
    ].join('\n'));
    assert.equal(t.net('aix03', 'ifconfig en1 10.20.0.5').exit, 0);
    assert.match(t.net('aix03', 'ifconfig en1').stdout, /^en1: flags=1e084863,480<UP,.*\n\tinet 10\.20\.0\.5 netmask 0xff000000 broadcast 10\.255\.255\.255\n/, 'classful mask when none is given');
    assert.equal(t.net('aix03', 'ifconfig en0 down').exit, 0);
    assert.match(t.net('aix03', 'ifconfig en0').stdout, /^en0: flags=1e084822,480<BROADCAST,NOTRAILERS,SIMPLEX,/);
    assert.equal(t.net('aix01', 'ping -c 1 10.10.1.103').exit, 1, 'a down interface answers nothing');
    assert.equal(t.net('aix03', 'ifconfig en0 up').exit, 0);
    assert.equal(replies(t.net('aix01', 'ping -c 1 10.10.1.103')), 1);
    // Refusals change nothing.
    assert.equal(t.net('aix03', 'ifconfig en0 inet 10.10.1.300 netmask 255.255.255.0').stderr, '0821-223 ifconfig: 10.10.1.300: bad value\n');
    assert.equal(t.net('aix03', 'ifconfig en7').exit, 1);
    assert.match(t.net('aix03', 'ifconfig en0').stdout, /inet 10\.10\.1\.103 netmask 0xffffff00/);
    assert.equal(t.net('aix03', 'ifconfig en1 detach').exit, 0);
    assert.doesNotMatch(t.net('aix03', 'ifconfig -a').stdout, /^en1:/m);
  } finally { t.close(); }
});

test('netstat -in counts what the adapter carried; entstat -d shows the VLAN and switch', async () => {
  const t = await openNetSim();
  try {
    assert.equal(replies(t.net('aix01', 'ping -c 2 10.10.1.103')), 2);
    const stack = t.oses.ethernet.stack(t.ctx('aix01').p);
    const c = stack.interfaces()[0].endpoint.counters;
    // One ARP request (broadcast) and two echo requests out; the ARP reply and two echo replies in (the
    // SEAs' announcements go out to the wire only, never to the partitions).
    assert.equal(c.txPackets, 3);
    assert.equal(c.txBroadcast, 1);
    assert.equal(c.rxPackets, 3);
    const lines = t.net('aix01', 'netstat -in').stdout.split('\n');
    assert.equal(lines[0], 'Name   Mtu   Network     Address                 Ipkts     Ierrs        Opkts     Oerrs  Coll');
    assert.equal(lines[1], 'en0    1500  link#2      ba.b2.f1.0.30.a             3         0            3         0     0');
    assert.equal(lines[2], 'en0    1500  10.10.1     10.10.1.101                 3         0            3         0     0');
    assert.match(lines[3], /^lo0    16896 link#1 /);
    const e = t.net('aix01', 'entstat -d ent0').stdout;
    assert.match(e, /^-{61}\nETHERNET STATISTICS \(ent0\) :\nDevice Type: Virtual I\/O Ethernet Adapter \(l-lan\)\nHardware Address: ba:b2:f1:00:30:0a\n/);
    assert.match(e, /\nPackets: 3 {36}Packets: 3\n/);
    assert.match(e, /\nBroadcast Packets: 1 {26}Broadcast Packets: 0\n/);
    assert.match(e, /\nPort VLAN ID: {5}1\nVLAN Tag IDs: {2}None\n\nSwitch ID: ETHERNET0\n$/);
    assert.doesNotMatch(t.net('aix01', 'entstat ent0').stdout, /Port VLAN ID/);
    assert.equal(t.net('aix01', 'entstat ent5').stderr, 'entstat: 0909-003 Unable to connect to device ent5, errno = 19\n');
  } finally { t.close(); }
});

test('ping: errors, loopback, sizes beyond the MTU (fragments), positional size and count', async () => {
  const t = await openNetSim();
  try {
    const u = t.net('aix01', 'ping -c 2 192.168.7.1');
    assert.equal(u.exit, 1);
    assert.equal(u.stderr, '0821-069 ping: sendto: The network is unreachable\n'.repeat(2));
    assert.match(u.stdout, /2 packets transmitted, 0 packets received, 100% packet loss\n$/);
    assert.equal(t.net('aix01', 'ping nosuchhost').stderr, '0821-062 ping: host name nosuchhost NOT FOUND\n');
    assert.equal(t.net('aix01', 'ping -c x 10.10.1.1').exit, 1);
    assert.equal(t.net('aix01', 'ping -s 70000 10.10.1.1').exit, 1);
    const lo = t.net('aix01', 'ping -c 2 localhost');
    assert.match(lo.stdout, /^PING localhost: \(127\.0\.0\.1\): 56 data bytes\n64 bytes from 127\.0\.0\.1: icmp_seq=0 ttl=255 time=0 ms\n/);
    const big = t.net('aix01', 'ping -c 2 -s 4000 10.10.1.1');
    assert.equal(replies(big), 2, big.stdout);
    assert.match(big.stdout, /4008 bytes from 10\.10\.1\.1: icmp_seq=1 /);
    const p = t.net('aix01', 'ping 10.10.1.103 100 3');
    assert.match(p.stdout, /^PING 10\.10\.1\.103: \(10\.10\.1\.103\): 100 data bytes\n108 bytes from/);
    assert.match(p.stdout, /3 packets transmitted, 3 packets received, 0% packet loss/);
    assert.match(t.net('aix01', 'ping 10.10.1.103').stdout, /5 packets transmitted/, 'the configured default count');
    const tiny = t.net('aix01', 'ping -c 1 -s 4 10.10.1.103');
    assert.match(tiny.stdout, /12 bytes from 10\.10\.1\.103: icmp_seq=0 ttl=255\n/, 'no time without room for a timestamp');
    assert.doesNotMatch(tiny.stdout, /round-trip/);
  } finally { t.close(); }
});

test('ping times follow the latency model: more through the SEA than inside the box', async () => {
  const t = await openNetSim({ config: { network: { pingTimeDecimals: 3 } } });
  try {
    const time = (lpar: string, ip: string): number => Number(/time=([\d.]+) ms/.exec(t.net(lpar, `ping -c 1 ${ip}`).stdout)![1]);
    const inside = time('aix01', '10.10.1.103');
    const outside = time('aix01', '10.10.1.1');
    assert.ok(inside > 0 && outside > inside * 2, `${inside} ms vs ${outside} ms`);
    const n = t.sim.config.network;
    // Inside: two virtual switch hops and the two stacks' processing, for an 98-byte frame each way.
    assert.ok(Math.abs(inside - 2 * (n.vswitchHopUs + 98 * n.vswitchNsPerByte / 1000 + n.stackUs) / 1000) < 1e-3);
  } finally { t.close(); }
});

test('chdev stores en1 and inet0 in the ODM and applies it; lsattr shows it; it survives a restart, ifconfig does not', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'powervm-sim-net-'));
  try {
    let t = await openNetSim({ dataDir: dir });
    const ctx = t.ctx('aix03');
    const bad = chdevNetwork(ctx, 'en1', { netaddr: '10.10.4.103', netmask: '255.0.255.0' });
    assert.equal(bad.exit, 1);
    assert.match(bad.stderr, /0514-018 The values specified for the following attributes\n\t\t are not valid:\n\tnetmask\n$/);
    assert.match(lsattrNetwork(ctx, 'en1').stdout, /^netaddr {7} {14}Internet Address/m, 'the refused chdev changed nothing');
    assert.equal(chdevNetwork(ctx, 'en1', { netaddr: '10.10.4.103', netmask: '255.255.255.0', state: 'up' }).stdout, 'en1 changed\n');
    assert.equal(replies(t.net('aix03', 'ping -c 1 10.10.4.1')), 1, 'applied at once');
    assert.match(lsattrNetwork(ctx, 'en1', ['netaddr', 'state']).stdout, /^netaddr {7}10\.10\.4\.103 +Internet Address +True\nstate {9}up +Current Interface Status +True\n$/);
    assert.equal(chdevNetwork(ctx, 'inet0', { hostname: 'aix03prod' }).exit, 0);
    assert.match(chdevNetwork(ctx, 'inet0', { route: 'net,-hopcount,0,,0,10.10.1.1' }).stderr, /not supported by the simulator/);
    assert.equal(chdevNetwork(ctx, 'en9', { state: 'up' }).stderr, 'chdev: 0514-519 The following device was not found in the customized\n\tdevice configuration database:\n\ten9\n');
    assert.equal(t.net('aix01', 'ifconfig en0 inet 10.10.1.201 netmask 255.255.255.0').exit, 0);
    t.close();

    t = await openNetSim({ dataDir: dir });
    assert.match(lsattrNetwork(t.ctx('aix03'), 'inet0', ['hostname']).stdout, /^hostname {6}aix03prod /);
    assert.equal(replies(t.net('aix03', 'ping -c 1 10.10.4.1')), 1, 'en1 from the ODM; the LAN and its cables from the data directory');
    assert.match(t.net('aix01', 'ifconfig en0').stdout, /inet 10\.10\.1\.101 /, 'the ifconfig change was not kept');
    t.close();
  } finally { rmSync(dir, { recursive: true, force: true }); }
});
