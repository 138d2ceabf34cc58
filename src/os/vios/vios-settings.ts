// Values vios.md marks UNCERTAIN (reference/README.md: "Every UNCERTAIN value belongs in configuration,
// not in code"). One object, overridable per VIOS through `new ViosOs({ settings })`.
import type { VirtualAdapterView } from './environment.ts';

export interface ViosSettings {
  /** §2.3: Client Partition ID of a vhost whose client is not running: 0x00000000 or the configured id. */
  vscsiClientIdWhenDown: 'zero' | 'configured';
  /** §2.3: the line of a vhost without VTDs (some levels print the message without `VTD`). */
  emptyVhostLine: string;
  /** §2.4: `Ports logged in:` of a logged-in vFC client (the environment does not give the fabric's count). */
  npivPortsLoggedIn: number;
  /** §2.4: the client's own device name for its vFC adapter (the environment does not carry it). */
  vfcClientDeviceName: (client: NonNullable<VirtualAdapterView['client']>) => string;
  /** §2.7: supported WWPNs per NPIV port (swwpns); awwpns = swwpns - 2 × logins in use. */
  npivSupportedWwpns: number;
  /** §1, §10: the restricted shell's answer to an unknown command (exit 127). AIX ksh style. */
  notFound: (command: string) => string;
  /** §2.3: VTDs per vhost; LUNs 0x81…0xBF use the 6-bit single-level LUN form. */
  maxVtdsPerVhost: number;
  /** §6: hcheck_interval default (0 on older levels, 60 recommended and default on newer ones). */
  hcheckIntervalDefault: number;
}

export const DEFAULT_VIOS_SETTINGS: ViosSettings = {
  vscsiClientIdWhenDown: 'zero',
  emptyVhostLine: `${'VTD'.padEnd(22)}NO VIRTUAL TARGET DEVICE FOUND`,
  npivPortsLoggedIn: 1,
  vfcClientDeviceName: (c) => (c.os === 'Linux' ? 'host0' : c.os === 'IBM i' ? 'DC01' : 'fcs0'),
  npivSupportedWwpns: 2048,
  notFound: (command) => `rksh: ${command}:  not found.`,
  maxVtdsPerVhost: 63,
  hcheckIntervalDefault: 60,
};
