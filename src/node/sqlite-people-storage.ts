// Owns the SQLite part of PeopleStorage that SqliteStorage delegates to:
// profiles (JSON plus the folded name for ordering) with their search terms
// for prefix queries, and message search on the FTS5 word index (migrations 7
// and 12: each message's words, cut by search-words.ts whose SQL function is
// registered here, and its conversation key), filled after each commit by
// sqlite-search-indexer.ts and caught up before a search. Each term is a
// phrase of its index words. A search in a few conversations names their keys
// in the index query; one in many walks windows of row ids newest first. Both
// look at a bounded number of candidates and say where they stopped, so the
// next page goes on.
import type Database from 'better-sqlite3';
import type { UserId } from '../protocol/message';
import type { MessageRecord } from '../server/storage';
import type {
  MessageSearchQuery,
  MessageSearchResult,
  MessageSearchRow,
  PeopleStorage,
  ProfileRecord,
  ProfileSearchQuery,
} from '../server/people-storage';
import { foldForSearch, profileTerms, searchableText, termsMatcher } from '../server/search-text';
import { indexedWords, indexPhrase } from '../server/search-words';
import { SqliteSearchIndexer } from './sqlite-search-indexer';

/** How much one search may look at before it answers with what it has (and where to go on). */
export interface SearchBounds {
  /** Row ids per window: a search walks windows newest first (default 50,000). */
  window: number;
  /** Windows per search (default 10). */
  maxWindows: number;
  /** Candidate rows per search (default 5,000). */
  maxExamined: number;
  /**
   * Up to this many conversations searched at once, the index query names them; past it, it
   * finds the words in every conversation and they are filtered (default 200).
   */
  maxConversations: number;
}

const DEFAULT_BOUNDS: SearchBounds = { window: 50_000, maxWindows: 10, maxExamined: 5_000, maxConversations: 200 };
/** Above every folded term in byte order (a prefix range's end). */
const TOP = '\u{10FFFF}';

type CandidateRow = { id: number; key: string; seq: number };

/** Collects a page's hits from index candidates; `offer` says when the page is full. */
interface HitCollector {
  rows: MessageSearchRow[];
  offer(row: CandidateRow): boolean;
}

/**
 * Registers `natter_search_words(text)`, which the word index's triggers call: every connection that
 * writes messages needs it (before `migrate`, whose migration 7 fills the index); and
 * `natter_profile_terms(json)`, a stored profile record's search terms as a JSON array (migration 10
 * adds the terms newer code finds names by).
 */
export function registerSearchWords(db: Database.Database): void {
  db.function('natter_search_words', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? indexedWords(text) : null,
  );
  db.function('natter_profile_terms', { deterministic: true }, (json: unknown) =>
    typeof json === 'string' ? JSON.stringify(profileTerms((JSON.parse(json) as ProfileRecord).profile)) : '[]',
  );
}

export class SqlitePeopleStorage implements PeopleStorage {
  private readonly s: ReturnType<typeof prepare>;
  private readonly indexer: SqliteSearchIndexer;

  constructor(
    db: Database.Database,
    private readonly bounds: SearchBounds = DEFAULT_BOUNDS,
  ) {
    this.s = prepare(db);
    this.indexer = new SqliteSearchIndexer(db);
  }

  /** A message row was inserted: it is indexed for search after its commit. */
  messageStored(): void {
    this.indexer.schedule();
  }

  /** Stops indexing in the background (before the database closes). */
  stop(): void {
    this.indexer.stop();
  }

  getProfiles(users: UserId[]): ProfileRecord[] {
    if (users.length === 0) return [];
    return (this.s.getProfiles.all(JSON.stringify(users)) as Array<{ json: string }>).map(
      (r) => JSON.parse(r.json) as ProfileRecord,
    );
  }

  putProfile(record: ProfileRecord): void {
    const user = record.profile.user;
    this.s.putProfile.run(user, foldForSearch(record.profile.name), JSON.stringify(record));
    this.s.deleteTerms.run(user);
    for (const term of profileTerms(record.profile)) this.s.insertTerm.run(term, user);
  }

  searchProfiles(query: ProfileSearchQuery): ProfileRecord[] {
    const rows = this.s.searchProfiles.all(query.prefix, query.prefix + TOP, query.limit) as Array<{ json: string }>;
    return rows.map((r) => JSON.parse(r.json) as ProfileRecord);
  }

  searchMessages(query: MessageSearchQuery): MessageSearchResult {
    // Every stored message is found, including those the background indexer has not reached yet.
    this.indexer.catchUp();
    // Cursors are row ids (opaque to the core); a malformed one finds nothing.
    const hi =
      query.before === undefined
        ? ((this.s.maxId.get() as { id: number | null }).id ?? 0)
        : /^\d+$/.test(query.before)
          ? Number(query.before) - 1
          : -1;
    const phrases = query.terms.map(indexPhrase).filter((p) => p !== null);
    if (phrases.length === 0 || hi < 1 || query.scopes.length === 0) return { rows: [] };
    const words = phrases.join(' AND ');
    const hits = this.hitCollector(query);
    if (query.scopes.length > this.bounds.maxConversations) return this.searchInWindows(query, words, hi, hits);
    const convs = query.scopes.map((s) => `"${s.key.replaceAll('"', '""')}"`).join(' OR ');
    return this.searchInConversations(query, `{words}: (${words}) AND {conv}: (${convs})`, hi, hits);
  }

  /**
   * A user in few conversations: their keys are part of the index query (its words AND any of the
   * keys, newest first), so it reads only what those conversations hold.
   */
  private searchInConversations(
    query: MessageSearchQuery,
    match: string,
    hi: number,
    hits: HitCollector,
  ): MessageSearchResult {
    const batch = Math.max(query.limit * 2, 50);
    let examined = 0;
    for (;;) {
      const rows = this.s.matchNewest.all(match, hi, batch) as CandidateRow[];
      for (const row of rows) {
        if (examined++ >= this.bounds.maxExamined) return { rows: hits.rows, resumeAt: String(row.id + 1) };
        if (hits.offer(row)) return { rows: hits.rows };
      }
      if (rows.length < batch) return { rows: hits.rows };
      hi = rows[rows.length - 1]!.id - 1;
    }
  }

  /**
   * A user in many conversations: the index's matches are filtered by conversation in SQL,
   * walking windows of row ids newest first, a bounded number of them per request.
   */
  private searchInWindows(
    query: MessageSearchQuery,
    words: string,
    hi: number,
    hits: HitCollector,
  ): MessageSearchResult {
    const keys = JSON.stringify(query.scopes.map((s) => s.key));
    const match = `{words}: (${words})`;
    let examined = 0;
    for (let chunk = 0; hi >= 1; chunk++) {
      if (chunk >= this.bounds.maxWindows || examined >= this.bounds.maxExamined)
        return { rows: hits.rows, resumeAt: String(hi + 1) };
      const lo = Math.max(1, hi - this.bounds.window + 1);
      const rows = this.s.matchInWindow.all(match, lo, hi, keys) as CandidateRow[];
      for (const row of rows) {
        examined++;
        if (hits.offer(row)) return { rows: hits.rows };
      }
      hi = lo - 1;
    }
    return { rows: hits.rows };
  }

  /** Turns index candidates into hits: after the conversation's cleared seq, and every term found as words. */
  private hitCollector(query: MessageSearchQuery): HitCollector {
    const after = new Map(query.scopes.map((s) => [s.key, s.afterSeq]));
    const matches = termsMatcher(query.terms);
    const rows: MessageSearchRow[] = [];
    return {
      rows,
      offer: (row) => {
        if (row.seq <= (after.get(row.key) ?? Number.MAX_SAFE_INTEGER)) return false;
        const { message } = JSON.parse((this.s.jsonOf.get(row.id) as { json: string }).json) as MessageRecord;
        const text = searchableText(message);
        // Checked again with the memory storage's rule: unicode61 folds case once more, which may differ.
        if (text === null || !matches(text)) return false;
        rows.push({ key: row.key, message, cursor: String(row.id) });
        return rows.length >= query.limit;
      },
    };
  }
}

function prepare(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    getProfiles: p('SELECT json FROM profiles WHERE user IN (SELECT value FROM json_each(?))'),
    putProfile: p('INSERT OR REPLACE INTO profiles (user, name_key, json) VALUES (?, ?, ?)'),
    deleteTerms: p('DELETE FROM profile_terms WHERE user = ?'),
    insertTerm: p('INSERT OR IGNORE INTO profile_terms (term, user) VALUES (?, ?)'),
    searchProfiles: p(
      'SELECT json FROM profiles WHERE user IN (SELECT user FROM profile_terms WHERE term >= ? AND term < ?) ORDER BY name_key, user LIMIT ?',
    ),
    maxId: p('SELECT max(id) AS id FROM messages'),
    // The index drives, newest first (its query names the conversations).
    matchNewest: p(
      `SELECT k.id, k.key, k.seq FROM message_words s JOIN message_search_keys k ON k.id = s.rowid
       WHERE message_words MATCH ? AND s.rowid <= ? ORDER BY s.rowid DESC LIMIT ?`,
    ),
    // The index drives within a window of row ids, newest first; the compact key table filters in
    // SQL, so message rows are read only for candidates in the searched conversations.
    matchInWindow: p(
      `SELECT k.id, k.key, k.seq FROM message_words s JOIN message_search_keys k ON k.id = s.rowid
       WHERE message_words MATCH ? AND s.rowid BETWEEN ? AND ? AND k.key IN (SELECT value FROM json_each(?))
       ORDER BY s.rowid DESC`,
    ),
    jsonOf: p('SELECT json FROM messages WHERE id = ?'),
  };
}
