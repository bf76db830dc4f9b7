// Owns PgStorage's connection to PostgreSQL: opening the pool and migrating
// (safe when several nodes start at once), running a statement on the pool or
// on a transaction's client, prepared once per connection or not (`prepared`),
// transactions that are run again when they lose a race (deadlock,
// serialization failure, unique violation, a prepared statement a pooler
// lost), and turning a database that cannot be reached into 5031 (retry).
import { createHash } from 'node:crypto';
import pg from 'pg';
import { ErrorCode, NatterError } from '../protocol/errors';
import { lostPreparedStatement, pgRetryKind } from './pg-errors';
import { migratePg } from './pg-migrations';
import type { PgRows } from './pg-people-storage';

export interface PgStorageOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

type Queryable = pg.Pool | pg.PoolClient;
const MAX_ATTEMPTS = 8;

/** Whether `prepared` prepares: shared by a pool's views, off for good once a pooler lost a statement. */
interface Preparing {
  on: boolean;
}

const names = new Map<string, string>();

/**
 * A prepared statement's name, from its text: the same on every node and version for the same
 * text, so a pooler that hands one server connection to several nodes never runs another text
 * under it.
 */
function statementName(sql: string): string {
  let name = names.get(sql);
  if (name === undefined)
    names.set(sql, (name = `natter_${createHash('sha1').update(sql).digest('hex').slice(0, 32)}`));
  return name;
}

/** Opens the pool and migrates. */
export async function openPgDatabase(options: PgStorageOptions): Promise<PgDatabase> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
  });
  // A connection that dies (database restart) must not crash the process: idle ones report on the
  // pool, and every client gets a listener of its own the moment it exists, for a death while it is
  // checked out (pool.query's clients included). The query that was running fails, which is handled.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  try {
    const client = await pool.connect();
    try {
      await migratePg(client);
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end();
    throw e;
  }
  return new PgDatabase(pool, pool, false, { on: true });
}

export class PgDatabase {
  /** Runs one statement (inside the transaction when this is one). */
  readonly rows: PgRows;
  /**
   * Runs one statement prepared on each connection the first time it runs there (the statements a
   * send makes: parsed and planned once per connection, not each time). Only for statements whose
   * best plan does not depend on their parameters' values (lookups by key): a prepared statement
   * may be given one plan for all values. Unprepared from then on where a pooler between here and
   * the database lost one (PgBouncer in transaction mode before 1.21).
   */
  readonly prepared: PgRows;

  constructor(
    private readonly pool: pg.Pool,
    q: Queryable,
    readonly inTx: boolean,
    private readonly preparing: Preparing,
  ) {
    this.rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
      try {
        return (await q.query(sql, params)).rows as T[];
      } catch (e) {
        throw unavailable(e);
      }
    };
    this.prepared = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
      if (!preparing.on) return this.rows<T>(sql, params);
      try {
        return (await q.query({ name: statementName(sql), text: sql, values: params })).rows as T[];
      } catch (e) {
        if (!lostPreparedStatement(e)) throw unavailable(e);
        preparing.on = false;
        // The failure ended the transaction: transaction() runs it again (pgRetryKind), unprepared.
        if (inTx) throw e;
        return this.rows<T>(sql, params);
      }
    };
  }

  /** Inside a transaction, rows read are locked until it ends (storage.ts: read for update). */
  get lock(): string {
    return this.inTx ? ' FOR UPDATE' : '';
  }

  /** Inside a transaction, rows read to check are kept from changing but others may check them too. */
  get shareLock(): string {
    return this.inTx ? ' FOR SHARE' : '';
  }

  async transaction<T>(fn: (tx: PgDatabase) => Promise<T>): Promise<T> {
    if (this.inTx) return fn(this);
    for (let attempt = 1; ; attempt++) {
      let client: pg.PoolClient;
      try {
        client = await this.pool.connect();
      } catch (e) {
        throw unavailable(e);
      }
      // A connection cut while checked out (database restart) emits 'error': the query fails too,
      // which is what is handled; unlistened, the event would end the process.
      if (client.listenerCount('error') === 0) client.on('error', () => undefined);
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(new PgDatabase(this.pool, client, true, this.preparing));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => (broken = true));
        const kind = pgRetryKind(e);
        if (kind === 'race' && attempt < MAX_ATTEMPTS) continue;
        throw unavailable(e);
      } finally {
        client.release(broken);
      }
    }
  }

  async ping(): Promise<void> {
    await this.rows('SELECT 1');
  }

  /** The database server's time, ms since epoch (the cluster clock, pg-clock.ts). */
  async databaseTime(): Promise<number> {
    const [row] = await this.rows<{ t: number }>('SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS t');
    return Number(row!.t);
  }

  async close(): Promise<void> {
    if (!this.inTx) await this.pool.end();
  }
}

/** A failure to reach the database becomes 5031 (retryable); anything else is rethrown as is. */
function unavailable(e: unknown): unknown {
  if (e instanceof NatterError) return e;
  return pgRetryKind(e) === 'connection' ? new NatterError(ErrorCode.STORAGE_UNAVAILABLE, undefined, 1000) : e;
}
