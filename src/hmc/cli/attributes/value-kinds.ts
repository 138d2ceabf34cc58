// Parsers and formatters for attribute value kinds (platform.md §7.3 exact value syntax). A parser gets
// the value text after record unquoting and throws the catalog's invalid-value error.
import { fail } from '../../../errors/hmc-error.ts';
import { formatProcUnits } from '../../../platform/hypervisor/units.ts';
import type { IoSlotRef } from '../../../platform/types/profile.ts';
import { RecordSyntaxError, splitListValue } from '../grammar/attribute-record.ts';
import type { OutValue } from '../grammar/output.ts';

export interface Kind<T> {
  parse(text: string, attr: string): T;
  format(v: T): OutValue;
  /** List kinds support += and -=. */
  list?: boolean;
  /** Parse one element for += / -= (list kinds only). */
  element?(text: string, attr: string): unknown;
}

const bad = (attr: string, value: string, hint: string): never => fail('INVALID_VALUE', { attr, value, hint });

/** A list value split into its elements; a malformed list is the catalog's invalid-value error. */
export function listOf(text: string, attr: string): string[] {
  if (text === 'none' || text === '') return [];
  try {
    return splitListValue(text);
  } catch (e) {
    if (e instanceof RecordSyntaxError) return bad(attr, text, 'List elements that contain commas must be enclosed in double quotes.');
    throw e;
  }
}

export const int: Kind<number> = {
  parse: (t, a) => (/^\d{1,9}$/.test(t) ? Number(t) : bad(a, t, 'Specify a whole number.')),
  format: (v) => String(v),
};

export const bit: Kind<0 | 1> = {
  parse: (t, a) => (t === '0' || t === '1' ? (Number(t) as 0 | 1) : bad(a, t, 'Specify 0 or 1.')),
  format: (v) => String(v),
};

export const units: Kind<number | null> = {
  parse: (t, a) => (/^\d{1,6}(\.\d{1,2})?$/.test(t) || /^\.\d{1,2}$/.test(t) ? Number(t) : bad(a, t, 'Specify processing units with at most two decimals, for example 0.5.')),
  format: (v) => (v === null ? '' : formatProcUnits(v)),
};

export const factor: Kind<number> = {
  parse: (t, a) => (/^\d{1,2}(\.\d{1,2})?$/.test(t) ? Number(t) : bad(a, t, 'Specify 0 or a factor from 1.00 to 10.00.')),
  format: (v) => formatProcUnits(v),
};

export const text: Kind<string> = { parse: (t) => t, format: (v) => v };

export const oneOf = <T extends string>(values: readonly T[]): Kind<T> => ({
  parse: (t, a) => ((values as readonly string[]).includes(t) ? (t as T) : bad(a, t, `Valid values are ${values.join(', ')}.`)),
  format: (v) => v,
});

export const ratio: Kind<string> = {
  parse: (t, a) => (/^1:\d+$/.test(t) ? t : bad(a, t, 'Specify a ratio such as 1:64.')),
  format: (v) => v,
};

export const optionalId: Kind<number | null> = {
  parse: (t, a) => (t === '' || t === 'none' ? null : /^\d+$/.test(t) ? Number(t) : bad(a, t, 'Specify a partition ID.')),
  format: (v) => (v === null ? '' : String(v)),
};

/** Lists of element strings: `none` is the empty list (platform.md §7.3). */
export const strList: Kind<string[]> = {
  parse: (t, a) => listOf(t, a),
  format: (v) => v,
  list: true,
  element: (t) => t,
};

function ioSlot(t: string, a: string): IoSlotRef {
  const f = t.split('/');
  if (f.length !== 3 || !/^[0-9A-Fa-f]{8}$/.test(f[0]) || !/^[01]$/.test(f[2])) {
    return bad(a, t, 'An I/O slot is drc_index/[slot_io_pool_id]/is_required, for example 21010002/none/1.');
  }
  return { drc_index: f[0].toUpperCase(), slot_io_pool_id: f[1] === '' ? 'none' : f[1], is_required: Number(f[2]) as 0 | 1 };
}

export const ioSlots: Kind<IoSlotRef[]> = {
  parse: (t, a) => listOf(t, a).map((e) => ioSlot(e, a)),
  format: (v) => v.map((s) => `${s.drc_index}/${s.slot_io_pool_id}/${s.is_required}`),
  list: true,
  element: ioSlot,
};
