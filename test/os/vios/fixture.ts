// A hand-built ViosEnvironment after the paper's Figure 2 and Figure 3 (seed paper; vios.md): one VIOS with
// an internal SAS controller holding disks A, B and C, an NPIV-capable FC port that sees SAN disk D, a
// second port of the same adapter on a switch without NPIV, an old non-NPIV FC adapter, a two-port
// Ethernet adapter, trunk virtual Ethernet adapters with PVIDs 1, 2 and 3, a non-trunk adapter for an SEA
// control channel, vhost0/vhost1 and vfchost0/vfchost1. Not a test file itself.
import type { ViosEnvironment, VirtualAdapterView } from '../../../src/os/vios/environment.ts';
import { MemoryNvram } from '../../../src/platform/fsp/nvram.ts';
import { ViosOs, type RunResult } from '../../../src/os/vios/vios-os.ts';
import type { ViosSettings } from '../../../src/os/vios/vios-settings.ts';
import assert from 'node:assert/strict';

export const CEC = 'U78D2.001.WZS01AB';
export const SYS = 'U9009.42A.7812ABC';
export const vloc = (lpar: number, slot: number): string => `${SYS}-V${lpar}-C${slot}`;

const client = (lparId: number, name: string, running: boolean, slot: number, os: 'AIX' | 'Linux' = 'AIX'): VirtualAdapterView['client'] =>
  ({ lparId, name, running, os, slot, location: vloc(lparId, slot) });

const eth = (slot: number, pvid: number, trunkPriority: number, extra: Partial<VirtualAdapterView> = {}): VirtualAdapterView => ({
  type: 'eth', slot, location: `${vloc(1, slot)}-T1`, remoteLparId: null, remoteSlot: null, pvid, addlVlans: [], ieee: false,
  trunkPriority, vswitch: 'ETHERNET0', mac: `A6F4C2001${slot.toString(16).toUpperCase().padStart(3, '0')}`, ...extra,
});

export function labEnv(): ViosEnvironment {
  return {
    lparId: 1,
    lparName: 'vios1',
    ioslevel: '3.1.4.21',
    running: true,
    rmcActive: true,
    procFrequencyHz: 3425000000,
    pagingDevices: [],
    physicalAdapters: [
      {
        location: `${CEC}-P1-C14`, description: 'PCIe3 RAID SAS Adapter Quad-port 6Gb x8', kind: 'sas', ports: [],
        disks: ['A', 'B', 'C'].map((label, i) => ({
          uid: `3E2130SASDISK${label}`, kind: 'sas' as const, location: `${CEC}-P2-D${i + 1}`, sizeMB: 286102, description: 'SAS Disk Drive', label,
        })),
      },
      {
        location: `${CEC}-P1-C11`, description: '4-Port Gigabit Ethernet PCI-Express Adapter (e4145716)', kind: 'eth', disks: [],
        ports: [1, 2].map((t) => ({ kind: 'eth' as const, location: `${CEC}-P1-C11-T${t}`, description: '4-Port Gigabit Ethernet PCI-Express Adapter (e4145716)' })),
      },
      {
        location: `${CEC}-P1-C6`, description: 'PCIe2 8Gb 2-Port FC Adapter (df1000f114108a03)', kind: 'fc', disks: [],
        ports: [
          { kind: 'fc', location: `${CEC}-P1-C6-T1`, description: 'PCIe2 8Gb 2-Port FC Adapter (df1000f114108a03)', wwpn: '10000090fa1b2c01', fabric: true, npivTotal: 64, npivAvailable: 43 },
          { kind: 'fc', location: `${CEC}-P1-C6-T2`, description: 'PCIe2 8Gb 2-Port FC Adapter (df1000f114108a03)', wwpn: '10000090fa1b2c02', fabric: false, npivTotal: 64, npivAvailable: 64 },
        ],
      },
      {
        location: `${CEC}-P1-C7`, description: '4Gb FC PCI Express Adapter (df1000fe)', kind: 'fc', disks: [],
        ports: [{ kind: 'fc', location: `${CEC}-P1-C7-T1`, description: '4Gb FC PCI Express Adapter (df1000fe)', wwpn: '10000000c9a1b2c3' }],
      },
    ],
    sanDisks: [{
      uid: '332136005076801810B2E8000000000000D04214503IBMfcp', kind: 'san', location: `${CEC}-P1-C6-T1-W500507680B215A3C-L1000000000000`,
      sizeMB: 102400, description: 'MPIO FC 2145', label: 'D', viaPort: `${CEC}-P1-C6-T1`,
    }],
    virtualAdapters: [
      { type: 'serial', slot: 0, location: vloc(1, 0), remoteLparId: null, remoteSlot: null },
      eth(2, 1, 1),
      eth(3, 2, 1),
      eth(4, 3, 1),
      eth(5, 99, 0),
      { type: 'scsi', slot: 11, location: vloc(1, 11), remoteLparId: 3, remoteSlot: 2, client: client(3, 'aix01', true, 2) },
      { type: 'scsi', slot: 12, location: vloc(1, 12), remoteLparId: 10, remoteSlot: 2, client: client(10, 'lnx10', false, 2, 'Linux') },
      { type: 'fc', slot: 31, location: vloc(1, 31), remoteLparId: 3, remoteSlot: 31, client: { ...client(3, 'aix01', true, 31)!, wwpns: ['c050760a1b2c0010', 'c050760a1b2c0011'] } },
      { type: 'fc', slot: 32, location: vloc(1, 32), remoteLparId: 4, remoteSlot: 32, client: client(4, 'aix02', false, 32) },
    ],
  };
}

/** A VIOS on a mutable environment, booted on a fresh (or given) store. */
export function boot(opts: { env?: ViosEnvironment; store?: MemoryNvram; settings?: Partial<ViosSettings> } = {}) {
  const env = opts.env ?? labEnv();
  const store = opts.store ?? new MemoryNvram();
  const os = new ViosOs({ store, env: () => env, settings: opts.settings });
  return { os, env, store, run: (line: string): RunResult => os.run(line) };
}

/** Runs a command that must succeed and returns its stdout. */
export function ok(os: ViosOs, line: string): string {
  const r = os.run(line);
  assert.equal(r.exit, 0, `${line} failed: ${r.stderr}`);
  assert.equal(r.stderr, '');
  return r.stdout;
}

/** Runs a command that must be refused, checks that nothing changed, and returns its stderr. */
export function refused(os: ViosOs, line: string, exit = 1): string {
  const before = snapshot(os);
  const r = os.run(line);
  assert.equal(r.exit, exit, `${line} should have been refused: ${r.stdout}`);
  assert.equal(r.stdout, '');
  assert.ok(r.stderr.length > 0);
  assert.deepEqual(snapshot(os), before, `${line} changed something`);
  return r.stderr;
}

/** Everything a padmin can observe, for "nothing changed" checks. */
export function snapshot(os: ViosOs): string[] {
  return ['lsdev', 'lsmap -all', 'lsmap -all -npiv', 'lsmap -all -net', 'lspv', 'lsvg', 'license']
    .map((c) => os.run(c).stdout)
    .concat(JSON.stringify([os.vscsiMappings(), os.vfcMappings(), os.seas(), os.devices()]));
}
