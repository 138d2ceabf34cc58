// Property tests for the issue "no sequence of accepted commands over-allocates processors, processing
// units, memory or a slot, and rejected commands change nothing" (platform.md §5, §6, §8, §9, §13).
// Random sequences of mksyscfg / chsysstate / chhwres (proc, mem, io, procpool, virtualio) / chsyscfg /
// rmsyscfg run against a small lab where the limits are reachable; state is read only through the CLI
// listings after every command. A third property checks that profile commands leave what runs alone.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { openSim, type TestSim } from '../helpers/sim.ts';
import { commands, SMALL_CONFIG, smallLab, type Cmd } from './generators.ts';
import { assertRefusal, checkInvariants, checkProfileCommandKeepsAllocation, checkSlotTransition, exec, readState, snapshot } from './cli-view.ts';

// Sequences are cheap (about 25 ms each); over-allocation needs several runs to be reached reliably.
const NUM_RUNS = 40;
const SNAPSHOT_RUNS = 15;
const REPORT = { includeErrorInReport: true };

/** Runs `check` and, when it fails, says which command of the sequence broke it. */
async function at(i: number, argv: Cmd, check: () => Promise<void> | void): Promise<void> {
  try {
    await check();
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    throw new Error(`after command #${i}: ${JSON.stringify(argv)}\n${m}`, { cause: e });
  }
}

async function withSim(fn: (t: TestSim) => Promise<void>): Promise<void> {
  const t = await openSim({ lab: smallLab(), config: SMALL_CONFIG });
  try { await fn(t); } finally { t.close(); }
}

describe('resource allocation properties (small lab: 4 cores, 8 GB, 4 slots)', () => {
  it('the small lab itself satisfies the invariants', async () => {
    await withSim(async (t) => {
      const s = await readState(t);
      checkInvariants(s);
      assert.equal(s.confCenti, 400);
      assert.equal(s.confMem, 8192);
      assert.equal(s.availCenti, 130); // lp1 holds 2 cores, lp2 0.2 units, pool P1 reserves 0.5
      assert.equal(s.availMem, 0); // 3072 + 4096 MB to partitions, 1024 MB to the hypervisor: full
      assert.deepEqual([...s.lpars].map(([n, l]) => `${n}:${l.state}`), ['lp1:Running', 'lp2:Running', 'lp3:Not Activated']);
    });
  });

  it('no sequence of accepted commands over-allocates processors, processing units, memory or a slot', async () => {
    await fc.assert(fc.asyncProperty(commands(10, 60), async (cmds) => withSim(async (t) => {
      let before = await readState(t);
      checkInvariants(before);
      for (const [i, argv] of cmds.entries()) {
        const r = await exec(t, argv);
        const after = await readState(t);
        await at(i, argv, () => {
          checkInvariants(after);
          if (r.exit === 0) checkSlotTransition(before, after, argv);
        });
        before = after;
      }
    })), { numRuns: NUM_RUNS, ...REPORT });
  });

  it('profile commands (mksyscfg/chsyscfg/rmsyscfg -r prof) never move the running allocation', async () => {
    await fc.assert(fc.asyncProperty(commands(10, 60), async (cmds) => withSim(async (t) => {
      let before = await readState(t);
      for (const [i, argv] of cmds.entries()) {
        const r = await exec(t, argv);
        const after = await readState(t);
        if (r.exit === 0) await at(i, argv, () => checkProfileCommandKeepsAllocation(before, after, argv));
        before = after;
      }
    })), { numRuns: NUM_RUNS, ...REPORT });
  });

  it('rejected commands change nothing and are refused with an HSCL-style message', async () => {
    await fc.assert(fc.asyncProperty(commands(10, 60), async (cmds) => withSim(async (t) => {
      let before = await snapshot(t, true);
      for (const [i, argv] of cmds.entries()) {
        const r = await exec(t, argv);
        const after = await snapshot(t, true);
        if (r.exit !== 0) {
          await at(i, argv, () => {
            assertRefusal(r, argv);
            assert.equal(after, before, 'a rejected command changed the CLI view');
          });
        }
        before = after;
      }
    })), { numRuns: SNAPSHOT_RUNS, ...REPORT });
  });
});
