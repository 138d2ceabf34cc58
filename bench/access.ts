// Access benchmarks (issue "HMC access and resilience" item 8): an SSH command round trip (connect,
// authenticate, run `lssyscfg -r sys`, disconnect), commands per second on one kept-open shell, and the
// HMC link's request rate over TCP, each beside its reference figure or a same-run baseline.
import { createServer, connect, type AddressInfo } from 'node:net';
import ssh2 from 'ssh2';
import { VirtualClock } from '../src/sim/clock.ts';
import { defaultConfig, INSTANT_TIMINGS } from '../src/sim/config.ts';
import { Simulator } from '../src/sim/simulator.ts';
import { startHmcSsh } from '../src/hmc/ssh/hmc-ssh.ts';
import { runSystem } from '../src/sim/system-process.ts';
import { loadLab } from '../src/sim/lab.ts';
import { TcpTransport } from '../src/link/tcp-transport.ts';
import { medianMs, msSince, nowNs } from './measure.ts';
import { info } from './report.ts';
import { fmt } from './report.ts';

/** A real HMC logon takes about 0.56 s (reference/platform.md §14, hmc-mcp measurements). */
const REAL_HMC_LOGON_MS = 560;

function sshRoundTrip(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = new ssh2.Client();
    c.on('ready', () => c.exec('lssyscfg -r sys', (err, stream) => {
      if (err) return reject(err);
      let out = '';
      stream.on('data', (d: Buffer) => { out += d; }).on('close', () => { c.end(); resolve(out); });
    })).on('error', reject).connect({ host: '127.0.0.1', port, username: 'hscroot', password: 'abc123' });
  });
}

function shellRate(port: number, n: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const c = new ssh2.Client();
    c.on('ready', () => (c.setNoDelay(true), c).shell({ term: 'vt100' }, (err, stream) => {
      if (err) return reject(err);
      let buf = '';
      let sent = 0;
      let t0 = 0n;
      stream.on('data', (d: Buffer) => {
        buf += d;
        if (!buf.endsWith(':~> ')) return;
        buf = '';
        if (sent === 0) t0 = nowNs();
        if (sent === n) { const ms = msSince(t0); c.end(); return resolve(n / (ms / 1000)); }
        sent++;
        stream.write('lssyscfg -r sys -F name,state\r');
      });
    })).on('error', reject).connect({ host: '127.0.0.1', port, username: 'hscroot', password: 'abc123' });
  });
}

async function tcpEchoRate(n: number): Promise<number> {
  const server = createServer((s) => s.pipe(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const sock = connect((server.address() as AddressInfo).port, '127.0.0.1');
  await new Promise<void>((r) => sock.once('connect', () => r()));
  sock.setNoDelay(true);
  const t0 = nowNs();
  for (let i = 0; i < n; i++) {
    await new Promise<void>((r) => { sock.once('data', () => r()); sock.write('{"t":"req","id":1,"op":"snapshot","args":{}}\n'); });
  }
  const rate = n / (msSince(t0) / 1000);
  sock.destroy();
  server.close();
  return rate;
}

export async function accessBench(): Promise<void> {
  const sim = await Simulator.open({ memory: true, lab: 'default', config: defaultConfig({ timings: INSTANT_TIMINGS }), clock: new VirtualClock() });
  const ssh = await startHmcSsh(sim.hmc, { hostKeyPath: null, host: '127.0.0.1', port: 0 });
  try {
    const out = await sshRoundTrip(ssh.port);
    if (!out.includes('Server-8286-42A')) throw new Error(`bench aborted: unexpected SSH output ${out}`);
    const rt = await medianMs(() => sshRoundTrip(ssh.port), 3, 15);
    info('SSH round trip: connect, authenticate, lssyscfg -r sys, disconnect (median of 15)', rt, 'ms',
      `a real HMC logon alone takes ~${REAL_HMC_LOGON_MS} ms: ratio ${fmt(rt / REAL_HMC_LOGON_MS)}`);
    const rate = await shellRate(ssh.port, 300);
    info('commands per second on one kept-open shell (lssyscfg -r sys -F name,state)', rate, 'cmd/s');
  } finally {
    await ssh.close();
    sim.close();
  }
  const sys = await runSystem({ hardware: loadLab('default').file.systems[0], dataDir: null, host: '127.0.0.1', port: 0, config: defaultConfig({ timings: INSTANT_TIMINGS }), clock: new VirtualClock(), presetPasswords: true });
  try {
    const link = await TcpTransport.open(sys.address, 'bench', 'Hmc4ccess');
    if (!link || link.auth !== 'ok') throw new Error('bench aborted: the HMC link did not authenticate');
    const n = 2000;
    const t0 = nowNs();
    for (let i = 0; i < n; i++) await link.call('profdata.export', {});
    const seq = n / (msSince(t0) / 1000);
    const t1 = nowNs();
    await Promise.all(Array.from({ length: n }, () => link.call('profdata.export', {})));
    const piped = n / (msSince(t1) / 1000);
    const echo = await tcpEchoRate(n);
    info('HMC link over TCP, sequential requests', seq, 'req/s', `raw loopback TCP echo in the same run: ${fmt(echo)} msg/s, ratio ${fmt(seq / echo)}`);
    info('HMC link over TCP, 2000 requests in flight', piped, 'req/s');
    link.close();
  } finally {
    sys.close();
  }
}
