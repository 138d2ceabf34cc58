// The FSP end of the HMC link over TCP: each connection is one HMC session.
import { createServer, type Server, type Socket } from 'node:net';
import { isHmcError } from '../errors/hmc-error.ts';
import type { FspService, FspSession } from '../platform/fsp/fsp-service.ts';
import type { FspOp } from './fsp-api.ts';
import { lineReader, type FspToHmc, type HmcToFsp } from './tcp-protocol.ts';

export function serveLink(service: FspService, host: string, port: number): Promise<Server> {
  const server = createServer((sock) => handleConnection(service, sock));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

function handleConnection(service: FspService, sock: Socket): void {
  let session: FspSession | null = null;
  let unsubscribe: (() => void) | null = null;
  const send = (m: FspToHmc): void => { if (!sock.destroyed) sock.write(JSON.stringify(m) + '\n'); };
  sock.setEncoding('utf8');
  sock.setNoDelay(true);
  sock.on('data', lineReader((raw) => {
    const m = raw as HmcToFsp;
    if (m.t === 'hello') {
      session = service.openSession(m.password, m.hmc);
      unsubscribe?.();
      unsubscribe = session.onEvents((batch) => send({ t: 'ev', batch }));
      send({ t: 'welcome', auth: session.auth, mtms: service.system.mtms });
      return;
    }
    if (m.t !== 'req' || !session) return void sock.destroy();
    try {
      const result = session.handle(m.op as FspOp, m.args as never);
      send({ t: 'rep', id: m.id, ok: true, result: result ?? null });
    } catch (e) {
      send({ t: 'rep', id: m.id, ok: false, error: isHmcError(e) ? e.toWire() : { internal: String((e as Error).message) } });
    }
  }, () => sock.destroy()));
  const end = (): void => { unsubscribe?.(); unsubscribe = null; };
  sock.on('close', end);
  sock.on('error', () => sock.destroy());
}
