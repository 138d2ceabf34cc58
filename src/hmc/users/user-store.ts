// HMC users (platform.md §11): accounts with a task role and a resource role, hashed passwords with
// history, login lockout, authorized SSH keys; plus the custom task roles and password policies
// (`roles`, `policies`). Lives in the HMC's SQLite database; creates its own tables.
import type Database from 'better-sqlite3';
import { fail } from '../../errors/hmc-error.ts';
import { compositionProblem, DEFAULT_SCRYPT_COST, hashPassword, verifyPassword, type PasswordHash } from './password.ts';
import { PolicyStore } from './policy-store.ts';
import { TaskRoleStore } from './role-store.ts';
import { keyMatches, keyMatchesRemoval, parsePublicKey } from './ssh-keys.ts';
import { userFail } from './user-fail.ts';
import { USER_SCHEMA, userFromRow, type UserRow } from './user-schema.ts';
import { pickSettings, USER_DEFAULTS, type AuthResult, type HmcUser, type NewUser, type UserDefaults, type UserSettings } from './user-types.ts';

export interface UserStoreOptions {
  /** Consecutive failed logins that lock an account. UNCERTAIN: the real HMC's count and whether it is configurable. */
  maxFailedLogins?: number;
  /** Minutes a locked account stays locked. UNCERTAIN, like the count. */
  lockoutMinutes?: number;
  /** scrypt cost N (tests may lower it). */
  scryptCost?: number;
  /** Minimum password length when no policy is active: 7 on older HMCs, 8 on newer (platform.md §11, UNCERTAIN). */
  baseMinLength?: number;
  /** Time stamp for the default user's password when it is created. */
  nowMs?: number;
}

/** Users the password policies do not apply to (IBM: the medium security policy skips them). */
const POLICY_EXEMPT = ['hscroot', 'hscpe', 'root'];
/** hscroot keeps its role and name and cannot be disabled or removed (UNCERTAIN beyond removal). */
export const DEFAULT_USER = 'hscroot';
const DAY_MS = 86_400_000;
const NAME_RE = /^[A-Za-z][A-Za-z0-9_.-]{0,31}$/;
const RESERVED_NAMES = ['root'];

export class UserStore {
  readonly policies: PolicyStore;
  readonly roles: TaskRoleStore;
  private readonly maxFailed: number;
  private readonly lockMs: number;
  private readonly cost: number;
  private readonly baseMinLength: number;

  constructor(private readonly db: Database.Database, opts: UserStoreOptions = {}) {
    this.maxFailed = opts.maxFailedLogins ?? 5;
    this.lockMs = (opts.lockoutMinutes ?? 15) * 60_000;
    this.cost = opts.scryptCost ?? DEFAULT_SCRYPT_COST;
    this.baseMinLength = opts.baseMinLength ?? 7;
    db.exec(USER_SCHEMA);
    this.policies = new PolicyStore(db);
    this.roles = new TaskRoleStore(db);
    if ((db.prepare('SELECT COUNT(*) AS n FROM hmc_users').get() as { n: number }).n === 0) {
      // platform.md §11 (VERIFIED lshmcusr line): hscroot / abc123, HMC Super User, ALL:, remote access on.
      this.createUser({ name: DEFAULT_USER, taskrole: 'hmcsuperadmin', description: 'HMC Super User', password: 'abc123',
        remote_webui_access: 1, remote_ssh_access: 1 }, opts.nowMs ?? 0, { checkPassword: false });
    }
  }

  /** Runs several changes as one: all of them or none (e.g. chhmcusr -i with a password and a role). */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  // --- users -------------------------------------------------------------------------------------
  getUser(name: string): HmcUser | undefined {
    const row = this.db.prepare('SELECT * FROM hmc_users WHERE name = ?').get(name) as UserRow | undefined;
    return row && userFromRow(row);
  }
  listUsers(): HmcUser[] {
    return (this.db.prepare('SELECT * FROM hmc_users ORDER BY name').all() as UserRow[]).map(userFromRow);
  }

  createUser(u: NewUser, nowMs: number, opts: { checkPassword?: boolean } = {}): HmcUser {
    if (!NAME_RE.test(u.name) || RESERVED_NAMES.includes(u.name)) {
      fail('INVALID_VALUE', { attr: 'name', value: u.name, hint: 'A user name has 1 to 32 characters, starts with a letter and contains only letters, digits, _ . and -.' });
    }
    if (this.getUser(u.name)) userFail('USER_EXISTS', { name: u.name });
    const s: UserSettings = { ...this.userDefaults(), resourcerole: 'ALL:', description: '', authentication_type: 'local', remote_user_name: '', ...pickSettings(u), taskrole: u.taskrole };
    this.checkSettings(s);
    if (s.authentication_type === 'local' && u.password === undefined) fail('MISSING_ATTRIBUTE', { attr: 'passwd' });
    if (u.password !== undefined && opts.checkPassword !== false) this.mustBeValid(u.name, u.password, {});
    const cols = ['name', ...Object.keys(s)];
    this.db.prepare(`INSERT INTO hmc_users (${cols.join(', ')}, disabled, failed_logins, locked_until, password_changed_at, authorized_keys)
      VALUES (${cols.map((c) => `@${c}`).join(', ')}, 0, 0, 0, @now, '[]')`).run({ ...s, name: u.name, now: nowMs });
    if (u.password !== undefined) this.storePassword(u.name, u.password, nowMs);
    return this.getUser(u.name)!;
  }

  updateUser(name: string, changes: Partial<UserSettings> & { new_name?: string }): HmcUser {
    const old = this.mustGet(name);
    const rest = pickSettings(changes);
    if (name === DEFAULT_USER && ((rest.taskrole ?? 'hmcsuperadmin') !== 'hmcsuperadmin' || (changes.new_name ?? name) !== name)) {
      userFail('USER_PROTECTED', { name, action: 'changed that way', why: 'it is the default super administrator' });
    }
    this.checkSettings({ ...old, ...rest });
    const cols = Object.keys(rest);
    if (cols.length) this.db.prepare(`UPDATE hmc_users SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE name = @name`).run({ ...rest, name });
    const to = changes.new_name ?? name;
    if (to !== name) this.rename(name, to);
    return this.getUser(to)!;
  }

  /** Sets a password after checking it (`self`: the user changes their own, so min_pwage applies). */
  setPassword(name: string, password: string, nowMs: number, opts: { self?: boolean; checkPassword?: boolean } = {}): void {
    this.mustGet(name);
    if (opts.checkPassword !== false) this.mustBeValid(name, password, opts.self ? { nowMs } : {});
    this.storePassword(name, password, nowMs);
  }

  setDisabled(name: string, disabled: boolean): void {
    this.mustGet(name);
    if (name === DEFAULT_USER && disabled) userFail('USER_PROTECTED', { name, action: 'disabled', why: 'it is the default super administrator' });
    this.db.prepare('UPDATE hmc_users SET disabled = ?, failed_logins = 0, locked_until = 0 WHERE name = ?').run(disabled ? 1 : 0, name);
  }

  removeUser(name: string): void {
    this.mustGet(name);
    if (name === DEFAULT_USER) userFail('USER_PROTECTED', { name, action: 'removed', why: 'it is the default super administrator' });
    this.db.prepare('DELETE FROM hmc_users WHERE name = ?').run(name);
    this.db.prepare('DELETE FROM hmc_pwd_history WHERE user = ?').run(name);
  }

  // --- logins ------------------------------------------------------------------------------------
  /**
   * Password login. After maxFailedLogins consecutive bad passwords the account is locked for
   * lockoutMinutes; while locked even the right password is refused. Remote access flags are checked
   * only after the password is right, so they do not reveal which accounts exist.
   */
  authenticate(name: string, password: string, nowMs: number, channel: 'ssh' | 'webui' = 'ssh'): AuthResult {
    const row = this.db.prepare('SELECT * FROM hmc_users WHERE name = ?').get(name) as UserRow | undefined;
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.disabled) return { ok: false, reason: 'disabled' };
    if (row.locked_until > nowMs) return { ok: false, reason: 'locked' };
    // LDAP and Kerberos users authenticate elsewhere; no directory is simulated, so they cannot log in.
    const good = row.pw_hash !== null && verifyPassword(password, { salt: row.pw_salt!, hash: row.pw_hash, cost: row.pw_cost! });
    if (!good) {
      const failed = row.failed_logins + 1;
      const lock = failed >= this.maxFailed;
      this.db.prepare('UPDATE hmc_users SET failed_logins = ?, locked_until = ? WHERE name = ?').run(lock ? 0 : failed, lock ? nowMs + this.lockMs : row.locked_until, name);
      return { ok: false, reason: 'bad-password' };
    }
    this.db.prepare('UPDATE hmc_users SET failed_logins = 0, locked_until = 0 WHERE name = ?').run(name);
    if (channel === 'ssh' && !row.remote_ssh_access) return { ok: false, reason: 'ssh-disabled' };
    if (channel === 'webui' && !row.remote_webui_access) return { ok: false, reason: 'webui-disabled' };
    return { ok: true };
  }

  /** Public-key login: the key is one of the user's authorized keys and the account may log in over SSH. */
  checkPublicKey(name: string, keyAlgo: string, keyData: Buffer, nowMs?: number): boolean {
    const u = this.getUser(name);
    if (!u || u.disabled || !u.remote_ssh_access || (nowMs !== undefined && u.locked_until > nowMs)) return false;
    return u.authorized_keys.some((line) => keyMatches(line, keyAlgo, keyData));
  }

  addAuthorizedKey(name: string, openSshKeyLine: string): void {
    const u = this.mustGet(name);
    const k = parsePublicKey(openSshKeyLine);
    if (typeof k === 'string') return userFail('AUTHKEY_INVALID', { why: k });
    if (u.authorized_keys.some((line) => keyMatches(line, k.type, k.blob))) return;
    this.saveKeys(name, [...u.authorized_keys, k.line]);
  }

  /** Removes the keys matching a key line, base64 key or comment; returns how many were removed. */
  removeAuthorizedKeys(name: string, what: string): number {
    const u = this.mustGet(name);
    const keep = u.authorized_keys.filter((line) => !keyMatchesRemoval(line, what));
    this.saveKeys(name, keep);
    return u.authorized_keys.length - keep.length;
  }

  // --- authority ---------------------------------------------------------------------------------
  mayRun(user: string, commandName: string): boolean {
    const u = this.getUser(user);
    return u !== undefined && !u.disabled && this.roles.allows(u.taskrole, commandName);
  }

  /** User administration beyond one's own account belongs to hmcsuperadmin (and roles based on it). */
  isUserAdmin(user: string): boolean {
    const u = this.getUser(user);
    return u !== undefined && !u.disabled && this.roles.rootOf(u.taskrole) === 'hmcsuperadmin';
  }

  // --- passwords ---------------------------------------------------------------------------------
  /** Checks a new password against the base length rule and the active policy (history, composition, min age). */
  validatePassword(user: string, pw: string, opts: { nowMs?: number } = {}): { ok: true } | { ok: false; why: string } {
    const pol = POLICY_EXEMPT.includes(user) ? undefined : this.policies.active();
    const base = { min_length: this.baseMinLength, min_digits: 0, min_uppercase_chars: 0, min_lowercase_chars: 0, min_special_chars: 0 };
    const problem = compositionProblem(pw, pol ? { ...pol, min_length: Math.max(pol.min_length, base.min_length) } : base);
    if (problem) return { ok: false, why: problem };
    if (!pol) return { ok: true };
    const u = this.getUser(user);
    if (u && opts.nowMs !== undefined && opts.nowMs - u.password_changed_at < pol.min_pwage * DAY_MS) {
      return { ok: false, why: `the password can be changed only ${pol.min_pwage} day(s) after the last change` };
    }
    if (pol.hist_size > 0 && this.history(user, pol.hist_size).some((h) => verifyPassword(pw, h))) {
      return { ok: false, why: `it must differ from the last ${pol.hist_size} password(s)` };
    }
    return { ok: true };
  }

  // --- defaults for new users (lshmcusr -t default, chhmcusr -t default) ----------------------------
  userDefaults(): UserDefaults {
    const row = this.db.prepare("SELECT value FROM hmc_user_settings WHERE key = 'defaults'").get() as { value: string } | undefined;
    return { ...USER_DEFAULTS, ...(row ? (JSON.parse(row.value) as Partial<UserDefaults>) : {}) };
  }
  setUserDefaults(changes: Partial<UserDefaults>): void {
    const v = JSON.stringify({ ...this.userDefaults(), ...changes });
    this.db.prepare("INSERT INTO hmc_user_settings (key, value) VALUES ('defaults', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(v);
  }

  // --- internals ---------------------------------------------------------------------------------
  private mustGet(name: string): HmcUser {
    return this.getUser(name) ?? userFail('USER_NOT_FOUND', { name });
  }
  private mustBeValid(user: string, pw: string, opts: { nowMs?: number }): void {
    const r = this.validatePassword(user, pw, opts);
    if (!r.ok) userFail('PASSWORD_RULE', { why: r.why });
  }
  private checkSettings(s: UserSettings): void {
    if (!this.roles.exists(s.taskrole)) userFail('ROLE_NOT_FOUND', { kind: 'task role', name: s.taskrole });
    // Only the predefined resource role exists (custom resource roles are not modelled).
    if (s.resourcerole !== 'ALL:') userFail('ROLE_NOT_FOUND', { kind: 'managed resource role', name: s.resourcerole });
    if (s.min_pwage > s.pwage) fail('INVALID_VALUE', { attr: 'min_pwage', value: s.min_pwage, hint: `It must not be greater than pwage (${s.pwage}).` });
  }
  private storePassword(name: string, pw: string, nowMs: number): void {
    const h = hashPassword(pw, this.cost);
    this.db.transaction(() => {
      this.db.prepare('UPDATE hmc_users SET pw_salt = ?, pw_hash = ?, pw_cost = ?, password_changed_at = ? WHERE name = ?').run(h.salt, h.hash, h.cost, nowMs, name);
      this.db.prepare('INSERT INTO hmc_pwd_history (user, salt, hash, cost, changed_at) VALUES (?, ?, ?, ?, ?)').run(name, h.salt, h.hash, h.cost, nowMs);
    })();
  }
  private history(user: string, n: number): PasswordHash[] {
    return this.db.prepare('SELECT salt, hash, cost FROM hmc_pwd_history WHERE user = ? ORDER BY seq DESC LIMIT ?').all(user, n) as PasswordHash[];
  }
  private rename(from: string, to: string): void {
    if (!NAME_RE.test(to) || RESERVED_NAMES.includes(to)) fail('INVALID_VALUE', { attr: 'new_name', value: to, hint: 'A user name has 1 to 32 characters, starts with a letter and contains only letters, digits, _ . and -.' });
    if (this.getUser(to)) userFail('USER_EXISTS', { name: to });
    this.db.transaction(() => {
      this.db.prepare('UPDATE hmc_users SET name = ? WHERE name = ?').run(to, from);
      this.db.prepare('UPDATE hmc_pwd_history SET user = ? WHERE user = ?').run(to, from);
    })();
  }
  private saveKeys(name: string, keys: string[]): void {
    this.db.prepare('UPDATE hmc_users SET authorized_keys = ? WHERE name = ?').run(JSON.stringify(keys), name);
  }
}
