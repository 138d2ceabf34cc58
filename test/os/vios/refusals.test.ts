// Every refusal of the mapping and configuration rules (vios.md §2.9 SIM-RULES, §5, §7, §10): a non-zero
// exit, a message on stderr, nothing on stdout, and nothing changed (fixture.refused compares everything
// a padmin can list, plus the platform queries, before and after).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { boot, ok, refused } from './fixture.ts';

describe('vSCSI mapping rules', () => {
  it('never maps a disk twice to the same vhost, even with -f', () => {
    const { os } = boot();
    ok(os, 'mkvdev -vdev hdisk0 -vadapter vhost0');
    assert.match(refused(os, 'mkvdev -vdev hdisk0 -vadapter vhost0'), /already mapped to "vhost0" as "vtscsi0"/);
    refused(os, 'mkvdev -vdev hdisk0 -vadapter vhost0 -f');
  });

  it('needs -f to map a disk already mapped to another vhost (dual mapping is then allowed)', () => {
    const { os } = boot();
    ok(os, 'mkvdev -vdev hdisk3 -vadapter vhost0');
    assert.match(refused(os, 'mkvdev -vdev hdisk3 -vadapter vhost1'), /already being used as virtual target device "vtscsi0".*-f flag/);
    assert.equal(ok(os, 'mkvdev -vdev hdisk3 -vadapter vhost1 -f'), 'vtscsi1 Available\n');
  });

  it('needs -f for a disk in a volume group', () => {
    const { os } = boot();
    ok(os, 'mkvg -vg datavg hdisk1');
    assert.match(refused(os, 'mkvdev -vdev hdisk1 -vadapter vhost0'), /volume group "datavg"/);
  });

  it('keeps VTD names unique and valid', () => {
    const { os } = boot();
    ok(os, 'mkvdev -vdev hdisk0 -vadapter vhost0 -dev aix01_rootvg');
    assert.match(refused(os, 'mkvdev -vdev hdisk1 -vadapter vhost1 -dev aix01_rootvg'), /already used/);
    refused(os, 'mkvdev -vdev hdisk1 -vadapter vhost1 -dev vhost0');
    refused(os, 'mkvdev -vdev hdisk1 -vadapter vhost1 -dev 9bad');
  });

  it('refuses unknown devices, non-disks and non-vhosts', () => {
    const { os } = boot();
    refused(os, 'mkvdev -vdev hdisk9 -vadapter vhost0');
    refused(os, 'mkvdev -vdev ent0 -vadapter vhost0');
    assert.match(refused(os, 'mkvdev -vdev hdisk0 -vadapter vfchost0'), /not a Server Virtual SCSI Adapter/);
    refused(os, 'mkvdev -vdev hdisk0');
    refused(os, 'mkvdev -vdev hdisk0 -vadapter vhost0 -tagid 3');
  });

  it('removes mappings with rmvdev and frees the LUN for the next mapping', () => {
    const { os } = boot();
    ok(os, 'mkvdev -vdev hdisk0 -vadapter vhost0');
    ok(os, 'mkvdev -vdev hdisk1 -vadapter vhost0');
    assert.equal(ok(os, 'rmvdev -vtd vtscsi0'), 'vtscsi0 deleted\n');
    assert.equal(ok(os, 'mkvdev -vdev hdisk2 -vadapter vhost0'), 'vtscsi0 Available\n');
    assert.deepEqual(os.vscsiMappings().map((m) => [m.vtd, m.lun]), [['vtscsi0', '0x8100000000000000'], ['vtscsi1', '0x8200000000000000']]);
    assert.equal(ok(os, 'rmvdev -vdev hdisk1'), 'vtscsi1 deleted\n');
    refused(os, 'rmvdev -vdev hdisk1');
    refused(os, 'rmvdev -vtd vhost0');
  });
});

describe('SEA rules (§2.9, §5)', () => {
  it('refuses a non-trunk adapter, a wrong default PVID, a default not listed, too many or no adapters', () => {
    const { os } = boot();
    assert.match(refused(os, 'mkvdev -sea ent0 -vadapter ent5 -default ent5 -defaultid 99'), /not a trunk/);
    assert.match(refused(os, 'mkvdev -sea ent0 -vadapter ent2 -default ent2 -defaultid 2'), /does not match the PVID 1/);
    assert.match(refused(os, 'mkvdev -sea ent0 -vadapter ent2 -default ent3 -defaultid 2'), /must be one of the adapters/);
    refused(os, 'mkvdev -sea ent0 -vadapter ent2,ent2 -default ent2 -defaultid 1');
    refused(os, `mkvdev -sea ent0 -vadapter ${Array.from({ length: 17 }, () => 'ent2').join(',')} -default ent2 -defaultid 1`);
    refused(os, 'mkvdev -sea ent0 -vadapter ent2 -default ent2 -defaultid one');
    refused(os, 'mkvdev -sea ent0 -vadapter ent2 -default ent2');
  });

  it('needs a physical adapter or link aggregation not used by another SEA', () => {
    const { os } = boot();
    assert.match(refused(os, 'mkvdev -sea ent3 -vadapter ent2 -default ent2 -defaultid 1'), /physical Ethernet adapter or a link aggregation/);
    refused(os, 'mkvdev -sea fcs0 -vadapter ent2 -default ent2 -defaultid 1');
    ok(os, 'mkvdev -sea ent0 -vadapter ent2 -default ent2 -defaultid 1');
    assert.match(refused(os, 'mkvdev -sea ent0 -vadapter ent3 -default ent3 -defaultid 2'), /already used by Shared Ethernet Adapter "ent6"/);
    assert.match(refused(os, 'mkvdev -sea ent1 -vadapter ent2 -default ent2 -defaultid 1'), /"ent2" is already used/);
    refused(os, 'mkvdev -sea ent6 -vadapter ent3 -default ent3 -defaultid 2');
  });

  it('checks ha_mode, the control channel and attributes', () => {
    const { os } = boot();
    refused(os, 'mkvdev -sea ent0 -vadapter ent2 -default ent2 -defaultid 1 -attr ha_mode=sometimes');
    refused(os, 'mkvdev -sea ent0 -vadapter ent2 -default ent2 -defaultid 1 -attr ha_mode=sharing');
    assert.match(refused(os, 'mkvdev -sea ent0 -vadapter ent2 -default ent2 -defaultid 1 -attr ha_mode=auto ctl_chan=ent3'), /control channel/);
    refused(os, 'mkvdev -sea ent0 -vadapter ent2 -default ent2 -defaultid 1 -attr pvid=1');
    refused(os, 'mkvdev -sea ent0 -vadapter ent2 -default ent2 -defaultid 1 -attr colour=blue');
    ok(os, 'mkvdev -sea ent0 -vadapter ent2,ent3 -default ent2 -defaultid 1 -attr ha_mode=sharing ctl_chan=ent5 netaddr=10.0.0.1');
    assert.equal(ok(os, 'lsdev -dev ent6 -attr ha_mode'), 'value\n\nsharing\n');
    assert.deepEqual(os.seas()[0].ctlChanSlot, 5);
  });

  it('chdev of an SEA keeps it valid', () => {
    const { os } = boot();
    ok(os, 'mkvdev -sea ent0 -vadapter ent2 -default ent2 -defaultid 1');
    refused(os, 'chdev -dev ent6 -attr ha_mode=sharing');
    refused(os, 'chdev -dev ent6 -attr virt_adapters=ent2,ent5');
    refused(os, 'chdev -dev ent6 -attr pvid=7');
    assert.equal(ok(os, 'chdev -dev ent6 -attr virt_adapters=ent2,ent3,ent4 ha_mode=auto'), 'ent6 changed\n');
    assert.deepEqual(os.seas(), [{ name: 'ent6', realAdapterLocations: ['U78D2.001.WZS01AB-P1-C11-T1'], trunkSlots: [2, 3, 4], pvid: 1, haMode: 'auto' }]);
  });

  it('refuses link aggregations and VLAN devices over used or wrong adapters', () => {
    const { os } = boot();
    refused(os, 'mkvdev -lnagg ent0,ent2');
    refused(os, 'mkvdev -lnagg ent0,ent0');
    refused(os, 'mkvdev -lnagg ent0 -attr backup_adapter=ent0');
    refused(os, 'mkvdev -lnagg ent0,ent1 -attr mode=fastest');
    ok(os, 'mkvdev -lnagg ent0 -attr backup_adapter=ent1');
    refused(os, 'mkvdev -lnagg ent1');
    refused(os, 'mkvdev -vlan ent0 -tagid 10');
    refused(os, 'mkvdev -vlan ent6 -tagid 4095');
    assert.equal(ok(os, 'mkvdev -vlan ent6 -tagid 10'), 'ent7 Available\n');
    assert.match(refused(os, 'mkvdev -vlan ent6 -tagid 10'), /already exists as "ent7"/);
  });
});

describe('vfcmap rules (§2.7, §2.9)', () => {
  it('refuses a port on a switch without NPIV, a port of a non-NPIV adapter, a port without free logins', () => {
    const { os, env } = boot();
    assert.match(refused(os, 'vfcmap -vadapter vfchost0 -fcp fcs1'), /fabric=0/);
    refused(os, 'vfcmap -vadapter vfchost0 -fcp fcs2');
    refused(os, 'vfcmap -vadapter vfchost0 -fcp hdisk0');
    refused(os, 'vfcmap -vadapter vhost0 -fcp fcs0');
    refused(os, 'vfcmap -vadapter vfchost0');
    env.physicalAdapters[2].ports[0].npivAvailable = 0;
    assert.match(refused(os, 'vfcmap -vadapter vfchost0 -fcp fcs0'), /aports=0/);
  });

  it('maps, refuses a second port, and unmaps with an empty -fcp', () => {
    const { os } = boot();
    assert.equal(ok(os, 'vfcmap -vadapter vfchost0 -fcp fcs0'), 'vfchost0 changed\n');
    assert.deepEqual(os.vfcMappings(), [{ vfchostSlot: 31, fcsPortLocation: 'U78D2.001.WZS01AB-P1-C6-T1' }]);
    assert.match(refused(os, 'vfcmap -vadapter vfchost0 -fcp fcs1'), /already mapped to "fcs0"/);
    ok(os, 'vfcmap -vadapter vfchost0 -fcp');
    assert.deepEqual(os.vfcMappings(), []);
    ok(os, 'vfcmap -vadapter vfchost0 -fcp fcs0');
    ok(os, 'vfcmap -vadapter vfchost0 -fcp ""');
    assert.deepEqual(os.vfcMappings(), []);
  });
});

describe('removing devices that back something (§2.9)', () => {
  it('refuses without -recursive, removes dependents first with it', () => {
    const { os } = boot();
    ok(os, 'mkvdev -vdev hdisk0 -vadapter vhost0');
    ok(os, 'vfcmap -vadapter vfchost0 -fcp fcs0');
    ok(os, 'mkvdev -sea ent0 -vadapter ent2 -default ent2 -defaultid 1');
    for (const dev of ['vhost0', 'hdisk0', 'vfchost0', 'fcs0', 'fscsi0', 'ent0', 'ent2', 'sas0']) {
      assert.match(refused(os, `rmdev -dev ${dev}`), /busy/, dev);
    }
    refused(os, 'rmdev -dev proc0');
    refused(os, 'rmdev -dev nothing');
    assert.equal(ok(os, 'rmdev -dev ent2 -recursive'), 'ent6 deleted\nent2 deleted\n');
    assert.deepEqual(os.seas(), []);
    assert.equal(ok(os, 'rmdev -dev vhost0 -recursive'), 'vtscsi0 deleted\nvhost0 deleted\n');
    assert.equal(ok(os, 'rmdev -dev vfchost0 -recursive'), 'vfchost0 deleted\n');
    assert.deepEqual(os.vfcMappings(), []);
    assert.equal(ok(os, 'rmdev -dev fcs0 -recursive'), 'hdisk3 deleted\nfscsi0 deleted\nfcs0 deleted\n');
  });

  it('refuses to remove a disk of a volume group even with -recursive', () => {
    const { os } = boot();
    ok(os, 'mkvg hdisk2');
    refused(os, 'rmdev -dev hdisk2 -recursive');
    refused(os, 'rmdev -dev sas0 -recursive');
  });

  it('-ucfg leaves a device Defined until cfgdev', () => {
    const { os } = boot();
    assert.equal(ok(os, 'rmdev -dev vhost1 -ucfg'), 'vhost1 Defined\n');
    assert.match(ok(os, 'lsdev -dev vhost1'), /vhost1 +Defined +Virtual SCSI Server Adapter/);
    refused(os, 'mkvdev -vdev hdisk0 -vadapter vhost1');
    ok(os, 'cfgdev');
    assert.match(ok(os, 'lsdev -dev vhost1'), /Available/);
  });
});

describe('chdev (§2.9, §6)', () => {
  it('validates attributes, the round_robin/single_path rule and busy devices', () => {
    const { os } = boot();
    refused(os, 'chdev -dev hdisk0 -attr algorithm=round_robin');
    refused(os, 'chdev -dev hdisk0 -attr reserve_policy=maybe');
    refused(os, 'chdev -dev hdisk0 -attr size_in_mb=1');
    refused(os, 'chdev -dev hdisk0 -attr nonsense=1');
    refused(os, 'chdev -dev hdisk0 -attr reserve_policy');
    refused(os, 'chdev -dev hdisk0');
    ok(os, 'chdev -dev hdisk0 -attr reserve_policy=no_reserve algorithm=round_robin');
    ok(os, 'mkvdev -vdev hdisk1 -vadapter vhost0');
    assert.match(refused(os, 'chdev -dev hdisk1 -attr reserve_policy=no_reserve'), /busy.*-perm/s);
    ok(os, 'chdev -dev hdisk1 -attr reserve_policy=no_reserve -perm');
    assert.equal(ok(os, 'lsdev -dev hdisk1 -attr reserve_policy'), 'value\n\nno_reserve\n');
    refused(os, 'chdev -dev fcs0 -attr num_cmd_elems=2048');
    ok(os, 'chdev -dev fcs0 -attr num_cmd_elems=2048 -perm');
  });

  it('pv=yes writes a PVID that lspv shows; pv=clear removes it', () => {
    const { os } = boot();
    ok(os, 'chdev -dev hdisk0 -attr pv=yes');
    const pvid = ok(os, 'lspv -fmt :').split('\n')[0].split(':')[1];
    assert.match(pvid, /^[0-9a-f]{16}$/);
    assert.equal(ok(os, 'lsdev -dev hdisk0 -attr pvid'), `value\n\n${pvid}0000000000000000\n`);
    ok(os, 'chdev -dev hdisk0 -attr pv=clear');
    assert.equal(ok(os, 'lspv -fmt :').split('\n')[0], 'hdisk0:none:None:');
    refused(os, 'chdev -dev hdisk0 -attr pv=maybe');
  });
});

describe('shell (§1, §10)', () => {
  it('answers unknown commands like rksh with exit 127, and refuses what the restricted shell refuses', () => {
    const { os } = boot();
    assert.equal(refused(os, 'frobnicate -all', 127), 'rksh: frobnicate:  not found.\n');
    assert.match(refused(os, 'oem_setup_env'), /restricted padmin/);
    assert.equal(refused(os, '/usr/bin/ksh'), 'rksh: /usr/bin/ksh: restricted\n');
    assert.equal(refused(os, 'lsdev > out.txt'), 'rksh: out.txt: restricted\n');
    refused(os, 'lsdev | grep ent');
    refused(os, 'lsdev; rmdev -dev vhost0');
    refused(os, "lsdev -dev 'unterminated", 2);
    refused(os, 'lsdev -bogus');
    refused(os, 'lsdev -dev');
    refused(os, 'lsdev -type adapter -type disk');
    assert.deepEqual(os.run('   '), { stdout: '', stderr: '', exit: 0 });
    assert.equal(ok(os, 'ioscli ioslevel'), '3.1.4.21\n');
    assert.equal(ok(os, "lsdev -dev 'hdisk0' -attr \"unique_id\""), 'value\n\n3E2130SASDISKA\n');
  });
});
