// The cluster clock follows PostgreSQL's time, not the machine's: a node
// whose own clock is an hour slow still stamps the database's time, and a
// new measure that lowers the offset never makes the clock run backwards.
import { beforeAll, describe, expect, it } from 'vitest';
import { createPgClock } from '../../../src/node/pg-clock';
import { openPgStorage, type PgStorage } from '../../../src/node/pg-storage';
import { usePostgres } from './support/services';

const server = usePostgres();
let storage: PgStorage;
beforeAll(async () => {
  storage = server.closeAfter(await openPgStorage({ url: server.postgres.url, poolSize: 2 }));
});

const HOUR = 3_600_000;

describe('the cluster clock', { timeout: 60_000 }, () => {
  it("reads the database's time on a machine whose clock is an hour slow", async () => {
    // PostgreSQL runs on this machine: its time is this machine's real time.
    const clock = await createPgClock(() => storage.databaseTime(), { local: () => Date.now() - HOUR });
    try {
      expect(Math.abs(clock.now() - Date.now())).toBeLessThan(2_000);
    } finally {
      clock.stop();
    }
  });

  it('does not run backwards when a new measure lowers the offset', async () => {
    let skew = 0;
    const clock = await createPgClock(() => storage.databaseTime(), { local: () => Date.now() + skew });
    try {
      const before = clock.now();
      // The machine's clock jumps a minute ahead; measured again, the offset drops by a minute.
      skew = 60_000;
      const jumped = clock.now();
      expect(jumped - before).toBeGreaterThanOrEqual(59_000);
      await clock.sync();
      expect(clock.now()).toBeGreaterThanOrEqual(jumped);
      expect(Math.abs(clock.now() - jumped)).toBeLessThan(2_000);
    } finally {
      clock.stop();
    }
  });
});
