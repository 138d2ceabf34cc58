// The data directory (DESIGN.md): ~/.powervm-sim unless POWERVM_SIM_HOME or --data-dir say otherwise. One
// process owns it at a time (a lock file with its pid); others talk to that process over the control socket.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function dataDir(explicit?: string): string {
  return resolve(explicit ?? process.env.POWERVM_SIM_HOME ?? join(homedir(), '.powervm-sim'));
}

export const controlSocketPath = (dir: string): string => join(dir, 'hmc.sock');

const alive = (pid: number): boolean => {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
};

/** Take the data directory's lock; returns a release function, or throws naming the owner. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => { try { unlinkSync(path); } catch { /* already gone */ } };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(path, 'utf8'));
      if (pid && alive(pid)) throw new Error(`the data directory ${dir} is in use by process ${pid}`);
      if (existsSync(path)) unlinkSync(path); // stale lock from a process that died
    }
  }
  throw new Error(`cannot lock the data directory ${dir}`);
}
