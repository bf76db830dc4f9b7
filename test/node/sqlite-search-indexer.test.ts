// The SQLite word index is filled after a message's commit, not inside it:
// messages are indexed in the background up to a mark, a search first
// indexes whatever is still behind (so it misses nothing), and edits and
// deletes leave the index matching each message's current text on both sides
// of the mark. A message's search key (its conversation and seq, which a
// search joins the index with) is written by the indexer too. A search from
// the core catches up in slices, the event loop going on between them.
import { describe, expect, it } from 'vitest';
import type { SqliteStorage } from '../../src/node/sqlite-storage';
import { asyncStorage } from '../../src/server/sync-storage-adapter';
import { sampledEachTurn } from '../support/each-turn';
import { KEY, message, rec } from './storage-contract';
import { useTempSqlite } from './support/temp-sqlite';

const { tempDb, open } = useTempSqlite('natter-search-indexer-');

const mark = (s: SqliteStorage): number =>
  (s.db.prepare('SELECT upto FROM message_words_head').get() as { upto: number }).upto;
const lastId = (s: SqliteStorage): number =>
  (s.db.prepare('SELECT max(id) AS id FROM messages').get() as { id: number }).id;
const found = (s: SqliteStorage, term: string): string[] =>
  s
    .searchMessages({ terms: [term], scopes: [{ key: KEY, afterSeq: 0 }], limit: 10 })
    .rows.map((r) => r.message.serverId);
const text = (seq: number, msg: string) => message(seq, { serverId: `m${seq}`, body: { type: 'txt', msg } });

/** Stores `count` text messages in one transaction (none indexed yet). */
function storeBurst(s: SqliteStorage, count: number): void {
  s.transaction(() => {
    for (let i = 1; i <= count; i++) s.insertMessage(rec(text(i, `burst ${i}`)));
  });
}

describe('SQLite search indexing after the commit', () => {
  it('stores a message without indexing it, then indexes it in the background', async () => {
    const s = open(tempDb());
    s.transaction(() => {
      for (let i = 1; i <= 300; i++) s.insertMessage(rec(text(i, `note ${i}`)));
    });
    expect(mark(s)).toBe(0);
    await expect.poll(() => mark(s), { timeout: 10_000 }).toBe(lastId(s));
    expect(found(s, 'note')).toHaveLength(10);
  });

  it('writes a message’s search key with its words, after the commit that stored it', async () => {
    const s = open(tempDb());
    s.transaction(() => s.insertMessage(rec(text(7, 'keyed later'))));
    const keys = () => s.db.prepare('SELECT key, seq FROM message_search_keys').all();
    expect(keys()).toEqual([]);
    await expect.poll(() => mark(s), { timeout: 10_000 }).toBe(lastId(s));
    expect(keys()).toEqual([{ key: KEY, seq: 7 }]);
    expect(found(s, 'keyed')).toEqual(['m7']);
  });

  it('indexes a steady stream of messages while it lasts, not only once it pauses', async () => {
    const s = open(tempDb());
    let seq = 0;
    // A store every millisecond: the indexer waits for a pause, but not longer than its lag bound.
    const timer = setInterval(() => s.insertMessage(rec(text(++seq, `streamed ${seq}`))), 1);
    try {
      await expect.poll(() => mark(s), { timeout: 10_000 }).toBeGreaterThan(0);
    } finally {
      clearInterval(timer);
    }
    await expect.poll(() => mark(s), { timeout: 10_000 }).toBe(lastId(s));
  });

  it('finds a message the background indexer has not reached yet, by the text it has now', () => {
    const s = open(tempDb());
    s.transaction(() => {
      s.insertMessage(rec(text(1, 'first draft')));
      s.insertMessage(rec(text(2, 'untouched')));
    });
    s.updateMessage({ ...text(1, 'final words'), serverId: 'm1' });
    expect(mark(s)).toBe(0);
    expect(found(s, 'final')).toEqual(['m1']);
    expect(found(s, 'draft')).toEqual([]);
    expect(found(s, 'untouched')).toEqual(['m2']);
    expect(mark(s)).toBe(lastId(s));
  });

  it('re-indexes an edit of a message the index already holds', () => {
    const s = open(tempDb());
    s.insertMessage(rec(text(1, 'before edit')));
    expect(found(s, 'before')).toEqual(['m1']);
    s.updateMessage({ ...text(1, 'after edit'), serverId: 'm1' });
    expect(found(s, 'before')).toEqual([]);
    expect(found(s, 'after')).toEqual(['m1']);
  });

  it('indexes after a restart what was stored and not yet indexed', async () => {
    const path = tempDb();
    const first = open(path);
    first.insertMessage(rec(text(1, 'kept across restart')));
    first.close();
    const s = open(path);
    expect(mark(s)).toBe(0);
    await expect.poll(() => mark(s), { timeout: 10_000 }).toBe(1);
    expect(found(s, 'restart')).toEqual(['m1']);
  });

  it('catches up a search from the core a slice per turn of the event loop, then finds every message', async () => {
    const s = open(tempDb());
    storeBurst(s, 2000);
    expect(mark(s)).toBe(0);
    const { value, samples: marks } = await sampledEachTurn(
      () => mark(s),
      () => asyncStorage(s).searchMessages({ terms: ['burst'], scopes: [{ key: KEY, afterSeq: 0 }], limit: 5 }),
    );
    // The event loop ran while the index was part of the way (one long catch-up would show none).
    const between = new Set(marks.filter((m) => m > 0 && m < 2000));
    expect(between.size).toBeGreaterThanOrEqual(2);
    expect(mark(s)).toBe(lastId(s));
    expect(value.rows.map((r) => r.message.serverId)).toEqual(['m2000', 'm1999', 'm1998', 'm1997', 'm1996']);
  });

  it('holds a search’s catch-up while a transaction of the core is open, and goes on after its commit', async () => {
    const s = open(tempDb());
    storeBurst(s, 600);
    s.begin();
    s.insertMessage(rec(text(601, 'burst inside')));
    const ready = s.prepareSearch();
    const { samples: marks } = await sampledEachTurn(
      () => mark(s),
      () => new Promise<void>((resolve) => setTimeout(resolve, 50)),
    );
    expect(new Set(marks)).toEqual(new Set([0]));
    s.commit();
    await ready;
    expect(mark(s)).toBe(601);
    expect(found(s, 'inside')).toEqual(['m601']);
  });
});
