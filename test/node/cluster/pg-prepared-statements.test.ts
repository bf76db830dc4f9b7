// PgDatabase's prepared statements on a real PostgreSQL: a statement is
// prepared once per connection, under a name its text gives (the same on
// every node), and a database connection that lost it (as behind a pooler in
// transaction mode, here DEALLOCATE ALL) makes the pool go on unprepared,
// inside a transaction (run again) as well as outside.
import { describe, expect, it } from 'vitest';
import { openPgDatabase, type PgDatabase } from '../../../src/node/pg-database';
import { usePostgres } from './support/services';

const pg = usePostgres();

/** A pool of one connection, so that every statement below runs on the same one. */
async function oneConnection(): Promise<PgDatabase> {
  return pg.closeAfter(await openPgDatabase({ url: pg.postgres.url, poolSize: 1 }));
}

const SQL = 'SELECT $1::int + 1 AS n';
const preparedHere = async (db: PgDatabase) =>
  db.rows<{ name: string; statement: string }>('SELECT name, statement FROM pg_prepared_statements');

describe('PgDatabase prepared statements', () => {
  it('prepares a statement once per connection, named after its text, the same name on another node', async () => {
    const [a, b] = [await oneConnection(), await oneConnection()];
    expect(await a.prepared(SQL, [1])).toEqual([{ n: 2 }]);
    expect(await a.prepared(SQL, [2])).toEqual([{ n: 3 }]);
    const onA = await preparedHere(a);
    expect(onA).toHaveLength(1);
    expect(onA[0]!.name).toMatch(/^natter_[0-9a-f]{32}$/);
    expect(onA[0]!.statement).toBe(SQL);
    await b.prepared(SQL, [1]);
    expect((await preparedHere(b)).map((r) => r.name)).toEqual([onA[0]!.name]);
    // rows() prepares nothing.
    await a.rows('SELECT $1::int AS other', [1]);
    expect(await preparedHere(a)).toHaveLength(1);
  });

  it('goes on unprepared once the connection lost a prepared statement', async () => {
    const db = await oneConnection();
    await db.prepared(SQL, [1]);
    await db.rows('DEALLOCATE ALL');
    expect(await db.prepared(SQL, [5])).toEqual([{ n: 6 }]);
    expect(await db.prepared('SELECT $1::int * 2 AS n', [5])).toEqual([{ n: 10 }]);
    expect(await preparedHere(db)).toEqual([]);
  });

  it('runs a transaction again, unprepared, when a statement in it was lost', async () => {
    const db = await oneConnection();
    let attempts = 0;
    const result = await db.transaction(async (tx) => {
      attempts++;
      await tx.prepared(SQL, [1]);
      await tx.rows('DEALLOCATE ALL');
      return tx.prepared(SQL, [41]);
    });
    expect(result).toEqual([{ n: 42 }]);
    expect(attempts).toBe(2);
    expect(await preparedHere(db)).toEqual([]);
  });
});
