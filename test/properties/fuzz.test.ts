// Fuzzing the two free-text inputs of the configuration commands (hmc-cli.md §3.2, §3.3): random strings,
// token soups and near-valid records as `-i` attribute records (mksyscfg/chsyscfg) and `--filter` values
// (lssyscfg, lshwres). Whatever the text, the command must answer like an HMC: exit 0, or a non-zero exit
// with an HSCL code (or the code-less invalid-attribute message), and a refusal must change nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { openSim, type TestSim } from '../helpers/sim.ts';
import { fuzzCommand, SMALL_CONFIG, smallLab, type Cmd } from './generators.ts';
import { assertRefusal, exec, snapshot, type Result } from './cli-view.ts';

const fuzzSequences = fc.array(fuzzCommand, { minLength: 1, maxLength: 8 });
const OPTIONS = { numRuns: 60, includeErrorInReport: true };

async function withSim(fn: (t: TestSim) => Promise<void>): Promise<void> {
  const t = await openSim({ lab: smallLab(), config: SMALL_CONFIG });
  try { await fn(t); } finally { t.close(); }
}

/** The command's answer, or the exception it escaped with (which an HMC shell would never show). */
async function attempt(t: TestSim, argv: Cmd): Promise<Result | { thrown: unknown }> {
  try { return await exec(t, argv); } catch (e) { return { thrown: e }; }
}

describe('attribute record and filter fuzzing', () => {
  it('random -i records and --filter values never make a command throw instead of answering', async () => {
    await fc.assert(fc.asyncProperty(fuzzSequences, async (cmds) => withSim(async (t) => {
      for (const argv of cmds) {
        const r = await attempt(t, argv);
        if ('thrown' in r) {
          const e = r.thrown;
          assert.fail(`the command threw instead of answering: ${JSON.stringify(argv)}\n${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
        }
      }
    })), OPTIONS);
  });

  it('refused fuzz commands answer with an HSCL-style message and change nothing', async () => {
    await fc.assert(fc.asyncProperty(fuzzSequences, async (cmds) => withSim(async (t) => {
      let before = await snapshot(t, true);
      for (const argv of cmds) {
        const r = await attempt(t, argv);
        const after = await snapshot(t, true);
        // A command that threw is the other test's failure; here it only must not have changed anything.
        if ('thrown' in r) assert.equal(after, before, `a command that threw changed the CLI view: ${JSON.stringify(argv)}`);
        else if (r.exit !== 0) {
          assertRefusal(r, argv);
          assert.equal(after, before, `a refused command changed the CLI view: ${JSON.stringify(argv)}`);
        }
        before = after;
      }
    })), OPTIONS);
  });
});
