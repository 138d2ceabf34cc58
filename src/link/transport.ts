// The HMC link's transports (DESIGN.md): a message protocol carried in-process (the default) or over TCP
// (the access issue). Everything crosses as plain data: arguments, results and events are cloned, and
// errors travel as catalog keys, so the HMC holds no reference into the managed system.
import { HmcError, isHmcError } from '../errors/hmc-error.ts';
import type { EventBatch } from '../platform/events.ts';
import type { FspService } from '../platform/fsp/fsp-service.ts';
import type { FspArgs, FspOp, FspResult } from './fsp-api.ts';

export interface LinkTransport {
  call<K extends FspOp>(op: K, args: FspArgs<K>): Promise<FspResult<K>>;
  onEvents(cb: (b: EventBatch) => void): void;
  close(): void;
}

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

export class InProcessTransport implements LinkTransport {
  private unsubscribe: (() => void) | null = null;
  private closed = false;
  constructor(private readonly service: FspService) {}
  async call<K extends FspOp>(op: K, args: FspArgs<K>): Promise<FspResult<K>> {
    if (this.closed) throw new Error('HMC link closed');
    try {
      return clone(this.service.handle(op, clone(args)));
    } catch (e) {
      if (isHmcError(e)) throw new HmcError(e.key, { ...e.params });
      throw e;
    }
  }
  onEvents(cb: (b: EventBatch) => void): void {
    this.unsubscribe?.();
    this.unsubscribe = this.service.system.on((b) => { if (!this.closed) cb(clone(b)); });
  }
  close(): void {
    this.closed = true;
    this.unsubscribe?.();
  }
}

/** Where an HMC finds a system's FSP by IP address: the lab's private service network. */
export interface LinkNetwork {
  connect(ip: string): LinkTransport | undefined;
}

export class InProcessNetwork implements LinkNetwork {
  private readonly fsps = new Map<string, FspService>();
  register(service: FspService): void { this.fsps.set(service.fspIp, service); }
  unregister(ip: string): void { this.fsps.delete(ip); }
  services(): FspService[] { return [...this.fsps.values()]; }
  connect(ip: string): LinkTransport | undefined {
    const s = this.fsps.get(ip);
    return s ? new InProcessTransport(s) : undefined;
  }
}
