// Owns the words a PostgreSQL transaction adds to the list of indexed words
// (search_lexemes, pg-search.ts): collected while it runs and inserted in one
// statement, in word order, as the last before its commit. Two transactions
// adding the same new word wait for each other (the second learns whether
// the first's row commits); inserted message by message, two nodes' group
// commits took such words in different orders and deadlocked, and PostgreSQL
// found that only after its deadlock timeout (1 s by default) before one ran
// again. One sorted statement after every other lock the transaction takes
// cannot close such a cycle. A word left there by a rolled-back message only
// widens a prefix search by one word that matches nothing.
import type { PgDatabase } from './pg-database';

/** Inserts `words` (one statement, in word order; safe to run concurrently with the same words). */
export async function insertSearchWords(db: PgDatabase, words: readonly string[]): Promise<void> {
  if (words.length === 0) return;
  await db.prepared(
    'INSERT INTO search_lexemes (word) SELECT w FROM unnest($1::text[]) AS t(w) ORDER BY w COLLATE "C" ON CONFLICT DO NOTHING',
    [words],
  );
}

export class PgSearchWords {
  private readonly words = new Set<string>();

  constructor(private readonly tx: PgDatabase) {}

  add(words: readonly string[]): void {
    for (const w of words) this.words.add(w);
  }

  /** Inserts the words collected; run it last before the commit. */
  write(): Promise<void> {
    return insertSearchWords(this.tx, [...this.words]);
  }
}
