// The users tables in the HMC database. Passwords are kept only as scrypt hashes with their salt and
// cost (password.ts); the history table feeds the policies' hist_size rule.
import type { AuthenticationType, HmcUser } from './user-types.ts';

export const USER_SCHEMA = `
CREATE TABLE IF NOT EXISTS hmc_users (name TEXT PRIMARY KEY, taskrole TEXT NOT NULL, resourcerole TEXT NOT NULL,
  description TEXT NOT NULL, pwage INTEGER NOT NULL, min_pwage INTEGER NOT NULL, authentication_type TEXT NOT NULL,
  remote_webui_access INTEGER NOT NULL, remote_ssh_access INTEGER NOT NULL, session_timeout INTEGER NOT NULL,
  verify_timeout INTEGER NOT NULL, idle_timeout INTEGER NOT NULL, inactivity_expiration INTEGER NOT NULL,
  remote_user_name TEXT NOT NULL, disabled INTEGER NOT NULL, failed_logins INTEGER NOT NULL,
  locked_until INTEGER NOT NULL, password_changed_at INTEGER NOT NULL, authorized_keys TEXT NOT NULL,
  pw_salt BLOB, pw_hash BLOB, pw_cost INTEGER);
CREATE TABLE IF NOT EXISTS hmc_pwd_history (seq INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT NOT NULL,
  salt BLOB NOT NULL, hash BLOB NOT NULL, cost INTEGER NOT NULL, changed_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS hmc_user_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

export interface UserRow extends Omit<HmcUser, 'authorized_keys'> {
  authorized_keys: string;
  pw_salt: Buffer | null;
  pw_hash: Buffer | null;
  pw_cost: number | null;
}

export function userFromRow(r: UserRow): HmcUser {
  return {
    name: r.name, taskrole: r.taskrole, resourcerole: r.resourcerole, description: r.description,
    pwage: r.pwage, min_pwage: r.min_pwage, authentication_type: r.authentication_type as AuthenticationType,
    remote_webui_access: r.remote_webui_access, remote_ssh_access: r.remote_ssh_access,
    session_timeout: r.session_timeout, verify_timeout: r.verify_timeout, idle_timeout: r.idle_timeout,
    inactivity_expiration: r.inactivity_expiration, remote_user_name: r.remote_user_name, disabled: r.disabled,
    failed_logins: r.failed_logins, locked_until: r.locked_until, password_changed_at: r.password_changed_at,
    authorized_keys: JSON.parse(r.authorized_keys) as string[],
  };
}
