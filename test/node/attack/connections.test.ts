// Attacks on what a connection may hold, against a real `natter serve`:
// sockets that never say hello, more sockets than the caps allow (per
// address and in total), and requests dripped a byte at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Socket } from 'node:net';
import type WebSocket from 'ws';
import { closedWithin, openSocket, startAttackServer, tokenFor, Witness, type AttackServer } from './support';

let server: AttackServer;
let witness: Witness;
const PER_ADDRESS = 40;
const TOTAL = 60;

beforeAll(async () => {
  server = await startAttackServer([
    '--hello-timeout',
    '800',
    '--max-connections',
    String(TOTAL),
    '--max-connections-per-ip',
    String(PER_ADDRESS),
    '--headers-timeout',
    '1000',
    '--request-timeout',
    '3000',
  ]);
  witness = new Witness(server.url);
  await witness.before();
}, 30_000);
afterAll(async () => {
  await server.stopAndClean();
});

async function hello(ws: WebSocket, user: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    ws.once('message', (data) => (String(data).includes('"welcome"') ? resolve() : reject(new Error(String(data)))));
    ws.send(JSON.stringify({ v: 1, t: 'hello', token: tokenFor(user) }));
  });
}

describe('idle sockets', () => {
  it('closes every socket that never says hello at the hello deadline (4008)', async () => {
    const sockets: WebSocket[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await openSocket(server.url);
      if (!('ws' in r)) throw new Error(`refused with ${r.status}`);
      sockets.push(r.ws);
    }
    const codes = await Promise.all(sockets.map((ws) => closedWithin(ws, 10_000)));
    expect(codes).toEqual(Array(30).fill(4008));
  });
});

describe('connection caps', () => {
  it('refuses connections past the per-address cap (429) and past the total cap (503), and frees slots on close', async () => {
    const open: WebSocket[] = [];
    try {
      // The witness holds two connections from 127.0.0.1.
      let refusedAt = -1;
      for (let i = 0; i < PER_ADDRESS + 5; i++) {
        const r = await openSocket(server.url, { localAddress: '127.0.0.1' });
        if ('status' in r) {
          expect(r.status).toBe(429);
          refusedAt = i;
          break;
        }
        open.push(r.ws);
        await hello(r.ws, `cap-${i}`);
      }
      expect(refusedAt).toBe(PER_ADDRESS - 2);
      for (let i = 0; i < TOTAL - PER_ADDRESS; i++) {
        const r = await openSocket(server.url, { localAddress: '127.0.0.2' });
        if (!('ws' in r)) throw new Error(`refused with ${r.status} at ${i}`);
        open.push(r.ws);
        await hello(r.ws, `cap-b-${i}`);
      }
      const over = await openSocket(server.url, { localAddress: '127.0.0.3' });
      expect(over).toEqual({ status: 503 });
      const one = open.pop()!;
      one.close();
      await closedWithin(one, 5000);
      // The server counts the slot free once its side of the socket closed.
      let again: Awaited<ReturnType<typeof openSocket>> = { status: 0 };
      for (let i = 0; i < 50 && 'status' in again; i++) {
        again = await openSocket(server.url, { localAddress: '127.0.0.3' });
        if ('status' in again) await new Promise((r) => setTimeout(r, 50));
      }
      expect('ws' in again).toBe(true);
      if ('ws' in again) open.push(again.ws);
    } finally {
      for (const ws of open) ws.terminate();
    }
  });
});

/** Drips `text` one byte every `everyMs` until the server closes; resolves with what it answered. */
function drip(text: string, everyMs: number, boundMs: number): Promise<{ answer: string; bytesSent: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(server.httpUrl);
    const socket: Socket = connect(Number(url.port), url.hostname);
    let answer = '';
    let sent = 0;
    const bound = setTimeout(() => {
      clearInterval(timer);
      socket.destroy();
      reject(new Error(`still open after ${boundMs} ms (${sent} bytes dripped)`));
    }, boundMs);
    const timer = setInterval(() => {
      if (sent < text.length) socket.write(text[sent++]!);
    }, everyMs);
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(bound);
      resolve({ answer, bytesSent: sent });
    });
  });
}

describe('slow requests', () => {
  it('cuts a request whose headers are dripped a byte at a time (headers timeout)', async () => {
    const headers = `GET /health HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(500)}\r\n\r\n`;
    const { answer } = await drip(headers, 50, 8000);
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  });

  it('cuts an upload whose body is dripped a byte at a time (request timeout)', async () => {
    const head = `POST /files?name=a.txt HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${tokenFor('slow')}\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n`;
    // The headers go at once; the body trickles.
    const { answer, bytesSent } = await new Promise<{ answer: string; bytesSent: number }>((resolve, reject) => {
      const url = new URL(server.httpUrl);
      const socket = connect(Number(url.port), url.hostname, () => socket.write(head));
      let answer = '';
      let sent = 0;
      const timer = setInterval(() => {
        if (sent < 1000) {
          socket.write('b');
          sent++;
        }
      }, 50);
      const bound = setTimeout(() => {
        clearInterval(timer);
        socket.destroy();
        reject(new Error('upload still open'));
      }, 10_000);
      socket.on('data', (d) => (answer += d.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(timer);
        clearTimeout(bound);
        resolve({ answer, bytesSent: sent });
      });
    });
    expect(bytesSent).toBeLessThan(1000);
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  });

  it('cuts a TCP connection that sends nothing at all', async () => {
    const { answer } = await drip('', 1000, 8000);
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  });
});

describe('after the attacks', () => {
  it('an ordinary client still sends and receives, and nothing stored was lost', async () => {
    await witness.after();
  });
});
