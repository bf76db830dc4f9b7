// ChatClient and token expiry, against the real embedded server with a
// manual clock: the server's notice (tokenWillExpire), renewToken on the live
// connection, the session ended at expiry (tokenExpired) with messages sent
// meanwhile kept in the outbox and delivered once after renewToken, and a
// getToken provider that renews without the app doing anything.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient, ChatClientOptions } from '../../src/client/chat-client-types';
import { ErrorCode } from '../../src/protocol/errors';
import type { HelloFrame } from '../../src/protocol/frames';
import type { Message } from '../../src/protocol/message';
import { createManualClock, type ManualClock } from '../../src/server/clock';
import { createEmbeddedServer, type EmbeddedServer } from '../../src/server/embedded-server';
import type { AuthResult } from '../../src/server/server-options';

const servers: EmbeddedServer[] = [];
const clients: ChatClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) s.close();
});

// Tokens here are `<user>:<expiresAt>`: what matters is what the session and client do with the expiry.
const authenticate = (hello: HelloFrame): AuthResult => {
  const [user, exp] = (hello.token ?? '').split(':');
  if (!user || !exp) return { code: ErrorCode.TOKEN_INVALID };
  return { user, expiresAt: Number(exp) };
};

function setup(): {
  srv: EmbeddedServer;
  clock: ManualClock;
  client(user: string, ttlMs: number, options?: Partial<ChatClientOptions>): ChatClient;
} {
  const clock = createManualClock(Date.now());
  const srv = createEmbeddedServer({ clock, authenticate, tokenRenewAheadMs: 30_000 });
  servers.push(srv);
  return {
    srv,
    clock,
    client(user, ttlMs, options = {}) {
      const c = createChatClient({
        transport: srv.connect(),
        token: `${user}:${clock.now() + ttlMs}`,
        reconnect: { initialDelayMs: 5, maxDelayMs: 20 },
        ...options,
      });
      clients.push(c);
      return c;
    },
  };
}

function nextMessage(c: ChatClient): Promise<Message> {
  return new Promise((resolve) => {
    const off = c.on('message', (e) => {
      off();
      resolve(e.message);
    });
  });
}

describe('token renewal', () => {
  it('tells the app ahead of expiry, and renewToken on the live connection keeps the session', async () => {
    const { clock, client } = setup();
    const alice = client('alice', 120_000);
    await alice.connect();
    const notices: number[] = [];
    alice.on('tokenWillExpire', (e) => notices.push(e.expiresAt));
    const expiresAt = clock.now() + 120_000;
    clock.advance(90_000);
    await vi.waitFor(() => expect(notices).toEqual([expiresAt]));
    await alice.renewToken(`alice:${clock.now() + 3_600_000}`);
    clock.advance(60_000);
    expect(alice.state).toBe('open');
    expect(await alice.conversations()).toEqual([]);
  });

  it('after the session ends at expiry, keeps unsent messages and delivers them once after renewToken', async () => {
    const { clock, client } = setup();
    const alice = client('alice', 60_000);
    const bob = client('bob', 3_600_000);
    await Promise.all([alice.connect(), bob.connect()]);
    const expired: number[] = [];
    alice.on('tokenExpired', (e) => expired.push(e.error.code));
    clock.advance(60_000);
    await vi.waitFor(() => expect(alice.state).toBe('closed'));
    expect(expired).toEqual([ErrorCode.TOKEN_EXPIRED]);
    const sending = alice.sendText('single:bob', 'written while logged out');
    expect(alice.pending().map((p) => [p.status, p.body])).toEqual([
      ['pending', { type: 'txt', msg: 'written while logged out' }],
    ]);
    const received = nextMessage(bob);
    await alice.renewToken(`alice:${clock.now() + 3_600_000}`);
    const sent = await sending;
    expect((await received).serverId).toBe(sent.serverId);
    expect(alice.pending()).toEqual([]);
    const history = await bob.history('single:alice');
    expect(history.messages.map((m) => m.serverId)).toEqual([sent.serverId]);
  });

  it('renews by itself with a getToken provider', async () => {
    const { clock, client } = setup();
    let issued = 0;
    const alice = client('alice', 60_000, {
      getToken: () => {
        issued++;
        return `alice:${clock.now() + 3_600_000}`;
      },
    });
    await alice.connect();
    clock.advance(45_000);
    await vi.waitFor(() => expect(issued).toBe(1));
    // Let the renewal's answer arrive before the old expiry passes.
    await alice.conversations();
    clock.advance(120_000);
    expect(alice.state).toBe('open');
    expect(await alice.conversations()).toEqual([]);
  });

  it("rejects renewToken with another user's token (4014) and keeps the session", async () => {
    const { clock, client } = setup();
    const alice = client('alice', 600_000);
    await alice.connect();
    await expect(alice.renewToken(`mallory:${clock.now() + 3_600_000}`)).rejects.toMatchObject({
      code: ErrorCode.TOKEN_USER_MISMATCH,
    });
    expect(alice.state).toBe('open');
  });
});
