// A local control channel to a running simulator, so that `powervm-sim hmc <command>` works from any shell
// script: one JSON request per line ({argv, user}) and one JSON reply ({stdout, stderr, exit}). It is a
// Unix socket in the data directory, reachable only by local users with access to that directory.
import { createConnection, createServer, type Server } from 'node:net';
import { existsSync, unlinkSync } from 'node:fs';
import type { CommandResult } from '../cli/command.ts';

/** `face` says who is typing: the HMC command line (default) or the SAN's storage administrator. */
export type Handler = (argv: string[], user: string, face: ControlFace) => Promise<CommandResult>;
export type ControlFace = 'hmc' | 'san' | 'os' | 'workload';

export function serveControl(path: string, handle: Handler): Promise<Server> {
  if (existsSync(path)) unlinkSync(path);
  const server = createServer((sock) => {
    let buf = '';
    sock.setEncoding('utf8');
    sock.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        void reply(line).then((r) => sock.write(JSON.stringify(r) + '\n'));
      }
    });
    sock.on('error', () => sock.destroy());
  });
  const reply = async (line: string): Promise<CommandResult> => {
    try {
      const req = JSON.parse(line) as { argv?: unknown; user?: unknown; face?: unknown };
      if (!Array.isArray(req.argv) || !req.argv.every((a) => typeof a === 'string')) throw new Error('bad request');
      return await handle(req.argv as string[], typeof req.user === 'string' ? req.user : 'hscroot', req.face === 'san' || req.face === 'os' || req.face === 'workload' ? req.face : 'hmc');
    } catch (e) {
      return { stdout: '', stderr: `powervm-sim: ${(e as Error).message}\n`, exit: 1 };
    }
  };
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve(server));
  });
}

/** Send one command to a running simulator; undefined when nothing listens there. */
export function sendControl(path: string, argv: string[], user: string, face: ControlFace = 'hmc'): Promise<CommandResult | undefined> {
  return new Promise((resolve, reject) => {
    if (!existsSync(path)) return resolve(undefined);
    const sock = createConnection(path);
    let buf = '';
    sock.setEncoding('utf8');
    sock.on('connect', () => sock.write(JSON.stringify({ argv, user, face }) + '\n'));
    sock.on('data', (c: string) => {
      buf += c;
      const nl = buf.indexOf('\n');
      if (nl >= 0) { sock.end(); resolve(JSON.parse(buf.slice(0, nl)) as CommandResult); }
    });
    sock.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNREFUSED' || e.code === 'ENOENT' ? resolve(undefined) : reject(e)));
    // The simulator went away before answering: the command was not acknowledged.
    sock.on('close', () => { if (buf.indexOf('\n') < 0) reject(new Error('the simulator closed the control connection without answering')); });
  });
}
