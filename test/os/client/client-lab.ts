// The default lab (test/helpers/sim.ts) seen from inside its client partitions: aix01 has disks A and B
// (vios1's internal disks) and LUN H by vSCSI (H through vios1 and vios2), and LUN J by virtual FC through
// both VIOSes; lnx02 has C, D by vSCSI and E by vFC; aix03 has F and G by vFC. Not a test file itself.
import assert from 'node:assert/strict';
import { openSim, S824 as S, type TestSim } from '../../helpers/sim.ts';
import type { PartitionOses } from '../../../src/os/partition-oses.ts';
import type { ManagedSystem, Partition } from '../../../src/platform/managed-system.ts';
import { clientDisks } from '../../../src/os/client/visibility.ts';

export { S };

export interface ClientLab {
  t: TestSim;
  sys: ManagedSystem;
  oses: PartitionOses;
  lpar(name: string): Partition;
  /** A command line in a client partition (a fresh login each time). */
  sh(line: string, lpar?: string): { stdout: string; stderr: string; exit: number };
  /** The same, requiring exit 0 and no stderr; returns stdout. */
  ok(line: string, lpar?: string): string;
  /** An HMC command line that must succeed. */
  hmc(line: string): Promise<string>;
  /** The unique id of the disk a client sees with this label. */
  uid(lpar: string, label: string): string;
  close(): void;
}

export async function clientLab(opts: Parameters<typeof openSim>[0] = {}): Promise<ClientLab> {
  const t = await openSim(opts);
  const sys = t.sim.system(S);
  const oses = t.sim.fsps[0].os as PartitionOses;
  const lpar = (n: string): Partition => sys.partitionByName(n)!;
  const sh = (line: string, who = 'aix01') => t.sim.osCommand(S, who, line);
  return {
    t, sys, oses, lpar, sh,
    ok(line, who = 'aix01') {
      const r = sh(line, who);
      assert.equal(r.exit, 0, `${line}\n${r.stdout}${r.stderr}`);
      assert.equal(r.stderr, '', line);
      return r.stdout;
    },
    hmc: (line) => t.ok(line),
    uid(who, label) {
      const d = clientDisks(sys, oses, lpar(who)).find((x) => x.label === label);
      assert.ok(d, `${who} sees ${label}`);
      return d.uid;
    },
    close: () => t.close(),
  };
}
