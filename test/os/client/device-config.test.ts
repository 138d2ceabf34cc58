// The client's device configuration over time: devices that appear after boot need cfgmgr (a LUN newly
// masked to its NPIV WWPN, a disk newly mapped on a VIOS, a virtual adapter added by DLPAR), names stay
// with their devices, MPIO paths through a stopped VIOS fail and recover (with errpt entries), rmdev, and
// everything chdev set survives a simulator restart.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientLab, S } from './client-lab.ts';

describe('cfgmgr', () => {
  it('a LUN masked to aix01\'s virtual FC WWPN appears only after cfgmgr, as the next hdisk', async () => {
    const l = await clientLab();
    try {
      const before = l.ok('lspv');
      const wwpns = l.lpar('aix01').run.alloc!.virtual_io.fc.find((a) => a.slot === 3)!.wwpns!;
      assert.equal(l.t.sim.sanCommand(['mklun', '-a', 'ds8k', '-n', 'K', '--size', '2048']).exit, 0);
      assert.equal(l.t.sim.sanCommand(['mkhostmap', '-a', 'ds8k', '-l', 'K', '-w', wwpns.join(',')]).exit, 0);
      assert.equal(l.ok('lspv'), before, 'not configured yet');
      assert.equal(l.ok('cfgmgr'), '');
      assert.equal(l.ok('lspv'), `${before}hdisk4          none                                None\n`);
      assert.equal(l.ok('lspath -l hdisk4'), 'Enabled hdisk4 fscsi0\n');
      assert.equal(l.ok('lsattr -El hdisk4 -a unique_id -F value'), `${l.uid('aix01', 'K')}\n`);
      assert.equal(l.ok('lsattr -El hdisk4 -a size_in_mb -F value'), '2048\n');
    } finally { l.close(); }
  });

  it('a logical volume newly mapped on vios2 appears after cfgmgr; cfgmgr -l of another adapter does not find it', async () => {
    const l = await clientLab();
    try {
      l.ok('lspv'); // the administrator is logged in before the VIOS change
      await l.hmc(`viosvrcmd -m ${S} -p vios2 -c "mkvg -vg clientvg hdisk0"`);
      await l.hmc(`viosvrcmd -m ${S} -p vios2 -c "mklv -lv aix01_lv clientvg 1G"`);
      await l.hmc(`viosvrcmd -m ${S} -p vios2 -c "mkvdev -vdev aix01_lv -vadapter vhost0 -dev aix01_L"`);
      l.ok('cfgmgr -l vscsi0');
      assert.equal(l.ok('lsdev -Cc disk | wc -l').trim(), '4');
      l.ok('cfgmgr -l vscsi1');
      assert.equal(l.ok('lsdev -l hdisk4'), 'hdisk4  Available Virtual SCSI Disk Drive\n');
      assert.equal(l.ok('lspath -l hdisk4 -F "name parent connection"'), 'hdisk4 vscsi1 820000000000\n');
      assert.equal(l.ok('lsattr -El hdisk4 -a size_in_mb -F value'), '1024\n');
      assert.equal(l.sh('cfgmgr -l vscsi7').exit, 1);
    } finally { l.close(); }
  });

  it('virtual adapters added by DLPAR appear after cfgmgr; one removed by DLPAR is gone', async () => {
    const l = await clientLab();
    try {
      l.ok('lspv');
      await l.hmc(`chhwres -r virtualio -m ${S} -o a -p aix01 --rsubtype eth -s 12 -a "port_vlan_id=2,ieee_virtual_eth=0"`);
      assert.doesNotMatch(l.ok('lsdev -Cc adapter'), /ent1/);
      l.ok('cfgmgr');
      assert.equal(l.ok('lsdev -Cc adapter | grep ^ent'), 'ent0    Available Virtual I/O Ethernet Adapter (l-lan)\nent1    Available Virtual I/O Ethernet Adapter (l-lan)\n');
      assert.match(l.ok('lscfg -l ent1'), /-V3-C12-T1  Virtual I\/O Ethernet Adapter/);
      await l.hmc(`chhwres -r virtualio -m ${S} -o r -p aix01 --rsubtype eth -s 12`);
      assert.equal(l.ok('lsdev -Cc adapter | grep -c ^ent'), '1\n');
    } finally { l.close(); }
  });
});

describe('MPIO paths', () => {
  it('a path through a stopped VIOS shows Failed and is logged; it recovers when the VIOS is back', async () => {
    const l = await clientLab();
    try {
      l.ok('lspath');
      await l.hmc(`chsysstate -r lpar -m ${S} -o shutdown --immed -n vios2`);
      l.t.clock.advance(60_000);
      assert.equal(l.ok('lspath'), 'Enabled hdisk0 vscsi0\nEnabled hdisk1 vscsi0\nEnabled hdisk2 vscsi0\nFailed hdisk2 vscsi1\nEnabled hdisk3 fscsi0\nFailed hdisk3 fscsi1\n');
      assert.equal(l.ok('lspath -s failed -F name:parent'), 'hdisk2:vscsi1\nhdisk3:fscsi1\n');
      const log = l.ok('errpt').split('\n');
      assert.equal(log[0], 'IDENTIFIER TIMESTAMP  T C RESOURCE_NAME  DESCRIPTION');
      assert.equal(log[1], 'DE3B8540   0101080126 P H hdisk3         PATH HAS FAILED');
      assert.equal(log[2], 'DE3B8540   0101080126 P H hdisk2         PATH HAS FAILED');
      const detail = l.ok('errpt -a -N hdisk2');
      assert.match(detail, /LABEL:\t\tSC_DISK_ERR7\nIDENTIFIER:\tDE3B8540\n/);
      assert.match(detail, /Resource Name:   hdisk2\nResource Class:  disk\nResource Type:   vdisk\nLocation:        U8286\.42A\.21AB34C-V3-C2-T1-L8300000000000000\n/);
      assert.match(detail, /Detail Data\nPATH ID\n {11}1\nPARENT\n {11}vscsi1\nVIOS\n {11}vios2\n/);
      // dd still reads H and J: MPIO uses the path through vios1
      assert.equal(l.sh('dd if=/dev/rhdisk2 bs=512 count=1 of=/dev/null').exit, 0);
      await l.hmc(`chsysstate -r lpar -m ${S} -o on -n vios2 -f default_profile`);
      l.t.clock.advance(600_000);
      assert.equal(l.ok('lspath -s failed'), '');
      assert.match(l.ok('errpt -j F31FFAC3'), /F31FFAC3   \d{10} I H hdisk3         PATH HAS RECOVERED\nF31FFAC3   \d{10} I H hdisk2         PATH HAS RECOVERED\n$/);
      assert.equal(l.ok('errclear 0; errpt'), '');
    } finally { l.close(); }
  });

  it('a disk that loses its only path keeps its name and the others keep theirs', async () => {
    const l = await clientLab();
    try {
      l.ok('lspv');
      await l.hmc(`viosvrcmd -m ${S} -p vios1 -c "rmvdev -vtd aix01_A"`);
      assert.equal(l.ok('lspath -l hdisk0'), 'Failed hdisk0 vscsi0\n');
      assert.equal(l.ok('lsattr -El hdisk1 -a unique_id -F value'), `${l.uid('aix01', 'B')}\n`);
      // AIX opens a disk through one of its paths: with none left the open fails (EIO)
      assert.deepEqual(l.sh('dd if=/dev/hdisk0 count=1'), { stdout: '', stderr: 'dd: /dev/hdisk0: There is an input or output error.\n', exit: 2 });
      assert.match(l.ok('errpt -N hdisk0 | head -2'), /\nDCB47997   \d{10} P H hdisk0         DISK OPERATION ERROR\n/);
    } finally { l.close(); }
  });
});

describe('rmdev and the configuration across restarts', () => {
  it('rmdev -l makes a disk Defined, -d deletes it; cfgmgr brings it back with its PVID', async () => {
    const l = await clientLab();
    try {
      l.ok('chdev -l hdisk1 -a pv=yes');
      const pvid = l.ok('lspv | grep hdisk1').split(/\s+/)[1];
      assert.match(pvid, /^00[0-9a-f]{14}$/);
      assert.equal(l.ok('rmdev -l hdisk1'), 'hdisk1 Defined\n');
      assert.equal(l.ok('lsdev -Cc disk -S d'), 'hdisk1  Defined   Virtual SCSI Disk Drive\n');
      assert.equal(l.ok('rmdev -dl hdisk1'), 'hdisk1 deleted\n');
      assert.equal(l.ok('lsdev -Cc disk | grep -c hdisk'), '3\n');
      l.ok('cfgmgr');
      assert.equal(l.ok('lspv | grep hdisk1'), `hdisk1          ${pvid}                    None\n`);
      assert.match(l.sh('rmdev -l vscsi0').stderr, /0514-029/);
      assert.equal(l.ok('rmdev -R -l vscsi1'), 'hdisk2 Defined\nvscsi1 Defined\n');
    } finally { l.close(); }
  });

  it('names, PVIDs and chdev attributes survive a restart; a disk gone at boot stays Defined', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'powervm-client-'));
    try {
      {
        const l = await clientLab({ dataDir: dir });
        l.ok('chdev -l hdisk3 -a pv=yes -a queue_depth=32');
        l.ok('chdev -l hdisk0 -a hcheck_interval=60');
        await l.hmc(`viosvrcmd -m ${S} -p vios1 -c "rmvdev -vtd aix01_B"`);
        l.close();
      }
      const l = await clientLab({ dataDir: dir });
      try {
        assert.equal(l.ok('lsattr -El hdisk3 -a queue_depth -F value'), '32\n');
        assert.equal(l.ok('lsattr -El hdisk0 -a hcheck_interval -F value'), '60\n');
        assert.match(l.ok('lspv | grep hdisk3'), /^hdisk3 +00[0-9a-f]{14} +None\n$/);
        // The partitions kept running while the simulator was down: no reboot, B's path has failed
        assert.equal(l.ok('lspath -l hdisk1'), 'Failed hdisk1 vscsi0\n');
        assert.equal(l.ok('errpt | grep -c "ERROR LOGGING"'), '1\n');
        l.ok('shutdown -Fr');
        assert.equal(l.ok('lsdev -Cc disk'), 'hdisk0  Available Virtual SCSI Disk Drive\nhdisk1  Defined   Virtual SCSI Disk Drive\nhdisk2  Available Virtual SCSI Disk Drive\nhdisk3  Available MPIO FC 2145\n');
        assert.equal(l.ok('lspath -l hdisk1'), 'Defined hdisk1 vscsi0\n');
        assert.equal(l.ok('errpt | grep -c "ERROR LOGGING"'), '2\n');
      } finally { l.close(); }
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});
