// Age-based pruning of the event logs on SQLite, where it runs on the event
// loop: a run goes through the users a page at a time, and what arrives
// meanwhile is served between pages.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/server/clock';
import { EventAgePruner } from '../../src/server/event-age-pruner';
import { asyncStorage } from '../../src/server/sync-storage-adapter';
import { sampledEachTurn } from '../support/each-turn';
import { useTempSqlite } from './support/temp-sqlite';

const { tempDb, open } = useTempSqlite('natter-event-age-');
const HOUR = 3_600_000;

describe('event log pruning by age on SQLite', () => {
  it('prunes every user a page at a time, the event loop turning between pages', async () => {
    const clock = createManualClock();
    const s = open(tempDb());
    const users = Array.from({ length: 700 }, (_, i) => `user${String(i).padStart(3, '0')}`);
    const evt = { type: 'blocklist' as const, blocked: [] };
    s.transaction(() => {
      for (const user of users) {
        s.appendEvent(user, evt, clock.now() - 2 * HOUR);
        s.appendEvent(user, evt, clock.now());
      }
    });
    const pruned = () => users.filter((user) => s.firstEventPosition(user) === 2).length;
    const errors: unknown[] = [];
    const pruner = new EventAgePruner(asyncStorage(s), clock, HOUR, HOUR, (e) => errors.push(e));
    let seen: number[];
    try {
      ({ samples: seen } = await sampledEachTurn(pruned, async () => {
        pruner.start();
        await expect.poll(pruned, { timeout: 10_000 }).toBe(users.length);
      }));
    } finally {
      pruner.stop();
    }
    expect(errors).toEqual([]);
    // Some users were pruned and others not yet while the event loop ran (one transaction shows none).
    expect(seen.some((n) => n > 0 && n < users.length)).toBe(true);
    for (const user of users) expect(s.lastEventPosition(user)).toBe(2);
  });
});
