// The HMC link's transports (DESIGN.md): a message protocol carried in-process (the default for the lab)
// or over TCP (systems running as their own processes, tcp-transport.ts). Everything crosses as plain
// data: arguments, results and events are cloned, and errors travel as catalog keys, so the HMC holds no
// reference into the managed system.
import { HmcError, isHmcError } from '../errors/hmc-error.ts';
import type { EventBatch } from '../platform/events.ts';
import type { FspService, FspSession } from '../platform/fsp/fsp-service.ts';
import type { AuthState, FspArgs, FspOp, FspResult } from './fsp-api.ts';

export interface LinkTransport {
  /** How the FSP judged this HMC's access password when the link came up. */
  readonly auth: AuthState;
  call<K extends FspOp>(op: K, args: FspArgs<K>): Promise<FspResult<K>>;
  onEvents(cb: (b: EventBatch) => void): void;
  /** Called once when the link is lost (not when closed by the HMC). */
  onLost(cb: () => void): void;
  close(): void;
}

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

export class InProcessTransport implements LinkTransport {
  private unsubscribe: (() => void) | null = null;
  private closed = false;
  constructor(private readonly session: FspSession) {}
  get auth(): AuthState { return this.session.auth; }
  async call<K extends FspOp>(op: K, args: FspArgs<K>): Promise<FspResult<K>> {
    if (this.closed) throw new HmcError('SYSTEM_STATE', { system: this.session.system.name, state: 'No Connection', need: 'Operating' });
    try {
      return clone(this.session.handle(op, clone(args)));
    } catch (e) {
      if (isHmcError(e)) throw new HmcError(e.key, { ...e.params });
      throw e;
    }
  }
  onEvents(cb: (b: EventBatch) => void): void {
    this.unsubscribe?.();
    this.unsubscribe = this.session.onEvents((b) => { if (!this.closed) cb(clone(b)); });
  }
  onLost(): void { /* an in-process link is never lost */ }
  close(): void {
    this.closed = true;
    this.unsubscribe?.();
  }
}

/** Where an HMC finds a system's FSP by address: the lab's private service network, or TCP. */
export interface LinkNetwork {
  connect(address: string, accessPassword: string | null): Promise<LinkTransport | undefined>;
}

export class InProcessNetwork implements LinkNetwork {
  private readonly fsps = new Map<string, FspService>();
  constructor(private readonly fallback?: LinkNetwork, private readonly hmcName = 'hmc') {}
  register(service: FspService): void { this.fsps.set(service.fspIp, service); }
  unregister(ip: string): void { this.fsps.delete(ip); }
  services(): FspService[] { return [...this.fsps.values()]; }
  async connect(address: string, accessPassword: string | null): Promise<LinkTransport | undefined> {
    const s = this.fsps.get(address);
    if (s) return new InProcessTransport(s.openSession(accessPassword, this.hmcName));
    return this.fallback?.connect(address, accessPassword);
  }
}
