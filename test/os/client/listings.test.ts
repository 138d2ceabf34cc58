// What an administrator logged in to aix01 of the default lab sees, command by command, exactly: its
// devices (lsdev), disks (lspv), MPIO paths (lspath), location codes (lscfg), attributes (lsattr), the OS
// level and the machine (oslevel, uname, prtconf). Values that come from the lab (unique ids, WWPNs, MACs)
// are read from the model, not written here.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clientLab, type ClientLab } from './client-lab.ts';
import { findModel } from '../../../src/platform/catalog/model-catalog.ts';

let l: ClientLab;
before(async () => { l = await clientLab(); });
after(() => l.close());

const lines = (...xs: string[]): string => xs.map((x) => `${x}\n`).join('');
/** U8286.42A.21AB34C: the S824's unit (machine type, model, serial). */
const unit = (): string => { const m = findModel(l.sys.hw.mtm)!; return `U${m.machineType}.${m.model}.${l.sys.hw.serial}`; };

describe('aix01 devices', () => {
  it('lspv: its four disks, no PVIDs, no volume groups', () => {
    assert.equal(l.ok('lspv'), lines(...[0, 1, 2, 3].map((n) => `hdisk${n}          none                                None`)));
  });

  it('lsdev -Cc disk: A, B and H by vSCSI, J by NPIV', () => {
    assert.equal(l.ok('lsdev -Cc disk'), lines(
      'hdisk0  Available Virtual SCSI Disk Drive', 'hdisk1  Available Virtual SCSI Disk Drive',
      'hdisk2  Available Virtual SCSI Disk Drive', 'hdisk3  Available MPIO FC 2145'));
  });

  it('lsdev -Cc adapter|if|processor', () => {
    assert.equal(l.ok('lsdev -Cc adapter'), lines(
      'ent0    Available Virtual I/O Ethernet Adapter (l-lan)',
      'fcs0    Available Virtual Fibre Channel Client Adapter', 'fcs1    Available Virtual Fibre Channel Client Adapter',
      'vsa0    Available LPAR Virtual Serial Adapter',
      'vscsi0  Available Virtual SCSI Client Adapter', 'vscsi1  Available Virtual SCSI Client Adapter'));
    assert.equal(l.ok('lsdev -Cc if'), lines('en0     Available Standard Ethernet Network Interface', 'et0     Defined   IEEE 802.3 Ethernet Network Interface', 'lo0     Available Loopback Network Interface'));
    const procs = l.lpar('aix01').run.alloc!.procs;
    assert.equal(l.ok('lsdev -Cc processor'), lines(...Array.from({ length: procs }, (_, i) => `proc${i * 4}   Available Processor`)));
  });

  it('lsdev -l, -p, -S and -F', () => {
    assert.equal(l.ok('lsdev -l fscsi1 -F "name status parent class"'), 'fscsi1 Available fcs1 driver\n');
    assert.equal(l.ok('lsdev -p fcs0'), 'fscsi0  Available FC SCSI I/O Controller Protocol Device\n');
    assert.equal(l.ok('lsdev -C -S d'), 'et0     Defined   IEEE 802.3 Ethernet Network Interface\n');
    assert.equal(l.ok('lsdev -Cl hdisk2 -F physloc'), `${unit()}-V3-C2-T1-L8300000000000000\n`);
    assert.deepEqual(l.sh('lsdev -Cl hdisk9'), { stdout: '', exit: 1,
      stderr: 'lsdev: 0514-519 The following device was not found in the customized\n\tdevice configuration database:\n\thdisk9\n' });
    assert.equal(l.sh('lsdev -Z').exit, 1);
  });

  it('lspath: one path per VIOS for H and J, all Enabled', () => {
    assert.equal(l.ok('lspath'), lines('Enabled hdisk0 vscsi0', 'Enabled hdisk1 vscsi0', 'Enabled hdisk2 vscsi0', 'Enabled hdisk2 vscsi1', 'Enabled hdisk3 fscsi0', 'Enabled hdisk3 fscsi1'));
    assert.equal(l.ok('lspath -l hdisk2 -F "status:name:parent:path_id"'), lines('Enabled:hdisk2:vscsi0:0', 'Enabled:hdisk2:vscsi1:1'));
    // vSCSI: the LUN of the VTD on each VIOS's vhost (aix01_H is the third VTD on vios1, the first on vios2).
    assert.equal(l.ok('lspath -l hdisk2 -F connection'), lines('830000000000', '810000000000'));
    assert.equal(l.ok('lspath -s failed'), '');
  });

  it('lscfg -l / -vl: virtual location codes, MAC and WWPN as Network Address', () => {
    const io = l.lpar('aix01').run.alloc!.virtual_io;
    const u = unit();
    assert.equal(l.ok('lscfg -l vscsi1'), `  vscsi1           ${u}-V3-C4-T1  Virtual SCSI Client Adapter\n`);
    assert.equal(l.ok('lscfg -l hdisk0'), `  hdisk0           ${u}-V3-C2-T1-L8100000000000000  Virtual SCSI Disk Drive\n`);
    assert.equal(l.ok('lscfg -vl ent0'), lines(
      `  ent0             ${u}-V3-C10-T1  Virtual I/O Ethernet Adapter (l-lan)`, '',
      `        Network Address.............${io.eth[0].mac_addr.toUpperCase()}`,
      '        Displayable Message.........Virtual I/O Ethernet Adapter (l-lan)',
      `        Hardware Location Code......${u}-V3-C10-T1`, ''));
    assert.match(l.ok('lscfg -vl fcs1'), new RegExp(`Network Address\\.+${io.fc.find((a) => a.slot === 5)!.wwpns![0].toUpperCase()}\n`));
    assert.match(l.ok('lscfg -l hdisk3'), new RegExp(`^  hdisk3 +${u}-V3-C3-T1-W[0-9A-F]{16}-L[0-9A-F]+  MPIO FC 2145\n$`));
    const all = l.ok('lscfg');
    assert.ok(all.startsWith('INSTALLED RESOURCE LIST\n'));
    assert.match(all, new RegExp(`\n\\* vsa0 +${u}-V3-C0 +LPAR Virtual Serial Adapter\n`));
  });

  it('lsattr -El: disk attributes with the disk\'s unique id, PVID and size', () => {
    const uid = l.uid('aix01', 'A');
    assert.equal(l.ok('lsattr -El hdisk0 -a unique_id'), `unique_id ${uid} Unique device identifier False\n`);
    assert.equal(l.ok('lsattr -El hdisk0 -a reserve_policy -a queue_depth'), lines('reserve_policy no_reserve Reserve Policy True', 'queue_depth    3          Queue DEPTH    True'));
    assert.equal(l.ok('lsattr -El hdisk3 -a size_in_mb -F value'), '102400\n', 'LUN J is 100 GB');
    assert.equal(l.ok('lsattr -El hdisk3 -O -a queue_depth -a reserve_policy'), '#queue_depth:reserve_policy\n20:single_path\n');
    assert.equal(l.ok('lsattr -Rl hdisk3 -a reserve_policy'), lines('no_reserve', 'single_path', 'PR_exclusive', 'PR_shared'));
    assert.equal(l.ok('lsattr -El sys0 -a realmem -F value'), `${l.lpar('aix01').run.alloc!.mem * 1024}\n`);
    assert.deepEqual(l.sh('lsattr -El hdisk0 -a colour'), { stdout: '', exit: 1,
      stderr: 'lsattr: 0514-528 The "colour" attribute does not exist in the predefined\n\tdevice configuration database.\n' });
  });
});

describe('aix01 system', () => {
  it('oslevel from the installed level', () => {
    assert.equal(l.ok('oslevel'), '7.2.0.0\n');
    assert.equal(l.ok('oslevel -r'), '7200-05\n');
    assert.equal(l.ok('oslevel -s'), '7200-05-03-2148\n');
  });

  it('uname and hostname', () => {
    assert.match(l.ok('uname -a'), /^AIX aix01 2 7 00[0-9A-F]{6}4C00\n$/);
    assert.equal(l.ok('uname -L'), '3 aix01\n');
    assert.equal(l.ok('uname -M'), `IBM,${l.sys.hw.mtm}\n`);
    assert.equal(l.ok('hostname'), 'aix01\n');
    assert.match(l.ok('uname -a', 'lnx02'), /^Linux lnx02 4\.18\.0-477\.10\.1\.el8_8\.ppc64le #1 SMP ppc64le ppc64le GNU\/Linux\n$/);
    assert.equal(l.sh('oslevel', 'lnx02').exit, 127, 'Linux has no oslevel');
  });

  it('prtconf from the running allocation and the model', () => {
    const a = l.lpar('aix01').run.alloc!;
    const out = l.ok('prtconf');
    assert.match(out, new RegExp(`^System Model: IBM,${l.sys.hw.mtm}\nMachine Serial Number: ${l.sys.hw.serial}\nProcessor Type: PowerPC_POWER8\n`));
    assert.match(out, new RegExp(`\nNumber Of Processors: ${a.procs}\n`));
    assert.match(out, new RegExp(`\nMemory Size: ${a.mem} MB\nGood Memory Size: ${a.mem} MB\n`));
    assert.match(out, /\nLPAR Info: 3 aix01\n/);
    assert.equal(l.ok('prtconf -m'), `Memory Size: ${a.mem} MB\n`);
  });

  it('errpt after boot: error logging turned on', () => {
    assert.match(l.ok('errpt'), /^IDENTIFIER TIMESTAMP  T C RESOURCE_NAME  DESCRIPTION\n9DBCFDEE   \d{10} T O errdemon       ERROR LOGGING TURNED ON\n$/);
  });
});
