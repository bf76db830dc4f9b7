// The store's conversation list loads page by page against a real embedded
// server: the sync brings the first page (50) with the server's unread total,
// loadMoreConversations the next ones (200 each), and the total stays exact meanwhile.
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/server/clock';
import { bindClient } from '../../src/store/bind-client';
import { createChatStore } from '../../src/store/create-chat-store';
import { createHarness, until, type Harness } from './chat-harness';

let h: Harness;
afterEach(() => h?.close());

const PEERS = 320;

async function accountWith(peers: number, pageSliceMs?: number) {
  const clock = createManualClock(Date.now());
  h = createHarness({ clock, rateLimit: false, ...(pageSliceMs !== undefined ? { pageSliceMs } : {}) });
  const senders = [];
  for (let i = 0; i < peers; i++) {
    const peer = await h.client(`p${i}`);
    clock.advance(1000);
    // p0 has sent one message, p1 two, …: each conversation's unread differs.
    for (let k = 0; k <= i % 3; k++) await peer.sendText('single:alice', `m${k} from p${i}`);
    senders.push(peer);
  }
  const unread = Array.from({ length: peers }, (_, i) => (i % 3) + 1).reduce((a, b) => a + b, 0);
  return { clock, senders, unread, alice: await h.session('alice') };
}

describe('conversation list pages in the store', () => {
  it('syncs the first page with the exact unread total, then loads the rest in order', async () => {
    const { alice, unread } = await accountWith(PEERS);
    await until(() => alice.store.getState().conversations.loaded, 'first page');
    let list = alice.store.getState().conversations;
    expect(list.order).toHaveLength(50);
    expect(list.order[0]).toBe(`single:p${PEERS - 1}`);
    expect(list.cursor).not.toBeNull();
    expect(list.totalUnread).toBe(unread);

    await alice.binding.loadMoreConversations();
    list = alice.store.getState().conversations;
    expect(list.order).toHaveLength(250);
    expect(list.totalUnread).toBe(unread);
    await alice.binding.loadMoreConversations();
    list = alice.store.getState().conversations;
    expect(list.order).toEqual(Array.from({ length: PEERS }, (_, i) => `single:p${PEERS - 1 - i}`));
    expect(list.cursor).toBeNull();
    expect(list.unreadUnlisted).toBe(0);
    expect(list.totalUnread).toBe(unread);
    // Nothing more to load: no request, no change.
    await alice.binding.loadMoreConversations();
    expect(alice.store.getState().conversations).toBe(list);
  });

  it('counts a conversation from an unloaded page once when a new message brings it to the top, and still once when its page arrives', async () => {
    const { alice, senders, unread, clock } = await accountWith(PEERS);
    await until(() => alice.store.getState().conversations.loaded, 'first page');
    clock.advance(1000);
    // p1 is on the last page and has two unread; a third arrives.
    await senders[1]!.sendText('single:alice', 'news from p1');
    await until(() => alice.store.getState().conversations.order[0] === 'single:p1', 'p1 at the top');
    let list = alice.store.getState().conversations;
    expect(list.summaries.get('single:p1')?.unread).toBe(3);
    expect(list.totalUnread).toBe(unread + 1);

    await alice.binding.loadMoreConversations();
    await alice.binding.loadMoreConversations();
    list = alice.store.getState().conversations;
    expect(list.cursor).toBeNull();
    expect(list.order).toHaveLength(PEERS);
    expect(list.order.filter((id) => id === 'single:p1')).toHaveLength(1);
    expect(list.totalUnread).toBe(unread + 1);
  });

  it('keeps the total exact when a conversation not loaded yet is read on another device', async () => {
    const { alice, unread } = await accountWith(PEERS);
    const phone = await h.session('alice', { device: 'phone' });
    await until(() => alice.store.getState().conversations.loaded, 'first page');
    await phone.client.markRead('single:p0');
    await until(() => alice.store.getState().conversations.totalUnread === unread - 1, 'p0 read elsewhere');
    await alice.binding.loadMoreConversations();
    await alice.binding.loadMoreConversations();
    expect(alice.store.getState().conversations.totalUnread).toBe(unread - 1);
  });

  it('keeps the total exact when messages arrive while the server builds the first page in slices', async () => {
    // Slices of one conversation each: the page takes many turns, and sends commit in between.
    const { alice, senders, unread, clock } = await accountWith(60, 0);
    let expected = unread;
    for (let round = 0; round < 5; round++) {
      clock.advance(1000);
      const sync = alice.binding.resync();
      // p0…p9 are not on the first page (the 50 newest): each message also brings one to the top.
      const sent = senders[round]!.sendText('single:alice', `news ${round}`);
      await Promise.all([sync, sent]);
      expected += 1;
      await until(() => alice.store.getState().conversations.order[0] === `single:p${round}`, `p${round} at the top`);
      alice.binding.flush();
      expect(alice.store.getState().conversations.totalUnread, `round ${round}`).toBe(expected);
    }
  });

  it('drops a page that continues a list a new sync started over', async () => {
    const { alice } = await accountWith(60);
    await until(() => alice.store.getState().conversations.loaded, 'first page');
    const more = alice.binding.loadMoreConversations();
    const resync = alice.binding.resync();
    await Promise.all([more, resync]);
    alice.binding.flush();
    const list = alice.store.getState().conversations;
    expect(new Set(list.order).size).toBe(list.order.length);
    expect(list.order.length === 50 || list.order.length === 60).toBe(true);
  });

  it('applies the first page and the end of its sync as one store change (one render of a list, not two)', async () => {
    const { alice } = await accountWith(60);
    // A second device of alice, connected before its store is bound, as a page that connects first.
    const client = await h.client('alice');
    const store = createChatStore(client);
    const seen: { loaded: boolean; syncing: boolean }[] = [];
    store.subscribe((s) => seen.push({ loaded: s.conversations.loaded, syncing: s.connection.syncing }));
    const binding = bindClient(client, store);
    try {
      await until(() => store.getState().conversations.loaded, 'first page');
      binding.flush(); // whatever is still queued
      expect(seen).toEqual([{ loaded: true, syncing: false }]);
      expect(store.getState().conversations.order).toEqual(alice.store.getState().conversations.order);
    } finally {
      binding();
    }
  });
});
