// The error catalog stays in step with reference/platform.md §15 (codes transcribed here as data).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ERRORS } from '../../src/errors/catalog.ts';
import { HmcError, renderError } from '../../src/errors/hmc-error.ts';

// platform.md §15.1: real codes and what triggers them.
const REAL: Record<string, string> = {
  HSCL05DF: 'WRONG_PARTITION_STATE', HSCL3681: 'ALREADY_ACTIVATED', HSCL1558: 'ALREADY_OFF', HSCL0DB4: 'NO_RMC_OS_SHUTDOWN',
  HSCL2957: 'NO_RMC_DLPAR', HSCL1566: 'PU_VP_RATIO', HSCL8012: 'PARTITION_NOT_FOUND', HSCL350B: 'NO_AUTHORITY', HSCLC63B: 'NOT_PRINTABLE',
};

test('every real code of the reference that the simulator raises maps to the right condition', () => {
  for (const [code, key] of Object.entries(REAL)) assert.equal(ERRORS[key as keyof typeof ERRORS].code, code, key);
});

test('verified texts are reproduced exactly', () => {
  assert.equal(renderError('WRONG_PARTITION_STATE', {}),
    'HSCL05DF The partition is not in a state under which this operation can be performed. Check the state of the partition.');
  assert.match(renderError('NO_RMC_DLPAR', { name: 'aix01' }),
    /^HSCL2957 Either there is currently no RMC connection between the management console and the partition aix01 or the partition does not support dynamic partitioning operations\. Verify the network setup on the management console and the partition/);
  assert.equal(renderError('NO_AUTHORITY', {}), 'HSCL350B The user does not have the appropriate authority.');
  assert.equal(renderError('INVALID_ATTRIBUTE', { name: 'type_serial' }),
    'An invalid attribute was entered.  The invalid attribute is type_serial.  Correct the input and retry the command.');
  assert.equal(renderError('PU_VP_RATIO', { id: 5 }),
    'HSCL1566 The operation failed because the ratio of assigned processing units to assigned virtual processors for partition 5 would have been less than the minimum ratio supported by the operating system on the partition.');
});

test('codes are HSCL-shaped; simulated codes are marked and each names one condition', () => {
  const simCodes = new Map<string, string>();
  for (const [key, d] of Object.entries(ERRORS)) {
    if (d.source === 'simulated') {
      assert.match(d.code, /^HSCLSIM\d+$/, key);
      assert.ok(!simCodes.has(d.code), `${d.code} used by ${simCodes.get(d.code)} and ${key}`);
      simCodes.set(d.code, key);
    } else if (d.code) {
      assert.match(d.code, /^HSCL[0-9A-F]{4}$/, key);
    } else {
      assert.ok(['INVALID_ATTRIBUTE', 'COMMAND_NOT_FOUND', 'VTERM_ALREADY_OPEN'].includes(key), `${key} has no code`);
    }
  }
});

test('no HMC error uses exit status 5 or 6 (Ansible reads those as sshpass failures, hmc-cli.md §5)', () => {
  for (const [key, d] of Object.entries(ERRORS)) {
    assert.ok(d.exit !== 0 && d.exit !== 5 && d.exit !== 6, key);
  }
});

test('an HmcError crosses the link as a key and parameters and renders the same text', () => {
  const e = new HmcError('PARTITION_NOT_FOUND', { name: 'nosuch' });
  const back = new HmcError(e.toWire().key, e.toWire().params);
  assert.equal(back.message, 'HSCL8012 The partition nosuch cannot be found.');
  assert.equal(back.exit, 1);
});
