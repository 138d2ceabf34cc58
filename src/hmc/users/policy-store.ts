// Password policies (mkpwdpolicy / chpwdpolicy / rmpwdpolicy / lspwdpolicy, hmc-cli.md §6.1). At most one
// policy is active. The HMC ships a "medium security" policy that cannot be changed or removed; its values
// are IBM's published defaults (POWER7 Knowledge Center "Enhanced password policy"; its exact name on the
// console is UNCERTAIN).
import type Database from 'better-sqlite3';
import { fail } from '../../errors/hmc-error.ts';
import { userFail } from './user-fail.ts';
import type { CompositionRules } from './password.ts';

export const POLICY_NUMBERS = [
  'min_pwage', 'pwage', 'warn_pwage', 'min_length', 'hist_size',
  'min_digits', 'min_uppercase_chars', 'min_lowercase_chars', 'min_special_chars',
] as const;
export type PolicyNumber = (typeof POLICY_NUMBERS)[number];

export interface PasswordPolicy extends CompositionRules {
  name: string;
  description: string;
  min_pwage: number;
  pwage: number;
  warn_pwage: number;
  hist_size: number;
  predefined: 0 | 1;
  active: 0 | 1;
}
export type PolicyInput = { name: string; description?: string } & Partial<Record<PolicyNumber, number>>;
export type PolicyChanges = { new_name?: string; description?: string } & Partial<Record<PolicyNumber, number>>;

export const MEDIUM_POLICY_NAME = 'HMC Medium Security Password Policy';
const MEDIUM: Record<PolicyNumber, number> = {
  min_pwage: 1, pwage: 180, warn_pwage: 7, min_length: 8, hist_size: 10,
  min_digits: 0, min_uppercase_chars: 1, min_lowercase_chars: 6, min_special_chars: 0,
};
/** Values of attributes left out of mkpwdpolicy (UNCERTAIN: the real defaults are not documented here). */
export const POLICY_DEFAULTS: Record<PolicyNumber, number> = {
  min_pwage: 0, pwage: 99999, warn_pwage: 7, min_length: 8, hist_size: 0,
  min_digits: 0, min_uppercase_chars: 0, min_lowercase_chars: 0, min_special_chars: 0,
};

const COLUMNS = ['name', 'description', 'predefined', 'active', ...POLICY_NUMBERS] as const;
const SCHEMA = `CREATE TABLE IF NOT EXISTS hmc_pwd_policies (name TEXT PRIMARY KEY, description TEXT NOT NULL,
  predefined INTEGER NOT NULL, active INTEGER NOT NULL, ${POLICY_NUMBERS.map((n) => `${n} INTEGER NOT NULL`).join(', ')})`;

export class PolicyStore {
  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    if (!this.get(MEDIUM_POLICY_NAME)) this.insert({ name: MEDIUM_POLICY_NAME, description: MEDIUM_POLICY_NAME, predefined: 1, active: 0, ...MEDIUM });
  }

  /** Policies in creation order (the predefined one first). */
  list(): PasswordPolicy[] {
    return this.db.prepare(`SELECT ${COLUMNS.join(', ')} FROM hmc_pwd_policies ORDER BY rowid`).all() as PasswordPolicy[];
  }
  get(name: string): PasswordPolicy | undefined {
    return this.db.prepare(`SELECT ${COLUMNS.join(', ')} FROM hmc_pwd_policies WHERE name = ?`).get(name) as PasswordPolicy | undefined;
  }
  active(): PasswordPolicy | undefined {
    return this.db.prepare(`SELECT ${COLUMNS.join(', ')} FROM hmc_pwd_policies WHERE active = 1`).get() as PasswordPolicy | undefined;
  }

  create(input: PolicyInput): PasswordPolicy {
    if (this.get(input.name)) userFail('POLICY_EXISTS', { name: input.name });
    const p: PasswordPolicy = { ...POLICY_DEFAULTS, description: '', ...input, predefined: 0, active: 0 };
    checkConsistent(p);
    this.insert(p);
    return p;
  }

  modify(name: string, changes: PolicyChanges): PasswordPolicy {
    const old = this.mustGet(name);
    if (old.predefined) userFail('POLICY_PROTECTED', { name, action: 'changed', why: 'it is predefined' });
    const { new_name, ...rest } = changes;
    if (new_name !== undefined && new_name !== name && this.get(new_name)) userFail('POLICY_EXISTS', { name: new_name });
    const p: PasswordPolicy = { ...old, ...rest, name: new_name ?? name };
    checkConsistent(p);
    const sets = COLUMNS.map((c) => `${c} = @${c}`).join(', ');
    this.db.prepare(`UPDATE hmc_pwd_policies SET ${sets} WHERE name = @old`).run({ ...p, old: name });
    return p;
  }

  activate(name: string): void {
    this.mustGet(name);
    this.db.transaction(() => {
      this.db.prepare('UPDATE hmc_pwd_policies SET active = 0').run();
      this.db.prepare('UPDATE hmc_pwd_policies SET active = 1 WHERE name = ?').run(name);
    })();
  }
  deactivate(): void {
    this.db.prepare('UPDATE hmc_pwd_policies SET active = 0').run();
  }

  remove(name: string): void {
    const p = this.mustGet(name);
    if (p.predefined) userFail('POLICY_PROTECTED', { name, action: 'removed', why: 'it is predefined' });
    // UNCERTAIN: the real HMC may deactivate and remove in one step; refusing is the safer reading.
    if (p.active) userFail('POLICY_PROTECTED', { name, action: 'removed', why: 'it is the active policy; deactivate it first with chpwdpolicy -o d' });
    this.db.prepare('DELETE FROM hmc_pwd_policies WHERE name = ?').run(name);
  }

  private mustGet(name: string): PasswordPolicy {
    return this.get(name) ?? userFail('POLICY_NOT_FOUND', { name });
  }
  private insert(p: PasswordPolicy): void {
    this.db.prepare(`INSERT INTO hmc_pwd_policies (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`).run(p);
  }
}

function checkConsistent(p: PasswordPolicy): void {
  for (const attr of ['min_pwage', 'warn_pwage'] as const) {
    if (p[attr] > p.pwage) fail('INVALID_VALUE', { attr, value: p[attr], hint: `It must not be greater than pwage (${p.pwage}).` });
  }
}
