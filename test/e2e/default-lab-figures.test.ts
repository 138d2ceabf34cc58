// A fresh start of the default lab already shows the paper's Figures 2, 3 and 4 (issue "VIOS" item 5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientDisks } from '../../src/os/client/visibility.ts';
import { clientNetworks } from '../../src/os/client/networks.ts';
import type { PartitionOses } from '../../src/os/partition-oses.ts';
import { openSim, S824 as S } from '../helpers/sim.ts';

test('the default lab: who sees which disk, on how many paths, and where each VLAN leaves', async () => {
  const t = await openSim();
  try {
    const sys = t.sim.system(S);
    const oses = t.sim.fsps[0].os as PartitionOses;
    const disks = (n: string): string => clientDisks(sys, oses, sys.partitionByName(n)!).map((d) => `${d.label}:${d.kind}x${d.paths.length}`).join(' ');
    assert.equal(disks('aix01'), 'A:vscsix1 B:vscsix1 H:vscsix2 J:vfcx2', 'Figure 4: H and J reach aix01 through both VIOSes');
    assert.equal(disks('lnx02'), 'C:vscsix1 D:vscsix1 E:vfcx1', 'Figure 2: C and D look alike; E comes through virtual FC');
    assert.equal(disks('aix03'), 'F:vfcx1 G:vfcx1', 'Figure 2: F and G through NPIV on the same physical port');
    const lspv = await t.ok(`viosvrcmd -m ${S} -p vios1 -c "lspv"`);
    assert.equal(lspv.trim().split('\n').length - 1, 5, `vios1 sees A, B, C, D and H only:\n${lspv}`);
    const net = (n: string) => clientNetworks(sys, oses, sys.partitionByName(n)!);
    const [v1] = net('aix01');
    assert.match(v1.sea!, /^vios1\//);
    assert.equal(v1.standby.length, 1, 'the SEA on vios2 stands by (Figure 4)');
    const [v2, v3] = net('lnx02');
    assert.equal(v2.sea, v3.sea, 'VLANs 2 and 3 share one SEA (Figure 3)');
    const [, v4] = net('aix03');
    assert.equal(v4.vlan, 4);
    assert.equal(v4.realAdapters.length, 2, 'VLAN 4 leaves through an SEA over a link aggregation of two ports');
    // The client OS shows the same: lnx02 has two vSCSI disks and one vFC disk, one path each.
    assert.equal(t.sim.osCommand(S, 'lnx02', 'lspath').stdout, 'Enabled hdisk0 vscsi0\nEnabled hdisk1 vscsi0\nEnabled hdisk2 fscsi0\n');
    assert.equal(t.sim.osCommand(S, 'aix03', 'lsdev -Cc disk').stdout, 'hdisk0  Available MPIO FC 2145\nhdisk1  Available MPIO FC 2145\n');
    assert.equal(t.sim.osCommand(S, 'aix04', 'lspv').exit, 1, 'a partition that is not running has no OS to ask');
  } finally { t.close(); }
});
