// The headers deadline of natter serve's HTTP server: a connection that sends
// no headers in time is answered 408 and cut, but a request whose headers
// arrived while the server's event loop was busy past the deadline is served
// (Node's own headersTimeout refused it with 408: the 1,000-client fan-out
// under load).
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { enforceHeaderDeadline } from '../../src/node/header-deadline';

const DEADLINE_MS = 200;
let server: Server | null = null;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function listen(onConnection?: () => void): Promise<number> {
  // Node's own check only for whole requests (as natter serve sets it up).
  server = createServer({ headersTimeout: 60_000, requestTimeout: 60_000 }, (_req, res) => res.end('ok'));
  enforceHeaderDeadline(server, DEADLINE_MS);
  if (onConnection) server.on('connection', onConnection);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server!.address() as AddressInfo).port;
}

/** Opens a raw connection, writes `request` at once (if any) and collects the answer until close. */
function exchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      if (request) socket.write(request);
    });
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
  });
}

const GET = 'GET /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n';

describe('request headers deadline', () => {
  it('answers 408 and cuts a connection that sends no headers', async () => {
    const port = await listen();
    expect(await exchange(port, '')).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('answers 408 to headers that stop half-way', async () => {
    const port = await listen();
    expect(await exchange(port, 'GET /x HTTP/1.1\r\nHost: x\r\n')).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('serves a request that arrived while the server was busy past the deadline', async () => {
    let stalled = false;
    const port = await listen(() => {
      if (stalled) return;
      stalled = true;
      // The server is busy (one long turn) between accepting the connection and reading it.
      const until = Date.now() + DEADLINE_MS * 3;
      while (Date.now() < until);
    });
    const answer = await exchange(port, GET);
    expect(stalled).toBe(true);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
  });
});
