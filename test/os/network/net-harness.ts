// Test harness for the Ethernet data path: the default lab on virtual time, commands typed in a client
// partition (the network command table, as the client shell runs it), and a capture of every frame that
// enters the external LAN switch, by the physical port it came from.
import { NET_COMMANDS } from '../../../src/os/client/commands/net/index.ts';
import type { ClientCtx, ClientResult } from '../../../src/os/client/shell/client-command.ts';
import type { PartitionOses } from '../../../src/os/partition-oses.ts';
import { splitWords } from '../../../src/hmc/shell/words.ts';
import { decodeFrame, type EthernetFrame } from '../../../src/platform/hypervisor/ethernet/ethernet-frame.ts';
import { openSim, S824, type TestSim } from '../../helpers/sim.ts';

export const C4T1 = 'U78C9.001.WZS0A1B-P1-C4-T1'; // vios1 SEA ent11 (VLAN 1)
export const C4T2 = 'U78C9.001.WZS0A1B-P1-C4-T2'; // vios1 SEA ent12 (VLANs 2, 3)
export const C8T1 = 'U78C9.001.WZS0A1B-P1-C8-T1'; // vios2 SEA ent11 (VLAN 1)

export interface NetSim extends TestSim {
  oses: PartitionOses;
  ctx(lpar: string): ClientCtx;
  /** Run a network command line in a partition. */
  net(lpar: string, line: string): ClientResult;
  /** Frames that entered the LAN switch from a cabled physical port, by port location (decoded). */
  wire: Map<string, EthernetFrame[]>;
}

export async function openNetSim(opts: Parameters<typeof openSim>[0] = {}): Promise<NetSim> {
  const t = await openSim(opts);
  const sys = t.sim.system(S824);
  const oses = t.sim.fsps[0].os as PartitionOses;
  const ctx = (lpar: string): ClientCtx => ({ sys, oses, p: sys.partitionByName(lpar)!, stdin: '', now: () => t.clock.now() });
  const wire = new Map<string, EthernetFrame[]>();
  const sw = t.sim.lan.switches.get('lan1')!;
  t.sim.lan.queue.tap = (target, port, f, len) => {
    if (target !== sw.target) return;
    const key = sw.portKey(port) ?? '';
    if (!key.startsWith('cable:')) return;
    const loc = key.slice('cable:'.length);
    wire.set(loc, [...(wire.get(loc) ?? []), decodeFrame(f, len)]);
  };
  const net = (lpar: string, line: string): ClientResult => {
    const [cmd, ...args] = splitWords(line);
    return NET_COMMANDS[cmd](ctx(lpar), args);
  };
  return { ...t, oses, ctx, net, wire };
}

/** Echo replies a ping printed. */
export const replies = (r: ClientResult): number => r.stdout.split('\n').filter((l) => / bytes from /.test(l)).length;
