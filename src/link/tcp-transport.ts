// The HMC end of the HMC link over TCP.
import { connect, type Socket } from 'node:net';
import { HmcError } from '../errors/hmc-error.ts';
import type { ErrorKey } from '../errors/catalog.ts';
import type { EventBatch } from '../platform/events.ts';
import type { AuthState, FspArgs, FspOp, FspResult } from './fsp-api.ts';
import { lineReader, parseLinkAddress, type FspToHmc, type HmcToFsp } from './tcp-protocol.ts';
import type { LinkNetwork, LinkTransport } from './transport.ts';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export class TcpTransport implements LinkTransport {
  auth: AuthState = 'failed';
  private seq = 0;
  private readonly pending = new Map<number, Pending>();
  private eventCb: ((b: EventBatch) => void) | null = null;
  private lostCb: (() => void) | null = null;
  private closedByUs = false;
  private constructor(private readonly sock: Socket, private readonly address: string) {}

  /** Connect and authenticate; undefined when nothing answers at the address. */
  static open(address: string, hmcName: string, password: string | null, timeoutMs = 5000): Promise<TcpTransport | undefined> {
    const { host, port } = parseLinkAddress(address);
    return new Promise((resolve) => {
      const sock = connect({ host, port });
      const t = new TcpTransport(sock, address);
      let welcomed = false;
      // A socket idle timeout (not a model timer) bounds how long a silent address is tried.
      sock.setTimeout(timeoutMs, () => { if (!welcomed) { sock.destroy(); resolve(undefined); } });
      sock.setEncoding('utf8');
      sock.setNoDelay(true);
      sock.on('connect', () => t.send({ t: 'hello', hmc: hmcName, password }));
      sock.on('data', lineReader((raw) => {
        const m = raw as FspToHmc;
        if (m.t === 'welcome') { welcomed = true; sock.setTimeout(0); t.auth = m.auth; resolve(t); return; }
        t.receive(m);
      }, () => { sock.destroy(); if (!welcomed) resolve(undefined); }));
      sock.on('error', () => { if (!welcomed) resolve(undefined); });
      sock.on('close', () => t.lost());
    });
  }

  call<K extends FspOp>(op: K, args: FspArgs<K>): Promise<FspResult<K>> {
    if (this.sock.destroyed) return Promise.reject(new HmcError('SYSTEM_STATE', { system: this.address, state: 'No Connection', need: 'Operating' }));
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.send({ t: 'req', id, op, args });
    });
  }
  onEvents(cb: (b: EventBatch) => void): void { this.eventCb = cb; }
  onLost(cb: () => void): void { this.lostCb = cb; }
  close(): void { this.closedByUs = true; this.sock.destroy(); }

  private send(m: HmcToFsp): void { this.sock.write(JSON.stringify(m) + '\n'); }

  private receive(m: FspToHmc): void {
    if (m.t === 'ev') { this.eventCb?.(m.batch); return; }
    if (m.t !== 'rep') return;
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.ok) p.resolve(m.result === null ? undefined : m.result);
    else if ('key' in m.error) p.reject(new HmcError(m.error.key as ErrorKey, m.error.params));
    else p.reject(new Error(`HMC link: ${m.error.internal}`));
  }

  private lost(): void {
    for (const p of this.pending.values()) p.reject(new HmcError('SYSTEM_STATE', { system: this.address, state: 'No Connection', need: 'Operating' }));
    this.pending.clear();
    if (!this.closedByUs) this.lostCb?.();
  }
}

export class TcpNetwork implements LinkNetwork {
  constructor(private readonly hmcName: string) {}
  async connect(address: string, accessPassword: string | null): Promise<LinkTransport | undefined> {
    return TcpTransport.open(address, this.hmcName, accessPassword);
  }
}
