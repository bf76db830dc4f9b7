import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/server/clock';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import { ErrorCode } from '../../src/protocol/errors';
import { MemoryStorage } from '../../src/server/memory-storage';
import type { MessageRecord } from '../../src/server/storage';
import { localId, login } from './raw-client';
import { sampledEachTurn } from '../support/each-turn';

const text = (msg: string) => ({ type: 'txt' as const, msg });

/**
 * Bob hears from `n` people, one message each, a millisecond apart (the last is the most recent).
 * `cold`: then the server restarts on the same storage (everyone logs in again), so no last message
 * is in its memory and a page reads each one from the storage.
 */
async function inbox(
  n: number,
  {
    storage = new MemoryStorage(),
    pageSliceMs,
    scheduleCommit,
    cold = false,
  }: {
    storage?: MemoryStorage;
    pageSliceMs?: number;
    scheduleCommit?: (commit: () => void) => void;
    cold?: boolean;
  } = {},
) {
  const clock = createManualClock(1_000);
  const options = {
    clock,
    rateLimit: false as const,
    storage,
    ...(pageSliceMs ? { pageSliceMs } : {}),
    ...(scheduleCommit ? { scheduleCommit } : {}),
  };
  let server = createEmbeddedServer(options);
  let bob = await login(server.connect(), 'bob');
  let senders = [];
  for (let i = 0; i < n; i++) {
    const peer = await login(server.connect(), `p${i}`);
    clock.advance(1);
    await peer.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text(`hi ${i}`) });
    senders.push(peer);
  }
  if (cold) {
    server.close();
    server = createEmbeddedServer(options);
    bob = await login(server.connect(), 'bob');
    senders = [];
    for (let i = 0; i < n; i++) senders.push(await login(server.connect(), `p${i}`));
  }
  return { clock, server, bob, senders };
}

describe('conversation list pages', () => {
  it('pages the list most recent first with a cursor, each conversation once, with the unread total of the whole list on the first', async () => {
    const { bob } = await inbox(7);
    const first = await bob.ok('conversations', { limit: 3 });
    expect(first.conversations.map((c) => c.target)).toEqual(['p6', 'p5', 'p4']);
    expect(first).toMatchObject({ hasMore: true, unreadTotal: 7 });
    const second = await bob.ok('conversations', { limit: 3, cursor: first.cursor! });
    expect(second.conversations.map((c) => c.target)).toEqual(['p3', 'p2', 'p1']);
    const third = await bob.ok('conversations', { limit: 3, cursor: second.cursor! });
    expect(third.conversations.map((c) => c.target)).toEqual(['p0']);
    expect(third).toMatchObject({ hasMore: false, cursor: null });
    expect(second.unreadTotal).toBeUndefined();
    expect(third.conversations[0]?.lastMessage?.body).toEqual(text('hi 0'));
  });

  it('moves a conversation with a new message to the first page (a read moves nothing) and keeps the total exact', async () => {
    const { clock, bob, senders } = await inbox(5);
    clock.advance(1);
    await senders[0]!.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text('again') });
    await bob.ok('ack', { conversation: 'single:p3' });
    const page = await bob.ok('conversations', { limit: 2 });
    expect(page.conversations.map((c) => [c.target, c.unread])).toEqual([
      ['p0', 2],
      ['p4', 1],
    ]);
    expect(page.unreadTotal).toBe(5);
  });

  it('leaves deleted conversations out of pages and of the total', async () => {
    const { bob } = await inbox(3);
    await bob.ok('deleteConversation', { conversation: 'single:p2' });
    const page = await bob.ok('conversations', {});
    expect(page.conversations.map((c) => c.target)).toEqual(['p1', 'p0']);
    expect(page).toMatchObject({ hasMore: false, unreadTotal: 2 });
  });

  it('refuses a cursor it did not make and a limit out of range', async () => {
    const { bob } = await inbox(1);
    expect(await bob.code('conversations', { cursor: 'nonsense' })).toBe(ErrorCode.INVALID_PARAMS);
    expect(await bob.code('conversations', { limit: 0 })).toBe(ErrorCode.INVALID_PARAMS);
    expect(await bob.code('conversations', { limit: 501 })).toBe(ErrorCode.INVALID_PARAMS);
  });

  /** Turns of the event loop while bob's first page is built, and the page. */
  async function turnsWhileBuilding(bob: Awaited<ReturnType<typeof inbox>>['bob']) {
    const { value: page, samples } = await sampledEachTurn(
      () => null,
      () => bob.ok('conversations', {}),
    );
    return { turns: samples.length, page };
  }

  it('lets the event loop turn while it looks up the last messages of a slow page, and answers the same page', async () => {
    // natter serve's default slice: other connections' frames are read in those turns. Without
    // them the page would hold the loop for its whole 20 ms.
    const { bob } = await inbox(20, { storage: new SlowLookups(), pageSliceMs: 0.25, cold: true });
    const { turns, page } = await turnsWhileBuilding(bob);
    expect(turns).toBeGreaterThanOrEqual(5);
    expect(page.conversations.map((c) => c.target)).toEqual(Array.from({ length: 20 }, (_, i) => `p${19 - i}`));
    expect(page.conversations.every((c) => c.lastMessage !== null && c.lastSeq === 1)).toBe(true);
    expect(page).toMatchObject({ hasMore: false, unreadTotal: 20 });
  });

  it('answers a send that arrives while a page is built before the page looks up any further', async () => {
    // As natter serve does: a send's group commit waits for the end of the turn that read it
    // (setImmediate), which is where the page's next slice was already queued.
    const storage = new SlowLookups();
    const { bob, senders } = await inbox(20, {
      storage,
      pageSliceMs: 0.25,
      scheduleCommit: (commit) => void setImmediate(commit),
      cold: true,
    });
    const alice = senders[0]!;
    const lookups: { atSend?: number; atAnswer?: number } = {};
    // Queued from the page's first lookup: it runs in the first turn the page lets the loop take after
    // its first slice. (Queued when the page was asked, it ran before any lookup whenever the slice's
    // time was up before the first one, as on a loaded machine.)
    const sent = new Promise((resolve) => {
      storage.onFirstLookup = () =>
        setImmediate(() => {
          lookups.atSend = storage.lookups;
          const answer = alice.ok('send', {
            localId: localId(),
            to: 'bob',
            chatType: 'single',
            body: text('meanwhile'),
          });
          resolve(answer.then(() => (lookups.atAnswer = storage.lookups)));
        });
    });
    storage.lookups = 0;
    const page = bob.ok('conversations', {});
    await sent;
    const built = await page;
    expect(lookups.atSend).toBeGreaterThan(0);
    expect(lookups.atSend).toBeLessThan(20);
    expect(lookups.atAnswer).toBe(lookups.atSend);
    // The page was read before the send was committed: the same list, alice's conversation as it was.
    expect(built.conversations.map((c) => c.target)).toEqual(Array.from({ length: 20 }, (_, i) => `p${19 - i}`));
    expect(built.conversations.find((c) => c.target === 'p0')?.lastMessage?.body).toEqual(text('hi 0'));
  });

  it('builds a page in one go on the embedded server by default, however slow (one user per page)', async () => {
    const { bob } = await inbox(20, { storage: new SlowLookups(), cold: true });
    const { turns, page } = await turnsWhileBuilding(bob);
    expect(turns).toBe(0);
    expect(page.conversations).toHaveLength(20);
  });

  it('reads the last messages of a page built in one go with one storage call, not one per conversation', async () => {
    const storage = new CountedLookups();
    const { bob } = await inbox(30, { storage, cold: true });
    storage.calls.length = 0;
    const page = await bob.ok('conversations', {});
    expect(storage.calls).toEqual([30]);
    expect(page.conversations.map((c) => c.lastMessage?.body)).toEqual(
      Array.from({ length: 30 }, (_, i) => text(`hi ${29 - i}`)),
    );
    // Read once, kept: the next page of the same list asks the storage for none of them.
    await bob.ok('conversations', {});
    expect(storage.calls).toEqual([30]);
  });

  it('reads the last messages it has stored itself from memory, recalled ones as recalled', async () => {
    const storage = new CountedLookups();
    const { bob, senders } = await inbox(5, { storage });
    const { message: sent } = await senders[4]!.ok('send', {
      localId: localId(),
      to: 'bob',
      chatType: 'single',
      body: text('oops'),
    });
    await senders[4]!.ok('recall', { serverId: sent.serverId });
    storage.calls.length = 0;
    const page = await bob.ok('conversations', {});
    expect(storage.calls).toEqual([]);
    expect(page.conversations.map((c) => c.lastMessage?.body.type)).toEqual(['recalled', 'txt', 'txt', 'txt', 'txt']);
  });
});

/** The memory storage counting the messages each getMessages call asks for. */
class CountedLookups extends MemoryStorage {
  readonly calls: number[] = [];
  override getMessages(serverIds: readonly string[]): Array<MessageRecord | null> {
    this.calls.push(serverIds.length);
    return super.getMessages(serverIds);
  }
}

/** The memory storage with a last-message lookup as slow as a cold read of a large file (1 ms each). */
class SlowLookups extends MemoryStorage {
  lookups = 0;
  /** Called at the next lookup (once). */
  onFirstLookup: (() => void) | null = null;
  override getMessage(serverId: string): MessageRecord | null {
    this.lookups += 1;
    const first = this.onFirstLookup;
    this.onFirstLookup = null;
    first?.();
    const until = performance.now() + 1;
    while (performance.now() < until);
    return super.getMessage(serverId);
  }
}
