// Fuzzing the padmin shell: whatever line is typed, `run` answers (never throws), a refusal has a message
// and changes nothing, and no answer is an internal error (which would be a bug in this module).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { boot, snapshot } from './fixture.ts';
import type { ViosOs } from '../../../src/os/vios/vios-os.ts';

const COMMANDS = ['lsdev', 'lsmap', 'mkvdev', 'rmvdev', 'rmdev', 'vfcmap', 'lsnports', 'cfgdev', 'chdev', 'mkvg', 'mklv', 'lsvg', 'lspv',
  'chkdev', 'ioslevel', 'license', 'oem_setup_env', 'ioscli', 'help', 'exit'];
const FLAGS = ['-all', '-npiv', '-net', '-fmt', ':', '-vadapter', '-vdev', '-dev', '-f', '-sea', '-default', '-defaultid', '-attr', '-lnagg',
  '-vlan', '-tagid', '-vtd', '-recursive', '-ucfg', '-fcp', '-perm', '-vg', '-lv', '-free', '-size', '-field', '-type', '-virtual',
  '-slots', '-vpd', '-accept', '-view', '-rmlv', '-fbo'];
const WORDS = ['hdisk0', 'hdisk1', 'hdisk3', 'hdisk9', 'vhost0', 'vhost1', 'vfchost0', 'vfchost1', 'fcs0', 'fcs1', 'fcs2', 'fscsi0', 'sas0',
  'ent0', 'ent1', 'ent2', 'ent3', 'ent2,ent3', 'ent5', 'ent6', 'ent7', 'vtscsi0', 'proc0', 'pkcs11', 'datavg', 'lv00', 'vg00', '1', '2', '99',
  '4095', '10G', '512M', 'ha_mode=auto', 'ha_mode=sharing', 'ctl_chan=ent5', 'reserve_policy=no_reserve', 'algorithm=round_robin',
  'pv=yes', 'pv=clear', 'mode=8023ad', 'frequency', 'name', 'identifier', 'adapter', 'disk', 'x=', '=', '""', "''", '-', '--', '0x81'];

const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FLAGS, ...WORDS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const line = fc.tuple(fc.constantFrom(...COMMANDS), fc.array(token, { maxLength: 8 })).map(([c, ws]) => [c, ...ws].join(' '));
const anyLine = fc.oneof(line, fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 40 }));

function check(os: ViosOs, l: string): void {
  let r;
  try { r = os.run(l); } catch (e) { assert.fail(`run threw on ${JSON.stringify(l)}: ${String(e)}`); }
  assert.ok(Number.isInteger(r.exit), l);
  assert.doesNotMatch(r.stderr, /internal error/, `${JSON.stringify(l)} → ${r.stderr}`);
  if (r.exit === 0) assert.ok(r.stdout === '' || r.stdout.endsWith('\n'), l);
  else { assert.equal(r.stdout, '', l); assert.ok(r.stderr.endsWith('\n') && r.stderr.length > 1, l); }
}

describe('padmin shell fuzzing', () => {
  it('never throws and never fails internally on arbitrary lines', () => {
    fc.assert(fc.property(fc.array(anyLine, { minLength: 1, maxLength: 12 }), (lines) => {
      const { os } = boot();
      for (const l of lines) check(os, l);
    }), { numRuns: 300 });
  });

  it('a refused command changes nothing', () => {
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), (lines) => {
      const { os } = boot();
      for (const l of lines) {
        const before = snapshot(os);
        const r = os.run(l);
        if (r.exit !== 0) assert.deepEqual(snapshot(os), before, `${l} was refused (${r.stderr.trim()}) but changed something`);
      }
    }), { numRuns: 150 });
  });
});
