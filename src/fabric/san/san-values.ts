// Checks shared by every part of the fabric: names, WWPNs, numbers, and who already uses a WWPN. Each
// change handler calls these before it touches the document (validate fully, then mutate).
import { sanFail } from './san-fail.ts';
import type { SanDoc } from './san-schema.ts';
import { normalizeWwpn } from './wwpn.ts';

/** A handler per operation of a union `{ op: … }`: validates against the draft document, then mutates it. */
export type OpTable<T extends { op: string }> = { [K in T['op']]: (d: SanDoc, op: Extract<T, { op: K }>) => void };

// Names as switch and array CLIs accept them: a letter or digit first, then letters, digits, _ . -
// (Brocade zone names are stricter, SVC object names looser; this is the common ground).
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export function checkName(value: string, what: string): string {
  if (!NAME.test(value)) {
    sanFail('SAN_INVALID_VALUE', { value: JSON.stringify(value), attr: `the ${what} name`,
      hint: 'A name has 1 to 64 characters: letters, digits, _ . - and starts with a letter or digit.' });
  }
  return value;
}

export function wwpnArg(value: string, attr: string): string {
  const w = normalizeWwpn(value);
  if (w === null) {
    sanFail('SAN_INVALID_VALUE', { value: JSON.stringify(value), attr,
      hint: 'A WWPN is 16 hexadecimal digits, optionally separated by colons, and not all zero.' });
  }
  return w!;
}

/** A non-empty list of distinct WWPNs, normalized. */
export function wwpnList(values: readonly string[], attr: string): string[] {
  if (values.length === 0) sanFail('SAN_INVALID_VALUE', { value: '""', attr, hint: 'Give at least one WWPN.' });
  const out = values.map((v) => wwpnArg(v, attr));
  const dup = out.find((w, i) => out.indexOf(w) !== i);
  if (dup) sanFail('SAN_INVALID_VALUE', { value: dup, attr, hint: 'Give each WWPN only once.' });
  return out;
}

export function intArg(value: number, attr: string, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    sanFail('SAN_INVALID_VALUE', { value: String(value), attr, hint: `Give a whole number from ${min} to ${max}.` });
  }
  return value;
}

/**
 * Who already uses `wwpn` as a port identity in the fabric: a connected host port, an array target port,
 * or a logged-in NPIV initiator. Zone members and LUN masking entries are not identities (an
 * administrator zones and masks a client WWPN before it ever logs in, vios.md §4 on the LPM WWPN).
 */
export function wwpnOwner(d: SanDoc, wwpn: string): string | null {
  for (const s of d.switches) {
    for (const c of s.connections) {
      if (c.wwpn !== wwpn) continue;
      return c.kind === 'host' ? `host port ${c.location} on switch ${s.name}` : `target port ${c.arrayPort} of array ${c.array}`;
    }
  }
  for (const a of d.arrays) {
    const i = a.ports.indexOf(wwpn);
    if (i >= 0) return `target port ${i} of array ${a.name}`;
  }
  const l = d.logins.find((x) => x.initiator === wwpn && x.via !== wwpn);
  return l ? `an NPIV login through ${l.via}` : null;
}
