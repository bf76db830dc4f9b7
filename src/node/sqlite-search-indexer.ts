// Owns keeping the SQLite message word index (message_words, migration 7)
// up to date off the send path. Indexing a message (its words cut in
// JavaScript, then added to FTS5, which writes a new segment in every
// transaction that adds rows) was the largest part of storing it: inside a
// group commit it lengthened every send of that commit. Since migration 11 a
// message is indexed after its commit, many at a time, in short slices
// between commits, up to a high-water mark kept next to the index
// (message_words_head). A search first indexes whatever is still behind, so
// it never misses a stored message. Edits and deletes re-index only rows at
// or below the mark (the triggers); a row past it is read as it is when its
// turn comes. It also keeps the list of indexed words (message_word_list,
// migration 13) that a search expands a partly typed word with, and, since
// migration 14, each indexed message's search key (message_search_keys).
// A slice is a stall of the event loop (about 20 µs per message): a sender
// whose next message arrives during it waits that long. While messages keep
// arriving (one stored in the last BUSY_MS) the indexer waits, up to
// MAX_LAG_MS after the oldest unindexed store: a client sending back to back
// meets slices a few times a second instead of one every 50 ms (which delayed
// 2% of its messages, its p99). A slice holds at most 64 messages: a median
// 1.5 ms of CPU, where 256 took 5–6 ms (9–18 ms of wall time on a loaded
// machine), each one landing in a back-to-back sender's p99, for about the
// same CPU per message. While it is behind, the next slice follows FOLLOW_MS
// later, so it still indexes faster than messages arrive. A search from the
// core first catches up in slices too (caughtUp), one per turn of the event
// loop: a search after a burst found thousands of rows behind and indexed
// them in one go (2,000 rows: 60 ms; 8,000: 118 ms), a stall for every user.
import type Database from 'better-sqlite3';
import { aTurn } from '../server/next-turn';
import { textIndexWords } from '../server/search-words';
import { LISTED_WORD_CHARS } from './sqlite-message-search';

/** Rows indexed per slice: a slice is one short transaction between commits (about a millisecond). */
const SLICE_ROWS = 64;
/** Row ids read at once while indexing. */
const READ_ROWS = 1024;
/** How long after a store the indexer looks (sends arriving meanwhile share its slice). */
const DELAY_MS = 50;
/** A store this recent means messages are streaming in: the slice waits (up to MAX_LAG_MS). */
const BUSY_MS = 20;
/** How long the oldest unindexed store waits at most while messages keep arriving. */
const MAX_LAG_MS = 500;
/** The wait between slices while rows are behind (the event loop serves what arrived meanwhile). */
const FOLLOW_MS = 5;
/**
 * Rows per slice of a search's catch-up (about 2.5 ms): larger than a background slice, since a
 * searcher waits for the whole catch-up and a search is rare beside sends.
 */
const SEARCH_SLICE_ROWS = 256;

type TextRow = { id: number; key: string; seq: number; msg: unknown };

export class SqliteSearchIndexer {
  private readonly s: ReturnType<typeof prepare>;
  private readonly indexRange: (from: number, to: number) => void;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  /** When the last message was stored, and the first one not indexed yet (ms, performance.now). */
  private lastStored = 0;
  private behindSince: number | null = null;

  constructor(private readonly db: Database.Database) {
    this.s = prepare(db);
    // IMMEDIATE: the mark is read and moved under the write lock (another connection may index too).
    const tx = db.transaction((from: number, to: number) => this.indexOnce(from, to));
    this.indexRange = (from, to) => tx.immediate(from, to);
    // Rows stored and not indexed when the last process stopped.
    this.schedule();
  }

  /** A message was stored: index it soon, after its commit. */
  stored(): void {
    this.lastStored = performance.now();
    this.behindSince ??= this.lastStored;
    this.schedule();
  }

  private schedule(delayMs = DELAY_MS): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(this.tick, delayMs);
    this.timer.unref();
  }

  /**
   * Indexes stored rows past the mark, at most `maxRows` of them (inside the open transaction if
   * there is one); true when nothing is left behind.
   */
  catchUp(maxRows = Number.MAX_SAFE_INTEGER): boolean {
    const last = this.lastId();
    const upto = this.head();
    if (last <= upto) return true;
    const to = Math.min(last, upto + maxRows);
    if (this.db.inTransaction) this.indexOnce(upto, to);
    else this.indexRange(upto, to);
    return to === last;
  }

  /**
   * Indexes the rows stored before the call, a slice per turn of the event loop (other requests are
   * served between slices), waiting out a transaction of the core. Rows stored meanwhile (a few
   * turns' sends) are left to the search's synchronous catchUp.
   */
  async caughtUp(): Promise<void> {
    const last = this.lastId();
    while (!this.stopped && this.db.open) {
      if (!this.db.inTransaction) {
        const upto = this.head();
        if (upto >= last) return;
        this.indexRange(upto, Math.min(last, upto + SEARCH_SLICE_ROWS));
      }
      await aTurn();
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private lastId(): number {
    return (this.s.maxId.get() as { id: number | null }).id ?? 0;
  }

  private head(): number {
    return (this.s.head.get() as { upto: number }).upto;
  }

  private readonly tick = (): void => {
    this.timer = null;
    if (this.stopped || !this.db.open) return;
    // A transaction of the core is open (it awaits between its writes): come back after it.
    if (this.db.inTransaction) return this.schedule();
    const now = performance.now();
    if (now - this.lastStored < BUSY_MS && this.behindSince !== null && now - this.behindSince < MAX_LAG_MS)
      return this.schedule();
    if (this.catchUp(SLICE_ROWS)) this.behindSince = null;
    else this.schedule(FOLLOW_MS);
  };

  private indexOnce(from: number, to: number): void {
    // Re-read under the lock: another connection may have moved the mark meanwhile.
    const upto = Math.max(from, this.head());
    if (to <= upto) return;
    // Read a part at a time: a statement cannot write while another is being read.
    for (let from = upto; from < to; from += READ_ROWS) {
      const listed = new Set<string>();
      const rows = this.s.texts.all(from, Math.min(to, from + READ_ROWS)) as TextRow[];
      for (const row of rows) {
        const words = typeof row.msg === 'string' ? textIndexWords(row.msg) : [];
        this.s.index.run(row.id, words.join(' '), row.key);
        this.s.key.run(row.id, row.key, row.seq);
        for (const w of words) listed.add(listedWord(w));
      }
      for (const w of listed) this.s.listWord.run(w);
    }
    this.s.setHead.run(to);
  }
}

/** A word as the word list holds it: by its first LISTED_WORD_CHARS code points (a search treats those as starts). */
export function listedWord(word: string): string {
  return word.length < LISTED_WORD_CHARS ? word : Array.from(word).slice(0, LISTED_WORD_CHARS).join('');
}

function prepare(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    maxId: p('SELECT max(id) AS id FROM messages'),
    head: p('SELECT upto FROM message_words_head WHERE id = 1'),
    setHead: p('UPDATE message_words_head SET upto = ? WHERE id = 1'),
    // The same rows and words as migration 7's trigger indexed one at a time.
    texts: p(
      `SELECT id, key, seq, json_extract(json, '$.message.body.msg') AS msg FROM messages
       WHERE id > ? AND id <= ? AND json_extract(json, '$.message.body.type') = 'txt'`,
    ),
    index: p('INSERT INTO message_words (rowid, words, conv) VALUES (?, ?, ?)'),
    listWord: p('INSERT OR IGNORE INTO message_word_list (word) VALUES (?)'),
    // A row an edit touched before its turn already has its key (the update trigger writes it).
    key: p('INSERT OR REPLACE INTO message_search_keys (id, key, seq) VALUES (?, ?, ?)'),
  };
}
