// Attribute records `-i "…"` / `-a "…"` (hmc-cli.md §3.2): both quoting styles, errors, and
// round-trip/fuzz properties against the output grammar (hmc-cli.md §4.1).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  RecordSyntaxError,
  parseAttributeRecord,
  splitListValue,
  tokenizeRecord,
} from '../../../../src/hmc/cli/grammar/attribute-record.ts';
import { formatKeyValueRecord, type OutValue } from '../../../../src/hmc/cli/grammar/output.ts';

const pairs = (text: string) => parseAttributeRecord(text).map((p) => [p.name, p.op, p.value]);

function assertSyntaxError(fn: () => unknown, detail: string): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof RecordSyntaxError, `expected RecordSyntaxError, got ${String(err)}`);
    assert.equal(err.detail, detail);
    assert.equal(err.name, 'RecordSyntaxError');
    return true;
  });
}

describe('parseAttributeRecord: IBM style (whole pair quoted)', () => {
  it('reads a quoted list pair after a plain pair', () => {
    assert.deepEqual(pairs('name=v1,"virtual_eth_adapters=a,b"'), [
      ['name', '=', 'v1'],
      ['virtual_eth_adapters', '=', 'a,b'],
    ]);
  });
  it('turns doubled quotes into single quote characters (list element with commas)', () => {
    assert.deepEqual(pairs('"virtual_eth_adapters=""2/1/1/3,4,5/0/1"",3/1/1/10/0/1"'), [
      ['virtual_eth_adapters', '=', '"2/1/1/3,4,5/0/1",3/1/1/10/0/1'],
    ]);
  });
  it('reads the hmc-mcp chhwres -a form (ADR 0061)', () => {
    assert.deepEqual(pairs('port_vlan_id=0,"backing_devices=dev1,dev2"'), [
      ['port_vlan_id', '=', '0'],
      ['backing_devices', '=', 'dev1,dev2'],
    ]);
  });
  it('reads the documented IBM example', () => {
    const v = '2/0/1//0/0/ETHERNET0//all/none,3/0/2//0/0/ETHERNET0//all/none';
    assert.deepEqual(pairs(`"virtual_eth_adapters=${v}"`), [['virtual_eth_adapters', '=', v]]);
  });
  it('accepts += and -= inside a quoted pair', () => {
    assert.deepEqual(pairs('"io_slots+=a/none/1,b/none/1","addl_vlan_ids-=40,41"'), [
      ['io_slots', '+=', 'a/none/1,b/none/1'],
      ['addl_vlan_ids', '-=', '40,41'],
    ]);
  });
});

describe('parseAttributeRecord: value style (only the value quoted)', () => {
  it('reads a quoted value', () => {
    assert.deepEqual(pairs('virtual_eth_adapters="a,b"'), [['virtual_eth_adapters', '=', 'a,b']]);
  });
  it('treats doubled quotes inside a quoted value like IBM style', () => {
    assert.deepEqual(pairs('x="""a,b"",c"'), [['x', '=', '"a,b",c']]);
    assert.deepEqual(splitListValue(parseAttributeRecord('x="""a,b"",c"')[0].value), ['a,b', 'c']);
  });
  it('reads the Ansible VIOS mksyscfg record after shell quote removal', () => {
    const rec =
      'lpar_env=vioserver,name=vios1,profile_name=default_profile,min_mem=2048,desired_mem=4096,' +
      'max_mem=4096,min_procs=2,desired_procs=2,max_procs=2,boot_mode=norm,proc_mode=ded,' +
      'sharing_mode=keep_idle_procs,max_virtual_slots=20,' +
      'virtual_eth_adapters="2/0/1//0/0/ETHERNET0//all/none,3/0/2//0/0/ETHERNET0//all/none"';
    const got = parseAttributeRecord(rec);
    assert.equal(got.length, 14);
    assert.deepEqual(got[0], { name: 'lpar_env', op: '=', value: 'vioserver' });
    assert.deepEqual(got[13], {
      name: 'virtual_eth_adapters',
      op: '=',
      value: '2/0/1//0/0/ETHERNET0//all/none,3/0/2//0/0/ETHERNET0//all/none',
    });
  });
  it('accepts += with a quoted value', () => {
    assert.deepEqual(pairs('io_slots+="a,b"'), [['io_slots', '+=', 'a,b']]);
  });
  it('accepts an empty quoted value', () => {
    assert.deepEqual(pairs('description="",x=1'), [['description', '=', ''], ['x', '=', '1']]);
  });
});

describe('parseAttributeRecord: plain records', () => {
  it('reads client-sent plain records and operators', () => {
    assert.deepEqual(pairs('name=X,new_name=Y'), [['name', '=', 'X'], ['new_name', '=', 'Y']]);
    assert.deepEqual(pairs('name=P,lpar_name=X,io_slots+=21010002//0'), [
      ['name', '=', 'P'],
      ['lpar_name', '=', 'X'],
      ['io_slots', '+=', '21010002//0'],
    ]);
    assert.deepEqual(pairs('io_slots-=21010002//0,addl_vlan_ids+=40'), [
      ['io_slots', '-=', '21010002//0'],
      ['addl_vlan_ids', '+=', '40'],
    ]);
    assert.deepEqual(pairs('sriov_eth_logical_ports=none'), [['sriov_eth_logical_ports', '=', 'none']]);
  });
  it('allows empty values and values with spaces, colons and "="', () => {
    assert.deepEqual(pairs('description=,rmc_ipaddr='), [['description', '=', ''], ['rmc_ipaddr', '=', '']]);
    assert.deepEqual(pairs('description=HMC Super User,hpt_ratio=1:64'), [
      ['description', '=', 'HMC Super User'],
      ['hpt_ratio', '=', '1:64'],
    ]);
    assert.deepEqual(pairs('a=b=c'), [['a', '=', 'b=c']]);
  });
  it('does not reject duplicate names (the caller does)', () => {
    assert.deepEqual(pairs('a=1,a=2'), [['a', '=', '1'], ['a', '=', '2']]);
  });
  it('parses the VERIFIED full profile line back into its pairs (platform.md §7.3)', () => {
    const line =
      'name=normal,lpar_name=aix01,lpar_id=5,io_slots=none,max_virtual_slots=10,' +
      '"virtual_serial_adapters=0/server/1/any//any/1,1/server/1/any//any/1",' +
      '"virtual_scsi_adapters=2/client/2/vios1/2/1,3/client/3/vios2/2/1",' +
      '"virtual_eth_adapters=6/1/6//0/0,7/0/7//0/0",hca_adapters=none,sharing_mode=cap';
    const got = parseAttributeRecord(line);
    assert.deepEqual(got.map((p) => p.name), [
      'name', 'lpar_name', 'lpar_id', 'io_slots', 'max_virtual_slots', 'virtual_serial_adapters',
      'virtual_scsi_adapters', 'virtual_eth_adapters', 'hca_adapters', 'sharing_mode',
    ]);
    assert.deepEqual(splitListValue(got[5].value), ['0/server/1/any//any/1', '1/server/1/any//any/1']);
    assert.deepEqual(splitListValue(got[7].value), ['6/1/6//0/0', '7/0/7//0/0']);
  });
});

describe('parseAttributeRecord: errors', () => {
  // [record, offending token reported in `detail`, what is wrong]
  const cases: [string, string, string][] = [
    ['port_vlan_id=0,backing_devices=dev1,dev2', 'dev2', 'unquoted list: next token has no "=" (§3.2)'],
    ['a=1,"dev1,dev2"', '"dev1,dev2"', 'quoted pair without "="'],
    ['"a=b,c', '"a=b,c', 'unterminated IBM-style quote'],
    ['x=1,a="b,c', '"b,c', 'unterminated value-style quote'],
    ['"a=""b""', '"a=""b""', 'unterminated: the last "" is an escaped quote'],
    ['=x', '=x', 'empty name'],
    ['a=1,+=x', '+=x', 'empty name before +='],
    ['"=x,y"', '"=x,y"', 'empty name in a quoted pair'],
    ['Name=x', 'Name=x', 'upper-case name'],
    ['a-b=x', 'a-b=x', 'name with "-"'],
    ['a=1, b=2', ' b=2', 'name with a leading space'],
    ['a*=2', 'a*=2', 'unknown operator'],
    ['', '', 'empty record'],
    ['a=1,,b=2', '', 'empty token'],
    ['a=1,', '', 'trailing comma'],
    ['a=b"c"', 'a=b"c"', 'quote inside a value'],
    ['a"=b"', 'a"=b"', 'quote inside a name'],
    ['"a=b"c,d=1', '"a=b"c', 'text after a closing pair quote'],
    ['a="b"c', 'a="b"c', 'text after a closing value quote'],
  ];
  for (const [record, detail, why] of cases) {
    it(`rejects ${JSON.stringify(record)} (${why})`, () => {
      assertSyntaxError(() => parseAttributeRecord(record), detail);
    });
  }
  it('names the problem in the message', () => {
    assert.throws(() => parseAttributeRecord('=x'), /empty attribute name/);
    assert.throws(() => parseAttributeRecord('a="b'), /unterminated double quote/);
    // `"a=""b"` is complete: the last quote closes the pair and the value is `"b`.
    assert.deepEqual(pairs('"a=""b"'), [['a', '=', '"b']]);
  });
});

describe('splitListValue', () => {
  it('splits plain and quoted elements', () => {
    assert.deepEqual(splitListValue(''), []);
    assert.deepEqual(splitListValue('none'), ['none']);
    assert.deepEqual(splitListValue('a'), ['a']);
    assert.deepEqual(splitListValue('a,,b'), ['a', '', 'b']);
    assert.deepEqual(splitListValue('"2/1/1/3,4,5/0/1",3/1/1/10/0/1'), ['2/1/1/3,4,5/0/1', '3/1/1/10/0/1']);
    assert.deepEqual(
      splitListValue('"4/client/1/vios1/22/c050760a1b2c0010,c050760a1b2c0011/1","5/client/2/vios2/22/c050760a1b2c0012,c050760a1b2c0013/1"'),
      ['4/client/1/vios1/22/c050760a1b2c0010,c050760a1b2c0011/1', '5/client/2/vios2/22/c050760a1b2c0012,c050760a1b2c0013/1'],
    );
    assert.deepEqual(splitListValue('"a""b,c",d'), ['a"b,c', 'd']);
  });
  it('rejects bad quoting', () => {
    assertSyntaxError(() => splitListValue('"abc'), '"abc');
    assertSyntaxError(() => splitListValue('"a"b,c'), '"a"b');
    assertSyntaxError(() => splitListValue('x,a"b'), 'a"b');
  });
});

// Property arbitraries (hmc-cli.md §3.2: names are lower case; values printable ASCII without the
// unescapable record delimiters `"` and `=`).
const printable = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
const valueChar = fc.constantFrom(...printable.filter((c) => c !== '"' && c !== '='));
const nameArb = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_'), minLength: 1, maxLength: 12 });
const scalarArb = fc.string({ unit: valueChar, maxLength: 20 });
const listArb = fc.array(fc.string({ unit: valueChar, minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 5 });
const valueArb: fc.Arbitrary<OutValue> = fc.oneof(scalarArb, listArb, fc.nat());
const pairsArb = fc.array(fc.tuple(nameArb, valueArb), { minLength: 1, maxLength: 8 });

function checkRoundTrip(parsed: ReturnType<typeof parseAttributeRecord>, input: [string, OutValue][]): void {
  assert.deepEqual(parsed.map((p) => p.name), input.map(([n]) => n));
  parsed.forEach((p, i) => {
    const v = input[i][1];
    assert.equal(p.op, '=');
    if (Array.isArray(v)) assert.deepEqual(splitListValue(p.value), v);
    else assert.equal(p.value, String(v));
  });
}

describe('properties', () => {
  it('(a) IBM-style text from formatKeyValueRecord parses back to the same pairs and lists', () => {
    fc.assert(
      fc.property(pairsArb, (input) => {
        checkRoundTrip(parseAttributeRecord(formatKeyValueRecord(input)), input);
      }),
      { numRuns: 500 },
    );
  });
  it('(a) scalar values with any printable ASCII, quotes included, survive the IBM-style quoting', () => {
    const anyScalar = fc.string({ unit: fc.constantFrom(...printable), maxLength: 20 });
    fc.assert(
      fc.property(fc.array(fc.tuple(nameArb, anyScalar), { minLength: 1, maxLength: 5 }), (input) => {
        checkRoundTrip(parseAttributeRecord(formatKeyValueRecord(input)), input);
      }),
      { numRuns: 500 },
    );
  });
  it('(a) value-style text parses back to the same pairs and lists', () => {
    const listText = (l: readonly string[]) => l.map((e) => (e.includes(',') ? `"${e}"` : e)).join(',');
    fc.assert(
      fc.property(pairsArb, (input) => {
        const text = input
          .map(([n, v]) => {
            const s = Array.isArray(v) ? listText(v) : String(v);
            return `${n}="${s.replaceAll('"', '""')}"`;
          })
          .join(',');
        checkRoundTrip(parseAttributeRecord(text), input);
      }),
      { numRuns: 500 },
    );
  });
  it('(b) parsers throw only RecordSyntaxError on arbitrary input', () => {
    const structural = fc.string({ unit: fc.constantFrom('"', ',', '=', '+', '-', 'a', '_', ' ', 'Z', '1'), maxLength: 30 });
    const anyText = fc.oneof(structural, fc.string({ unit: 'binary', maxLength: 40 }));
    fc.assert(
      fc.property(anyText, (text) => {
        for (const fn of [parseAttributeRecord, splitListValue, tokenizeRecord]) {
          try {
            const out = fn(text);
            assert.ok(Array.isArray(out));
          } catch (err) {
            assert.ok(err instanceof RecordSyntaxError, `unexpected ${String(err)} for ${JSON.stringify(text)}`);
            assert.equal(typeof err.detail, 'string');
          }
        }
        try {
          for (const p of parseAttributeRecord(text)) assert.match(p.name, /^[a-z0-9_]+$/);
        } catch (err) {
          assert.ok(err instanceof RecordSyntaxError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
