// lslparutil's resources and their fields, as data (hmc-cli.md §6.8; reference: "formats are key=value
// records, field lists UNCERTAIN"). Field names are the real HMC's: the names of UtilCounters
// (src/platform/types/utilization.ts) behind the sample's own time, event_type, resource_type, sys_time and
// time_cycles. Each row lists one resource's fields in print order; `when` leaves a field out of the plain
// listing for rows it does not apply to (dedicated partitions have no processing units or pool, only
// shared-memory partitions have paging fields) — which fields a real HMC omits is UNCERTAIN.
import { formatProcUnits } from '../../platform/hypervisor/units.ts';
import type { UtilCounters } from '../../platform/types/utilization.ts';
import type { OutValue } from '../cli/grammar/output.ts';
import { hmcTime } from '../cli/views/time-format.ts';

export const UTIL_RESOURCES = ['sys', 'pool', 'procpool', 'mempool', 'lpar'] as const;
export type UtilResource = (typeof UTIL_RESOURCES)[number];

/** One stored row: a resource's counters as read in one sample (or event). */
export interface UtilRecord {
  time: number;
  event_type: string;
  resource_type: UtilResource;
  /** The resource's fields (sys_time and time_cycles included), as UtilCounters names them. */
  data: Record<string, number | string>;
}

/** int: counters and sizes print as whole numbers; pu: processing units as 1.0 / 0.5; time: HMC time stamp. */
type Kind = 'int' | 'pu' | 'text' | 'time';
interface UtilField { name: string; kind: Kind; when?: (d: UtilRecord['data']) => boolean }

const shared = (d: UtilRecord['data']): boolean => d.curr_proc_mode === 'shared';
const dedicated = (d: UtilRecord['data']): boolean => d.curr_proc_mode === 'ded';
const sharedMem = (d: UtilRecord['data']): boolean => d.mem_mode === 'shared';
const ame = (d: UtilRecord['data']): boolean => Number(d.curr_mem_expansion) > 0;

const f = (name: string, kind: Kind, when?: UtilField['when']): UtilField => ({ name, kind, when });
const HEAD = [f('time', 'time'), f('event_type', 'text'), f('resource_type', 'text'), f('sys_time', 'time')];

export const UTIL_FIELDS: Readonly<Record<UtilResource, readonly UtilField[]>> = {
  sys: [...HEAD, f('state', 'text'), f('configurable_sys_proc_units', 'pu'), f('configurable_sys_mem', 'int'),
    f('curr_avail_sys_proc_units', 'pu'), f('curr_avail_sys_mem', 'int'), f('sys_firmware_mem', 'int'),
    f('proc_cycles_per_second', 'int')],
  pool: [...HEAD, f('time_cycles', 'int'), f('configurable_pool_proc_units', 'pu'), f('curr_avail_pool_proc_units', 'pu'),
    f('borrowed_pool_proc_units', 'pu'), f('total_pool_cycles', 'int'), f('utilized_pool_cycles', 'int')],
  procpool: [...HEAD, f('time_cycles', 'int'), f('shared_proc_pool_name', 'text'), f('shared_proc_pool_id', 'int'),
    f('total_pool_cycles', 'int'), f('utilized_pool_cycles', 'int'), f('max_pool_capacity', 'pu'),
    f('curr_reserved_pool_proc_units', 'pu')],
  mempool: [...HEAD, f('time_cycles', 'int'), f('curr_pool_mem', 'int'), f('lpar_curr_io_entitled_mem', 'int'),
    f('lpar_mapped_io_entitled_mem', 'int'), f('lpar_run_mem', 'int'), f('sys_firmware_pool_mem', 'int'),
    f('page_faults', 'int'), f('page_in_delay', 'int')],
  lpar: [...HEAD, f('time_cycles', 'int'), f('lpar_name', 'text'), f('lpar_id', 'int'), f('curr_proc_mode', 'text'),
    f('curr_proc_units', 'pu', shared), f('curr_procs', 'int'), f('curr_sharing_mode', 'text'),
    f('curr_uncap_weight', 'int', shared), f('curr_shared_proc_pool_name', 'text', shared),
    f('curr_shared_proc_pool_id', 'int', shared), f('mem_mode', 'text'), f('curr_mem', 'int'),
    f('phys_run_mem', 'int', sharedMem), f('curr_io_entitled_mem', 'int', sharedMem),
    f('mapped_io_entitled_mem', 'int', sharedMem), f('run_mem_weight', 'int', sharedMem),
    f('page_faults', 'int', sharedMem), f('page_in_delay', 'int', sharedMem),
    f('curr_mem_expansion', 'pu', ame), f('ame_cycles', 'int', ame),
    f('entitled_cycles', 'int'), f('capped_cycles', 'int'), f('uncapped_cycles', 'int'),
    f('shared_cycles_while_active', 'int', dedicated), f('idle_cycles', 'int')],
};

/** Counters are cumulative cycle counts that outgrow 2^53 on big, long-running systems: print every digit we hold. */
function wholeNumber(n: number): string {
  return Number.isFinite(n) ? BigInt(Math.round(n)).toString() : String(n);
}

function formatValue(kind: Kind, r: UtilRecord, name: string): OutValue | undefined {
  const v = name === 'time' ? r.time : name === 'event_type' ? r.event_type : name === 'resource_type' ? r.resource_type : r.data[name];
  if (v === undefined) return undefined;
  if (kind === 'text') return String(v);
  if (kind === 'time') return hmcTime(Number(v));
  if (kind === 'pu') return formatProcUnits(Number(v));
  return wholeNumber(Number(v));
}

const BY_NAME = Object.fromEntries(UTIL_RESOURCES.map((t) => [t, new Map(UTIL_FIELDS[t].map((x) => [x.name, x]))])) as Record<UtilResource, Map<string, UtilField>>;

/** One field's value for a row; undefined when the row's resource has no such field. */
export function utilValue(r: UtilRecord, name: string): OutValue | undefined {
  const field = BY_NAME[r.resource_type].get(name);
  return field ? formatValue(field.kind, r, name) : undefined;
}

/** The plain listing's fields of a row, in order. */
export function utilDefaults(r: UtilRecord): string[] {
  return UTIL_FIELDS[r.resource_type].filter((x) => !x.when || x.when(r.data)).map((x) => x.name);
}

/** The field names -F accepts for the listed resource types. */
export function utilFieldNames(types: readonly UtilResource[]): string[] {
  return [...new Set(types.flatMap((t) => UTIL_FIELDS[t].map((x) => x.name)))];
}

/** A resource row to store: its type, the id that orders it within a sample, its name (for filters) and fields. */
export interface ResourceRow { resource_type: UtilResource; res_id: number; res_name: string; data: UtilRecord['data'] }

/**
 * The rows of one sample, in print order: the system, the physical pool, each shared processor pool,
 * the memory pool (when there is one) and each partition, pools and partitions by id.
 */
export function resourceRows(c: UtilCounters): ResourceRow[] {
  const at = { sys_time: c.time, time_cycles: c.time_cycles };
  const rows: ResourceRow[] = [{
    resource_type: 'sys', res_id: 0, res_name: '',
    data: {
      sys_time: c.time, state: c.state, configurable_sys_proc_units: c.configurable_sys_proc_units,
      configurable_sys_mem: c.configurable_sys_mem, curr_avail_sys_proc_units: c.curr_avail_sys_proc_units,
      curr_avail_sys_mem: c.curr_avail_sys_mem, sys_firmware_mem: c.sys_firmware_mem,
      proc_cycles_per_second: c.proc_cycles_per_second,
    },
  }];
  rows.push({ resource_type: 'pool', res_id: 0, res_name: '', data: { ...at, ...c.pool } });
  for (const p of [...c.procpools].sort((a, b) => a.shared_proc_pool_id - b.shared_proc_pool_id)) {
    rows.push({ resource_type: 'procpool', res_id: p.shared_proc_pool_id, res_name: p.shared_proc_pool_name, data: { ...at, ...p } });
  }
  if (c.mempool) rows.push({ resource_type: 'mempool', res_id: 0, res_name: '', data: { ...at, ...c.mempool } });
  for (const l of [...c.lpars].sort((a, b) => a.lpar_id - b.lpar_id)) {
    rows.push({ resource_type: 'lpar', res_id: l.lpar_id, res_name: l.lpar_name, data: { ...at, ...l } });
  }
  return rows;
}
