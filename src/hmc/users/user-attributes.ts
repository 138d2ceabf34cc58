// `-i` records of the users, roles and policy commands (hmc-cli.md §3.2, §6.1): one parser per attribute,
// in tables. Unknown attributes get the invalid-attribute message; `+=`/`-=` only where a list is meant.
import { fail } from '../../errors/hmc-error.ts';
import { parseRecord } from '../cli/attributes/record.ts';
import { RecordSyntaxError, splitListValue } from '../cli/grammar/attribute-record.ts';
import { POLICY_NUMBERS } from './policy-store.ts';

export type Value = string | number;
export type Parse = (value: string, attr: string) => Value;

const int = (min: number, max = 99999): Parse => (v, attr) =>
  /^\d{1,9}$/.test(v) && Number(v) >= min && Number(v) <= max ? Number(v)
    : fail('INVALID_VALUE', { attr, value: v, hint: `Specify a whole number from ${min} to ${max}.` });
const flag: Parse = (v, attr) => (v === '0' || v === '1' ? Number(v) : fail('INVALID_VALUE', { attr, value: v, hint: 'Specify 0 or 1.' }));
const text: Parse = (v) => v;
/** Descriptions must be printable ASCII (HSCLC63B, hmc-cli.md §3.2). */
export const printable: Parse = (v) => (/^[\x20-\x7e]*$/.test(v) ? v : fail('NOT_PRINTABLE'));
const nonEmpty: Parse = (v, attr) => (v !== '' ? v : fail('INVALID_VALUE', { attr, value: v, hint: 'The value cannot be empty.' }));
const authType: Parse = (v, attr) =>
  ['local', 'kerberos', 'ldap'].includes(v) ? v : fail('INVALID_VALUE', { attr, value: v, hint: 'Valid values are local, kerberos, ldap.' });
/** `AllSystemResources` is the display name of the predefined resource role `ALL:` (platform.md §11). */
const resourceRole: Parse = (v) => (v === 'AllSystemResources' ? 'ALL:' : v);

export const PWAGE = int(1);
export const USER_DEFAULT_ATTRS: Record<string, Parse> = {
  pwage: PWAGE, min_pwage: int(0), session_timeout: int(0), verify_timeout: int(0), idle_timeout: int(0),
  inactivity_expiration: int(0), remote_webui_access: flag, remote_ssh_access: flag,
};
/** mkhmcusr -i attributes (hmc-cli.md §6.1). */
export const USER_ATTRS: Record<string, Parse> = {
  name: nonEmpty, taskrole: nonEmpty, resourcerole: resourceRole, description: printable, passwd: text,
  authentication_type: authType, remote_user_name: text, ...USER_DEFAULT_ATTRS,
};
/** chhmcusr -i adds new_name (rename). */
export const USER_CHANGE_ATTRS: Record<string, Parse> = { ...USER_ATTRS, new_name: nonEmpty };

export const POLICY_ATTRS: Record<string, Parse> = {
  name: nonEmpty, new_name: nonEmpty, description: printable,
  ...Object.fromEntries(POLICY_NUMBERS.map((n) => [n, n === 'pwage' ? PWAGE : int(0)])),
};

/** Parses a record whose attributes all take `=`; `allowed` limits which of the table's attributes may appear. */
export function parseAttrs(textArg: string, table: Record<string, Parse>, allowed?: readonly string[]): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const p of parseRecord(textArg)) {
    if (!Object.hasOwn(table, p.name) || (allowed && !allowed.includes(p.name))) fail('INVALID_ATTRIBUTE', { name: p.name });
    if (p.op !== '=') fail('INVALID_VALUE', { attr: p.name, value: p.op, hint: 'Only list attributes can be changed with += or -=.' });
    out[p.name] = table[p.name](p.value, p.name);
  }
  return out;
}

export function required(attrs: Record<string, Value>, attr: string): string {
  const v = attrs[attr];
  if (v === undefined) fail('MISSING_ATTRIBUTE', { attr });
  return String(v);
}

/** A list value such as `cec:lshwres+lssyscfg,lpar:chsysstate` (elements may be quoted, hmc-cli.md §3.2). */
export function listValue(value: string, attr: string): string[] {
  try {
    return splitListValue(value).filter((e) => e !== '' && e !== 'none');
  } catch (e) {
    if (e instanceof RecordSyntaxError) return fail('USAGE', { why: `The value of ${attr} is not a valid list.` });
    throw e;
  }
}
