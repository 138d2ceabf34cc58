// The SSH host key, generated once and kept in the data directory (hmc-cli.md §1 SIM-RULE: OpenSSH
// clients refuse password authentication when a known host key changes).
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function loadOrCreateHostKey(path: string | null): string {
  if (path && existsSync(path)) return readFileSync(path, 'utf8');
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1', privateKeyEncoding: { type: 'sec1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  if (path) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, privateKey, { mode: 0o600 });
  }
  return privateKey;
}
