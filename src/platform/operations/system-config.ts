// System-level settings (platform.md §3 chsyscfg -r sys, §5.1/§5.6 chhwres -r mem -o s at system level).
import { fail } from '../../errors/hmc-error.ts';
import type { ManagedSystem } from '../managed-system.ts';
import type { SystemConfig } from '../types/system.ts';

export type SystemAttrs = Partial<Pick<SystemConfig, 'power_off_policy' | 'power_on_lpar_start_policy' | 'pend_mem_region_size' |
  'requested_num_sys_huge_pages' | 'mem_mirroring_mode'>> & { new_name?: string };

const START_POLICIES = ['autostart', 'userinit', 'inherit', 'autorecovery'];
const MIRRORING = ['none', 'sys_firmware_only'];

export function changeSystem(sys: ManagedSystem, attrs: SystemAttrs): void {
  if (sys.recovery) fail('SYSTEM_STATE', { system: sys.name, state: 'Recovery', need: 'Operating' });
  if (attrs.new_name !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_.\-]{0,62}$/.test(attrs.new_name)) {
    fail('INVALID_VALUE', { attr: 'new_name', value: attrs.new_name, hint: 'A managed system name is 1 to 63 letters, digits, periods, hyphens or underscores.' });
  }
  if (attrs.power_off_policy !== undefined && attrs.power_off_policy !== 0 && attrs.power_off_policy !== 1) {
    fail('INVALID_VALUE', { attr: 'power_off_policy', value: attrs.power_off_policy, hint: 'Specify 0 or 1.' });
  }
  if (attrs.power_on_lpar_start_policy !== undefined && !START_POLICIES.includes(attrs.power_on_lpar_start_policy)) {
    fail('INVALID_VALUE', { attr: 'power_on_lpar_start_policy', value: attrs.power_on_lpar_start_policy, hint: `Valid values are ${START_POLICIES.join(', ')}.` });
  }
  if (attrs.pend_mem_region_size !== undefined && !sys.model.lmbSizesMB.includes(attrs.pend_mem_region_size)) {
    fail('INVALID_VALUE', { attr: 'pend_mem_region_size', value: attrs.pend_mem_region_size, hint: `Valid sizes are ${sys.model.lmbSizesMB.join(', ')} MB.` });
  }
  if (attrs.requested_num_sys_huge_pages !== undefined && !(Number.isInteger(attrs.requested_num_sys_huge_pages) && attrs.requested_num_sys_huge_pages >= 0)) {
    fail('INVALID_VALUE', { attr: 'requested_num_sys_huge_pages', value: attrs.requested_num_sys_huge_pages, hint: 'Specify a whole number.' });
  }
  if (attrs.mem_mirroring_mode !== undefined && !MIRRORING.includes(attrs.mem_mirroring_mode)) {
    fail('INVALID_VALUE', { attr: 'mem_mirroring_mode', value: attrs.mem_mirroring_mode, hint: `Valid values are ${MIRRORING.join(', ')}.` });
  }
  sys.change((tx) => {
    const { new_name, ...rest } = attrs;
    Object.assign(sys.cfg, rest);
    if (new_name !== undefined) sys.cfg.name = new_name;
    tx.touchSystem();
  });
}
