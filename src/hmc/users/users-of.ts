// The HMC's one UserStore, opened on first use over the HMC database (the Hmc class does not hold it
// yet; see the wiring notes). attachUserStore lets tests supply a store built with other options.
import { fail } from '../../errors/hmc-error.ts';
import type { CommandContext } from '../cli/command.ts';
import type { Hmc } from '../hmc.ts';
import { UserStore } from './user-store.ts';

const stores = new WeakMap<Hmc, UserStore>();

export function usersOf(hmc: Hmc): UserStore {
  let s = stores.get(hmc);
  if (!s) {
    s = new UserStore(hmc.db.db, { nowMs: hmc.clock.now(), scryptCost: hmc.config.hmc.passwordHashCost });
    stores.set(hmc, s);
  }
  return s;
}

export function attachUserStore(hmc: Hmc, store: UserStore): void {
  stores.set(hmc, store);
}

/** The store, after checking that the session's user may run the command (HSCL350B otherwise). */
export function authorized(ctx: CommandContext, command: string, opts: { admin?: boolean } = {}): UserStore {
  const store = usersOf(ctx.hmc);
  if (!store.mayRun(ctx.session.user, command) || (opts.admin && !store.isUserAdmin(ctx.session.user))) fail('NO_AUTHORITY');
  return store;
}
