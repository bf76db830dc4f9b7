// The memory storage's word index finds exactly what a scan of every message
// with the same matcher finds: over a seeded mix of English, Chinese and
// emoji text, for whole words, word starts longer than the indexed three
// characters, Chinese runs, emoji, several terms, edits and recalls made after
// the first search, a cleared-history scope and paging.
import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/protocol/message';
import { conversationKey } from '../../src/server/conversation-key';
import { MemoryStorage } from '../../src/server/memory-storage';
import { matchesAll, queryTerms } from '../../src/server/search-text';

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
