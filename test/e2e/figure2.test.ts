// The paper's Figure 2, built with HMC, VIOS and SAN commands on the simulator: the first client sees
// disks A and B; the second sees C and D as virtual SCSI disks and E through its virtual FC adapter; the
// third sees F and G through NPIV on the same physical port; the VIOS sees A, B, C and D, never E, F, G.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLab, parseScript } from '../../src/sim/lab.ts';
import { clientDisks } from '../../src/os/client/visibility.ts';
import type { PartitionOses } from '../../src/os/partition-oses.ts';
import { openSim } from '../helpers/sim.ts';

const S = 'Server-8286-42A-SN21AB34C';
const SCRIPT = `
mksysconn -ip 10.10.0.11 --passwd Hmc4ccess
@san mkswitch -n fabA --npiv yes
@san mkarray -n ds1 -s fabA
@san mklun -a ds1 -n D --size 10240
@san mklun -a ds1 -n E --size 10240
@san mklun -a ds1 -n F --size 10240
@san mklun -a ds1 -n G --size 10240
@cable ${S} C3 1 fabA
@map-port ds1 D ${S} C3 1
mksyscfg -r lpar -m ${S} -i 'name=vios1,lpar_id=1,lpar_env=vioserver,profile_name=default,min_mem=4096,desired_mem=4096,max_mem=8192,min_procs=1,desired_procs=1,max_procs=2,max_virtual_slots=100,"io_slots=21010200/none/1,21010201/none/1","virtual_scsi_adapters=11/server/2/lpar1/2/1,12/server/3/lpar2/2/1","virtual_fc_adapters=21/server/3/lpar2/3//1,22/server/4/lpar3/3//1"'
mksyscfg -r lpar -m ${S} -i 'name=lpar1,lpar_id=2,lpar_env=aixlinux,profile_name=default,min_mem=2048,desired_mem=2048,max_mem=4096,min_procs=1,desired_procs=1,max_procs=1,virtual_scsi_adapters=2/client/1/vios1/11/1'
mksyscfg -r lpar -m ${S} -i 'name=lpar2,lpar_id=3,lpar_env=aixlinux,profile_name=default,min_mem=2048,desired_mem=2048,max_mem=4096,min_procs=1,desired_procs=1,max_procs=1,virtual_scsi_adapters=2/client/1/vios1/12/1,virtual_fc_adapters=3/client/1/vios1/21//1'
mksyscfg -r lpar -m ${S} -i 'name=lpar3,lpar_id=4,lpar_env=aixlinux,profile_name=default,min_mem=2048,desired_mem=2048,max_mem=4096,min_procs=1,desired_procs=1,max_procs=1,virtual_fc_adapters=3/client/1/vios1/22//1'
@map-client ds1 E ${S} lpar2 default 3
@map-client ds1 F ${S} lpar3 default 3
@map-client ds1 G ${S} lpar3 default 3
@os ${S} vios1 "VIOS 3.1.4.21" 10.10.1.11
chsysstate -r lpar -m ${S} -n vios1 -o on -f default
chsysstate -r lpar -m ${S} -n lpar1 -o on -f default
chsysstate -r lpar -m ${S} -n lpar2 -o on -f default
chsysstate -r lpar -m ${S} -n lpar3 -o on -f default
`;

test('Figure 2: who sees which disk', async () => {
  const base = loadLab('default');
  const t = await openSim({ lab: { file: { ...base.file, systems: [base.file.systems[0]] }, script: parseScript(SCRIPT) } });
  try {
    const vios = async (c: string): Promise<string> => t.ok(`viosvrcmd -m ${S} -p vios1 -c "${c}"`);
    await vios('cfgdev');
    const oses = t.sim.fsps[0].os as PartitionOses;
    const sys = t.sim.system(S);
    const dev = oses.vios(sys.partitionByName('vios1')!).devices();
    const hdisk = (suffix: RegExp): string => dev.find((d) => d.name.startsWith('hdisk') && suffix.test(d.location))!.name;
    const [a, b, c] = [hdisk(/-C2-T1-D1$/), hdisk(/-C2-T1-D2$/), hdisk(/-C2-T1-D3$/)];
    const d = hdisk(/-C3-T1-W/);
    // The VIOS sees A, B, C (internal) and D (masked to its physical port), not E, F or G.
    assert.equal(dev.filter((x) => x.name.startsWith('hdisk')).length, 4);
    await vios(`mkvdev -vdev ${a} -vadapter vhost0`);
    await vios(`mkvdev -vdev ${b} -vadapter vhost0`);
    await vios(`mkvdev -vdev ${c} -vadapter vhost1`);
    await vios(`mkvdev -vdev ${d} -vadapter vhost1`);
    await vios('vfcmap -vadapter vfchost0 -fcp fcs0');
    await vios('vfcmap -vadapter vfchost1 -fcp fcs0');
    const sees = (name: string): string => clientDisks(sys, oses, sys.partitionByName(name)!).map((x) => `${x.label}:${x.kind}`).join(' ');
    assert.equal(sees('lpar1'), 'A:vscsi B:vscsi');
    assert.equal(sees('lpar2'), 'C:vscsi D:vscsi E:vfc');
    assert.equal(sees('lpar3'), 'F:vfc G:vfc');
    // lsmap shows the vSCSI mappings; lsmap -npiv both clients logged in through fcs0.
    assert.match(await vios('lsmap -all'), new RegExp(`vhost1[^]*Backing device +${d}`));
    const npiv = await vios('lsmap -all -npiv -fmt :');
    assert.equal(npiv.trim().split('\n').filter((l) => /:LOGGED_IN:fcs0:/.test(l)).length, 2, npiv);
    // Mapping a disk already mapped, and NPIV through a port without a fabric, are refused.
    const again = await t.run(`viosvrcmd -m ${S} -p vios1 -c "mkvdev -vdev ${a} -vadapter vhost1"`);
    assert.notEqual(again.exit, 0);
    const noFabric = await t.run(`viosvrcmd -m ${S} -p vios1 -c "vfcmap -vadapter vfchost1 -fcp fcs1"`);
    assert.notEqual(noFabric.exit, 0);
    // Pulling a server adapter that backs mappings from the VIOS is refused.
    const pull = await t.run(`chhwres -r virtualio --rsubtype scsi -m ${S} -o r -p vios1 -s 11`);
    assert.match(pull.stdout, /^HSCLSIM34 /);
  } finally { t.close(); }
});
