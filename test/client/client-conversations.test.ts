// ChatClient's conversation list against the real embedded server with a
// request rate limit: loading every page waits out a 509 instead of failing.
import { afterEach, describe, expect, it } from 'vitest';
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient } from '../../src/client/chat-client-types';
import { ErrorCode } from '../../src/protocol/errors';
import { createEmbeddedServer, type EmbeddedServer } from '../../src/server/embedded-server';
import { codeOf } from '../conformance/support';

const servers: EmbeddedServer[] = [];
const clients: ChatClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) s.close();
});

async function connected(srv: EmbeddedServer, user: string): Promise<ChatClient> {
  const c = createChatClient({ transport: srv.connect(), user, delivery: false });
  clients.push(c);
  await c.connect();
  return c;
}

describe('ChatClient conversations()', () => {
  it('loads every page of a long list when the rate limit refuses some, waiting as long as each 509 says', async () => {
    // Three requests at once, then one every 250 ms: a list of two pages cannot be asked for at once
    // (and a slow machine does not refill a token between the three and the refused fourth).
    const srv = createEmbeddedServer({ rateLimit: { perSecond: 4, burst: 3 } });
    servers.push(srv);
    const bob = await connected(srv, 'bob');
    for (let i = 0; i < 60; i++) {
      const peer = await connected(srv, `p${i}`);
      await peer.sendText('single:bob', `hi ${i}`);
      peer.close();
    }
    for (let i = 0; i < 3; i++) await bob.conversationPage({ limit: 1 });
    // The limit still refuses a client that does not wait.
    expect(await codeOf(bob.conversationPage({ limit: 1 }))).toBe(ErrorCode.RATE_LIMITED);

    const list = await bob.conversations();
    expect(list).toHaveLength(60);
    expect(new Set(list.map((c) => c.id)).size).toBe(60);
  });

  it('still fails at once on an error that waiting cannot fix', async () => {
    const srv = createEmbeddedServer({ rateLimit: { perSecond: 4, burst: 3 } });
    servers.push(srv);
    const bob = await connected(srv, 'bob');
    bob.close();
    expect(await codeOf(bob.conversations())).toBe(ErrorCode.DISCONNECTED);
  });
});
