// `lssyscfg -r sys` (platform.md §2): the VERIFIED field order of HMC V7R7.9, the capability flags derived
// from the model catalog, `unavailable` for capabilities while the system is powered off (VERIFIED), and
// the newer `lpar_proc_compat_modes` at the end (position UNCERTAIN). `uuid` is selectable with -F only.
import { findModel, type ModelSpec } from '../../../platform/catalog/model-catalog.ts';
import { maxPartitions } from '../../../platform/catalog/model-catalog.ts';
import type { SystemView } from '../../system-view.ts';
import type { FieldTable, Getter } from '../fields.ts';
import { hmcTime } from './time-format.ts';

type Row = { v: SystemView; now: number };
const GEN_ORDER = ['POWER5', 'POWER6', 'POWER7', 'POWER8', 'POWER9', 'POWER10', 'POWER11'];
const genAtLeast = (m: ModelSpec, g: string): boolean => GEN_ORDER.indexOf(m.generation) >= GEN_ORDER.indexOf(g);
const flag = (b: boolean): string => (b ? '1' : '0');

/** Capability flags: name → rule on the model. Data, not branches. */
const CAPABILITIES: [string, (m: ModelSpec) => string][] = [
  ['active_lpar_mobility_capable', (m) => flag(m.capabilities.lpm)],
  ['inactive_lpar_mobility_capable', (m) => flag(m.capabilities.lpm)],
  ['active_lpar_share_idle_procs_capable', (m) => flag(m.capabilities.sharedIdleProcsActive)],
  ['active_mem_expansion_capable', (m) => flag(m.capabilities.ame)],
  ['hardware_active_mem_expansion_capable', (m) => flag(m.capabilities.hardwareAme)],
  ['active_mem_sharing_capable', (m) => flag(m.capabilities.ams)],
  ['addr_broadcast_perf_policy_capable', (m) => flag(m.enterprise)],
  ['bsr_capable', () => '1'],
  ['cod_mem_capable', () => '1'],
  ['cod_proc_capable', () => '1'],
  ['dynamic_platform_optimization_capable', (m) => flag(genAtLeast(m, 'POWER7'))],
  ['electronic_err_reporting_capable', () => '1'],
  ['firmware_power_saver_capable', (m) => flag(genAtLeast(m, 'POWER7'))],
  ['hardware_power_saver_capable', (m) => flag(genAtLeast(m, 'POWER6'))],
  ['hardware_discovery_capable', () => '1'],
  ['hca_capable', (m) => flag(!genAtLeast(m, 'POWER8'))],
  ['huge_page_mem_capable', () => '1'],
  ['lhea_capable', (m) => flag(m.generation === 'POWER6' || m.generation === 'POWER7')],
  ['lpar_avail_priority_capable', (m) => flag(genAtLeast(m, 'POWER6'))],
  ['lpar_proc_compat_mode_capable', (m) => flag(genAtLeast(m, 'POWER6'))],
  ['lpar_remote_restart_capable', (m) => flag(genAtLeast(m, 'POWER7'))],
  ['powervm_lpar_remote_restart_capable', (m) => flag(genAtLeast(m, 'POWER8'))],
  ['lpar_suspend_capable', (m) => flag(genAtLeast(m, 'POWER7'))],
  ['micro_lpar_capable', () => '1'],
  ['os400_capable', (m) => flag(m.capabilities.ibmi)],
  ['5250_application_capable', () => '0'],
  ['redundant_err_path_reporting_capable', () => '1'],
  ['shared_eth_failover_capable', () => '1'],
  ['sni_msg_passing_capable', () => '0'],
  ['sp_failover_capable', (m) => flag(m.enterprise)],
  ['vet_activation_capable', () => '1'],
  ['virtual_fc_capable', (m) => flag(m.capabilities.virtualFc)],
  ['virtual_io_server_capable', () => '1'],
  ['virtual_switch_capable', (m) => flag(genAtLeast(m, 'POWER6'))],
  ['vsn_phase2_capable', (m) => flag(genAtLeast(m, 'POWER7'))],
  ['vsi_on_veth_capable', (m) => flag(genAtLeast(m, 'POWER7'))],
];

const modelOf = (r: Row): ModelSpec | undefined => (r.v.system ? findModel(r.v.system.hw.mtm) : undefined);
const up = (r: Row): boolean => {
  const s = r.v.state;
  return s !== 'Power Off' && s !== 'No Connection' && s !== 'Power Off In Progress';
};
/** A field that reads `unavailable` when the system is off (VERIFIED). */
const live = (get: (r: Row) => string): Getter<Row> => (r) => (up(r) && r.v.system ? get(r) : 'unavailable');
const cfg = (r: Row) => r.v.system!.cfg;

const SETTINGS: [string, Getter<Row>][] = [
  ['assign_5250_cpw_percent', live(() => '0')],
  ['max_lpars', live((r) => String(maxPartitions(modelOf(r)!, r.v.system!.hw.configurableCores)))],
  ['max_power_ctrl_lpars', live(() => '1')],
  ['hca_bandwidth_capabilities', live(() => 'null')],
  ['service_lpar_id', live(() => 'none')],
  ['curr_sys_keylock', live(() => 'norm')],
  ['pend_sys_keylock', live(() => 'norm')],
  ['curr_power_on_side', live(() => 'temp')],
  ['pend_power_on_side', live(() => 'temp')],
  ['curr_power_on_speed', live(() => 'fast')],
  ['pend_power_on_speed', live(() => 'fast')],
  ['curr_power_on_speed_override', live(() => 'none')],
  ['pend_power_on_speed_override', live(() => 'none')],
  ['power_on_type', live(() => 'power on')],
  ['power_on_option', live((r) => (r.v.state === 'Standby' ? 'standby' : 'autostart'))],
  ['power_on_lpar_start_policy', live((r) => cfg(r).power_on_lpar_start_policy)],
  ['pend_power_on_option', live(() => 'autostart')],
  ['pend_power_on_lpar_start_policy', live((r) => cfg(r).power_on_lpar_start_policy)],
  ['power_on_method', live(() => '02')],
  ['power_on_attr', live(() => '0000')],
  ['sp_boot_attr', live(() => '0000')],
  ['sp_boot_major_type', live(() => '08')],
  ['sp_boot_minor_type', live(() => '01')],
  ['sp_version', live(() => '00030030')],
  ['mfg_default_config', live(() => '0')],
  ['curr_mfg_default_ipl_source', live(() => 'a')],
  ['pend_mfg_default_ipl_source', live(() => 'a')],
  ['curr_mfg_default_boot_mode', live(() => 'norm')],
  ['pend_mfg_default_boot_mode', live(() => 'norm')],
  ['lpar_proc_compat_modes', live((r) => modelOf(r)!.compatModes.join(','))],
];

const hw = (r: Row) => r.v.system?.hw;
const FIELDS: Record<string, Getter<Row>> = {
  // An unreachable system is listed under its IP address (platform.md §2, VERIFIED form).
  name: (r) => (r.v.conn === 'Connected' ? r.v.name : r.v.ip),
  type_model: (r) => hw(r)?.mtm ?? 'unavailable',
  serial_num: (r) => hw(r)?.serial ?? 'unavailable',
  ipaddr: (r) => r.v.ip,
  state: (r) => r.v.state,
  detailed_state: (r) => (r.v.system && r.v.conn === 'Connected' ? r.v.system.cfg.detailed_state : 'None'),
  sys_time: live((r) => hmcTime(r.now)),
  power_off_policy: live((r) => String(cfg(r).power_off_policy)),
  uuid: (r) => r.v.system?.uuid ?? '',
  ...Object.fromEntries(CAPABILITIES.map(([n, f]) => [n, live((r) => f(modelOf(r)!))])),
  ...Object.fromEntries(SETTINGS),
};
// lpar_proc_compat_modes is a list: print it as one (quoted when it has commas).
FIELDS.lpar_proc_compat_modes = (r) => (up(r) && r.v.system ? [...modelOf(r)!.compatModes] : 'unavailable');

const DEFAULTS = ['name', 'type_model', 'serial_num', 'ipaddr', 'state', 'detailed_state', 'sys_time', 'power_off_policy',
  ...CAPABILITIES.map(([n]) => n), ...SETTINGS.map(([n]) => n)];
const DISCONNECTED = ['name', 'type_model', 'serial_num', 'ipaddr', 'state', 'detailed_state'];

export const SYSTEM_FIELDS: FieldTable<Row> = {
  fields: FIELDS,
  defaults: (r) => (r.v.conn === 'Connected' && r.v.system ? DEFAULTS : DISCONNECTED),
};
export type SystemRow = Row;
