// `--filter` values (hmc-cli.md §3.3): client-sent forms, the SIM-RULE splitting, the quoted-pair
// form, errors, and round-trip/fuzz properties.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RecordSyntaxError } from '../../../../src/hmc/cli/grammar/attribute-record.ts';
import { parseFilter } from '../../../../src/hmc/cli/grammar/filter.ts';

const entries = (text: string) => [...parseFilter(text).entries()];

function assertSyntaxError(fn: () => unknown, detail: string): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof RecordSyntaxError, `expected RecordSyntaxError, got ${String(err)}`);
    assert.equal(err.detail, detail);
    return true;
  });
}

describe('parseFilter: client-sent forms', () => {
  it('reads single filters', () => {
    assert.deepEqual(entries('lpar_names=vios1'), [['lpar_names', ['vios1']]]);
    assert.deepEqual(entries('adapter_ids=1'), [['adapter_ids', ['1']]]);
    assert.deepEqual(entries('vios_uuids=3F1A2B3C-0000-4000-8000-00000000000A'), [
      ['vios_uuids', ['3F1A2B3C-0000-4000-8000-00000000000A']],
    ]);
  });
  it('reads two filters in order', () => {
    assert.deepEqual(entries('lpar_names=vios1,profile_names=default_profile'), [
      ['lpar_names', ['vios1']],
      ['profile_names', ['default_profile']],
    ]);
  });
  it('reads multi-value lists (SIM-RULE: a token without "=" continues the previous filter)', () => {
    assert.deepEqual(entries('names=a,b'), [['names', ['a', 'b']]]);
    assert.deepEqual(entries('lpar_names=a,b,profile_names=p,q'), [
      ['lpar_names', ['a', 'b']],
      ['profile_names', ['p', 'q']],
    ]);
  });
  it('reads the quoted-pair form (IBM documented)', () => {
    assert.deepEqual(entries('"lpar_names=a,b",profile_names=p'), [
      ['lpar_names', ['a', 'b']],
      ['profile_names', ['p']],
    ]);
    assert.deepEqual(entries('profile_names=p,"lpar_names=a,b,c"'), [
      ['profile_names', ['p']],
      ['lpar_names', ['a', 'b', 'c']],
    ]);
  });
  it('reads the value-quoted form', () => {
    assert.deepEqual(entries('lpar_names="a,b",lpar_ids=3'), [
      ['lpar_names', ['a', 'b']],
      ['lpar_ids', ['3']],
    ]);
  });
  it('keeps an empty value as one empty value and does not validate names', () => {
    assert.deepEqual(entries('lpar_names='), [['lpar_names', ['']]]);
    assert.deepEqual(entries('"lpar_names="'), [['lpar_names', ['']]]);
    assert.deepEqual(entries('no_such_filter=x'), [['no_such_filter', ['x']]]);
  });
  it('keeps values with spaces', () => {
    assert.deepEqual(entries('lpar_names=my lpar,other'), [['lpar_names', ['my lpar', 'other']]]);
  });
});

describe('parseFilter: errors', () => {
  it('rejects a leading token without "="', () => {
    assertSyntaxError(() => parseFilter('vios1,lpar_names=a'), 'vios1');
    assertSyntaxError(() => parseFilter('vios1'), 'vios1');
    assertSyntaxError(() => parseFilter(''), '');
  });
  it('rejects an empty filter name', () => {
    assertSyntaxError(() => parseFilter('=a'), '=a');
    assertSyntaxError(() => parseFilter('lpar_names=a,=b'), '=b');
  });
  it('rejects a repeated filter name', () => {
    assertSyntaxError(() => parseFilter('lpar_names=a,lpar_names=b'), 'lpar_names=b');
    assertSyntaxError(() => parseFilter('"lpar_names=a,b",lpar_names=c'), 'lpar_names=c');
  });
  it('rejects empty tokens and quoted bare values', () => {
    assertSyntaxError(() => parseFilter('lpar_names=a,,b'), '');
    assertSyntaxError(() => parseFilter('lpar_names=a,'), '');
    assertSyntaxError(() => parseFilter('lpar_names=a,"b,c"'), '"b,c"');
  });
  it('rejects bad quoting', () => {
    assertSyntaxError(() => parseFilter('"lpar_names=a,b'), '"lpar_names=a,b');
    assertSyntaxError(() => parseFilter('lpar_names=a"b"'), 'lpar_names=a"b"');
  });
});

describe('parseFilter: properties', () => {
  const nameArb = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_'), minLength: 1, maxLength: 12 });
  // Filter values (LPAR names, ids, UUIDs) never contain the delimiters `,` `=` `"`.
  const valueChars = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).filter(
    (c) => !',="'.includes(c),
  );
  const valueArb = fc.string({ unit: fc.constantFrom(...valueChars), minLength: 1, maxLength: 10 });
  const filtersArb = fc.uniqueArray(fc.tuple(nameArb, fc.array(valueArb, { minLength: 1, maxLength: 4 })), {
    minLength: 1,
    maxLength: 5,
    selector: ([n]) => n,
  });

  it('SIM-RULE form and quoted-pair form give back the same filters', () => {
    fc.assert(
      fc.property(filtersArb, fc.boolean(), (filters, quotedPairs) => {
        const text = filters
          .map(([n, vs]) => {
            const pair = `${n}=${vs.join(',')}`;
            return quotedPairs && vs.length > 1 ? `"${pair}"` : pair;
          })
          .join(',');
        assert.deepEqual([...parseFilter(text).entries()], filters);
      }),
      { numRuns: 500 },
    );
  });
  it('throws only RecordSyntaxError on arbitrary input', () => {
    const structural = fc.string({ unit: fc.constantFrom('"', ',', '=', 'a', 'b', ' '), maxLength: 30 });
    fc.assert(
      fc.property(fc.oneof(structural, fc.string({ unit: 'binary', maxLength: 40 })), (text) => {
        try {
          const map = parseFilter(text);
          assert.ok(map.size > 0);
          for (const [name, values] of map) {
            assert.notEqual(name, '');
            assert.ok(values.length > 0);
          }
        } catch (err) {
          assert.ok(err instanceof RecordSyntaxError, `unexpected ${String(err)} for ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
