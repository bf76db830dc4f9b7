// @vitest-environment jsdom
// Messages the server has stored leave the saved outbox within 250 ms of their
// answers; a page hidden or unloaded before that writes it at once, so a
// reload right after a send does not send it again. Against the real embedded
// server, in jsdom's window.
import { afterEach, describe, expect, it } from 'vitest';
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient } from '../../src/client/chat-client-types';
import { webStorageOutbox } from '../../src/client/outbox-persistence';
import { createEmbeddedServer, type EmbeddedServer } from '../../src/server/embedded-server';
import { memoryWebStorage } from '../support/memory-web-storage';

const servers: EmbeddedServer[] = [];
const clients: ChatClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) s.close();
  Reflect.deleteProperty(document, 'visibilityState');
});

/** Alice, connected, with her outbox in an in-memory Web Storage; one message sent and answered. */
async function sentOne() {
  const server = createEmbeddedServer();
  servers.push(server);
  const storage = memoryWebStorage();
  const alice = createChatClient({
    transport: server.connect(),
    user: 'alice',
    outbox: webStorageOutbox('natter:outbox:alice', storage),
  });
  clients.push(alice);
  await alice.connect();
  await alice.sendText('single:bob', 'just sent');
  const saved = () => storage.getItem('natter:outbox:alice');
  // Answered, but still written as pending: its removal is held back.
  expect(saved()).toContain('just sent');
  return { alice, saved };
}

describe('the saved outbox when the page goes away', () => {
  it('drops a stored message at once when the page unloads (pagehide)', async () => {
    const { saved } = await sentOne();
    window.dispatchEvent(new Event('pagehide'));
    expect(saved()).toBeNull();
  });

  it('drops it at once when the page is hidden, and not when it is shown', async () => {
    const { alice, saved } = await sentOne();
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true })); // as browsers fire it
    expect(saved()).toContain('just sent');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true })); // as browsers fire it
    expect(saved()).toBeNull();
    // A later send's removal is held back again, until the page next goes away.
    await alice.sendText('single:bob', 'sent later');
    expect(saved()).toContain('sent later');
    window.dispatchEvent(new Event('pagehide'));
    expect(saved()).toBeNull();
  });
});
