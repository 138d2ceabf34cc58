// The other listings (vios.md §2.1, §2.2, §2.4 states, §2.7, §2.8, lsvg, chkdev) and the platform queries.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { boot, ok } from './fixture.ts';

describe('lsmap -npiv states (§2.4)', () => {
  it('mapped but client down → NOT_LOGGED_IN with flags 4; client up → LOGGED_IN; fabric lost → NOT_LOGGED_IN', () => {
    const { os, env } = boot();
    ok(os, 'vfcmap -vadapter vfchost1 -fcp fcs0');
    assert.equal(ok(os, 'lsmap -npiv -vadapter vfchost1'), [
      'Name          Physloc                            ClntID ClntName       ClntOS',
      '------------- ---------------------------------- ------ -------------- -------',
      'vfchost1      U9009.42A.7812ABC-V1-C32                4',
      '',
      'Status:NOT_LOGGED_IN',
      'FC name:fcs0                    FC loc code:U78D2.001.WZS01AB-P1-C6-T1',
      'Ports logged in:0',
      'Flags:4<NOT_LOGGED>',
      'VFC client name:                VFC client DRC:',
      ''].join('\n'));
    const client = env.virtualAdapters.find((v) => v.slot === 32)!.client!;
    client.running = true;
    assert.equal(ok(os, 'lsmap -npiv -vadapter vfchost1 -fmt :'), 'vfchost1:U9009.42A.7812ABC-V1-C32:4:aix02:AIX:LOGGED_IN:fcs0:U78D2.001.WZS01AB-P1-C6-T1:1:a:fcs0:U9009.42A.7812ABC-V4-C32\n');
    env.physicalAdapters[2].ports[0].fabric = false;
    assert.equal(ok(os, 'lsmap -npiv -vadapter vfchost1 -fmt :'), 'vfchost1:U9009.42A.7812ABC-V1-C32:4:aix02:AIX:NOT_LOGGED_IN:fcs0:U78D2.001.WZS01AB-P1-C6-T1:0:4::\n');
    assert.equal(ok(os, 'lsmap -all -npiv -field name status flags -fmt :'), 'vfchost0:NOT_LOGGED_IN:1\nvfchost1:NOT_LOGGED_IN:4\n');
  });
});

describe('lsmap vSCSI details (§2.3)', () => {
  it('shows a logical-volume backing with an empty Physloc and Mirrored N/A', () => {
    const { os } = boot();
    ok(os, 'mkvg -vg clientvg hdisk2');
    ok(os, 'mklv -lv lnx10_rootvg clientvg 20G');
    ok(os, 'mkvdev -vdev lnx10_rootvg -vadapter vhost1');
    assert.equal(ok(os, 'lsmap -vadapter vhost1'), [
      'SVSA            Physloc                                      Client Partition ID',
      '--------------- -------------------------------------------- ------------------',
      'vhost1          U9009.42A.7812ABC-V1-C12                     0x00000000',
      '',
      'VTD                   vtscsi0',
      'Status                Available',
      'LUN                   0x8100000000000000',
      'Backing device        lnx10_rootvg',
      'Physloc',
      'Mirrored              N/A',
      ''].join('\n'));
    assert.equal(ok(os, 'lsmap -all -field svsa vtd backing -fmt :'), 'vhost0\nvhost1:vtscsi0:lnx10_rootvg\n');
    assert.deepEqual(os.vscsiMappings(), [{ vhostSlot: 12, vtd: 'vtscsi0', lun: '0x8100000000000000', disk: { lv: 'lnx10_rootvg' } }]);
  });

  it('UNCERTAIN choices are settings: the configured client id and the empty-vhost line', () => {
    const { os } = boot({ settings: { vscsiClientIdWhenDown: 'configured', emptyVhostLine: 'NO VIRTUAL TARGET DEVICE FOUND' } });
    const out = ok(os, 'lsmap -vadapter vhost1');
    assert.match(out, /^vhost1 +U9009\.42A\.7812ABC-V1-C12 +0x0000000a$/m);
    assert.match(out, /\n\nNO VIRTUAL TARGET DEVICE FOUND\n$/);
  });

  it('the platform query gives disk identities and labels', () => {
    const { os } = boot();
    ok(os, 'mkvdev -vdev hdisk2 -vadapter vhost0');
    ok(os, 'mkvdev -vdev hdisk3 -vadapter vhost0 -dev d_lun');
    assert.deepEqual(os.vscsiMappings(), [
      { vhostSlot: 11, vtd: 'd_lun', lun: '0x8200000000000000', disk: { uid: '332136005076801810B2E8000000000000D04214503IBMfcp', label: 'D' } },
      { vhostSlot: 11, vtd: 'vtscsi0', lun: '0x8100000000000000', disk: { uid: '3E2130SASDISKC', label: 'C' } },
    ]);
  });
});

describe('lsdev (§2.1, §2.2)', () => {
  it('filters by type and lists the lines HMC Scanner greps', () => {
    const { os } = boot();
    assert.equal(ok(os, 'lsdev -type disk'), [
      'name             status      description',
      'hdisk0           Available   SAS Disk Drive',
      'hdisk1           Available   SAS Disk Drive',
      'hdisk2           Available   SAS Disk Drive',
      'hdisk3           Available   MPIO FC 2145',
      ''].join('\n'));
    ok(os, 'mkvdev -lnagg ent1');
    ok(os, 'mkvdev -sea ent0 -vadapter ent2 -default ent2 -defaultid 1');
    const all = ok(os, 'lsdev');
    assert.deepEqual(all.split('\n').filter((l) => l.includes('Shared Ethernet Adapter')).map((l) => l.split(/ +/)[0]), ['ent7']);
    assert.deepEqual(all.split('\n').filter((l) => l.includes('EtherChannel')).map((l) => l.split(/ +/)[0]), ['ent6']);
    assert.deepEqual(all.split('\n').filter((l) => /^fcs[0-9]+ +/.test(l)).map((l) => l.split(/ +/)[0]), ['fcs0', 'fcs1', 'fcs2']);
    // Only the link aggregation is still free to back an SEA.
    assert.equal(ok(os, 'lsdev -type ent4sea'), 'name             status      description\nent6             Available   EtherChannel / IEEE 802.3ad Link Aggregation\n');
    assert.match(ok(os, 'lsdev -type sea'), /^ent7 +Available +Shared Ethernet Adapter$/m);
    const vpd = ok(os, 'lsdev -vpd').split('\n').filter((l) => /^ *ent[0-9]+ +/.test(l));
    assert.equal(vpd[0], '  ent0             U78D2.001.WZS01AB-P1-C11-T1  4-Port Gigabit Ethernet PCI-Express Adapter (e4145716)');
    assert.match(ok(os, 'lsdev -slots'), /^U78D2\.001\.WZS01AB-P1-C6 +Logical I\/O Slot +fcs0 fcs1$/m);
  });

  it('-attr without a name: a header, an empty line, True/False in the last column', () => {
    const { os } = boot();
    const lines = ok(os, 'lsdev -attr -dev fcs0').trimEnd().split('\n');
    assert.match(lines[0], /^attribute +value +description +user_settable$/);
    assert.equal(lines[1], '');
    assert.ok(lines.slice(2).every((l) => / (True|False)$/.test(l)));
    assert.match(ok(os, 'lsdev -dev proc0 -attr'), /^frequency +3425000000 +Processor Speed +False$/m);
    assert.equal(os.run('lsdev -dev proc0 -attr speed').exit, 1);
  });
});

describe('lspv, lsvg, chkdev (§2.8, §1)', () => {
  it('shows PVIDs, volume groups, free disks and sizes', () => {
    const { os } = boot();
    assert.equal(ok(os, 'mkvg -vg datavg hdisk0 hdisk1'), 'datavg\n');
    ok(os, 'mkvdev -vdev hdisk3 -vadapter vhost0');
    const [h0, h1] = ok(os, 'lspv -fmt :').split('\n');
    const pv0 = h0.split(':')[1];
    assert.match(pv0, /^00[0-9a-f]{14}$/);
    assert.equal(ok(os, 'lspv'), [
      'NAME             PVID                                 VG               STATUS',
      `hdisk0           ${pv0}                     datavg           active`,
      `hdisk1           ${h1.split(':')[1]}                     datavg           active`,
      'hdisk2           none                                 None',
      'hdisk3           none                                 None',
      ''].join('\n'));
    assert.equal(ok(os, 'lspv -free'), 'NAME             PVID                                 SIZE(megabytes)\nhdisk2           none                                 286102\n');
    assert.equal(ok(os, 'lspv -free -fmt :'), 'hdisk2:none:286102\n');
    assert.equal(ok(os, 'lspv -size -fmt :').split('\n')[3], 'hdisk3:none:102400');
    assert.equal(ok(os, 'lsvg'), 'datavg\n');
    assert.match(ok(os, 'lsvg datavg'), /^VOLUME GROUP: +datavg +VG IDENTIFIER: +[0-9a-f]{32}$/m);
    assert.match(ok(os, 'lsvg datavg'), /^TOTAL PVs: +2 +VG DESCRIPTORS: 3$/m);
    assert.equal(os.run('mklv datavg 900G').exit, 1);
    assert.equal(ok(os, 'mklv datavg 1G'), 'lv00\n');
    assert.match(ok(os, 'lsvg -lv datavg'), /^lv00 +jfs2 +2 +2 +1 +closed\/syncd +N\/A$/m);
    assert.equal(os.run('mkvg hdisk1').exit, 1);
    assert.equal(os.run('mkvg hdisk3').exit, 1);
    assert.equal(os.run('lsvg nosuchvg').exit, 1);
  });

  it('chkdev -fmt : -field name identifier prints name:identifier per disk', () => {
    const { os } = boot();
    assert.equal(ok(os, 'chkdev -fmt : -field name identifier'), [
      'hdisk0:3E2130SASDISKA', 'hdisk1:3E2130SASDISKB', 'hdisk2:3E2130SASDISKC', 'hdisk3:332136005076801810B2E8000000000000D04214503IBMfcp', ''].join('\n'));
    assert.match(ok(os, 'chkdev -dev hdisk0'), /^NAME: +hdisk0\nIDENTIFIER: +3E2130SASDISKA\n/);
  });

  it('ioslevel and license', () => {
    const { os } = boot();
    assert.equal(ok(os, 'ioslevel'), '3.1.4.21\n');
    assert.equal(os.licenseAccepted(), false);
    assert.equal(ok(os, 'license -accept'), '');
    assert.equal(os.licenseAccepted(), true);
    assert.match(ok(os, 'license -view'), /License Agreement/);
  });
});
