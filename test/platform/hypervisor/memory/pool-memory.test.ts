// Shared memory pool accounting helpers (src/platform/hypervisor/memory/pool-memory.ts): `auto` I/O entitled
// memory per virtual adapter, the accepted desired_io_entitled_mem values, and the smallest paging device.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ioEntitledMB, pagingDeviceMinMB, validIoEntitled } from '../../../../src/platform/hypervisor/memory/pool-memory.ts';
import { parseVirtualIo } from '../../../../src/platform/hypervisor/virtual-adapters.ts';
import { defaultConfig } from '../../../../src/sim/config.ts';

const ams = defaultConfig().ams;

describe('I/O entitled memory', () => {
  it('auto: base + per adapter by type (64 + 2 × 16 Ethernet + 16 SCSI + 128 FC = 240 MB)', () => {
    const io = parseVirtualIo({
      virtual_eth_adapters: ['10/0/1//0/0', '11/0/2//0/0'], virtual_scsi_adapters: ['2/client/1/vios1/11/1'], virtual_fc_adapters: ['3/client/1/vios1/21//1'],
    });
    assert.equal(ioEntitledMB('auto', io, ams), 240);
    assert.equal(ioEntitledMB('auto', io, { ...ams, ioEntitledBaseMB: 0, ioEntitledPerFcMB: 0 }), 48);
    assert.equal(ioEntitledMB('300', io, ams), 300);
  });

  it('desired_io_entitled_mem is auto or a positive whole number of MB', () => {
    for (const v of ['auto', '1', '4096']) assert.equal(validIoEntitled(v), true, v);
    for (const v of ['', '0', '-1', '1.5', 'AUTO', '64M', '0128']) assert.equal(validIoEntitled(v), false, v);
    fc.assert(fc.property(fc.integer({ min: 1, max: 999_999_999 }), (n) => assert.equal(validIoEntitled(String(n)), true)));
  });
});

describe('the smallest paging space device', () => {
  it('AIX/Linux: the maximum memory; IBM i: × the configured factor', () => {
    assert.equal(pagingDeviceMinMB('aixlinux', 16384, ams), 16384);
    assert.equal(pagingDeviceMinMB('os400', 16384, { ...ams, ibmiPagingDeviceFactor: 1.5 }), 24576);
  });
});
