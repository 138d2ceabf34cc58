// Turning an `-i`/`-a` attribute record into typed requests, with the refusals every command shares:
// unknown attribute → the invalid-attribute message; duplicate → refused; real but unmodelled → not
// supported (never silently ignored); += / -= only on list attributes and only where a change is meant.
import { fail } from '../../../errors/hmc-error.ts';
import type { ProfileChange } from '../../../link/fsp-api.ts';
import type { Profile } from '../../../platform/types/profile.ts';
import type { SystemView } from '../../system-view.ts';
import { parseAttributeRecord, RecordSyntaxError, type AttributePair } from '../grammar/attribute-record.ts';
import { PROFILE_ATTRS, PROFILE_NAME_ALIASES, UNSUPPORTED_ATTRS } from './profile-attributes.ts';
import type { Kind } from './value-kinds.ts';

export function parseRecord(text: string): AttributePair[] {
  let pairs: AttributePair[];
  try {
    pairs = parseAttributeRecord(text);
  } catch (e) {
    if (e instanceof RecordSyntaxError) return fail('USAGE', { why: `The attribute record is not valid near "${e.detail}".` });
    throw e;
  }
  const seen = new Set<string>();
  for (const p of pairs) {
    if (seen.has(p.name)) fail('DUPLICATE_ATTRIBUTE', { attr: p.name });
    seen.add(p.name);
  }
  return pairs;
}

/** Takes the pairs named in `keys` out of the list and returns them by name. */
export function take(pairs: AttributePair[], keys: readonly string[]): Map<string, AttributePair> {
  const out = new Map<string, AttributePair>();
  for (let i = pairs.length - 1; i >= 0; i--) {
    if (keys.includes(pairs[i].name)) { out.set(pairs[i].name, pairs[i]); pairs.splice(i, 1); }
  }
  for (const p of out.values()) if (p.op !== '=') fail('INVALID_VALUE', { attr: p.name, value: p.op, hint: 'Only list attributes can be changed with += or -=.' });
  return out;
}

function resolveAlias(view: SystemView, name: keyof typeof PROFILE_NAME_ALIASES, value: string): string {
  if (name === 'shared_proc_pool_name') {
    const pool = view.pools.find((p) => p && p.name === value);
    if (!pool) fail('POOL_NOT_FOUND', { name: value });
    return String(pool!.shared_proc_pool_id);
  }
  const ids = (value === 'none' || value === '' ? [] : value.split(',')).map((n) => {
    const p = view.partitionByName(n);
    if (!p) fail('PARTITION_NOT_FOUND', { name: n });
    return String(p!.def.lpar_id);
  });
  return ids.join(',') || 'none';
}

/** Profile attributes from the remaining pairs; with allowOps, list changes keep their operator. */
export function profileChanges(view: SystemView, pairs: AttributePair[], allowOps: boolean): ProfileChange[] {
  const changes: ProfileChange[] = [];
  const seen = new Set<string>();
  for (const p of pairs) {
    if (UNSUPPORTED_ATTRS.has(p.name)) fail('NOT_IMPLEMENTED', { what: `attribute ${p.name}` });
    let name = p.name;
    let value = p.value;
    if (name in PROFILE_NAME_ALIASES) {
      value = resolveAlias(view, name as keyof typeof PROFILE_NAME_ALIASES, value);
      name = PROFILE_NAME_ALIASES[name as keyof typeof PROFILE_NAME_ALIASES];
    }
    const kind = PROFILE_ATTRS[name as keyof Profile] as Kind<unknown> | undefined;
    if (!kind) fail('INVALID_ATTRIBUTE', { name: p.name });
    if (seen.has(name)) fail('DUPLICATE_ATTRIBUTE', { attr: name });
    seen.add(name);
    if (p.op !== '=') {
      if (!allowOps || !kind!.list) fail('INVALID_VALUE', { attr: p.name, value: p.op, hint: 'Only list attributes can be changed with += or -=.' });
      changes.push({ attr: name as keyof Profile, op: p.op, value: kind!.parse(value, p.name) });
    } else {
      changes.push({ attr: name as keyof Profile, op: '=', value: kind!.parse(value, p.name) });
    }
  }
  return changes;
}

export function changesToProfile(changes: ProfileChange[]): Partial<Profile> {
  return Object.fromEntries(changes.map((c) => [c.attr, c.value])) as Partial<Profile>;
}

export function parseKinds(pairs: AttributePair[], table: Record<string, Kind<unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of pairs) {
    const kind = table[p.name];
    if (!kind) {
      if (UNSUPPORTED_ATTRS.has(p.name)) fail('NOT_IMPLEMENTED', { what: `attribute ${p.name}` });
      fail('INVALID_ATTRIBUTE', { name: p.name });
    }
    if (p.op !== '=') fail('INVALID_VALUE', { attr: p.name, value: p.op, hint: 'Only list attributes can be changed with += or -=.' });
    out[p.name] = kind.parse(p.value, p.name);
  }
  return out;
}
