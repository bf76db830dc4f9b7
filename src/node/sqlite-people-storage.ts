// Owns the SQLite part of PeopleStorage that SqliteStorage delegates to:
// profiles (JSON plus the folded name for ordering) with their search terms
// for prefix queries, and message search on the FTS5 word index (migrations 7,
// 12 and 13: each message's words, cut by search-words.ts whose SQL functions
// are registered here, its conversation key, and the list of words), filled
// after each commit by sqlite-search-indexer.ts and caught up before a search
// (in slices, when the search comes from the core: prepareSearch).
// How a search reads the index is sqlite-message-search.ts; a search from the
// core runs there on the reader thread (sqlite-reader.ts), shared with SqliteStorage.
import type Database from 'better-sqlite3';
import type { UserId } from '../protocol/message';
import type {
  MessageSearchQuery,
  MessageSearchResult,
  PeopleStorage,
  ProfileRecord,
  ProfileSearchQuery,
} from '../server/people-storage';
import { foldForSearch, profileTerms } from '../server/search-text';
import { indexedWords, textIndexWords } from '../server/search-words';
import { DEFAULT_BOUNDS, messageSearch, type SearchBounds } from './sqlite-message-search';
import { listedWord, SqliteSearchIndexer } from './sqlite-search-indexer';
import type { SqliteReader } from './sqlite-reader';

export type { SearchBounds } from './sqlite-message-search';

/** Above every folded term in byte order (a prefix range's end). */
const TOP = '\u{10FFFF}';

/**
 * Registers `natter_search_words(text)`, which the word index's triggers call: every connection that
 * writes messages needs it (before `migrate`, whose migration 7 fills the index), with
 * `natter_search_word_list(text)`, its listed words as a JSON array (migration 13); and
 * `natter_profile_terms(json)`, a stored profile record's search terms as a JSON array (migration 10
 * adds the terms newer code finds names by).
 */
export function registerSearchWords(db: Database.Database): void {
  db.function('natter_search_words', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? indexedWords(text) : null,
  );
  db.function('natter_search_word_list', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? JSON.stringify([...new Set(textIndexWords(text).map(listedWord))]) : '[]',
  );
  db.function('natter_profile_terms', { deterministic: true }, (json: unknown) =>
    typeof json === 'string' ? JSON.stringify(profileTerms((JSON.parse(json) as ProfileRecord).profile)) : '[]',
  );
}

export class SqlitePeopleStorage implements PeopleStorage {
  private readonly s: ReturnType<typeof prepare>;
  private readonly indexer: SqliteSearchIndexer;

  /** `transaction` is SqliteStorage's (joins the core's open transaction); `reader` its reader thread. */
  constructor(
    db: Database.Database,
    private readonly transaction: <T>(fn: () => T) => T,
    private readonly reader: SqliteReader,
    private readonly bounds: SearchBounds = DEFAULT_BOUNDS,
  ) {
    this.s = prepare(db);
    this.indexer = new SqliteSearchIndexer(db);
  }

  /** A message row was inserted: it is indexed for search after its commit. */
  messageStored(): void {
    this.indexer.stored();
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
    // Whole: the core also saves profiles outside its transactions (last seen, a first connection),
    // and a profile whose terms were lost would no longer be found by its name.
    const user = record.profile.user;
    this.transaction(() => {
      this.s.putProfile.run(user, foldForSearch(record.profile.name), JSON.stringify(record));
      this.s.deleteTerms.run(user);
      for (const term of profileTerms(record.profile)) this.s.insertTerm.run(term, user);
    });
  }

  searchProfiles(query: ProfileSearchQuery): ProfileRecord[] {
    const rows = this.s.searchProfiles.all(query.prefix, query.prefix + TOP, query.limit) as Array<{ json: string }>;
    return rows.map((r) => JSON.parse(r.json) as ProfileRecord);
  }

  /**
   * Before a search from the core: indexes what the background indexer has not reached yet, a
   * slice per turn of the event loop (the search's own catch-up is then short).
   */
  prepareSearch(): Promise<void> {
    return this.indexer.caughtUp();
  }

  searchMessages(query: MessageSearchQuery): MessageSearchResult {
    // Every stored message is found, including those the background indexer has not reached yet.
    this.indexer.catchUp();
    return this.reader.runHere(messageSearch(query, this.bounds));
  }

  /** searchMessages with the index read on the reader thread (the event loop goes on meanwhile). */
  searchInBackground(query: MessageSearchQuery): Promise<MessageSearchResult> {
    // Inside a transaction of the writer, what the catch-up indexes is not committed yet: the reader
    // then reads on the writer's connection (sqlite-reader.ts), as searchMessages does.
    this.indexer.catchUp();
    return this.reader.run(messageSearch(query, this.bounds));
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
  };
}
