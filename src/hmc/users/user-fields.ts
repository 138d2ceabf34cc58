// Listing field tables of the users, roles and policy commands (hmc-cli.md §4), in their output order.
import type { FieldTable } from '../cli/fields.ts';
import { POLICY_NUMBERS, type PasswordPolicy } from './policy-store.ts';
import { formatTaskResources, type CustomTaskRole } from './role-store.ts';
import { predefinedResources, type PredefinedTaskRole } from './task-roles.ts';
import type { HmcUser, UserDefaults } from './user-types.ts';

const table = <T>(fields: FieldTable<T>['fields']): FieldTable<T> => {
  const order = Object.keys(fields);
  return { fields, defaults: () => order };
};
const num = (n: number): string => String(n);

/** platform.md §11, VERIFIED order (V7R7.9). */
export const USER_FIELDS: FieldTable<HmcUser> = table<HmcUser>({
  name: (u) => u.name,
  taskrole: (u) => u.taskrole,
  description: (u) => u.description,
  pwage: (u) => num(u.pwage),
  resourcerole: (u) => u.resourcerole,
  authentication_type: (u) => u.authentication_type,
  remote_webui_access: (u) => num(u.remote_webui_access),
  remote_ssh_access: (u) => num(u.remote_ssh_access),
  min_pwage: (u) => num(u.min_pwage),
  session_timeout: (u) => num(u.session_timeout),
  verify_timeout: (u) => num(u.verify_timeout),
  idle_timeout: (u) => num(u.idle_timeout),
  inactivity_expiration: (u) => num(u.inactivity_expiration),
  // VERIFIED form for the predefined resource role; no other resource role exists in the simulator.
  resources: (u) => (u.resourcerole === 'ALL:' ? '<ResourceID = ALL:><UserDefinedName = AllSystemResources>' : ''),
  // The VERIFIED value of the emulated V7 console; the simulator itself keeps scrypt hashes (password.ts).
  password_encryption: () => 'md5',
  disabled: (u) => num(u.disabled),
});

/** `lshmcusr -t default`: the settings new users get (field set and order UNCERTAIN). */
export const USER_DEFAULT_FIELDS: FieldTable<UserDefaults> = table<UserDefaults>({
  pwage: (d) => num(d.pwage),
  min_pwage: (d) => num(d.min_pwage),
  session_timeout: (d) => num(d.session_timeout),
  verify_timeout: (d) => num(d.verify_timeout),
  idle_timeout: (d) => num(d.idle_timeout),
  inactivity_expiration: (d) => num(d.inactivity_expiration),
  remote_webui_access: (d) => num(d.remote_webui_access),
  remote_ssh_access: (d) => num(d.remote_ssh_access),
});

/**
 * `lspwdpolicy -t p`: Ansible's hmc_pwdpolicy reads NAME and ACTIVE and compares every mkpwdpolicy
 * attribute it set with the listed value as text, so all of them are listed (order UNCERTAIN).
 */
export const POLICY_FIELDS: FieldTable<PasswordPolicy> = table<PasswordPolicy>({
  name: (p) => p.name,
  description: (p) => p.description,
  active: (p) => num(p.active),
  ...Object.fromEntries(POLICY_NUMBERS.map((n) => [n, (p: PasswordPolicy) => num(p[n])])),
});

/** `lspwdpolicy -t s`: Ansible reads ACTIVE ('0'/'1'); active_policy_name is UNCERTAIN. */
export interface PolicyStatus { active: 0 | 1; active_policy_name: string }
export const POLICY_STATUS_FIELDS: FieldTable<PolicyStatus> = table<PolicyStatus>({
  active: (s) => num(s.active),
  active_policy_name: (s) => s.active_policy_name,
});

/**
 * `lsaccfg -t taskrole`: predefined roles list their commands grouped by category; custom roles list
 * their resources as given and their parent (form UNCERTAIN, modelled on the VERIFIED resource-role
 * line `name=…,"resources=…",…`).
 */
export type TaskRoleRow = { predefined: PredefinedTaskRole } | { custom: CustomTaskRole };
export const TASKROLE_FIELDS: FieldTable<TaskRoleRow> = table<TaskRoleRow>({
  name: (r) => ('predefined' in r ? r.predefined : r.custom.name),
  resources: (r) => ('predefined' in r
    ? predefinedResources(r.predefined).map((g) => `${g.category}:${g.commands.join('+')}`)
    : formatTaskResources(r.custom.resources)),
  parent: (r) => ('predefined' in r ? undefined : r.custom.parent),
});

/** `lsaccfg -t resourcerole`: custom managed resource roles; none can exist yet, so always empty. */
export const RESOURCEROLE_FIELDS: FieldTable<never> = table<never>({ name: () => '', resources: () => '' });
