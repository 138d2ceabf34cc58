// Device attributes of a client partition, as `lsattr -El` shows them and `chdev -l` changes them: one row
// per attribute with its default (fixed, or derived from the device), description, whether it is
// user-settable and the values it takes (STYLE.md "tables over branches"). The disk rows follow vios.md §6
// (reserve_policy values, algorithm values and the round_robin/single_path rule, hcheck_* and queue_depth);
// defaults, descriptions and the other devices' rows are AIX as we know it (UNCERTAIN). enN and inet0 are
// the network module's (commands/net/net-attributes.ts).
import type { ClientCtx } from '../shell/client-command.ts';
import type { DeviceRow } from '../device-list.ts';
import type { PathFacts } from '../disk-facts.ts';
import { findModel } from '../../../platform/catalog/model-catalog.ts';
import { PROC_NAME_STEP } from './device-catalog.ts';

export interface AttrCtx { ctx: ClientCtx; dev: DeviceRow; facts: () => PathFacts | undefined; pvid: () => string | undefined }

/** What a settable attribute accepts: a list of words, or a whole-number range (lsattr -R prints either). */
export type Values = { list: string[] } | { lo: number; hi: number } | { hex: true };

export interface AttrDef {
  name: string;
  value: string | ((c: AttrCtx) => string);
  description: string;
  /** Settable with chdev when given. */
  values?: Values;
}

const a = (name: string, value: AttrDef['value'], description: string, values?: Values): AttrDef => ({ name, value, description, values });
const list = (...v: string[]): Values => ({ list: v });
const range = (lo: number, hi: number): Values => ({ lo, hi });
const HEX: Values = { hex: true };

const pvid = a('pvid', (c) => { const p = c.pvid(); return p ? `${p}0000000000000000` : 'none'; }, 'Physical volume identifier');
const size = a('size_in_mb', (c) => String(c.facts()?.sizeMB ?? 0), 'Size in Megabytes');
const uid = a('unique_id', (c) => c.dev.rec?.uid ?? '', 'Unique device identifier');
const HEALTH = [
  a('hcheck_cmd', 'test_unit_rdy', 'Health Check Command', list('test_unit_rdy', 'inquiry')),
  a('hcheck_mode', 'nonactive', 'Health Check Mode', list('nonactive', 'enabled', 'failed')),
];
const RESERVE = list('no_reserve', 'single_path', 'PR_exclusive', 'PR_shared');

/** Attribute rows per device type (DeviceRow.type.type). */
export const CLIENT_ATTRIBUTES: Record<string, AttrDef[]> = {
  vdisk: [
    a('PCM', 'PCM/friend/vscsi', 'Path Control Module'),
    a('algorithm', 'fail_over', 'Algorithm', list('fail_over')), // vSCSI MPIO is failover only (vios.md §3)
    ...HEALTH.slice(0, 1),
    a('hcheck_interval', '0', 'Health Check Interval', range(0, 3600)),
    ...HEALTH.slice(1),
    a('max_transfer', '0x40000', 'Maximum TRANSFER Size', HEX),
    pvid,
    a('queue_depth', '3', 'Queue DEPTH', range(1, 256)),
    a('reserve_policy', 'no_reserve', 'Reserve Policy', RESERVE),
    size,
    uid,
  ],
  mpioosdisk: [
    a('PCM', 'PCM/friend/fcpother', 'Path Control Module'),
    a('algorithm', 'fail_over', 'Algorithm', list('fail_over', 'round_robin', 'shortest_queue')),
    ...HEALTH.slice(0, 1),
    a('hcheck_interval', '60', 'Health Check Interval', range(0, 3600)),
    ...HEALTH.slice(1),
    a('lun_id', (c) => c.facts()?.lun ?? '', 'Logical Unit Number ID'),
    a('max_transfer', '0x80000', 'Maximum TRANSFER Size', HEX),
    pvid,
    a('q_type', 'simple', 'Queuing TYPE', list('no', 'simple', 'ordered')),
    a('queue_depth', '20', 'Queue DEPTH', range(1, 256)),
    a('reserve_policy', 'single_path', 'Reserve Policy', RESERVE),
    a('rw_timeout', '30', 'READ/WRITE time out value', range(1, 3600)),
    size,
    uid,
    a('ww_name', (c) => (c.facts()?.targetWwpn ? `0x${c.facts()!.targetWwpn!.toLowerCase()}` : ''), 'FC World Wide Name'),
  ],
  'IBM,v-scsi': [
    a('rw_timeout', '0', 'Virtual SCSI Read/Write Command Timeout', range(0, 3600)),
    a('vscsi_err_recov', 'delayed_fail', 'N/A', list('delayed_fail', 'fast_fail')),
    a('vscsi_path_to', '0', 'Virtual SCSI Path Timeout', range(0, 3600)),
  ],
  'IBM,vfc-client': [
    a('lg_term_dma', '0x800000', 'Long term DMA', HEX),
    a('max_xfer_size', '0x100000', 'Maximum Transfer Size', HEX),
    a('num_cmd_elems', '200', 'Maximum number of COMMANDS to queue to the adapter', range(20, 2048)),
  ],
  efscsi: [
    a('attach', 'switch', 'How this adapter is CONNECTED'),
    a('dyntrk', 'yes', 'Dynamic Tracking of FC Devices', list('yes', 'no')),
    a('fc_err_recov', 'fast_fail', 'FC Fabric Event Error RECOVERY Policy', list('delayed_fail', 'fast_fail')),
    a('sw_fc_class', '3', 'FC Class for Fabric', list('2', '3')),
  ],
  'IBM,l-lan': [
    a('alt_addr', '0x000000000000', 'Alternate Ethernet Address', HEX),
    a('chksum_offload', 'yes', 'Enable Checksum Offload for IPv4 packets', list('yes', 'no')),
    a('copy_buffs', '32', 'Transmit copy buffers', range(16, 128)),
    a('poll_uplink', 'no', 'Enable Uplink Polling', list('yes', 'no')),
    a('use_alt_addr', 'no', 'Enable Alternate Ethernet Address', list('yes', 'no')),
  ],
  chrp: [
    a('fullcore', 'false', 'Enable full CORE dump', list('true', 'false')),
    a('modelname', (c) => `IBM,${c.ctx.sys.hw.mtm}`, 'Machine name'),
    a('realmem', (c) => String((c.ctx.p.run.alloc?.mem ?? 0) * 1024), 'Amount of usable physical memory in Kbytes'),
  ],
  proc_rspc: [
    a('frequency', (c) => String(Math.round((findModel(c.ctx.sys.hw.mtm)?.ghz ?? 0) * 1e9)), 'Processor Speed'),
    a('smt_enabled', 'true', 'Processor SMT enabled'),
    a('smt_threads', String(PROC_NAME_STEP), 'Processor SMT threads'),
    a('state', 'enable', 'Processor state'),
    a('type', (c) => `PowerPC_${findModel(c.ctx.sys.hw.mtm)?.generation ?? 'POWER8'}`, 'Processor type'),
  ],
  totmem: [
    a('goodsize', (c) => String(c.ctx.p.run.alloc?.mem ?? 0), 'Amount of usable physical memory in Mbytes'),
    a('size', (c) => String(c.ctx.p.run.alloc?.mem ?? 0), 'Total amount of physical memory in Mbytes'),
  ],
};

/** The extra rule of vios.md §6: round_robin is not allowed with single_path reservation. */
export function attributeConflict(merged: Record<string, string>): string | null {
  return merged.algorithm === 'round_robin' && merged.reserve_policy === 'single_path' ? 'algorithm' : null;
}

/** chdev's method per device class (the name in its Method error). */
export const CHANGE_METHOD: Record<string, string> = { disk: 'chgdisk', adapter: 'chggen', driver: 'chgfcs', sys: 'chgsys', processor: 'chggen', memory: 'chggen' };
