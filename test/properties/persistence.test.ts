// Accepted commands are persisted (DESIGN.md: partition data lives in the FSP's NVRAM, the HMC keeps its
// copy in its database): after a random command sequence, a second simulator opened on the same data
// directory shows byte-for-byte the same CLI view (sys_time aside).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { openSim } from '../helpers/sim.ts';
import { commands, SMALL_CONFIG, smallLab } from './generators.ts';
import { exec, snapshot } from './cli-view.ts';

// The HMC database syncs every write (synchronous=FULL); on tmpfs that costs nothing, so use it when present.
const TMP = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

describe('persistence of accepted commands', () => {
  it('a restarted simulator shows the same CLI view as before the restart', async () => {
    await fc.assert(fc.asyncProperty(commands(10, 40), async (cmds) => {
      const dataDir = mkdtempSync(join(TMP, 'powervm-prop-'));
      try {
        const first = await openSim({ lab: smallLab(), config: SMALL_CONFIG, dataDir });
        let accepted = 0;
        let before: string;
        try {
          for (const argv of cmds) if ((await exec(first, argv)).exit === 0) accepted++;
          before = await snapshot(first);
        } finally { first.close(); }
        const second = await openSim({ config: SMALL_CONFIG, dataDir });
        try {
          assert.equal(await snapshot(second), before, `the CLI view changed across a restart (${accepted} accepted commands)`);
        } finally { second.close(); }
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }), { numRuns: 15, includeErrorInReport: true });
  });
});
