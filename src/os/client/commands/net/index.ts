// The network commands of a client partition's shell (issue "Ethernet" item 6), for the shell to register.
// chdev and lsattr are the shell's own commands; for enN and inet0 they delegate to chdevNetwork and
// lsattrNetwork.
import type { ClientCommand } from '../../shell/client-command.ts';
import { entstat } from './entstat.ts';
import { ifconfig } from './ifconfig.ts';
import { netstat } from './netstat.ts';
import { ping } from './ping.ts';

export const NET_COMMANDS: Readonly<Record<string, ClientCommand>> = { ifconfig, netstat, ping, entstat };

export { chdevNetwork, lsattrNetwork } from './net-attributes.ts';
/** Devices whose chdev/lsattr go to chdevNetwork/lsattrNetwork. */
export const isNetworkDevice = (device: string): boolean => /^en\d+$/.test(device) || device === 'inet0';
