// Owns the SQLite part of PeopleStorage that SqliteStorage delegates to:
// profiles (JSON plus the folded name for ordering) with their search terms
// for prefix queries, and message search on the FTS5 word index (migration 7)
// with the words search-words.ts cuts (its SQL function is registered here),
// filled after each commit by sqlite-search-indexer.ts and caught up before a
// search. Each term is a phrase of its index words. A search walks windows of row ids
// newest first, looks at a bounded number of them, and says where it stopped,
// so the next page goes on.
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
}

const DEFAULT_BOUNDS: SearchBounds = { window: 50_000, maxWindows: 10, maxExamined: 5_000 };
/** Above every folded term in byte order (a prefix range's end). */
const TOP = '\u{10FFFF}';

type CandidateRow = { id: number; key: string; seq: number };

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
    const keys = JSON.stringify(query.scopes.map((s) => s.key));
    const after = new Map(query.scopes.map((s) => [s.key, s.afterSeq]));
    // Cursors are row ids (opaque to the core); a malformed one finds nothing.
    let hi =
      query.before === undefined
        ? ((this.s.maxId.get() as { id: number | null }).id ?? 0)
        : /^\d+$/.test(query.before)
          ? Number(query.before) - 1
          : -1;
    const phrases = query.terms.map(indexPhrase).filter((p) => p !== null);
    if (phrases.length === 0) return { rows: [] };
    const match = phrases.join(' AND ');
    const out: MessageSearchRow[] = [];
    const matches = termsMatcher(query.terms);
    let examined = 0;
    for (let chunk = 0; hi >= 1; chunk++) {
      if (chunk >= this.bounds.maxWindows || examined >= this.bounds.maxExamined)
        return { rows: out, resumeAt: String(hi + 1) };
      const lo = Math.max(1, hi - this.bounds.window + 1);
      const rows = this.s.match.all(match, lo, hi, keys) as CandidateRow[];
      for (const row of rows) {
        examined++;
        if (row.seq <= (after.get(row.key) ?? Number.MAX_SAFE_INTEGER)) continue;
        const { message } = JSON.parse((this.s.jsonOf.get(row.id) as { json: string }).json) as MessageRecord;
        const text = searchableText(message);
        // Checked again with the memory storage's rule: unicode61 folds case once more, which may differ.
        if (text === null || !matches(text)) continue;
        out.push({ key: row.key, message, cursor: String(row.id) });
        if (out.length >= query.limit) return { rows: out };
      }
      hi = lo - 1;
    }
    return { rows: out };
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
    // The index drives within a window of row ids, newest first; the compact key table filters in
    // SQL, so message rows are read only for candidates in the searched conversations.
    match: p(
      `SELECT k.id, k.key, k.seq FROM message_words s JOIN message_search_keys k ON k.id = s.rowid
       WHERE message_words MATCH ? AND s.rowid BETWEEN ? AND ? AND k.key IN (SELECT value FROM json_each(?))
       ORDER BY s.rowid DESC`,
    ),
    jsonOf: p('SELECT json FROM messages WHERE id = ?'),
  };
}
