// What one connection may cost the core, on the embedded server: deep JSON is
// answered (4004) instead of escaping, body URLs other than http(s) or the
// server's own files are refused (4005), a silent connection is ended at the
// hello deadline, the rate is per user across connections, malformed frames
// count against it, and a token's expiry ends the session unless renewed.
import { describe, expect, it } from 'vitest';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import { createManualClock } from '../../src/server/clock';
import { ErrorCode } from '../../src/protocol/errors';
import type { HelloFrame } from '../../src/protocol/frames';
import type { Transport } from '../../src/protocol/link';
import type { AuthResult } from '../../src/server/server-options';
import { RawClient, localId, login } from './raw-client';

async function loginWith(transport: Transport, token: string): Promise<RawClient> {
  const c = new RawClient(transport);
  c.send({ v: 1, t: 'hello', token });
  const w = await c.waitFor((f) => f.t === 'welcome' || f.t === 'err');
  if (w.t !== 'welcome') throw new Error(`login failed: ${JSON.stringify(w)}`);
  return c;
}

function nested(depth: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

describe('deep nesting', () => {
  it('answers a send whose ext nests 100,000 levels with 4004 for that request, and keeps serving', async () => {
    const errors: unknown[] = [];
    const server = createEmbeddedServer({ onError: (e) => errors.push(e), limits: { maxFrameBytes: 4 * 1024 * 1024 } });
    const alice = await login(server.connect(), 'alice');
    // Written by hand: JSON.stringify itself cannot go this deep.
    const ext = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    alice.sendRaw(
      `{"v":1,"t":"req","id":"deep","op":"send","p":{"localId":"${localId()}","to":"bob","chatType":"single","body":{"type":"txt","msg":"hi"},"ext":${ext}}}`,
    );
    const deep = await alice.waitFor((f) => (f.t === 'err' || f.t === 'ok') && f.id === 'deep');
    expect(deep).toMatchObject({ t: 'err', code: ErrorCode.TOO_DEEP });
    const shallow = await alice.call('send', {
      localId: localId(),
      to: 'bob',
      chatType: 'single',
      body: { type: 'txt', msg: 'hi' },
      ext: nested(20) as Record<string, unknown>,
    });
    expect(shallow.t).toBe('ok');
    expect(errors).toEqual([]);
    server.close();
  });
});

describe('URLs in message bodies', () => {
  it('refuses javascript:, data:, blob:, relative and disguised URLs with 4005 and stores http(s) ones', async () => {
    const server = createEmbeddedServer({});
    const alice = await login(server.connect(), 'alice');
    const img = (url: string) => ({
      localId: localId(),
      to: 'bob',
      chatType: 'single' as const,
      body: { type: 'img' as const, url, name: 'x.png', size: 1, mime: 'image/png' },
    });
    for (const url of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'blob:https://x/1',
      'vbscript:msgbox',
      '//evil.example/x.png',
      'files/x',
    ]) {
      expect([url, await alice.code('send', img(url))]).toEqual([url, ErrorCode.URL_NOT_ALLOWED]);
    }
    const video = {
      localId: localId(),
      to: 'bob',
      chatType: 'single' as const,
      body: {
        type: 'video' as const,
        url: 'https://cdn.example/v.mp4',
        name: 'v.mp4',
        size: 1,
        mime: 'video/mp4',
        thumb: 'javascript:alert(1)',
      },
    };
    expect(await alice.code('send', video)).toBe(ErrorCode.URL_NOT_ALLOWED);
    expect((await alice.call('send', img('https://cdn.example/cat.png'))).t).toBe('ok');
    expect((await alice.call('send', img('http://cdn.example/cat.png'))).t).toBe('ok');
    const history = await alice.ok('history', { conversation: 'single:bob' });
    expect(history.messages.map((m) => (m.body as { url: string }).url).sort()).toEqual([
      'http://cdn.example/cat.png',
      'https://cdn.example/cat.png',
    ]);
    server.close();
  });

  it('accepts the URL of a file this server stored, even without its fileId', async () => {
    const server = createEmbeddedServer({ fileUrl: (id) => `/files/${id}` });
    const alice = await login(server.connect(), 'alice');
    const file = await server.core.putFile('alice', {
      name: 'a.txt',
      mime: 'text/plain',
      bytes: new TextEncoder().encode('hello'),
    });
    const r = await alice.call('send', {
      localId: localId(),
      to: 'bob',
      chatType: 'single',
      body: { type: 'file', url: file.url, name: 'a.txt', size: 5, mime: 'text/plain' },
    });
    expect(r.t).toBe('ok');
    const forged = await alice.code('send', {
      localId: localId(),
      to: 'bob',
      chatType: 'single',
      body: { type: 'file', url: '/files/not-a-stored-file', name: 'a.txt', size: 5, mime: 'text/plain' },
    });
    expect(forged).toBe(ErrorCode.URL_NOT_ALLOWED);
    server.close();
  });
});

describe('hello deadline', () => {
  it('ends a connection that never says hello (4008), and not one that did', async () => {
    const clock = createManualClock();
    const server = createEmbeddedServer({ clock, helloTimeoutMs: 5000 });
    const silent = new RawClient(server.connect());
    const alice = await login(server.connect(), 'alice');
    clock.advance(4999);
    expect(silent.closed).toBeNull();
    clock.advance(1);
    expect(await silent.waitFor((f) => f.t === 'bye')).toMatchObject({ code: ErrorCode.HELLO_TIMEOUT });
    clock.advance(60_000);
    expect(alice.closed).toBeNull();
    expect((await alice.call('conversations', {})).t).toBe('ok');
    server.close();
  });
});

describe('rate limits', () => {
  it('charges one user across all of their connections', async () => {
    const clock = createManualClock();
    const server = createEmbeddedServer({ clock, rateLimit: { perSecond: 1, burst: 10 } });
    const conns = await Promise.all([0, 1, 2, 3].map((i) => login(server.connect(), 'alice', { device: `d${i}` })));
    const bob = await login(server.connect(), 'bob');
    const answers = await Promise.all(
      conns.flatMap((c) =>
        Array.from({ length: 10 }, () =>
          c.call('send', { localId: localId(), to: 'carol', chatType: 'single', body: { type: 'txt', msg: 'x' } }),
        ),
      ),
    );
    expect(answers.filter((a) => a.t === 'ok')).toHaveLength(10);
    expect(answers.filter((a) => a.t === 'err').map((a) => (a.t === 'err' ? a.code : 0))).toEqual(
      Array(30).fill(ErrorCode.RATE_LIMITED),
    );
    // Another user has a bucket of their own.
    expect((await bob.call('conversations', {})).t).toBe('ok');
    server.close();
  });

  it('counts malformed frames: one past the rate closes the connection (4006)', async () => {
    const clock = createManualClock();
    const server = createEmbeddedServer({ clock, rateLimit: { perSecond: 1, burst: 20 } });
    const mallory = await login(server.connect(), 'mallory');
    for (let i = 0; i < 100 && !mallory.closed; i++) mallory.sendRaw('{not json');
    await mallory.waitFor((f) => f.t === 'bye');
    const errs = mallory.frames.filter((f) => f.t === 'err');
    expect(errs.length).toBe(21);
    expect(mallory.frames.at(-1)).toMatchObject({ t: 'bye', code: ErrorCode.TOO_MANY_MALFORMED });
    expect(mallory.closed).not.toBeNull();
    server.close();
  });
});

describe('token lifetime', () => {
  // Tokens here are `<user>:<expiresAt>`; the point is what the session does with expiresAt.
  const authenticate = (hello: HelloFrame): AuthResult => {
    const [user, exp] = (hello.token ?? '').split(':');
    return user && exp ? { user, expiresAt: Number(exp) } : { code: ErrorCode.TOKEN_INVALID };
  };

  it('asks for renewal ahead of expiry and ends the session at expiry (4011)', async () => {
    const clock = createManualClock();
    const server = createEmbeddedServer({ clock, authenticate, tokenRenewAheadMs: 30_000 });
    const alice = await loginWith(server.connect(), `alice:${clock.now() + 120_000}`);
    clock.advance(89_999);
    expect(alice.frames.some((f) => f.t === 'expiring')).toBe(false);
    clock.advance(1);
    expect(await alice.waitFor((f) => f.t === 'expiring')).toEqual({
      v: 1,
      t: 'expiring',
      expiresAt: clock.now() + 30_000,
    });
    expect((await alice.call('conversations', {})).t).toBe('ok');
    clock.advance(30_000);
    expect(await alice.waitFor((f) => f.t === 'bye')).toMatchObject({ code: ErrorCode.TOKEN_EXPIRED });
    server.close();
  });

  it("keeps the session when the token is renewed (auth.renew), and refuses another user's token (4014)", async () => {
    const clock = createManualClock();
    const server = createEmbeddedServer({ clock, authenticate });
    const alice = await loginWith(server.connect(), `alice:${clock.now() + 120_000}`);
    const fresh = clock.now() + 3_600_000;
    expect(await alice.ok('auth.renew', { token: `alice:${fresh}` })).toEqual({ expiresAt: fresh });
    expect(await alice.code('auth.renew', { token: `bob:${fresh}` })).toBe(ErrorCode.TOKEN_USER_MISMATCH);
    expect(await alice.code('auth.renew', { token: 'garbage' })).toBe(ErrorCode.TOKEN_INVALID);
    clock.advance(600_000);
    expect(alice.closed).toBeNull();
    expect((await alice.call('conversations', {})).t).toBe('ok');
    clock.advance(3_000_000);
    expect(await alice.waitFor((f) => f.t === 'bye')).toMatchObject({ code: ErrorCode.TOKEN_EXPIRED });
    server.close();
  });
});
