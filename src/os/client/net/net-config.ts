// A client partition's network configuration as AIX keeps it in its ODM: per interface (en0, en1, …) the
// address, mask, state and MTU that `chdev -l enN` sets and every boot applies, and inet0's host name.
// Persisted per partition in an NvramStore, as the VIOS keeps its device configuration (DESIGN.md "State
// and where it lives"). Nothing is stored until the administrator changes something: until then en0 carries
// the address the partition was installed with (`@os … IP`, its RMC address) with a /24 mask (SIM choice,
// config network.initialPrefixLength), and the other interfaces are unconfigured (state down).
import { z } from 'zod';
import type { NvramStore } from '../../../platform/fsp/nvram.ts';
import { formatIpv4, parseIpv4, prefixMask } from '../../../platform/hypervisor/ethernet/ipv4-address.ts';

export const InterfaceConfigSchema = z.object({
  netaddr: z.string(),
  netmask: z.string(),
  state: z.enum(['up', 'down', 'detach']),
  mtu: z.number().int(),
});
export type InterfaceConfig = z.infer<typeof InterfaceConfigSchema>;

export const ClientNetConfigSchema = z.object({
  version: z.literal(1),
  /** The partition this configuration belongs to: a partition created later with the same id starts afresh. */
  lparUuid: z.string(),
  hostname: z.string(),
  interfaces: z.record(z.string(), InterfaceConfigSchema),
});
export type ClientNetConfig = z.infer<typeof ClientNetConfigSchema>;

export const DEFAULT_MTU = 1500;
export const unconfigured = (): InterfaceConfig => ({ netaddr: '', netmask: '', state: 'down', mtu: DEFAULT_MTU });

/** The configuration a freshly installed partition has. */
export function initialNetConfig(lparUuid: string, hostname: string, rmcIp: string, prefix: number): ClientNetConfig {
  const ip = parseIpv4(rmcIp);
  const interfaces: ClientNetConfig['interfaces'] = {};
  if (!Number.isNaN(ip)) interfaces.en0 = { netaddr: rmcIp, netmask: formatIpv4(prefixMask(prefix)), state: 'up', mtu: DEFAULT_MTU };
  return { version: 1, lparUuid, hostname, interfaces };
}

const KEY = 'client-net';

/** The stored configuration, or null when none was stored (or it is unreadable: the installed defaults apply). */
export function loadNetConfig(store: NvramStore): ClientNetConfig | null {
  const loaded = store.load();
  if (loaded.kind !== 'ok') return null;
  const parsed = ClientNetConfigSchema.safeParse(loaded.entries.get(KEY));
  return parsed.success ? parsed.data : null;
}

export function saveNetConfig(store: NvramStore, cfg: ClientNetConfig): void {
  store.commit([[KEY, cfg]], []);
}
