// Shapes of HMC users (platform.md §11; attribute names as mkhmcusr / lshmcusr spell them).

export type AuthenticationType = 'local' | 'kerberos' | 'ldap';

/** The attributes an administrator sets with mkhmcusr / chhmcusr. */
export const USER_SETTINGS = [
  'taskrole', 'resourcerole', 'description', 'pwage', 'min_pwage', 'authentication_type',
  'remote_webui_access', 'remote_ssh_access', 'session_timeout', 'verify_timeout', 'idle_timeout',
  'inactivity_expiration', 'remote_user_name',
] as const;

export interface UserSettings {
  taskrole: string;
  /** `ALL:` is the predefined resource role AllSystemResources. */
  resourcerole: string;
  description: string;
  /** Days a password stays valid; 99999 = never expires. */
  pwage: number;
  min_pwage: number;
  authentication_type: AuthenticationType;
  remote_webui_access: 0 | 1;
  remote_ssh_access: 0 | 1;
  session_timeout: number;
  verify_timeout: number;
  idle_timeout: number;
  inactivity_expiration: number;
  /** Kerberos/LDAP principal for remote authentication; empty for local users. */
  remote_user_name: string;
}

export interface HmcUser extends UserSettings {
  name: string;
  disabled: 0 | 1;
  failed_logins: number;
  /** Epoch ms until which logins are refused; 0 = not locked. */
  locked_until: number;
  password_changed_at: number;
  /** OpenSSH public key lines installed with mkauthkeys. */
  authorized_keys: string[];
}

export type NewUser = { name: string; taskrole: string; password?: string } & Partial<UserSettings>;

export type AuthResult =
  | { ok: true }
  | { ok: false; reason: 'unknown' | 'bad-password' | 'locked' | 'disabled' | 'ssh-disabled' | 'webui-disabled' };

/** Only the settable attributes of `from`, leaving out undefined ones. */
export function pickSettings(from: Partial<UserSettings>): Partial<UserSettings> {
  const out: Record<string, unknown> = {};
  for (const k of USER_SETTINGS) if (from[k] !== undefined) out[k] = from[k];
  return out as Partial<UserSettings>;
}

export type UserDefaults = Pick<UserSettings, 'pwage' | 'min_pwage' | 'session_timeout' | 'verify_timeout' | 'idle_timeout' | 'inactivity_expiration' | 'remote_webui_access' | 'remote_ssh_access'>;
/**
 * Settings of a new user when mkhmcusr leaves them out. pwage, min_pwage and the timeouts are those of
 * the VERIFIED hscroot line; remote access off for new users follows the mkhmcusr manual as remembered
 * (UNCERTAIN).
 */
export const USER_DEFAULTS: UserDefaults = {
  pwage: 99999, min_pwage: 0, session_timeout: 0, verify_timeout: 15, idle_timeout: 0, inactivity_expiration: 0,
  remote_webui_access: 0, remote_ssh_access: 0,
};
