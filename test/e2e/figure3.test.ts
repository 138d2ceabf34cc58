// The paper's Figure 3 with HMC and VIOS commands: VLAN 1 leaves through a single-adapter SEA, VLANs 2 and
// 3 share one SEA, VLAN 4 leaves through an SEA over a link aggregation; a client adapter can carry several
// VLANs. With a second VIOS bridging VLAN 1 at a lower priority (Figure 4), it is the standby and takes over
// when the first VIOS goes down.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLab, parseScript } from '../../src/sim/lab.ts';
import { clientNetworks } from '../../src/os/client/networks.ts';
import type { PartitionOses } from '../../src/os/partition-oses.ts';
import { openSim } from '../helpers/sim.ts';

const S = 'Server-8286-42A-SN21AB34C';
const vios = (name: string, id: number, slots: string, eth: string): string =>
  `mksyscfg -r lpar -m ${S} -i 'name=${name},lpar_id=${id},lpar_env=vioserver,profile_name=default,min_mem=4096,desired_mem=4096,max_mem=8192,min_procs=1,desired_procs=1,max_procs=2,max_virtual_slots=100,"io_slots=${slots}","virtual_eth_adapters=${eth}"'`;
const client = (name: string, id: number, eth: string): string =>
  `mksyscfg -r lpar -m ${S} -i 'name=${name},lpar_id=${id},lpar_env=aixlinux,profile_name=default,min_mem=2048,desired_mem=2048,max_mem=4096,min_procs=1,desired_procs=1,max_procs=1,"virtual_eth_adapters=${eth}"'`;

const SCRIPT = [
  'mksysconn -ip 10.10.0.11 --passwd Hmc4ccess',
  // vios1: trunks for VLAN 1 (priority 1), VLANs 2+3, VLAN 4; a control channel on VLAN 99.
  vios('vios1', 1, '21010202/none/1,21010203/none/1', '11/1/1//1/1,""12/1/2/3/1/1"",13/1/4//1/1,14/0/99//0/1'),
  // vios2: a backup trunk for VLAN 1 (priority 2) and its control channel.
  vios('vios2', 2, '21010206/none/1', '11/1/1//2/1,14/0/99//0/1'),
  client('lpar1', 3, '2/0/1//0/0'),
  client('lpar2', 4, '2/0/2//0/0,3/0/3//0/0'),
  client('lpar3', 5, '2/0/1//0/0,3/0/4//0/0'),
  client('lpar4', 6, '""2/1/2/3/0/0""'),
  `@os ${S} vios1 "VIOS 3.1.4.21" 10.10.1.11`,
  `@os ${S} vios2 "VIOS 3.1.4.21" 10.10.1.12`,
  ...['vios1', 'vios2', 'lpar1', 'lpar2', 'lpar3', 'lpar4'].map((n) => `chsysstate -r lpar -m ${S} -n ${n} -o on -f default`),
].join('\n');

test('Figure 3 and 4: the SEA each VLAN leaves through, and SEA failover', async () => {
  const base = loadLab('default');
  const t = await openSim({ lab: { file: { ...base.file, systems: [base.file.systems[0]] }, script: parseScript(SCRIPT) } });
  try {
    const sys = t.sim.system(S);
    const oses = t.sim.fsps[0].os as PartitionOses;
    const ent = (v: string, re: RegExp): string => oses.vios(sys.partitionByName(v)!).devices().find((d) => d.name.startsWith('ent') && re.test(d.location))!.name;
    const run = (v: string, c: string): Promise<string> => t.ok(`viosvrcmd -m ${S} -p ${v} -c "${c}"`);
    const [p0, p1] = [ent('vios1', /-C4-T1$/), ent('vios1', /-C4-T2$/)];
    const [x0, x1] = [ent('vios1', /-C5-T1$/), ent('vios1', /-C5-T2$/)];
    const [t11, t12, t13, c14] = [/-C11-T1$/, /-C12-T1$/, /-C13-T1$/, /-C14-T1$/].map((re) => ent('vios1', re));
    assert.match(await run('vios1', `mkvdev -sea ${p0} -vadapter ${t11} -default ${t11} -defaultid 1 -attr ha_mode=auto ctl_chan=${c14}`), /Available/);
    assert.match(await run('vios1', `mkvdev -sea ${p1} -vadapter ${t12} -default ${t12} -defaultid 2`), /Available/);
    const agg = (await run('vios1', `mkvdev -lnagg ${x0},${x1} -attr mode=8023ad`)).split(/\s/)[0];
    assert.match(await run('vios1', `mkvdev -sea ${agg} -vadapter ${t13} -default ${t13} -defaultid 4`), /Available/);
    const v2p = ent('vios2', /-C8-T1$/);
    const [v2t, v2c] = [ent('vios2', /-C11-T1$/), ent('vios2', /-C14-T1$/)];
    await run('vios2', `mkvdev -sea ${v2p} -vadapter ${v2t} -default ${v2t} -defaultid 1 -attr ha_mode=auto ctl_chan=${v2c}`);
    // A SEA needs a trunk adapter: the control channel is not one.
    assert.notEqual((await t.run(`viosvrcmd -m ${S} -p vios1 -c "mkvdev -sea ${ent('vios1', /-C4-T3$/)} -vadapter ${c14} -default ${c14} -defaultid 99"`)).exit, 0);

    const routes = (n: string): string => clientNetworks(sys, oses, sys.partitionByName(n)!).map((r) => `${r.vlan}>${r.sea}${r.realAdapters.length > 1 ? `*${r.realAdapters.length}` : ''}`).join(' ');
    const r1 = routes('lpar1');
    const r2 = routes('lpar2');
    const r3 = routes('lpar3');
    const r4 = routes('lpar4');
    const sea = (vlanRoute: string): string => vlanRoute.split('>')[1];
    assert.equal(r1.split(' ').length, 1);
    assert.match(sea(r1), /^vios1\//, 'VLAN 1 leaves through the primary VIOS');
    const [v2, v3] = r2.split(' ');
    assert.equal(sea(v2), sea(v3), 'VLANs 2 and 3 share one SEA');
    assert.notEqual(sea(v2), sea(r1));
    const [l1, l4] = r3.split(' ');
    assert.equal(sea(l1), sea(r1), "the bottom LPAR's VLAN 1 goes the same way as the first LPAR's");
    assert.match(l4, /^4>vios1\/ent\d+\*2$/, 'VLAN 4 leaves through the SEA over a link aggregation of two ports');
    assert.equal(r4, `${v2} ${v3}`, 'one adapter carrying VLANs 2 and 3 takes the same SEA');
    const standby = clientNetworks(sys, oses, sys.partitionByName('lpar1')!)[0].standby;
    assert.equal(standby.length, 1);
    assert.match(standby[0], /^vios2\//);
    // Figure 4: the primary VIOS goes down; VLAN 1 fails over to vios2, VLAN 2 has no path out.
    await t.ok(`chsysstate -r lpar -m ${S} -n vios1 -o shutdown --immed`);
    assert.match(routes('lpar1'), /^1>vios2\//);
    assert.match(routes('lpar2'), /^2>null 3>null$/);
  } finally { t.close(); }
});
