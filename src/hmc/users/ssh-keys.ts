// OpenSSH public key lines as `mkauthkeys -a "<key>"` takes them (hmc-cli.md §1, §6.8):
// `<type> <base64 blob> [comment]`. The blob is the SSH wire encoding, which starts with the key type
// as a length-prefixed string; checking that catches keys pasted with the wrong type or truncated.

export const KEY_TYPES = [
  'ssh-rsa', 'ssh-dss', 'ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com', 'sk-ecdsa-sha2-nistp256@openssh.com',
] as const;

export interface PublicKey { type: string; blob: Buffer; comment: string; line: string }

/** The parsed key, or a phrase saying what is wrong with the line. */
export function parsePublicKey(text: string): PublicKey | string {
  const parts = text.trim().split(/\s+/);
  if (parts.length < 2 || parts[0] === '') return 'a key type and the base64 key are needed';
  const [type, b64, ...rest] = parts;
  if (!(KEY_TYPES as readonly string[]).includes(type)) return `the key type ${type} is not supported`;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 !== 0) return 'the key data is not base64';
  const blob = Buffer.from(b64, 'base64');
  if (blob.length < 4) return 'the key data is too short';
  const n = blob.readUInt32BE(0);
  if (n > blob.length - 4 || blob.subarray(4, 4 + n).toString('latin1') !== type) return `the key data is not a ${type} key`;
  const comment = rest.join(' ');
  return { type, blob, comment, line: comment ? `${type} ${b64} ${comment}` : `${type} ${b64}` };
}

/** True when the stored line is the key (algorithm and blob) a client offers. */
export function keyMatches(line: string, algo: string, blob: Buffer): boolean {
  const k = parsePublicKey(line);
  return typeof k !== 'string' && k.type === algo && k.blob.equals(blob);
}

/**
 * `mkauthkeys -r "<key or comment>"`: a stored line matches the full key line, the base64 key, or the
 * comment (UNCERTAIN: which forms the real command accepts).
 */
export function keyMatchesRemoval(line: string, what: string): boolean {
  const k = parsePublicKey(line);
  if (typeof k === 'string') return line === what;
  const w = what.trim();
  if (w === k.comment && w !== '') return true;
  const given = parsePublicKey(w);
  if (typeof given !== 'string') return given.type === k.type && given.blob.equals(k.blob);
  return w === k.blob.toString('base64');
}
