// The HMC's SSH server (hmc-cli.md §1): password, keyboard-interactive and public-key logins; one command
// per exec request (Ansible, hmc-mcp, HMC Scanner), and an interactive PTY shell with the HMC prompt that
// echoes input (fence_lpar). Exit statuses pass through to the channel. Idle and session timeouts run on
// the injected clock.
import ssh2 from 'ssh2';
import type { AddressInfo } from 'node:net';
import type { Clock, TimerHandle } from '../../sim/clock.ts';
import { LineEditor } from './line-editor.ts';
import { RawPort, type RawProgram } from './raw-terminal.ts';

const { Server, utils } = ssh2;

export interface ShellIO { stdout: string; stderr: string; exit: number }
export interface LineShell {
  run(line: string): Promise<ShellIO>;
  readonly exited: boolean;
  /** A program the last line started that takes the terminal over raw (mkvterm's console), if any. */
  takeRaw?(): RawProgram | null;
}

export type AuthVerdict = { ok: true } | { ok: false; reason: string };
export interface SshAuthenticator {
  password(user: string, password: string): AuthVerdict;
  /** OpenSSH-format public key lines authorized for the user. */
  authorizedKeys(user: string): string[];
  /** May this user log in over SSH at all (exists, enabled, remote_ssh_access=1, not locked)? */
  maySsh(user: string): AuthVerdict;
}

export interface SshServerOptions {
  hostKey: string;
  hostname: string;
  clock: Clock;
  auth: SshAuthenticator;
  /** `tty`: the session has a pty, so a command may take the terminal over (mkvterm). */
  newShell(user: string, tty: boolean): LineShell;
  timeouts(user: string): { idleMs: number; sessionMs: number };
  /** Audit hook: a login attempt and its outcome. */
  onLogin?(user: string, method: string, ok: boolean, from: string): void;
}

export interface RunningSsh { port: number; close(): Promise<void> }

export function startSshServer(o: SshServerOptions, host: string, port: number): Promise<RunningSsh> {
  // Open connections, so that stopping the server ends them instead of waiting for every client to leave.
  const clients = new Set<ssh2.Connection>();
  const server = new Server({ hostKeys: [o.hostKey] }, (client, info) => {
    clients.add(client);
    client.on('close', () => clients.delete(client));
    // Small interactive writes (echo, prompt) must not wait for Nagle's algorithm.
    (client as unknown as { setNoDelay(b: boolean): void }).setNoDelay(true);
    let user = '';
    client.on('authentication', (ctx) => {
      const allowed: ssh2.AuthenticationType[] = ['password', 'keyboard-interactive', 'publickey'];
      const gate = o.auth.maySsh(ctx.username);
      if (ctx.method === 'password') {
        const v = o.auth.password(ctx.username, ctx.password);
        o.onLogin?.(ctx.username, 'password', v.ok, info.ip);
        if (v.ok) { user = ctx.username; return ctx.accept(); }
        return ctx.reject(allowed);
      }
      if (ctx.method === 'keyboard-interactive') {
        return ctx.prompt([{ prompt: 'Password: ', echo: false }], (answers) => {
          const v = o.auth.password(ctx.username, answers[0] ?? '');
          o.onLogin?.(ctx.username, 'keyboard-interactive', v.ok, info.ip);
          if (v.ok) { user = ctx.username; ctx.accept(); } else ctx.reject(allowed);
        });
      }
      if (ctx.method === 'publickey' && gate.ok) {
        const match = o.auth.authorizedKeys(ctx.username).some((line) => {
          const k = utils.parseKey(line);
          return !(k instanceof Error) && k.getPublicSSH().equals(ctx.key.data);
        });
        if (!match) return ctx.reject(allowed);
        if (!ctx.signature) return ctx.accept(); // the client asks whether this key would do
        const k = utils.parseKey(ctx.key.data);
        if (!(k instanceof Error) && ctx.blob && k.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true) {
          o.onLogin?.(ctx.username, 'publickey', true, info.ip);
          user = ctx.username;
          return ctx.accept();
        }
        return ctx.reject(allowed);
      }
      return ctx.reject(allowed);
    });

    client.on('ready', () => {
      const { idleMs, sessionMs } = o.timeouts(user);
      let idleTimer: TimerHandle | null = null;
      const timers: TimerHandle[] = [];
      const end = (): void => { try { client.end(); } catch { /* already closed */ } };
      const touch = (): void => {
        if (idleTimer) o.clock.cancel(idleTimer);
        if (idleMs > 0) idleTimer = o.clock.schedule(o.clock.now() + idleMs, end, { background: true });
      };
      if (sessionMs > 0) timers.push(o.clock.schedule(o.clock.now() + sessionMs, end, { background: true }));
      touch();
      client.on('close', () => { if (idleTimer) o.clock.cancel(idleTimer); for (const t of timers) o.clock.cancel(t); });

      client.on('session', (acceptSession) => {
        const session = acceptSession();
        let pty = false;
        session.on('pty', (accept) => { pty = true; accept?.(); });
        session.on('env', (accept) => accept?.());
        session.on('window-change', (accept) => accept?.());
        session.on('exec', (accept, _reject, info) => {
          const stream = accept();
          touch();
          const shell = o.newShell(user, pty);
          const port = new RawPort((t) => stream.write(t), new Promise((r) => stream.once('close', () => r())));
          stream.on('data', (d: Buffer) => { touch(); port.feed(d.toString('utf8')); });
          void shell.run(info.command).then(async (r) => {
            const out = (s: string): string => (pty ? s.replace(/\r?\n/g, '\r\n') : s);
            if (r.stdout) stream.write(out(r.stdout));
            if (r.stderr) (pty ? stream : stream.stderr).write(out(r.stderr));
            const raw = shell.takeRaw?.();
            if (raw) await port.run(raw);
            stream.exit(r.exit);
            stream.end();
          }, () => { stream.exit(1); stream.end(); });
        });
        session.on('shell', (accept) => {
          const stream = accept();
          const shell = o.newShell(user, pty);
          const port = new RawPort((t) => stream.write(t), new Promise((r) => stream.once('close', () => r())));
          const prompt = `${user}@${o.hostname}:~> `;
          let closed = false;
          const close = (): void => { if (!closed) { closed = true; stream.exit(0); stream.end(); } };
          const editor = new LineEditor({
            write: (t) => { if (!closed) stream.write(t); },
            onEof: () => { stream.write('logout\r\n'); close(); },
            onLine: async (line) => {
              touch();
              if (line.trim() !== '') {
                const r = await shell.run(line);
                // In a terminal, output and errors reach the same screen; every line ends before the prompt.
                const text = (r.stdout + r.stderr).replace(/\r?\n/g, '\r\n');
                if (!closed) stream.write(text && !text.endsWith('\r\n') ? `${text}\r\n` : text);
                const raw = shell.takeRaw?.();
                if (raw && !closed) await port.run(raw); // mkvterm: the console has the terminal until it ends
                if (shell.exited) return close(); // exit, quit or logout (fence_lpar sends quit)
              }
              if (!closed) stream.write(prompt);
            },
          });
          stream.on('data', (d: Buffer) => { touch(); const t = d.toString('utf8'); if (!port.feed(t)) editor.feed(t); });
          stream.write(prompt);
        });
      });
    });
    client.on('error', () => { /* a client that vanishes mid-handshake is not our failure */ });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address() as AddressInfo;
      resolve({
        port: addr.port,
        close: () => new Promise((r) => {
          server.close(() => r());
          for (const c of clients) { try { c.end(); } catch { /* already gone */ } }
        }),
      });
    });
  });
}
