// The memory storage's word index finds exactly what a scan of every message
// with the same matcher finds: over a seeded mix of English, Chinese and
// emoji text, for whole words, word starts longer than the indexed three
// characters, Chinese runs, emoji, several terms, edits and recalls made after
// the first search, a cleared-history scope and paging. Built by `prepare`,
// it is indexed in slices with turns of the event loop between them, and
// keeps what changed meanwhile.
import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/protocol/message';
import { conversationKey } from '../../src/server/conversation-key';
import { MemorySearchIndex } from '../../src/server/memory-search-index';
import { MemoryStorage } from '../../src/server/memory-storage';
import { matchesAll, queryTerms } from '../../src/server/search-text';
import { asyncStorage } from '../../src/server/sync-storage-adapter';
import { sampledEachTurn } from '../support/each-turn';

const WORDS = 'report reply repo deadline dead review react natter 会议 项目 进度 🎉 👍 the a plan'.split(' ');
const KEYS = [conversationKey('single', 'alice', 'bob'), conversationKey('single', 'alice', 'carol')];

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return a / 4294967296;
  };
}

function fill(storage: MemoryStorage, n: number): Message[] {
  const rand = seeded(7);
  const all: Message[] = [];
  storage.transaction(() => {
    for (let i = 1; i <= n; i++) {
      const key = KEYS[i % 2]!;
      const words = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => WORDS[Math.floor(rand() * WORDS.length)]);
      const message: Message = {
        serverId: `s${String(i).padStart(6, '0')}`,
        localId: `l${i}`,
        from: 'alice',
        to: i % 2 ? 'carol' : 'bob',
        chatType: 'single',
        seq: Math.ceil(i / 2),
        ts: i,
        body: { type: 'txt', msg: words.join(rand() < 0.5 ? ' ' : '') },
      };
      storage.insertMessage({ key, message });
      all.push(message);
    }
  });
  return all;
}

const QUERIES = ['report', 'repo', 'rep', 'r', 'dead', 'deadlines', '会议', '项目进度', '🎉', 'react 会议', 'plan the'];

describe('memory search index', () => {
  it('finds what a scan finds, before and after messages change', () => {
    const storage = new MemoryStorage();
    const messages = fill(storage, 2_000);
    const scopes = KEYS.map((key, i) => ({ key, afterSeq: i * 100 }));
    const scan = (query: string) => {
      const terms = queryTerms(query);
      const current = new Map(messages.map((m) => [m.serverId, storage.getMessage(m.serverId)!]));
      return [...current.values()]
        .filter((r) => {
          const scope = scopes.find((s) => s.key === r.key)!;
          return (
            r.message.seq > scope.afterSeq && r.message.body.type === 'txt' && matchesAll(r.message.body.msg, terms)
          );
        })
        .map((r) => r.message.serverId)
        .sort()
        .reverse()
        .slice(0, 30);
    };
    const search = (query: string) =>
      storage.searchMessages({ terms: queryTerms(query), scopes, limit: 30 }).rows.map((r) => r.message.serverId);
    expect(QUERIES.filter((q) => scan(q).length > 0).length).toBeGreaterThanOrEqual(QUERIES.length - 1);
    for (const q of QUERIES) expect(search(q), q).toEqual(scan(q));
    // Changes after the index is built: edits to other words and recalls.
    storage.transaction(() => {
      for (const m of messages.slice(-400)) {
        const seq = Number(m.serverId.slice(1));
        if (seq % 3 === 0) storage.updateMessage({ ...m, body: { type: 'txt', msg: 'edited into a plan' } });
        else if (seq % 3 === 1) storage.updateMessage({ ...m, body: { type: 'recalled', recalledAt: 1, by: 'alice' } });
      }
    });
    for (const q of QUERIES) expect(search(q), q).toEqual(scan(q));
    expect(search('edited plan').length).toBeGreaterThan(0);
  });

  it('pages by cursor through every hit once, newest first', () => {
    const storage = new MemoryStorage();
    fill(storage, 1_000);
    const scopes = KEYS.map((key) => ({ key, afterSeq: 0 }));
    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = storage.searchMessages({ terms: ['report'], scopes, limit: 25, ...(before ? { before } : {}) });
      seen.push(...page.rows.map((r) => r.message.serverId));
      if (page.rows.length < 25) break;
      before = page.rows[page.rows.length - 1]!.cursor;
    }
    expect(seen.length).toBeGreaterThan(100);
    expect(seen).toEqual([...new Set(seen)].sort().reverse());
  });
});

describe('memory search index built in slices', () => {
  const textOf = (i: number) => (i % 7 === 0 ? `report ${i}` : i % 11 === 0 ? `会议 ${i}` : `plan ${i}`);
  const message = (i: number, msg = textOf(i)): Message => ({
    serverId: `s${String(i).padStart(6, '0')}`,
    localId: `l${i}`,
    from: 'alice',
    to: 'bob',
    chatType: 'single',
    seq: i,
    ts: i,
    body: { type: 'txt', msg },
  });

  it('lets the event loop turn between slices and keeps changes made meanwhile', async () => {
    const key = KEYS[0]!;
    const list: Message[] = Array.from({ length: 30_000 }, (_, i) => message(i + 1));
    const turns: Array<() => void> = [];
    const index = new MemorySearchIndex(
      () => list,
      (next) => turns.push(next),
    );
    const scope = { key, afterSeq: 0 };
    const ready = index.prepare([key]);
    expect(ready).toBeInstanceOf(Promise);
    expect(index.prepare([key]), 'a second search waits for the same build').toBeInstanceOf(Promise);
    let done = false;
    void ready!.then(() => (done = true));
    // Between turns: a new message, an edit of an old one, a rolled-back insert.
    const added = message(30_001, 'report added');
    list.push(added);
    index.added(key, added);
    const old = list[6]!;
    const edited = message(7, 'edited away');
    list[6] = edited;
    index.replaced(key, old, edited);
    const undone = message(30_002, 'report undone');
    index.added(key, undone);
    index.removed(key, undone);
    let served = 0;
    while (!done) {
      const next = turns.shift();
      if (next) {
        next();
        served++;
      }
      await Promise.resolve();
    }
    expect(served, 'slices the build took').toBeGreaterThan(1);
    expect(index.prepare([key]), 'nothing left to build').toBeUndefined();
    const ids = (q: string) => index.search(scope, queryTerms(q), undefined, 100_000).map((r) => r.message.serverId);
    const expected = list.filter((m) => m.body.type === 'txt' && matchesAll(m.body.msg, ['report']));
    expect(ids('report')).toEqual(expected.map((m) => m.serverId).reverse());
    expect(ids('report')[0]).toBe(added.serverId);
    expect(ids('report')).not.toContain(old.serverId);
    expect(ids('edited')).toEqual([edited.serverId]);
    expect(ids('undone')).toEqual([]);
  });

  it('answers a search that was not prepared by finishing the build at once', () => {
    const key = KEYS[0]!;
    const list = Array.from({ length: 5_000 }, (_, i) => message(i + 1));
    const index = new MemorySearchIndex(
      () => list,
      () => {},
    );
    void index.prepare([key]);
    const rows = index.search({ key, afterSeq: 0 }, ['会议'], undefined, 3);
    expect(rows.map((r) => r.message.seq)).toEqual([4994, 4983, 4972]);
    expect(index.prepare([key])).toBeUndefined();
  });

  it('through the async storage, a first search lets other work run while it indexes', async () => {
    const sync = new MemoryStorage();
    const key = KEYS[0]!;
    sync.transaction(() => {
      for (let i = 1; i <= 40_000; i++) sync.insertMessage({ key, message: message(i) });
    });
    const storage = asyncStorage(sync);
    const { value: page, samples } = await sampledEachTurn(
      () => null,
      () => storage.searchMessages({ terms: ['report'], scopes: [{ key, afterSeq: 0 }], limit: 2 }),
    );
    const ticks = samples.length;
    expect(page.rows.map((r) => r.message.seq)).toEqual([39998, 39991]);
    expect(ticks, 'turns of the event loop during the first search').toBeGreaterThan(1);
  });
});
