// Attacks on what requests may cost, against a real `natter serve`: one user
// flooding from many connections, malformed-frame floods, upload floods and
// quota, an oversized upload from a client that reads only after sending,
// deeply nested JSON, and URLs with schemes other than http(s).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import WebSocket from 'ws';
import { ErrorCode } from '../../../src/protocol/errors';
import { RawClient } from '../support/raw-client';
import { closedWithin, startAttackServer, tokenFor, Witness, type AttackServer } from './support';

let server: AttackServer;
let witness: Witness;
const RATE = 20;
const BURST = 40;

beforeAll(async () => {
  server = await startAttackServer([
    '--rate-limit',
    `${RATE},${BURST}`,
    '--upload-rate',
    '2,10',
    '--upload-quota',
    '3000/86400000',
    '--reject-words',
    'forbidden,秘密',
    '--intercept-words',
    'buy now',
  ]);
  witness = new Witness(server.url);
  await witness.before();
}, 30_000);
afterAll(async () => {
  await server.stopAndClean();
});

const text = (msg: string, to = 'victim') => ({
  localId: `${Math.random().toString(36).slice(2)}-${msg.length}`,
  to,
  chatType: 'single',
  body: { type: 'txt', msg },
});

describe('floods across connections', () => {
  it('limits one user across 20 connections to one bucket (burst + rate)', async () => {
    const started = Date.now();
    const conns = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        RawClient.connect(server.url, { token: tokenFor('flooder'), device: `d${i}` }),
      ),
    );
    const answers = await Promise.all(
      conns.flatMap((c) => Array.from({ length: 30 }, (_, j) => c.request('send', text(`flood ${j}`)))),
    );
    const seconds = (Date.now() - started) / 1000;
    const accepted = answers.filter((a) => a.ok).length;
    const limited = answers.filter((a) => a.code === ErrorCode.RATE_LIMITED).length;
    expect(accepted + limited).toBe(600);
    // A per-connection limit would have let all 600 through.
    expect(accepted).toBeLessThanOrEqual(BURST + Math.ceil(RATE * seconds) + RATE);
    expect(accepted).toBeGreaterThanOrEqual(BURST - 20);
    await Promise.all(conns.map((c) => c.close()));
  });

  it('closes a connection flooding malformed frames (4006) long before 10,000 are answered', async () => {
    const mallory = await RawClient.connect(server.url, { token: tokenFor('mallory') });
    for (let i = 0; i < 10_000 && mallory.ws.readyState === WebSocket.OPEN; i++)
      mallory.ws.send('{"this is": not json');
    const code = await closedWithin(mallory.ws, 10_000);
    expect(mallory.frames.find((f) => f.t === 'bye')).toMatchObject({ code: ErrorCode.TOO_MANY_MALFORMED });
    expect(code).not.toBe(1000);
    expect(mallory.frames.filter((f) => f.t === 'err').length).toBeLessThan(BURST + RATE * 10);
  });
});

async function upload(user: string, body: Uint8Array<ArrayBuffer>): Promise<{ status: number; code?: number }> {
  const res = await fetch(`${server.httpUrl}/files?name=a.txt`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokenFor(user)}`, 'Content-Type': 'text/plain' },
    body: new Blob([body]),
  });
  const json = (await res.json()) as { code?: number };
  return { status: res.status, ...(json.code !== undefined ? { code: json.code } : {}) };
}

describe('uploads', () => {
  it('limits the upload rate per user (509 / HTTP 429 past the burst)', async () => {
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 60 }, () => upload('uploader', new TextEncoder().encode('x'))),
    );
    const seconds = (Date.now() - started) / 1000;
    const ok = results.filter((r) => r.status === 201).length;
    expect(ok).toBeLessThanOrEqual(10 + Math.ceil(2 * seconds) + 2);
    expect(results.filter((r) => r.status === 429 && r.code === ErrorCode.RATE_LIMITED).length).toBe(60 - ok);
  });

  it('refuses uploads past the per-user byte quota (4152)', async () => {
    const kb = new Uint8Array(1000).fill(0x61);
    expect((await upload('hoarder', kb)).status).toBe(201);
    expect((await upload('hoarder', kb)).status).toBe(201);
    expect((await upload('hoarder', kb)).status).toBe(201);
    expect(await upload('hoarder', kb)).toEqual({ status: 429, code: ErrorCode.QUOTA_EXCEEDED });
    // Someone else's quota is their own.
    expect((await upload('other-user', kb)).status).toBe(201);
  });

  it('answers an 11 MiB upload (limit 10 MiB) with 413 and code 511 to a client that reads only after sending', async () => {
    const total = 11 * 1024 * 1024;
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await new Promise<{ head: string; body: string; error: string }>((resolve) => {
        const url = new URL(server.httpUrl);
        const socket = connect(Number(url.port), url.hostname);
        let answer = '';
        let error = '';
        // Like many HTTP libraries: nothing is read until the whole body is written.
        socket.pause();
        socket.on('data', (d) => (answer += d.toString()));
        socket.on('error', (e) => (error = String(e)));
        socket.on('close', () =>
          resolve({ head: answer.split('\r\n')[0] ?? '', body: answer.split('\r\n\r\n')[1] ?? '', error }),
        );
        socket.write(
          `POST /files?name=big.txt HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${tokenFor('big')}\r\nContent-Type: text/plain\r\nContent-Length: ${total}\r\n\r\n`,
        );
        const chunk = Buffer.alloc(256 * 1024, 0x62);
        let sent = 0;
        const pump = (): void => {
          if (socket.destroyed) return;
          if (sent >= total) {
            socket.resume();
            return;
          }
          sent += chunk.length;
          socket.write(chunk, () => setTimeout(pump, 1));
        };
        pump();
      });
      expect(result.error).toBe('');
      expect(result.head).toBe('HTTP/1.1 413 Payload Too Large');
      expect(JSON.parse(result.body)).toMatchObject({ code: ErrorCode.TOO_LARGE });
    }
  }, 60_000);
});

describe('hostile frames', () => {
  it('answers a send whose ext nests 100,000 levels with 4004 for that request', async () => {
    const c = await RawClient.connect(server.url, { token: tokenFor('nester') });
    // 100,000 levels in 200 KB: under the frame limit.
    const ext = `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    c.ws.send(
      `{"v":1,"t":"req","id":"deep","op":"send","p":{"localId":"deep-1","to":"bob","chatType":"single","body":{"type":"txt","msg":"hi"},"ext":${ext}}}`,
    );
    await c.until(() => c.frames.some((f) => (f.t === 'err' || f.t === 'ok') && f.id === 'deep'));
    expect(c.frames.find((f) => f.t === 'err' && f.id === 'deep')).toMatchObject({ code: ErrorCode.TOO_DEEP });
    expect((await c.request('send', text('still serving'))).ok).toBe(true);
    // A frame too large to parse is still answered for its request id.
    c.ws.send(
      `{"v":1,"t":"req","id":"huge","op":"send","p":{"localId":"huge-1","to":"bob","chatType":"single","body":{"type":"txt","msg":"${'x'.repeat(600 * 1024)}"}}}`,
    );
    await c.until(() => c.frames.some((f) => f.t === 'err' && f.id === 'huge'));
    expect(c.frames.find((f) => f.t === 'err' && f.id === 'huge')).toMatchObject({ code: ErrorCode.TOO_LARGE });
    await c.close();
  });

  it('refuses javascript:, data: and other non-http(s) URLs in image and file bodies (4005)', async () => {
    const c = await RawClient.connect(server.url, { token: tokenFor('linker') });
    const urls = [
      'javascript:alert(document.cookie)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'data:image/svg+xml,<svg onload=alert(1)>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'blob:http://x/1',
    ];
    for (const url of urls) {
      for (const type of ['img', 'file'] as const) {
        const a = await c.request('send', {
          localId: `${type}-${url}`.slice(0, 100),
          to: 'victim',
          chatType: 'single',
          body: { type, url, name: 'x', size: 1, mime: 'image/png' },
        });
        expect([url, type, a.code]).toEqual([url, type, ErrorCode.URL_NOT_ALLOWED]);
      }
    }
    const ok = await c.request('send', {
      localId: 'https-ok',
      to: 'victim',
      chatType: 'single',
      body: { type: 'img', url: 'https://cdn.example/cat.png', name: 'cat.png', size: 1, mime: 'image/png' },
    });
    expect(ok.ok).toBe(true);
    await c.close();
  });

  it('refuses words on the reject list with 501 and the intercept list with 502', async () => {
    const c = await RawClient.connect(server.url, { token: tokenFor('speaker') });
    expect((await c.request('send', text('this is FORBIDDEN talk'))).code).toBe(ErrorCode.SENSITIVE_WORDS);
    expect((await c.request('send', text('一个秘密'))).code).toBe(ErrorCode.SENSITIVE_WORDS);
    expect((await c.request('send', text('Buy now, cheap!'))).code).toBe(ErrorCode.INTERCEPTED);
    expect((await c.request('send', text('a harmless line'))).ok).toBe(true);
    await c.close();
  });
});

describe('after the attacks', () => {
  it('an ordinary client still sends and receives, and nothing stored was lost', async () => {
    await witness.after();
  });
});
