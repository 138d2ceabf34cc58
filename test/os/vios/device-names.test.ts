// Device naming (vios.md §1.1): per-type numbering in configuration order, names bound to the hardware
// identity, new devices only at boot or cfgdev (SIM-RULE), and names and configuration surviving a reload
// from the store (DESIGN.md: the VIOS configuration is persisted like NVRAM).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileNvram, MemoryNvram } from '../../../src/platform/fsp/nvram.ts';
import { ViosOs } from '../../../src/os/vios/vios-os.ts';
import { naturalCompare } from '../../../src/os/vios/device-names.ts';
import { boot, labEnv, ok, snapshot, vloc } from './fixture.ts';

const names = (os: ViosOs): string[] => os.devices().map((d) => d.name).sort(naturalCompare);

describe('device names', () => {
  it('numbers each type from 0 in configuration order: physical ports first, then virtual adapters by slot', () => {
    const { os } = boot();
    const byLoc = Object.fromEntries(os.devices().map((d) => [d.name, d.location]));
    assert.equal(byLoc.hdisk0, 'U78D2.001.WZS01AB-P2-D1');
    assert.equal(byLoc.hdisk3, 'U78D2.001.WZS01AB-P1-C6-T1-W500507680B215A3C-L1000000000000');
    assert.equal(byLoc.ent0, 'U78D2.001.WZS01AB-P1-C11-T1');
    assert.equal(byLoc.ent2, `${vloc(1, 2)}-T1`);
    assert.equal(byLoc.vhost1, vloc(1, 12));
    assert.equal(byLoc.fscsi2, 'U78D2.001.WZS01AB-P1-C7-T1');
  });

  it('a new vhost appears only after cfgdev, with the next number', () => {
    const { os, env } = boot();
    env.virtualAdapters.push({ type: 'scsi', slot: 13, location: vloc(1, 13), remoteLparId: 5, remoteSlot: 2 });
    assert.doesNotMatch(ok(os, 'lsdev -virtual'), /vhost2/);
    assert.equal(os.run('mkvdev -vdev hdisk0 -vadapter vhost2').exit, 1);
    assert.equal(ok(os, 'cfgdev'), '');
    assert.match(ok(os, 'lsdev -dev vhost2'), /^vhost2 +Available +Virtual SCSI Server Adapter$/m);
    assert.equal(os.devices().find((d) => d.name === 'vhost2')?.location, vloc(1, 13));
  });

  it('a VIOS reboot (boot()) configures new adapters like cfgdev', () => {
    const { os, env } = boot();
    env.virtualAdapters.push({ type: 'fc', slot: 33, location: vloc(1, 33), remoteLparId: 7, remoteSlot: 3 });
    assert.equal(os.run('lsdev -dev vfchost2').exit, 1);
    os.boot();
    assert.match(ok(os, 'lsdev -dev vfchost2'), /^vfchost2 +Available/m);
  });

  it('a removed vhost keeps its number reserved; its slot coming back gets its old name', () => {
    const { os, env } = boot();
    const vhost0 = env.virtualAdapters.findIndex((v) => v.slot === 11);
    const [removed] = env.virtualAdapters.splice(vhost0, 1);
    env.virtualAdapters.push({ type: 'scsi', slot: 14, location: vloc(1, 14), remoteLparId: 6, remoteSlot: 2 });
    ok(os, 'cfgdev');
    assert.equal(os.devices().find((d) => d.name === 'vhost2')?.location, vloc(1, 14));
    env.virtualAdapters.push(removed);
    ok(os, 'cfgdev');
    assert.equal(os.devices().find((d) => d.name === 'vhost0')?.location, vloc(1, 11));
  });

  it('rmdev frees the name; cfgdev gives the lowest free number again', () => {
    const { os } = boot();
    ok(os, 'rmdev -dev vhost0');
    assert.doesNotMatch(ok(os, 'lsdev -virtual'), /vhost0/);
    ok(os, 'cfgdev');
    assert.equal(os.devices().find((d) => d.name === 'vhost0')?.location, vloc(1, 11));
  });

  it('names do not follow the order the platform lists hardware in', () => {
    const { os, env } = boot();
    const before = os.devices();
    env.physicalAdapters.reverse();
    env.virtualAdapters.reverse();
    env.physicalAdapters[0].ports.reverse();
    ok(os, 'cfgdev');
    assert.deepEqual(os.devices().sort((a, b) => naturalCompare(a.name, b.name)), before.sort((a, b) => naturalCompare(a.name, b.name)));
  });

  it('names and configuration survive a reload from the store; new hardware is named at boot', () => {
    const store = new MemoryNvram();
    const env = labEnv();
    const first = new ViosOs({ store, env: () => env });
    ok(first, 'rmdev -dev vhost0');
    ok(first, 'mkvdev -vdev hdisk1 -vadapter vhost1 -dev rootvg_lnx');
    ok(first, 'mkvdev -sea ent0 -vadapter ent2 -default ent2 -defaultid 1');
    ok(first, 'vfcmap -vadapter vfchost0 -fcp fcs0');
    ok(first, 'license -accept');
    env.virtualAdapters.push({ type: 'fc', slot: 33, location: vloc(1, 33), remoteLparId: 7, remoteSlot: 3 });
    const seen = snapshot(first);
    const second = new ViosOs({ store, env: () => env });
    // The reload is a boot: vhost0 (removed) and the new vfchost are configured; everything else is as it was.
    assert.ok(names(second).includes('vfchost2'));
    assert.ok(names(second).includes('vhost0'));
    ok(second, 'rmdev -dev vhost0');
    ok(second, 'rmdev -dev vfchost2');
    assert.deepEqual(snapshot(second), seen);
    assert.equal(second.licenseAccepted(), true);
  });

  it('persists through a FileNvram journal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vios-'));
    try {
      const env = labEnv();
      const path = join(dir, 'vios1.nvram');
      const a = new ViosOs({ store: new FileNvram(path, { fsync: false }), env: () => env });
      ok(a, 'mkvdev -vdev hdisk3 -vadapter vhost0 -dev aix01_datavg');
      ok(a, 'chdev -dev hdisk3 -attr reserve_policy=no_reserve -perm');
      const b = new ViosOs({ store: new FileNvram(path, { fsync: false }), env: () => env });
      assert.deepEqual(snapshot(b), snapshot(a));
      assert.equal(ok(b, 'lsdev -dev hdisk3 -attr reserve_policy'), 'value\n\nno_reserve\n');
      // A corrupt store comes up empty (like a reinstalled VIOS) and says so.
      writeFileSync(path, 'garbage\n');
      const c = new ViosOs({ store: new FileNvram(path, { fsync: false }), env: () => env });
      assert.match(c.loadProblem ?? '', /corrupt/);
      assert.deepEqual(c.vscsiMappings(), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sees the current environment on every command: a client that starts shows in lsmap', () => {
    const { os, env } = boot();
    assert.match(ok(os, 'lsmap -vadapter vhost1'), /0x00000000/);
    env.virtualAdapters.find((v) => v.slot === 12)!.client!.running = true;
    assert.match(ok(os, 'lsmap -vadapter vhost1'), /vhost1 +U9009\.42A\.7812ABC-V1-C12 +0x0000000a/);
  });
});
