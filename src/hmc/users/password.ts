// Password hashing and composition rules. Passwords are never stored in clear: scrypt (node:crypto) with a
// random 16-byte salt per password; the cost parameter is stored with the hash so it can change later.
// (lshmcusr still prints password_encryption=md5, the VERIFIED V7R7.9 value: that field describes the
// emulated HMC, not how this simulator keeps its secrets.)
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

export interface PasswordHash { salt: Buffer; hash: Buffer; cost: number }

const KEY_LENGTH = 32;
export const DEFAULT_SCRYPT_COST = 16384;

export function hashPassword(password: string, cost = DEFAULT_SCRYPT_COST): PasswordHash {
  const salt = randomBytes(16);
  return { salt, hash: scryptSync(password, salt, KEY_LENGTH, { N: cost }), cost };
}

export function verifyPassword(password: string, stored: PasswordHash): boolean {
  const h = scryptSync(password, stored.salt, stored.hash.length, { N: stored.cost });
  return timingSafeEqual(h, stored.hash);
}

/** The numeric rules of a password policy (mkpwdpolicy attribute names, hmc-cli.md §6.1). */
export interface CompositionRules {
  min_length: number;
  min_digits: number;
  min_uppercase_chars: number;
  min_lowercase_chars: number;
  min_special_chars: number;
}

const count = (pw: string, re: RegExp): number => (pw.match(re) ?? []).length;

/** The first rule the password breaks, as a phrase for PASSWORD_RULE, or undefined when it passes. */
export function compositionProblem(pw: string, r: CompositionRules): string | undefined {
  if (!/^[\x21-\x7e]*$/.test(pw)) return 'it must contain only printable ASCII characters without spaces';
  if (pw.length < r.min_length) return `it must be at least ${r.min_length} characters long`;
  const checks: [RegExp, number, string][] = [
    [/[0-9]/g, r.min_digits, 'digits'],
    [/[A-Z]/g, r.min_uppercase_chars, 'uppercase characters'],
    [/[a-z]/g, r.min_lowercase_chars, 'lowercase characters'],
    [/[^A-Za-z0-9]/g, r.min_special_chars, 'special characters'],
  ];
  for (const [re, min, what] of checks) if (count(pw, re) < min) return `it must contain at least ${min} ${what}`;
  return undefined;
}
