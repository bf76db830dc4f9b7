// Owns the words a PostgreSQL transaction adds to the list of indexed words
// (search_lexemes, pg-search.ts): collected while it runs and inserted in one
// statement, in word order, as the last before its commit. Two transactions
// adding the same new word wait for each other (the second learns whether
// the first's row commits); inserted message by message, two nodes' group
// commits took such words in different orders and deadlocked, and PostgreSQL
// found that only after its deadlock timeout (1 s by default) before one ran
// again. One sorted statement after every other lock the transaction takes
// cannot close such a cycle. A word left there by a rolled-back message only
// widens a prefix search by one word that matches nothing. Outside a
// transaction a message's write inserts its words itself (writeWithWords).
import type { PgDatabase } from './pg-database';

/** The insert of parameter $n's words into the list of indexed words, in word order (safe to run concurrently). */
const insertWordsSql = (n: number): string =>
  `INSERT INTO search_lexemes (word) SELECT w FROM unnest($${n}::text[]) AS t(w) ORDER BY w COLLATE "C" ON CONFLICT DO NOTHING`;

/**
 * Runs a message's insert or update, whose `newWords` join the list of indexed words: the
 * transaction's `words` take them (inserted before its commit) or, outside one, the same statement
 * inserts them.
 */
export async function writeWithWords(
  db: PgDatabase,
  sql: string,
  params: unknown[],
  newWords: readonly string[],
  words: PgSearchWords | null | undefined,
): Promise<void> {
  if (words) {
    words.add(newWords);
    await db.prepared(sql, params);
  } else await db.prepared(`WITH words AS (${insertWordsSql(params.length + 1)}) ${sql}`, [...params, newWords]);
}

export class PgSearchWords {
  private readonly words = new Set<string>();

  constructor(private readonly tx: PgDatabase) {}

  add(words: readonly string[]): void {
    for (const w of words) this.words.add(w);
  }

  /** Inserts the words collected; run it last before the commit. */
  async write(): Promise<void> {
    if (this.words.size > 0) await this.tx.prepared(insertWordsSql(1), [[...this.words]]);
  }
}
