// The HMC link's framing must survive a peer that does not speak it (an HTTP server on the address).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { lineReader } from '../../src/link/tcp-protocol.ts';
import { TcpNetwork } from '../../src/link/tcp-transport.ts';

test('lineReader passes JSON lines and reports the first foreign line once', () => {
  const got: unknown[] = [], bad: string[] = [];
  const feed = lineReader((m) => got.push(m), (why) => bad.push(why));
  feed('{"t":"a"}\n{"t":');
  feed('"b"}\nHTTP/1.1 400 Bad Request\r\n{"t":"c"}\n');
  feed('{"t":"d"}\n');
  assert.deepEqual(got, [{ t: 'a' }, { t: 'b' }]);
  assert.equal(bad.length, 1);
  assert.match(bad[0], /not an HMC link message: HTTP/);
});

test('connecting to something that answers HTTP fails the connection, not the process', async () => {
  const server = createServer((s) => { s.on('data', () => s.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n')); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const port = (server.address() as AddressInfo).port;
    const link = await new TcpNetwork('hmc01').connect(`127.0.0.1:${port}`, 'pw');
    assert.equal(link, undefined);
  } finally { server.close(); }
});
