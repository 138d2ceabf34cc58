// The README's walkthrough (Figures 2 and 3 from an empty system) runs as written, and each partition then
// sees exactly what the paper says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitWords } from '../../src/hmc/shell/words.ts';
import { clientDisks } from '../../src/os/client/visibility.ts';
import { clientNetworks } from '../../src/os/client/networks.ts';
import type { PartitionOses } from '../../src/os/partition-oses.ts';
import { openSim, S824 as S } from '../helpers/sim.ts';

const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
const block = /<!-- walkthrough:start -->\n```sh\n([^]*?)```\n<!-- walkthrough:end -->/.exec(readme)?.[1] ?? '';

test('the README walkthrough builds Figures 2 and 3 with HMC, VIOS, SAN and OS commands alone', async () => {
  const lines = block.split('\n').filter((l) => l.startsWith('powervm-sim '));
  assert.ok(lines.length > 30, 'the walkthrough block is in the README');
  const t = await openSim({ lab: 'bare' });
  try {
    for (const line of lines) {
      const [, face, ...w] = splitWords(line);
      const r = face === 'san' ? t.sim.sanCommand(w) : face === 'os' ? t.sim.osCommand(w[0], w[1], w.slice(2).join(' ')) : await t.sim.hmcCommand(w);
      assert.equal(r.exit, 0, `${line}\n${r.stdout}${r.stderr}`);
    }
    const sys = t.sim.system(S);
    const oses = t.sim.fsps[0].os as PartitionOses;
    const sees = (n: string): string => clientDisks(sys, oses, sys.partitionByName(n)!).map((d) => `${d.label}:${d.kind}`).join(' ');
    assert.equal(sees('lpar1'), 'A:vscsi B:vscsi');
    assert.equal(sees('lpar2'), 'C:vscsi D:vscsi E:vfc');
    assert.equal(sees('lpar3'), 'F:vfc G:vfc');
    const lspv = t.sim.osCommand(S, 'vios1', 'lspv').stdout.trim().split('\n');
    assert.equal(lspv.length - 1, 4, 'the VIOS sees A, B, C and D only');
    const route = (n: string): string => clientNetworks(sys, oses, sys.partitionByName(n)!).map((r) => `${r.vlan}>${r.sea}`).join(' ');
    assert.equal(route('lpar1'), '1>vios1/ent10');
    assert.equal(route('lpar2'), '2>vios1/ent11 3>vios1/ent11');
    assert.equal(route('lpar3'), '1>vios1/ent10 4>vios1/ent12');
  } finally { t.close(); }
});
