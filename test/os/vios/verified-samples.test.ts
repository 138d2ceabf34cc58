// The VERIFIED samples of vios.md reproduced verbatim (reference/README.md: same spacing, column widths,
// order). Each test builds a ViosEnvironment holding the sample's inventory, configures it with padmin
// commands, and compares the command's output with the sample text copied from vios.md.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ViosEnvironment, VirtualAdapterView } from '../../../src/os/vios/environment.ts';
import { boot, ok } from './fixture.ts';

const CEC = 'U78D2.001.WZS01AB';
const SYS = 'U9009.42A.7812ABC';
const text = (lines: string[]): string => `${lines.join('\n')}\n`;

function env(over: Partial<ViosEnvironment>): ViosEnvironment {
  return { lparId: 1, lparName: 'vios1', ioslevel: '3.1.4.10', running: true, rmcActive: true, procFrequencyHz: 3425000000,
    physicalAdapters: [], sanDisks: [], virtualAdapters: [], pagingDevices: [], ...over };
}
const fcAdapter = (loc: string, ports: number): ViosEnvironment['physicalAdapters'][number] => ({
  location: loc, description: 'PCIe2 8Gb 2-Port FC Adapter (df1000f114108a03)', kind: 'fc', disks: [],
  ports: Array.from({ length: ports }, (_, i) => ({ kind: 'fc' as const, location: `${loc}-T${i + 1}`, description: 'PCIe2 8Gb 2-Port FC Adapter (df1000f114108a03)', wwpn: `10000090fa1b2c0${i}`, fabric: true, npivTotal: 64, npivAvailable: 43 + 15 * i })),
});
const ethAdapter = (loc: string, ports: number): ViosEnvironment['physicalAdapters'][number] => ({
  location: loc, description: '4-Port Gigabit Ethernet PCI-Express Adapter (e4145716)', kind: 'eth', disks: [],
  ports: Array.from({ length: ports }, (_, i) => ({ kind: 'eth' as const, location: `${loc}-T${i + 1}`, description: '4-Port Gigabit Ethernet PCI-Express Adapter (e4145716)' })),
});
const veth = (slot: number, pvid: number): VirtualAdapterView => ({
  type: 'eth', slot, location: `${SYS}-V1-C${slot}-T1`, remoteLparId: null, remoteSlot: null, pvid, addlVlans: [], trunkPriority: 1, vswitch: 'ETHERNET0',
});
const server = (type: 'scsi' | 'fc', slot: number, client: { id: number; name: string; running: boolean; slot: number; sys?: string } | null, remote?: number): VirtualAdapterView => ({
  type, slot, location: `${client?.sys ?? SYS}-V1-C${slot}`, remoteLparId: client?.id ?? remote ?? null, remoteSlot: client?.slot ?? null,
  ...(client ? { client: { lparId: client.id, name: client.name, running: client.running, os: 'AIX' as const, slot: client.slot, location: `${client.sys ?? SYS}-V${client.id}-C${client.slot}` } } : {}),
});

describe('VERIFIED layouts of vios.md, verbatim', () => {
  it('lsmap -all (§2.3): LUNs in mapping order, VTDs by name, the empty vhost', () => {
    // 34 SAN LUNs so that the two mapped disks are hdisk32 and hdisk33 as in the sample.
    const lunLoc = (i: number): string => `${CEC}-P1-C6-T1-W500507680B215A3C-L${i === 32 ? '1E' : i === 33 ? '1F' : (i + 0x40).toString(16).toUpperCase()}000000000000`;
    const { os } = boot({ env: env({
      physicalAdapters: [fcAdapter(`${CEC}-P1-C6`, 1)],
      sanDisks: Array.from({ length: 34 }, (_, i) => ({ uid: `LUN${i}`, kind: 'san' as const, location: lunLoc(i), sizeMB: 1024, description: 'MPIO FC 2145', label: `L${i}`, viaPort: `${CEC}-P1-C6-T1` })),
      virtualAdapters: [server('scsi', 81, { id: 3, name: 'aix01', running: true, slot: 2 }), server('scsi', 82, { id: 10, name: 'aix10', running: true, slot: 2 })],
    }) });
    ok(os, 'mkvdev -vdev hdisk32 -vadapter vhost0 -dev aix01_rootvg');
    ok(os, 'mkvdev -vdev hdisk33 -vadapter vhost0 -dev aix01_datavg');
    assert.equal(ok(os, 'lsmap -all'), text([
      'SVSA            Physloc                                      Client Partition ID',
      '--------------- -------------------------------------------- ------------------',
      'vhost0          U9009.42A.7812ABC-V1-C81                     0x00000003',
      '',
      'VTD                   aix01_datavg',
      'Status                Available',
      'LUN                   0x8200000000000000',
      'Backing device        hdisk33',
      'Physloc               U78D2.001.WZS01AB-P1-C6-T1-W500507680B215A3C-L1F000000000000',
      'Mirrored              false',
      '',
      'VTD                   aix01_rootvg',
      'Status                Available',
      'LUN                   0x8100000000000000',
      'Backing device        hdisk32',
      'Physloc               U78D2.001.WZS01AB-P1-C6-T1-W500507680B215A3C-L1E000000000000',
      'Mirrored              false',
      '',
      'SVSA            Physloc                                      Client Partition ID',
      '--------------- -------------------------------------------- ------------------',
      'vhost1          U9009.42A.7812ABC-V1-C82                     0x0000000a',
      '',
      'VTD                   NO VIRTUAL TARGET DEVICE FOUND',
    ]));
    // -fmt : (§2.3): the VTD groups in the same order as the long listing.
    assert.equal(ok(os, 'lsmap -all -fmt :'), text([
      'vhost0:U9009.42A.7812ABC-V1-C81:0x00000003:aix01_datavg:Available:0x8200000000000000:hdisk33:U78D2.001.WZS01AB-P1-C6-T1-W500507680B215A3C-L1F000000000000:false:aix01_rootvg:Available:0x8100000000000000:hdisk32:U78D2.001.WZS01AB-P1-C6-T1-W500507680B215A3C-L1E000000000000:false',
      'vhost1:U9009.42A.7812ABC-V1-C82:0x0000000a',
    ]));
  });

  it('lsmap -npiv -all (§2.4): LOGGED_IN and NOT_MAPPED blocks', () => {
    const { os } = boot({ settings: { npivPortsLoggedIn: 5 }, env: env({
      physicalAdapters: [fcAdapter(`${CEC}-P1-C6`, 1)],
      virtualAdapters: [server('fc', 31, { id: 3, name: 'aix01', running: true, slot: 31 }), server('fc', 32, null, 4)],
    }) });
    ok(os, 'vfcmap -vadapter vfchost0 -fcp fcs0');
    assert.equal(ok(os, 'lsmap -npiv -all'), text([
      'Name          Physloc                            ClntID ClntName       ClntOS',
      '------------- ---------------------------------- ------ -------------- -------',
      'vfchost0      U9009.42A.7812ABC-V1-C31                3 aix01          AIX',
      '',
      'Status:LOGGED_IN',
      'FC name:fcs0                    FC loc code:U78D2.001.WZS01AB-P1-C6-T1',
      'Ports logged in:5',
      'Flags:a<LOGGED_IN,STRIP_MERGE>',
      'VFC client name:fcs0            VFC client DRC:U9009.42A.7812ABC-V3-C31',
      '',
      'Name          Physloc                            ClntID ClntName       ClntOS',
      '------------- ---------------------------------- ------ -------------- -------',
      'vfchost1      U9009.42A.7812ABC-V1-C32                4',
      '',
      'Status:NOT_LOGGED_IN',
      'FC name:                        FC loc code:',
      'Ports logged in:0',
      'Flags:1<NOT_MAPPED,NOT_CONNECTED>',
      'VFC client name:                VFC client DRC:',
    ]));
  });

  it('lsmap -all -npiv -fmt : (§2.4): the real-data line', () => {
    const sys = 'U9117.MMB.10A1B2C';
    const { os } = boot({ settings: { npivPortsLoggedIn: 5 }, env: env({
      physicalAdapters: [fcAdapter('U78C0.001.DBJ0001-P2-C5', 1)],
      virtualAdapters: [server('fc', 1, { id: 5, name: 'aix01', running: true, slot: 5, sys })],
    }) });
    ok(os, 'vfcmap -vadapter vfchost0 -fcp fcs0');
    assert.equal(ok(os, 'lsmap -all -npiv -fmt :'),
      'vfchost0:U9117.MMB.10A1B2C-V1-C1:5:aix01:AIX:LOGGED_IN:fcs0:U78C0.001.DBJ0001-P2-C5-T1:5:a:fcs0:U9117.MMB.10A1B2C-V5-C5\n');
  });

  it('lsmap -net -all (§2.5): an SEA repeated under each trunk adapter, and a trunk adapter without SEA', () => {
    const { os } = boot({ env: env({ physicalAdapters: [ethAdapter(`${CEC}-P1-C11`, 2)], virtualAdapters: [veth(2, 1), veth(3, 2), veth(4, 3)] }) });
    assert.equal(ok(os, 'mkvdev -lnagg ent1'), 'ent5 Available\n');
    assert.equal(ok(os, 'mkvdev -sea ent0 -vadapter ent2,ent3 -default ent2 -defaultid 1'), 'ent6 Available\nen6\net6\n');
    const sea = ['SEA                   ent6', 'Backing device        ent0', 'Status                Available', 'Physloc               U78D2.001.WZS01AB-P1-C11-T1'];
    assert.equal(ok(os, 'lsmap -net -all'), text([
      'SVEA   Physloc', '------ --------------------------------------------', 'ent2   U9009.42A.7812ABC-V1-C2-T1', '', ...sea, '',
      'SVEA   Physloc', '------ --------------------------------------------', 'ent3   U9009.42A.7812ABC-V1-C3-T1', '', ...sea, '',
      'SVEA   Physloc', '------ --------------------------------------------', 'ent4   U9009.42A.7812ABC-V1-C4-T1', '',
      'SEA                 NO SHARED ETHERNET ADAPTER FOUND',
    ]));
    assert.equal(ok(os, 'lsmap -net -all -fmt :'), text([
      'ent2:U9009.42A.7812ABC-V1-C2-T1:ent6:ent0:Available:U78D2.001.WZS01AB-P1-C11-T1',
      'ent3:U9009.42A.7812ABC-V1-C3-T1:ent6:ent0:Available:U78D2.001.WZS01AB-P1-C11-T1',
      'ent4:U9009.42A.7812ABC-V1-C4-T1',
    ]));
  });

  it('lsdev -virtual (§2.1): adapters, then VTDs by name, then SEAs, then pkcs11', () => {
    const { os } = boot({ env: env({
      physicalAdapters: [ethAdapter(`${CEC}-P1-C11`, 4), { location: `${CEC}-P1-C14`, description: 'SAS RAID', kind: 'sas', ports: [],
        disks: [0, 1].map((i) => ({ uid: `D${i}`, kind: 'sas' as const, location: `${CEC}-P2-D${i + 1}`, sizeMB: 1000, description: 'SAS Disk Drive', label: `D${i}` })) }],
      virtualAdapters: [{ type: 'serial', slot: 0, location: `${SYS}-V1-C0`, remoteLparId: null, remoteSlot: null }, veth(2, 1),
        server('scsi', 11, null, 3), server('scsi', 12, null, 4), server('fc', 31, null, 3), server('fc', 32, null, 4)],
    }) });
    ok(os, 'mkvdev -vdev hdisk1 -vadapter vhost1');
    ok(os, 'mkvdev -vdev hdisk0 -vadapter vhost0 -dev aix01_rootvg');
    ok(os, 'mkvdev -sea ent0 -vadapter ent4 -default ent4 -defaultid 1');
    // The sample's vnicserver0 row is absent: the environment has no vNIC server adapters.
    assert.equal(ok(os, 'lsdev -virtual'), text([
      'name             status      description',
      'ent4             Available   Virtual I/O Ethernet Adapter (l-lan)',
      'vasi0            Available   Virtual Asynchronous Services Interface (VASI)',
      'vbsd0            Available   Virtual Block Storage Device (VBSD)',
      'vfchost0         Available   Virtual FC Server Adapter',
      'vfchost1         Available   Virtual FC Server Adapter',
      'vhost0           Available   Virtual SCSI Server Adapter',
      'vhost1           Available   Virtual SCSI Server Adapter',
      'vsa0             Available   LPAR Virtual Serial Adapter',
      'aix01_rootvg     Available   Virtual Target Device - Disk',
      'vtscsi0          Available   Virtual Target Device - Disk',
      'ent5             Available   Shared Ethernet Adapter',
      'pkcs11           Available   ACF/PKCS#11 Device',
    ]));
  });

  it('lsdev -virtual lists vhost9 before vhost10 (natural order, §2.1)', () => {
    const { os } = boot({ env: env({ virtualAdapters: Array.from({ length: 11 }, (_, i) => server('scsi', 20 + i, null, 5)) }) });
    const names = ok(os, 'lsdev -virtual').split('\n').map((l) => l.split(' ')[0]).filter((n) => n.startsWith('vhost'));
    assert.deepEqual(names, Array.from({ length: 11 }, (_, i) => `vhost${i}`));
  });

  it('lsdev -dev proc0 -attr frequency (§2.2): value, empty line, the value', () => {
    const { os } = boot({ env: env({}) });
    assert.equal(ok(os, 'lsdev -dev proc0 -attr frequency'), 'value\n\n3425000000\n');
  });

  it('lsnports (§2.7): the sample header and column positions', () => {
    const { os } = boot({ env: env({ physicalAdapters: [fcAdapter(`${CEC}-P1-C6`, 2)] }) });
    const [header, ...rows] = ok(os, 'lsnports').trimEnd().split('\n');
    assert.equal(header, 'name             physloc                        fabric tports aports swwpns  awwpns');
    const sample = ['fcs0             U78D2.001.WZS01AB-P1-C6-T1          1     64     43   2048    1967',
      'fcs1             U78D2.001.WZS01AB-P1-C6-T2          1     64     58   2048    2030'];
    // Same text up to the swwpns column; awwpns (UNCERTAIN values) ends in the same column.
    rows.forEach((r, i) => { assert.equal(r.slice(0, 76), sample[i].slice(0, 76)); assert.equal(r.length, sample[i].length); });
  });
});
