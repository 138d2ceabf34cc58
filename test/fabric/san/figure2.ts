// The paper's Figure 2 (seed 000: "Virtualization of IO"), as a SAN: one NPIV-capable switch, one array
// with LUNs D, E, F, G, the VIOS's physical FC port pFC and two virtual FC clients c1, c2 logged in
// through it. D is masked to pFC's own WWPN; E to c1's pair; F and G to c2's pair (vios.md §4: both
// WWPNs of a client pair are masked, for LPM).
import { SanFabric } from '../../../src/fabric/san/san-fabric.ts';
import type { SanStore } from '../../../src/fabric/san/san-store.ts';

export const PFC = '10000090fa1b2c01';
export const PFC_LOCATION = 'U78D2.001.WZS01AB-P1-C6-T1';
export const C1 = ['c050760a1b2c0010', 'c050760a1b2c0011'] as const;
export const C2 = ['c050760a1b2c0012', 'c050760a1b2c0013'] as const;

export function figure2(store?: SanStore): SanFabric {
  const f = new SanFabric({ seed: 'figure2', store });
  f.apply([
    { op: 'mkswitch', name: 'sw1', npiv: true },
    { op: 'mkarray', name: 'ds1', switches: ['sw1'], ports: 2 },
    ...['D', 'E', 'F', 'G'].map((name) => ({ op: 'mklun' as const, array: 'ds1', name, sizeMB: 20480 })),
    { op: 'mkhostmap', array: 'ds1', lun: 'D', wwpns: [PFC] },
    { op: 'mkhostmap', array: 'ds1', lun: 'E', wwpns: [...C1] },
    { op: 'mkhostmap', array: 'ds1', lun: 'F', wwpns: [...C2] },
    { op: 'mkhostmap', array: 'ds1', lun: 'G', wwpns: [...C2] },
  ]);
  f.connectHostPort({ switch: 'sw1', hostPortLocation: PFC_LOCATION, hostPortWwpn: PFC, npivCapableAdapter: true });
  f.login(PFC, PFC);
  f.login(C1[0], PFC);
  f.login(C2[0], PFC);
  return f;
}

/** The LUN labels an initiator sees, each once, sorted. */
export const labels = (f: SanFabric, wwpn: string): string[] => [...new Set(f.visibleLuns(wwpn).map((l) => l.label))].sort();
