// An SSH terminal for end-to-end tests (a real ssh2 client on 127.0.0.1), and a way to let the network and
// the virtual clock run until something shows up on it.
import assert from 'node:assert/strict';
import ssh2 from 'ssh2';
import type { TestSim } from './sim.ts';

/** One SSH channel with a pty (or an exec without one) and everything it has printed. */
export class Term {
  out = '';
  exit: number | null = null;
  closed = false;
  private constructor(readonly client: ssh2.Client, readonly stream: ssh2.ClientChannel) {
    stream.on('data', (d: Buffer) => { this.out += d.toString(); });
    stream.on('exit', (code: number) => { this.exit = code; });
    stream.on('close', () => { this.closed = true; client.end(); });
  }
  static open(port: number, how: { exec?: string; pty?: boolean }): Promise<Term> {
    return new Promise((resolve, reject) => {
      const c = new ssh2.Client();
      c.on('ready', () => {
        const done = (err: Error | undefined, st: ssh2.ClientChannel): void => (err ? reject(err) : resolve(new Term(c, st)));
        if (how.exec !== undefined) c.exec(how.exec, how.pty ? { pty: { term: 'vt100' } } : {}, done);
        else c.shell({ term: 'vt100' }, done);
      }).on('error', reject).connect({ host: '127.0.0.1', port, username: 'hscroot', password: 'abc123' });
    });
  }
  type(s: string): void { this.stream.write(s); }
  /** Output printed since `from`. */
  since(from: number): string { return this.out.slice(from); }
}

/**
 * Let the network and the virtual clock run until `done` holds: each round lets pending I/O complete and then
 * moves simulated time by `stepMs` (the HMC polls the console every 50 ms of simulated time).
 */
export async function until(t: TestSim, done: () => boolean, what: string, stepMs = 50, maxRounds = 1000): Promise<void> {
  for (let i = 0; i < maxRounds; i++) {
    if (done()) return;
    for (let k = 0; k < 5; k++) await new Promise((r) => setImmediate(r));
    if (done()) return;
    t.clock.advance(stepMs);
  }
  assert.fail(`timed out waiting for ${what}`);
}

