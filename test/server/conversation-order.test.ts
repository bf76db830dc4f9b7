// pageOf (the in-memory storages' conversation pages): a page is the first
// states in list order after the cursor, whatever order the states come in.
import { describe, expect, it } from 'vitest';
import { compareListOrder, pageOf } from '../../src/server/conversation-order';
import type { ConversationStateRecord } from '../../src/server/storage';

const state = (i: number, updatedAt: number, hidden = false): ConversationStateRecord => ({
  user: 'alice',
  key: `group:g${i}`,
  id: `group:g${i}`,
  type: 'group',
  target: `g${i}`,
  readSeq: 0,
  clearedSeq: 0,
  unread: 0,
  hidden,
  lastServerId: null,
  updatedAt,
});

/** A fixed shuffle (no Math.random: the test reads the same every run). */
function shuffled<T>(xs: T[]): T[] {
  const out = [...xs];
  let seed = 7;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('pageOf', () => {
  // Many ties on updatedAt (i % 97), some hidden: the order falls back to the key.
  const states = shuffled(Array.from({ length: 3000 }, (_, i) => state(i, i % 97, i % 11 === 0)));
  const sorted = states.filter((s) => !s.hidden).sort(compareListOrder);

  it('walks the whole list page by page in list order, hidden states left out', () => {
    const walked: string[] = [];
    let after: { updatedAt: number; key: string } | undefined;
    for (;;) {
      const page = pageOf(states, after ? { after, limit: 50 } : { limit: 50 });
      if (page.length === 0) break;
      expect(page.length).toBeLessThanOrEqual(50);
      walked.push(...page.map((s) => s.key));
      const last = page[page.length - 1]!;
      after = { updatedAt: last.updatedAt, key: last.key };
    }
    expect(walked).toEqual(sorted.map((s) => s.key));
  });

  it('gives the same pages when the states come oldest first or newest first (every state entering the page, or none)', () => {
    const oldestFirst = [...sorted].reverse();
    const newestFirst = [...sorted];
    for (const input of [oldestFirst, newestFirst]) {
      expect(pageOf(input, { limit: 50 }).map((s) => s.key)).toEqual(sorted.slice(0, 50).map((s) => s.key));
      const after = { updatedAt: sorted[120]!.updatedAt, key: sorted[120]!.key };
      expect(pageOf(input, { after, limit: 7 }).map((s) => s.key)).toEqual(sorted.slice(121, 128).map((s) => s.key));
    }
  });

  it('gives the first states when the limit is larger than the list, and none for a limit of 0', () => {
    expect(pageOf(states, { limit: 10_000 }).map((s) => s.key)).toEqual(sorted.map((s) => s.key));
    expect(pageOf(states, { limit: 0 })).toEqual([]);
  });
});
