// The HMC link over TCP: newline-delimited JSON messages. The HMC opens with `hello` carrying its access
// password; the FSP answers `welcome` with its verdict, then serves `req`s with `rep`s and pushes `ev`
// event batches. (The real link is a proprietary protocol on the private service network; this one keeps
// its shape: authenticate, request/response, asynchronous events.)
import type { EventBatch } from '../platform/events.ts';
import type { AuthState } from './fsp-api.ts';

export type HmcToFsp =
  | { t: 'hello'; hmc: string; password: string | null }
  | { t: 'req'; id: number; op: string; args: unknown };

export type FspToHmc =
  | { t: 'welcome'; auth: AuthState; mtms: string }
  | { t: 'rep'; id: number; ok: true; result: unknown }
  | { t: 'rep'; id: number; ok: false; error: { key: string; params: Record<string, string | number> } | { internal: string } }
  | { t: 'ev'; batch: EventBatch };

export const DEFAULT_LINK_PORT = 30000;

/** A peer may send at most this much without a line end before it is judged not to speak the protocol. */
const MAX_LINE = 256 * 1024 * 1024;

/**
 * Splits a byte stream into JSON messages, one per line. A peer that does not speak the protocol (a line
 * that is not JSON, or no line end at all) gets `onBad` once and nothing more is read from it: whatever
 * answers on an address must never crash the HMC or the FSP.
 */
export function lineReader(onMessage: (m: unknown) => void, onBad: (why: string) => void): (chunk: string) => void {
  let buf = '';
  let bad = false;
  return (chunk) => {
    if (bad) return;
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!line.trim()) continue;
      let m: unknown;
      try { m = JSON.parse(line); } catch { bad = true; return onBad(`not an HMC link message: ${line.slice(0, 40)}`); }
      if (typeof m !== 'object' || m === null) { bad = true; return onBad('not an HMC link message'); }
      onMessage(m);
    }
    if (buf.length > MAX_LINE) { bad = true; onBad('message too long'); }
  };
}

/** `10.1.2.3`, `10.1.2.3:30001`, `[::1]:30001`, `localhost:30001` → host and port. */
export function parseLinkAddress(address: string): { host: string; port: number } {
  const m = /^\[([^\]]+)\]:(\d+)$/.exec(address) ?? /^([^:]+):(\d+)$/.exec(address);
  if (m) return { host: m[1], port: Number(m[2]) };
  return { host: address, port: DEFAULT_LINK_PORT };
}
