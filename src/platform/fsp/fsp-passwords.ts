// The FSP's three passwords (platform.md §4 SIM-RULE): the HMC access password (used only by HMCs over the
// link) and the ASMI admin and general passwords. While any is unset the system shows Pending
// Authentication – Password Updates Required; an HMC presenting a wrong access password sees Failed
// Authentication. They live in the FSP's own flash, apart from the partition data, so losing NVRAM
// partition data does not lose them. Stored as salted scrypt hashes, written atomically.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export type FspPasswordKind = 'access' | 'admin' | 'general';
export const FSP_PASSWORD_KINDS: readonly FspPasswordKind[] = ['access', 'admin', 'general'];
type Stored = Partial<Record<FspPasswordKind, string>>;

// A modest scrypt cost: every lab start hashes these, and only HMCs on the service network present them.
const COST = { N: 1024 };
const hash = (pw: string): string => {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(pw, salt, 32, COST).toString('hex')}`;
};
const matches = (pw: string, stored: string): boolean => {
  const [salt, h] = stored.split(':');
  const got = scryptSync(pw, Buffer.from(salt, 'hex'), 32, COST);
  return timingSafeEqual(got, Buffer.from(h, 'hex'));
};

export class FspPasswords {
  private stored: Stored;
  /** Bumped on every change, so sessions can cache their (costly, scrypt) verdict until then. */
  version = 0;
  constructor(private readonly path: string | null) {
    this.stored = path && existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Stored) : {};
  }
  get allSet(): boolean { return FSP_PASSWORD_KINDS.every((k) => this.stored[k] !== undefined); }
  isSet(kind: FspPasswordKind): boolean { return this.stored[kind] !== undefined; }
  check(kind: FspPasswordKind, pw: string): boolean {
    const s = this.stored[kind];
    return s !== undefined && matches(pw, s);
  }
  set(kind: FspPasswordKind, pw: string): void {
    this.stored[kind] = hash(pw);
    this.version++;
    if (this.path) {
      writeFileSync(`${this.path}.tmp`, JSON.stringify(this.stored));
      renameSync(`${this.path}.tmp`, this.path);
    }
  }
}
