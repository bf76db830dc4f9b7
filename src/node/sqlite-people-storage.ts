// Owns the SQLite part of PeopleStorage that SqliteStorage delegates to:
// profiles (JSON plus the folded name for ordering) with their search terms
// for prefix queries, and message search on the FTS5 trigram index kept by
// triggers (migration 4). Terms of 3+ characters go through the index; a
// query made only of shorter terms (two Chinese characters, one emoji) walks
// the messages newest first. Either way one request looks at a bounded number
// of rows and says where it stopped, so the next page goes on from there.
import type Database from 'better-sqlite3';
import type { UserId } from '../protocol/message';
import type { MessageRecord } from '../server/storage';
import type { MessageSearchQuery, MessageSearchResult, MessageSearchRow, PeopleStorage, ProfileRecord, ProfileSearchQuery } from '../server/people-storage';
import { foldForSearch, matchesAll, profileTerms, searchableText } from '../server/search-text';

/** Rows one search may look at before it answers with what it has (and where to go on). */
const MAX_EXAMINED = 10_000;
/** Above every folded term in byte order (a prefix range's end). */
const TOP = '\u{10FFFF}';

type CandidateRow = { id: number; key: string; seq: number };

const quote = (term: string): string => `"${term.replaceAll('"', '""')}"`;

export class SqlitePeopleStorage implements PeopleStorage {
  private readonly s: ReturnType<typeof prepare>;

  constructor(db: Database.Database) {
    this.s = prepare(db);
  }

  getProfiles(users: UserId[]): ProfileRecord[] {
    if (users.length === 0) return [];
    return (this.s.getProfiles.all(JSON.stringify(users)) as Array<{ json: string }>).map((r) => JSON.parse(r.json) as ProfileRecord);
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
    const after = new Map(query.scopes.map((s) => [s.key, s.afterSeq]));
    // Cursors are row ids (opaque to the core); a malformed one finds nothing.
    const before = query.before === undefined ? Number.MAX_SAFE_INTEGER : /^\d+$/.test(query.before) ? Number(query.before) : 0;
    const indexed = query.terms.filter((t) => [...t].length >= 3);
    const rows = indexed.length > 0 ? this.s.match.iterate(indexed.map(quote).join(' '), before) : this.s.scan.iterate(before);
    const out: MessageSearchRow[] = [];
    let examined = 0;
    // Rows of conversations outside the scopes are skipped here, not in SQL, so that they count
    // towards the bound: one request never walks more than MAX_EXAMINED rows.
    for (const row of rows as IterableIterator<CandidateRow>) {
      if (++examined > MAX_EXAMINED) return { rows: out, resumeAt: String(row.id + 1) };
      if (row.seq <= (after.get(row.key) ?? Number.MAX_SAFE_INTEGER)) continue;
      const { message } = JSON.parse((this.s.jsonOf.get(row.id) as { json: string }).json) as MessageRecord;
      const text = searchableText(message);
      // The index finds candidates; the terms shorter than a trigram (and case folding) are checked here.
      if (text === null || !matchesAll(text, query.terms)) continue;
      out.push({ key: row.key, message, cursor: String(row.id) });
      if (out.length >= query.limit) break;
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
    jsonOf: p('SELECT json FROM messages WHERE id = ?'),
    // The index drives, newest rowid first.
    match: p(
      `SELECT m.id, m.key, m.seq FROM message_search s JOIN messages m ON m.id = s.rowid
       WHERE message_search MATCH ? AND s.rowid < ? ORDER BY s.rowid DESC`,
    ),
    scan: p('SELECT id, key, seq FROM messages WHERE id < ? ORDER BY id DESC'),
  };
}
