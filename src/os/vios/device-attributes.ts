// Device attributes as `lsdev -dev X -attr` shows them and `chdev` changes them (vios.md §2.2, §5, §6).
// One table row per attribute: default (or how it is derived from the hardware and configuration),
// description, whether it is user-settable, and its validator (STYLE.md "tables over branches").
// Values shown are the stored (ODM) values: `chdev -perm` changes them as well.
// Descriptions and defaults other than those named in vios.md are AIX-style (UNCERTAIN).
import type { Device, DeviceClass } from './device-tree.ts';
import type { ViosEnvironment } from './environment.ts';
import type { ViosConfig } from './vios-config.ts';
import type { ViosSettings } from './vios-settings.ts';
import { fail, VIOS_MSG } from './vios-errors.ts';

export interface AttrCtx { dev: Device; cfg: ViosConfig; env: ViosEnvironment; settings: ViosSettings }

export interface AttrDef {
  name: string;
  description: string;
  settable: boolean;
  /** The default: fixed, or derived from the device. A value stored by chdev (cfg.attrs) wins. */
  value: string | ((c: AttrCtx) => string);
  /** Why a value is refused, or null. */
  check?: (v: string) => string | null;
}

const oneOf = (...vals: string[]) => (v: string): string | null => (vals.includes(v) ? null : `use one of ${vals.join(', ')}`);
const intIn = (lo: number, hi: number) => (v: string): string | null =>
  (/^\d+$/.test(v) && Number(v) >= lo && Number(v) <= hi ? null : `use a whole number from ${lo} to ${hi}`);
const hex = (v: string): string | null => (/^0x[0-9a-fA-F]{1,16}$/.test(v) ? null : 'use a hexadecimal value such as 0x100000');
const ipOrZero = (v: string): string | null =>
  (v === '0' || /^(\d{1,3})(\.\d{1,3}){3}$/.test(v) && v.split('.').every((o) => Number(o) <= 255) ? null : 'use an IPv4 address or 0');
const yesNo = oneOf('yes', 'no');

/** A row; an attribute is user-settable exactly when it has a validator. */
const a = (name: string, value: AttrDef['value'], description: string, check?: AttrDef['check']): AttrDef =>
  ({ name, value, description, settable: check !== undefined, check });

const sea = (c: AttrCtx) => c.cfg.seas.find((s) => s.name === c.dev.name);
const lnagg = (c: AttrCtx) => c.cfg.lnaggs.find((l) => l.name === c.dev.name);

export const ATTRIBUTES: Partial<Record<DeviceClass, AttrDef[]>> = {
  hdisk: [
    a('PCM', (c) => (c.dev.disk?.kind === 'sas' ? 'PCM/friend/sissas' : 'PCM/friend/fcpother'), 'Path Control Module'),
    a('algorithm', 'fail_over', 'Algorithm', oneOf('fail_over', 'round_robin', 'shortest_queue')),
    a('hcheck_interval', (c) => String(c.settings.hcheckIntervalDefault), 'Health Check Interval', intIn(0, 3600)),
    a('hcheck_mode', 'nonactive', 'Health Check Mode', oneOf('nonactive', 'enabled', 'failed')),
    a('max_transfer', '0x40000', 'Maximum TRANSFER Size', hex),
    a('pvid', (c) => { const p = c.cfg.pvids[c.dev.disk?.uid ?? '']; return p ? `${p}0000000000000000` : 'none'; }, 'Physical volume identifier'),
    a('queue_depth', (c) => (c.dev.disk?.kind === 'sas' ? '16' : '20'), 'Queue DEPTH', intIn(1, 256)),
    a('reserve_policy', 'single_path', 'Reserve Policy', oneOf('no_reserve', 'single_path', 'PR_exclusive', 'PR_shared')),
    a('size_in_mb', (c) => String(c.dev.disk?.sizeMB ?? 0), 'Size in Megabytes'),
    a('unique_id', (c) => c.dev.disk?.uid ?? '', 'Unique device identifier'),
  ],
  fcs: [
    a('init_link', 'auto', 'INIT Link flags', oneOf('auto', 'al', 'pt2pt')),
    a('lg_term_dma', '0x800000', 'Long term DMA', hex),
    a('max_xfer_size', '0x100000', 'Maximum Transfer Size', hex),
    a('num_cmd_elems', '500', 'Maximum number of COMMANDS to queue to the adapter', intIn(20, 4096)),
  ],
  fscsi: [
    a('attach', 'switch', 'How this adapter is CONNECTED'),
    a('dyntrk', 'no', 'Dynamic Tracking of FC Devices', yesNo),
    a('fc_err_recov', 'delayed_fail', 'FC Fabric Event Error RECOVERY Policy', oneOf('delayed_fail', 'fast_fail')),
    a('sw_fc_class', '3', 'FC Class for Fabric', oneOf('1', '2', '3')),
  ],
  ent: [
    a('flow_ctrl', 'yes', 'Enable Transmit and Receive Flow Control', yesNo),
    a('jumbo_frames', 'no', 'Enable Jumbo Frames', yesNo),
    a('large_send', 'yes', 'Enable TCP Large Send Offload', yesNo),
    a('media_speed', 'Auto_Negotiation', 'Requested media speed', oneOf('Auto_Negotiation', '100_Full_Duplex', '1000_Full_Duplex', '10000_Full_Duplex')),
    a('use_alt_addr', 'no', 'Enable Alternate Ethernet Address', yesNo),
  ],
  veth: [
    a('chksum_offload', 'yes', 'Enable Checksum Offload for IPv4 packets', yesNo),
    a('poll_uplink', 'no', 'Enable Uplink Polling', yesNo),
    a('trunk_adapter', (c) => ((c.dev.va?.trunkPriority ?? 0) > 0 ? 'yes' : 'no'), 'Trunk adapter (bridging)'),
    a('use_alt_addr', 'no', 'Enable Alternate Ethernet Address', yesNo),
  ],
  // §5: the SEA attributes; real_adapter, virt_adapters, pvid, pvid_adapter are checked by the SEA rules.
  sea: [
    a('accounting', 'disabled', 'Enable per-client accounting of network statistics', oneOf('enabled', 'disabled')),
    a('adapter_reset', 'yes', 'Reset real adapter on HA takeover', yesNo),
    a('ctl_chan', '', 'Control Channel adapter for SEA failover', () => null), // checked by the SEA rules
    a('fb_delay', '15', 'Delay before failback occurs (seconds)', intIn(0, 600)),
    a('gvrp', 'no', 'Enable GARP VLAN Registration Protocol (GVRP)', yesNo),
    a('ha_mode', 'disabled', 'High Availability Mode', oneOf('disabled', 'auto', 'standby', 'sharing')),
    a('jumbo_frames', 'no', 'Enable Gigabit Ethernet Jumbo Frames', yesNo),
    a('large_receive', 'no', 'Enable receive TCP segment aggregation', yesNo),
    a('largesend', '0', 'Enable Hardware Transmit TCP Resegmentation', oneOf('0', '1')),
    a('link_time', '5', 'Time in seconds required for the link to be declared healthy after a status change', intIn(1, 60)),
    a('lldpsvc', 'no', 'Enable IEEE 802.1qbg services', yesNo),
    a('netaddr', '0', 'Address to ping', ipOrZero),
    a('noauto_failback', 'no', 'Disable Auto Failback', yesNo),
    { ...a('pvid', (c) => String(sea(c)?.pvid ?? ''), 'PVID to use for the SEA device'), settable: true },
    { ...a('pvid_adapter', (c) => sea(c)?.pvidAdapter ?? '', 'Default virtual adapter to use for non-VLAN-tagged packets'), settable: true },
    a('qos_mode', 'disabled', 'N/A', oneOf('disabled', 'strict', 'loose')),
    { ...a('real_adapter', (c) => sea(c)?.realAdapter ?? '', 'Physical adapter associated with the SEA'), settable: true },
    a('thread', '1', 'Thread mode enabled (1) or disabled (0)', oneOf('0', '1')),
    { ...a('virt_adapters', (c) => sea(c)?.virtAdapters.join(',') ?? '', 'List of virtual adapters associated with the SEA (comma separated)'), settable: true },
  ],
  // §5.1; the member lists are fixed once created (SIM simplification: rebuild the aggregation to change them).
  lnagg: [
    a('adapter_names', (c) => lnagg(c)?.adapters.join(',') ?? '', 'EtherChannel Adapters'),
    a('backup_adapter', (c) => lnagg(c)?.backupAdapter ?? 'NONE', 'Adapter used when whole channel fails'),
    a('hash_mode', 'default', 'Determines how outgoing adapter is chosen', oneOf('default', 'src_port', 'dst_port', 'src_dst_port')),
    a('mode', 'standard', 'EtherChannel mode of operation', oneOf('standard', 'round_robin', '8023ad', 'netif_backup')),
    a('netaddr', '0', 'Address to ping', ipOrZero),
    a('use_jumbo_frame', 'no', 'Enable Gigabit Ethernet Jumbo Frames', yesNo),
  ],
  vlan: [
    a('base_adapter', (c) => c.cfg.vlans.find((v) => v.name === c.dev.name)?.base ?? '', 'VLAN Base Adapter'),
    a('vlan_priority', '0', 'VLAN Priority', intIn(0, 7)),
    a('vlan_tag_id', (c) => String(c.cfg.vlans.find((v) => v.name === c.dev.name)?.tagId ?? ''), 'VLAN Tag ID'),
  ],
  vtd: [
    a('LogicalUnitAddr', (c) => lunHex(c.cfg.vtds.find((t) => t.name === c.dev.name)?.lun ?? 0), 'Logical Unit Address'),
    a('aix_tdev', (c) => c.cfg.vtds.find((t) => t.name === c.dev.name)?.backing ?? '', 'Target Device Name'),
    a('client_reserve', 'no', 'Client Reserve', yesNo),
    a('mirrored', (c) => (c.cfg.vtds.find((t) => t.name === c.dev.name)?.kind === 'lv' ? 'N/A' : 'false'), 'Metro/Global Mirror'),
  ],
  // §2.2: `lsdev -dev proc0 -attr frequency` (VERIFIED value form). The processor type is not in the environment.
  proc: [
    a('frequency', (c) => String(c.env.procFrequencyHz), 'Processor Speed'),
    a('smt_enabled', 'true', 'Processor SMT enabled'),
    a('smt_threads', '8', 'Processor SMT threads'),
    a('state', 'enable', 'Processor state'),
  ],
};

/** §2.3: the N-th mapping on a vhost has LUN 0x8N00000000000000 (VERIFIED for 0x81…0x84). */
export const lunHex = (n: number): string => `0x${(0x80 + n).toString(16)}00000000000000`;

export const attributesOf = (dev: Device): AttrDef[] => ATTRIBUTES[dev.cls] ?? [];

export function attrValue(def: AttrDef, c: AttrCtx): string {
  return c.cfg.attrs[c.dev.name]?.[def.name] ?? (typeof def.value === 'function' ? def.value(c) : def.value);
}

/** Attribute rows in lsattr order (ASCII: upper case first). */
export function attributeRows(c: AttrCtx): { def: AttrDef; value: string }[] {
  return [...attributesOf(c.dev)].sort((x, y) => (x.name < y.name ? -1 : 1)).map((def) => ({ def, value: attrValue(def, c) }));
}

/** Checks `attr=value` for a device class: known, user-settable, valid value. */
export function checkAssignment(devName: string, cls: DeviceClass, attr: string, value: string): AttrDef {
  const def = (ATTRIBUTES[cls] ?? []).find((d) => d.name === attr) ?? fail(VIOS_MSG.badAttr(devName, attr));
  if (!def.settable) fail(VIOS_MSG.attrNotSettable(devName, attr));
  const why = def.check?.(value) ?? null;
  if (why !== null) fail(VIOS_MSG.badValue(attr, value, why));
  return def;
}
