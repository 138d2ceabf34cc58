// The users store as the SSH server's authenticator (its SshAuthenticator and `timeouts` options, in
// src/hmc/ssh/ssh-server.ts; shapes repeated here structurally so this module does not depend on it).
// Time comes from the HMC's injected clock.
import type { UserStore } from './user-store.ts';
import type { AuthResult } from './user-types.ts';

export interface UserSshAuth {
  password(user: string, password: string): AuthResult;
  authorizedKeys(user: string): string[];
  maySsh(user: string): AuthResult;
  /** idle_timeout and session_timeout are minutes; 0 means no limit (the server's convention too). */
  timeouts(user: string): { idleMs: number; sessionMs: number };
}

export function sshAuthFor(store: UserStore, now: () => number): UserSshAuth {
  return {
    password: (user, password) => store.authenticate(user, password, now(), 'ssh'),
    authorizedKeys: (user) => store.getUser(user)?.authorized_keys ?? [],
    maySsh(user) {
      const u = store.getUser(user);
      if (!u) return { ok: false, reason: 'unknown' };
      if (u.disabled) return { ok: false, reason: 'disabled' };
      if (u.locked_until > now()) return { ok: false, reason: 'locked' };
      if (!u.remote_ssh_access) return { ok: false, reason: 'ssh-disabled' };
      return { ok: true };
    },
    timeouts(user) {
      const u = store.getUser(user);
      return { idleMs: (u?.idle_timeout ?? 0) * 60_000, sessionMs: (u?.session_timeout ?? 0) * 60_000 };
    },
  };
}
