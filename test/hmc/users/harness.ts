// Drives the users module's commands directly (they are not in the command registry yet): a fresh
// in-memory simulator, a UserStore over its HMC database with a cheap scrypt cost, and a runner that
// splits a command line with the HMC's own shell word rules and calls the command's run().
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import Database from 'better-sqlite3';
import { parseArgs } from '../../../src/hmc/cli/args.ts';
import type { CommandContext, CommandDef } from '../../../src/hmc/cli/command.ts';
import { splitWords } from '../../../src/hmc/shell/words.ts';
import { UserStore, type UserStoreOptions } from '../../../src/hmc/users/user-store.ts';
import { attachUserStore } from '../../../src/hmc/users/users-of.ts';
import { bareLab, openSim, type TestSim } from '../../helpers/sim.ts';
import { chhmcusr, lshmcusr, mkauthkeys, mkhmcusr, rmhmcusr } from '../../../src/hmc/cli/commands/users.ts';
import { chaccfg, lsaccfg, mkaccfg, rmaccfg } from '../../../src/hmc/cli/commands/accfg.ts';
import { chpwdpolicy, lspwdpolicy, mkpwdpolicy, rmpwdpolicy } from '../../../src/hmc/cli/commands/pwdpolicy.ts';

/** Every command this module provides, by name. */
export const USER_COMMANDS: Record<string, CommandDef> = {
  lshmcusr, mkhmcusr, chhmcusr, rmhmcusr, mkauthkeys,
  lsaccfg, mkaccfg, chaccfg, rmaccfg,
  lspwdpolicy, mkpwdpolicy, chpwdpolicy, rmpwdpolicy,
};

/** scrypt N for tests: the smallest useful cost keeps hashing fast. */
export const TEST_COST = 16;

export function memoryStore(opts: UserStoreOptions = {}): UserStore {
  return new UserStore(new Database(':memory:'), { scryptCost: TEST_COST, ...opts });
}

export interface UsersTest {
  t: TestSim;
  store: UserStore;
  /** Runs one command line as `user` (default hscroot); returns its output lines. */
  run(line: string, user?: string): Promise<string[]>;
  /** Runs and expects a refusal whose message matches `re`. */
  refused(line: string, re: RegExp, user?: string): Promise<void>;
  close(): void;
}

export async function openUsers(opts: UserStoreOptions = {}): Promise<UsersTest> {
  const t = await openSim({ lab: bareLab() });
  const store = new UserStore(t.sim.hmc.db.db, { scryptCost: TEST_COST, nowMs: t.clock.now(), ...opts });
  attachUserStore(t.sim.hmc, store);
  const run = async (line: string, user = 'hscroot'): Promise<string[]> => {
    const [name, ...argv] = splitWords(line);
    const def = USER_COMMANDS[name];
    if (!def) throw new Error(`not a users command: ${name}`);
    const ctx: CommandContext = { hmc: t.sim.hmc, session: { user }, out: [] };
    await def.run(ctx, parseArgs(name, argv, def.flags, def.positional ?? 0));
    return ctx.out;
  };
  return {
    t, store, run,
    async refused(line, re, user) {
      await assert.rejects(run(line, user), (e: Error) => {
        assert.match(e.message, re);
        return true;
      });
    },
    close: () => t.close(),
  };
}

/** A fresh ed25519 key as an OpenSSH public key line. */
export function sshKeyLine(comment: string): { line: string; blob: Buffer } {
  const raw = Buffer.from(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const str = (b: Buffer): Buffer => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
  const blob = Buffer.concat([str(Buffer.from('ssh-ed25519')), str(raw)]);
  return { line: `ssh-ed25519 ${blob.toString('base64')} ${comment}`, blob };
}
