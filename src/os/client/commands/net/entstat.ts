// `entstat [-d] entN` (AIX): a virtual Ethernet adapter's statistics. The general block shows the
// hardware address, elapsed time since activation and the counters kept by the partition's IP stack
// (packets, bytes, broadcast and multicast, errors, drops); the collision and DMA lines of a physical
// adapter are constant 0 for a virtual one. With -d, the virtual adapter's own section: trunk or not, and
// the Port VLAN ID, VLAN tag IDs and virtual switch the hypervisor gives it (vios.md §7). Layout from
// general knowledge of AIX (UNCERTAIN: no captured sample in the reference).
import { err, ok, type ClientCommand } from '../../shell/client-command.ts';
import { macColons } from '../../../../platform/hypervisor/ethernet/mac.ts';
import { netStack } from './net-context.ts';
import { NET_MSG } from './net-messages.ts';

const LEFT = 46;
const pair = (l: string, r = ''): string => (r ? `${l.padEnd(LEFT)}${r}` : l);

function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 86400)} days ${Math.floor((s % 86400) / 3600)} hours ${Math.floor((s % 3600) / 60)} minutes ${s % 60} seconds`;
}

export const entstat: ClientCommand = (ctx, argv) => {
  const flags = argv.filter((a) => a.startsWith('-'));
  const devs = argv.filter((a) => !a.startsWith('-'));
  if (devs.length !== 1 || flags.some((f) => !/^-[drt]+$/.test(f))) return err(NET_MSG.entstatUsage());
  const detail = flags.some((f) => f.includes('d'));
  const stack = netStack(ctx);
  const i = stack.interfaces().find((x) => x.device === devs[0]);
  if (!i) return err(NET_MSG.entstatNoDevice(devs[0]));
  const c = i.endpoint.counters;
  const a = i.adapter;
  const lines = [
    '-------------------------------------------------------------',
    `ETHERNET STATISTICS (${i.device}) :`,
    'Device Type: Virtual I/O Ethernet Adapter (l-lan)',
    `Hardware Address: ${macColons(i.endpoint.mac)}`,
    `Elapsed Time: ${elapsed(ctx.now() - (ctx.p.run.alloc?.activated_at ?? ctx.now()))}`,
    '',
    pair('Transmit Statistics:', 'Receive Statistics:'),
    pair('--------------------', '-------------------'),
    pair(`Packets: ${c.txPackets}`, `Packets: ${c.rxPackets}`),
    pair(`Bytes: ${c.txBytes}`, `Bytes: ${c.rxBytes}`),
    pair('Interrupts: 0', `Interrupts: ${c.rxPackets}`),
    pair(`Transmit Errors: ${c.txErrors}`, `Receive Errors: ${c.rxErrors}`),
    pair(`Packets Dropped: ${c.txDropped}`, `Packets Dropped: ${c.rxDropped}`),
    pair('', 'Bad Packets: 0'),
    'Max Packets on S/W Transmit Queue: 0',
    'S/W Transmit Queue Overflow: 0',
    'Current S/W+H/W Transmit Queue Length: 0',
    '',
    pair(`Broadcast Packets: ${c.txBroadcast}`, `Broadcast Packets: ${c.rxBroadcast}`),
    pair(`Multicast Packets: ${c.txMulticast}`, `Multicast Packets: ${c.rxMulticast}`),
    pair('No Carrier Sense: 0', 'CRC Errors: 0'),
    pair('DMA Underrun: 0', 'DMA Overrun: 0'),
    pair('Lost CTS Errors: 0', 'Alignment Errors: 0'),
    pair('Max Collision Errors: 0', 'No Resource Errors: 0'),
    pair('Late Collision Errors: 0', 'Receive Collision Errors: 0'),
    pair('Deferred: 0', 'Packet Too Short Errors: 0'),
    pair('SQE Test: 0', 'Packet Too Long Errors: 0'),
    pair('Timeout Errors: 0', 'Packets Discarded by Adapter: 0'),
    pair('Single Collision Count: 0', 'Receiver Start Count: 0'),
    'Multiple Collision Count: 0',
    'Current HW Transmit Queue Length: 0',
    '',
    'General Statistics:',
    '-------------------',
    'No mbuf Errors: 0',
    'Adapter Reset Count: 0',
    'Adapter Data Rate: 20000',
    'Driver Flags: Up Broadcast Running',
    '\tSimplex 64BitSupport ChecksumOffload',
    '\tDataRateSet VIOENT',
  ];
  if (detail) {
    const vids = a.is_ieee === 1 && a.addl_vlan_ids.length ? a.addl_vlan_ids.join(' ') : 'None';
    lines.push(
      '',
      'Virtual I/O Ethernet Adapter (l-lan) Specific Statistics:',
      '---------------------------------------------------------',
      'Trunk Adapter: False', // trunk adapters exist only in VIOS partitions (vios.md §7)
      'Filter MCast Mode: False',
      'LAN State: Operational',
      '',
      `Hypervisor Send Failures: ${c.txErrors}`,
      `Hypervisor Receive Failures: ${c.rxDropped}`,
      '',
      `Port VLAN ID: ${String(a.port_vlan_id).padStart(5)}`,
      `VLAN Tag IDs:  ${vids}`,
      '',
      `Switch ID: ${a.vswitch}`,
    );
  }
  return ok(lines.map((l) => `${l}\n`).join(''));
};
