// The VIOS keeps its hands off the paging space devices of the shared memory pool (platform.md §5.4;
// src/os/vios/paging-device.ts): the platform names them in the environment (pagingDevices), usersOf reports
// a `paging` use, and mapping, volume group membership, rmvdev -rmlv, rmdev (also -recursive, -ucfg) are
// refused with nothing changed; lspv -free and chkdev do not offer them. The fixture's environment object is
// read afresh by every command, so a test puts a device in the pool by editing env.pagingDevices.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { boot, ok, refused } from './fixture.ts';
import { usersOf } from '../../../src/os/vios/device-usage.ts';
import { emptyViosConfig } from '../../../src/os/vios/vios-config.ts';
import type { PagingSpaceView } from '../../../src/os/vios/environment.ts';

const free = (os: ReturnType<typeof boot>['os']): string[] => ok(os, 'lspv -free -fmt :').trim().split('\n').map((l) => l.split(':')[0]);
const ams06: PagingSpaceView['client'] = { lparId: 8, name: 'ams06' };

describe('a whole disk in the shared memory pool', () => {
  it('cannot be mapped (not even with -f) or put in a volume group; lspv -free and chkdev leave it out', () => {
    const { os, env } = boot();
    assert.ok(free(os).includes('hdisk0'));
    env.pagingDevices = [{ device: 'hdisk0', client: null }];
    assert.match(refused(os, 'mkvdev -vdev hdisk0 -vadapter vhost0 -dev pgsteal'),
      /^"hdisk0" is used by the shared memory pool as a paging space device\. It cannot be mapped, put in a volume group or removed; remove the paging space device from the shared memory pool on the management console first\.\n$/);
    refused(os, 'mkvdev -vdev hdisk0 -vadapter vhost0 -f');
    assert.match(refused(os, 'mkvg -vg pgvg hdisk0'), /"hdisk0" is used by the shared memory pool/);
    refused(os, 'mkvg -vg pgvg hdisk2 hdisk0');
    assert.deepEqual(free(os), ['hdisk1', 'hdisk2', 'hdisk3']);
    assert.equal(ok(os, 'chkdev -dev hdisk0 -fmt : -field name phys2virt_capable'), 'hdisk0:NA\n');
    assert.equal(ok(os, 'chkdev -dev hdisk1 -fmt : -field name phys2virt_capable'), 'hdisk1:YES\n');
    assert.match(os.pagingDevice('hdisk0')!.inUse!, /shared memory pool as a paging space device/);
  });

  it('names the partition paging to it', () => {
    const { os, env } = boot();
    env.pagingDevices = [{ device: 'hdisk0', client: ams06 }];
    assert.match(refused(os, 'mkvdev -vdev hdisk0 -vadapter vhost0'), /paging space device of shared memory partition "ams06"/);
  });

  it('cannot be removed or unconfigured, not even with -recursive or through its controller', () => {
    const { os, env } = boot();
    env.pagingDevices = [{ device: 'hdisk0', client: ams06 }];
    for (const cmd of ['rmdev -dev hdisk0', 'rmdev -dev hdisk0 -recursive', 'rmdev -dev hdisk0 -ucfg', 'rmdev -dev sas0 -recursive', 'rmdev -dev sas0 -recursive -ucfg']) {
      assert.match(refused(os, cmd), /"hdisk0" is used by the shared memory pool/, cmd);
    }
    // Other disks are not affected.
    assert.equal(ok(os, 'rmdev -dev hdisk1 -ucfg'), 'hdisk1 Defined\n');
  });

  it('is free again once the pool lets it go (the VIOS asks the platform on every command)', () => {
    const { os, env } = boot();
    env.pagingDevices = [{ device: 'hdisk0', client: null }];
    refused(os, 'mkvdev -vdev hdisk0 -vadapter vhost0');
    env.pagingDevices = [];
    assert.equal(ok(os, 'mkvdev -vdev hdisk0 -vadapter vhost0'), 'vtscsi0 Available\n');
  });
});

describe('a logical volume in the shared memory pool', () => {
  it('cannot be mapped, and its volume group\'s disks cannot be mapped even with -f', () => {
    const { os, env } = boot();
    ok(os, 'mkvg -vg pagingvg hdisk1');
    ok(os, 'mklv -lv amspg01 pagingvg 8G');
    ok(os, 'mklv -lv datalv pagingvg 1G');
    env.pagingDevices = [{ device: 'amspg01', client: ams06 }];
    assert.match(refused(os, 'mkvdev -vdev amspg01 -vadapter vhost0 -dev stolen'), /"amspg01" is used by the shared memory pool as a paging space device of shared memory partition "ams06"/);
    assert.match(refused(os, 'mkvdev -vdev hdisk1 -vadapter vhost0 -f'), /"hdisk1" is used by the shared memory pool through paging space device "amspg01"/);
    // Another logical volume of the same volume group is the VIOS's to map.
    assert.equal(ok(os, 'mkvdev -vdev datalv -vadapter vhost0'), 'vtscsi0 Available\n');
  });

  it('rmvdev -rmlv does not delete it (a mapping made before it joined the pool); plain rmvdev removes the mapping', () => {
    const { os, env } = boot();
    ok(os, 'mkvg -vg pagingvg hdisk1');
    ok(os, 'mklv -lv amspg01 pagingvg 8G');
    ok(os, 'mkvdev -vdev amspg01 -vadapter vhost0 -dev old');
    env.pagingDevices = [{ device: 'amspg01', client: null }];
    assert.match(refused(os, 'rmvdev -vtd old -rmlv'), /"amspg01" is used by the shared memory pool/);
    refused(os, 'rmvdev -vdev amspg01 -rmlv');
    assert.equal(ok(os, 'rmvdev -vtd old'), 'old deleted\n');
    assert.match(ok(os, 'lsvg -lv pagingvg'), /^amspg01 /m);
  });
});

describe('usersOf: the one place that decides "in use"', () => {
  it('reports a paging use for exactly the pool\'s devices on this VIOS and the disks of a paging LV\'s volume group', () => {
    const cfg = { ...emptyViosConfig(), vgs: [{ name: 'pagingvg', vgid: 'v', ppSizeMB: 256, pvs: ['hdisk1'], lvs: [{ name: 'amspg01', type: 'jfs2', pps: 32 }] }] };
    fc.assert(fc.property(fc.subarray(['hdisk0', 'hdisk2', 'hdisk3', 'amspg01']), fc.boolean(), (devices, withClient) => {
      const env = { pagingDevices: devices.map((device) => ({ device, client: withClient ? ams06 : null })) };
      for (const name of ['hdisk0', 'hdisk1', 'hdisk2', 'hdisk3', 'amspg01']) {
        const paging = usersOf(cfg, name, env).filter((u) => u.kind === 'paging');
        const expected = devices.includes(name) || (name === 'hdisk1' && devices.includes('amspg01'));
        assert.equal(paging.length > 0, expected, `${name} with ${devices.join(',')}`);
        for (const u of paging) assert.equal(u.name, withClient ? 'ams06' : '');
      }
    }), { numRuns: 50 });
  });

  it('no command with any flags takes a paging disk: every attempt is refused and changes nothing', () => {
    const { os, env } = boot();
    env.pagingDevices = [{ device: 'hdisk2', client: null }];
    const attempt = fc.oneof(
      fc.record({ f: fc.boolean(), vhost: fc.constantFrom('vhost0', 'vhost1') }).map(({ f, vhost }) => `mkvdev -vdev hdisk2 -vadapter ${vhost}${f ? ' -f' : ''}`),
      fc.subarray(['hdisk0', 'hdisk3']).map((others) => `mkvg -vg v1 ${[...others, 'hdisk2'].join(' ')}`),
      fc.record({ r: fc.boolean(), u: fc.boolean() }).map(({ r, u }) => `rmdev -dev hdisk2${r ? ' -recursive' : ''}${u ? ' -ucfg' : ''}`),
    );
    fc.assert(fc.property(attempt, (cmd) => { assert.match(refused(os, cmd), /"hdisk2" is used by the shared memory pool/); }), { numRuns: 40 });
  });
});
