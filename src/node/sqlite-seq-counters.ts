// Owns the per-conversation seq counters of the SQLite storage. When the
// storage is the database's only writer, counters are handed out from memory
// and written once per transaction, at its end (a group commit of 50 messages
// to one group wrote its counter 50 times); a rollback drops the cache.
// Otherwise every call goes to the database.
import type Database from 'better-sqlite3';
import type { ConversationKey } from '../server/storage';

export class SqliteSeqCounters {
  private readonly s: ReturnType<typeof prepare>;
  private readonly cache: Map<ConversationKey, number> | null;
  private readonly dirty = new Set<ConversationKey>();

  constructor(
    private readonly db: Database.Database,
    onlyWriter: boolean,
  ) {
    this.s = prepare(db);
    this.cache = onlyWriter ? new Map() : null;
  }

  next(key: ConversationKey): number {
    if (!this.cache) return (this.s.next.get(key) as { last: number }).last;
    const next = this.last(key) + 1;
    this.cache.set(key, next);
    if (this.db.inTransaction) this.dirty.add(key);
    else this.s.put.run(key, next);
    return next;
  }

  last(key: ConversationKey): number {
    const cached = this.cache?.get(key);
    if (cached !== undefined) return cached;
    const last = (this.s.last.get(key) as { last: number } | undefined)?.last ?? 0;
    this.cache?.set(key, last);
    return last;
  }

  /** Writes the counters handed out in the current transaction (call just before it commits). */
  flush(): void {
    if (this.dirty.size === 0) return;
    for (const key of this.dirty) this.s.put.run(key, this.cache?.get(key) ?? 0);
    this.dirty.clear();
  }

  /** After a rollback: what was handed out in it is gone. */
  reset(): void {
    this.cache?.clear();
    this.dirty.clear();
  }
}

function prepare(db: Database.Database) {
  return {
    next: db.prepare(
      'INSERT INTO seqs (key, last) VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET last = last + 1 RETURNING last',
    ),
    last: db.prepare('SELECT last FROM seqs WHERE key = ?'),
    put: db.prepare('INSERT OR REPLACE INTO seqs (key, last) VALUES (?, ?)'),
  };
}
