// What the network commands work on: the partition's IP stack, with the system's (and the LAN's) switches
// brought up to date first, so that what a command sends meets the configuration of the moment.
import type { ClientCtx } from '../../shell/client-command.ts';
import type { ClientIpStack } from '../../net/ip-stack.ts';

export function netStack(ctx: ClientCtx, sync = true): ClientIpStack {
  const eth = ctx.oses.ethernet;
  if (sync) eth.syncAll();
  return eth.stack(ctx.p);
}

/** Link numbers as AIX assigns them at boot: lo0 first, then en0, en1, … (`link#N` in netstat -in). */
export const linkIndex = (ifName: string): number => (ifName === 'lo0' ? 1 : Number(ifName.slice(2)) + 2);

export const LOOPBACK = { name: 'lo0', mtu: 16896, ip: '127.0.0.1', mask: 0xff000000 } as const;
