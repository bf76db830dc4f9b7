// Conversation list pages read on SQLite's page reader thread: a message
// stored after a later page's snapshot was read and before the page is
// answered is neither lost from the client's list nor counted twice (the page
// is of one moment, the live event newer); a page read in one statement is
// the one the other operations give.
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../src/node/sqlite-storage';
import { createManualClock } from '../../src/server/clock';
import type { ConversationPageQuery, ConversationPageRead } from '../../src/server/storage';
import { createHarness, type Harness } from '../store/chat-harness';
import { useTempSqlite } from './support/temp-sqlite';

const { tempDb } = useTempSqlite('natter-sqlite-page-');

/** SqliteStorage that runs `meanwhile` after a page was read on the reader thread, before the core gets it. */
class PageRaces extends SqliteStorage {
  meanwhile: (() => Promise<void>) | null = null;
  readonly reads: ConversationPageRead[] = [];

  override async conversationPageInBackground(
    user: string,
    query: ConversationPageQuery & { unreadTotal: boolean },
  ): Promise<ConversationPageRead | null> {
    const read = await super.conversationPageInBackground(user, query);
    if (read) this.reads.push(read);
    const meanwhile = this.meanwhile;
    this.meanwhile = null;
    if (meanwhile) await meanwhile();
    return read;
  }
}

let h: Harness | undefined;
let storage: PageRaces | undefined;
afterEach(() => {
  h?.close();
  storage?.close();
  h = storage = undefined;
});

const PEERS = 60;

/** Bob has heard once from each of p0…p59 (p59 the most recent); the senders stay connected. */
async function inbox() {
  storage = new PageRaces({ path: tempDb() });
  const clock = createManualClock(Date.now());
  h = createHarness({ clock, rateLimit: false, storage });
  const senders = [];
  for (let i = 0; i < PEERS; i++) {
    const peer = await h.client(`p${i}`);
    clock.advance(1000);
    await peer.sendText('single:bob', `hi from p${i}`);
    senders.push(peer);
  }
  clock.advance(1000);
  return { senders, storage };
}

describe('SQLite conversation pages on the reader thread', () => {
  it('does not lose or double-count a message stored after a later page was read', async () => {
    const { senders, storage } = await inbox();
    const bob = await h!.session('bob');
    expect(bob.store.getState().conversations.totalUnread).toBe(PEERS);
    // p3 is on the second page, not loaded yet.
    storage.meanwhile = () => senders[3]!.sendText('single:bob', 'meanwhile').then(() => undefined);
    await bob.binding.loadMoreConversations();

    // The page is of the moment it was read: p3 as it was, lastSeq, unread and last message alike.
    const read = storage.reads[storage.reads.length - 1]!;
    const i = read.states.findIndex((s) => s.target === 'p3');
    expect([read.lastSeqs[i], read.states[i]!.unread, read.lastMessages[i]?.message.seq]).toEqual([1, 1, 1]);
    // The client has the newer state from the message event, once.
    const list = bob.store.getState().conversations;
    expect(list.cursor).toBeNull();
    expect(list.order).toHaveLength(PEERS);
    expect(list.order[0]).toBe('single:p3');
    expect(list.summaries.get('single:p3')).toMatchObject({ unread: 2, lastSeq: 2 });
    expect(list.summaries.get('single:p3')?.lastMessage?.body).toEqual({ type: 'txt', msg: 'meanwhile' });
    expect(list.totalUnread).toBe(PEERS + 1);
  });

  it('reads a page in one statement with the same order, cursor, seqs, last messages and total as the other operations', async () => {
    const { storage } = await inbox();
    storage.putConversationState({ ...storage.getConversationState('bob', 'single:bob|p7')!, hidden: true, unread: 0 });
    const first = (await storage.conversationPageInBackground('bob', { limit: 20, unreadTotal: true }))!;
    const states = storage.listConversationPage('bob', { limit: 20 });
    expect(first.states).toEqual(states);
    expect(first.lastSeqs).toEqual(states.map((s) => storage.lastSeq(s.key)));
    expect(first.lastMessages).toEqual(storage.getMessages(states.map((s) => s.lastServerId!)));
    expect(first.unreadTotal).toBe(storage.unreadTotal('bob'));
    const tail = states[states.length - 1]!;
    const after = { updatedAt: tail.updatedAt, key: tail.key };
    const next = (await storage.conversationPageInBackground('bob', { after, limit: 100, unreadTotal: false }))!;
    expect(next.states).toEqual(storage.listConversationPage('bob', { after, limit: 100 }));
    expect(next.states.map((s) => s.target)).not.toContain('p7');
    expect(next.unreadTotal).toBeUndefined();
  });
});
