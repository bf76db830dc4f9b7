// ConversationListIndex (the in-memory storages' conversation pages and unread
// total): a page is the first states in list order after the cursor, whatever
// order the states were written in, and moves, hides and undone writes keep
// both the order and the total exact.
import { describe, expect, it } from 'vitest';
import { ConversationListIndex } from '../../src/server/conversation-list-index';
import { compareListOrder } from '../../src/server/conversation-order';
import type { ConversationStateRecord } from '../../src/server/storage';

const state = (i: number, updatedAt: number, hidden = false, unread = 0): ConversationStateRecord => ({
  user: 'alice',
  key: `group:g${i}`,
  id: `group:g${i}`,
  type: 'group',
  target: `g${i}`,
  readSeq: 0,
  clearedSeq: 0,
  unread,
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

function indexOf(states: readonly ConversationStateRecord[]): ConversationListIndex {
  const index = new ConversationListIndex();
  for (const s of states) index.replace(undefined, s);
  return index;
}

/** Every key of the list, page by page. */
function walk(index: ConversationListIndex, limit: number): string[] {
  const walked: string[] = [];
  let after: { updatedAt: number; key: string } | undefined;
  for (;;) {
    const page = index.page(after ? { after, limit } : { limit });
    if (page.length === 0) return walked;
    expect(page.length).toBeLessThanOrEqual(limit);
    walked.push(...page.map((s) => s.key));
    const last = page[page.length - 1]!;
    after = { updatedAt: last.updatedAt, key: last.key };
  }
}

describe('ConversationListIndex', () => {
  // Many ties on updatedAt (i % 97), some hidden: the order falls back to the key.
  const states = shuffled(Array.from({ length: 3000 }, (_, i) => state(i, i % 97, i % 11 === 0, i % 5)));
  const sorted = states.filter((s) => !s.hidden).sort(compareListOrder);

  it('walks the whole list page by page in list order, hidden states left out', () => {
    expect(walk(indexOf(states), 50)).toEqual(sorted.map((s) => s.key));
  });

  it('gives the same pages when the states come oldest first or newest first', () => {
    for (const input of [[...sorted].reverse(), [...sorted]]) {
      const index = indexOf(input);
      expect(index.page({ limit: 50 }).map((s) => s.key)).toEqual(sorted.slice(0, 50).map((s) => s.key));
      const after = { updatedAt: sorted[120]!.updatedAt, key: sorted[120]!.key };
      expect(index.page({ after, limit: 7 }).map((s) => s.key)).toEqual(sorted.slice(121, 128).map((s) => s.key));
    }
  });

  it('gives the first states when the limit is larger than the list, and none for a limit of 0', () => {
    const index = indexOf(states);
    expect(index.page({ limit: 10_000 }).map((s) => s.key)).toEqual(sorted.map((s) => s.key));
    expect(index.page({ limit: 0 })).toEqual([]);
  });

  it('sums the unread counts of the states that are not hidden', () => {
    expect(indexOf(states).unreadTotal()).toBe(sorted.reduce((n, s) => n + s.unread, 0));
  });

  it('moves a state that is written again, hides and shows it, and keeps the total', () => {
    const input = Array.from({ length: 10 }, (_, i) => state(i, i * 10, false, 1));
    const index = indexOf(input);
    const moved = { ...input[2]!, updatedAt: 1000, unread: 3 };
    index.replace(input[2], moved);
    expect(index.page({ limit: 3 }).map((s) => s.key)).toEqual(['group:g2', 'group:g9', 'group:g8']);
    expect(index.unreadTotal()).toBe(12);
    const hidden = { ...moved, hidden: true };
    index.replace(moved, hidden);
    expect(index.page({ limit: 1 })[0]!.key).toBe('group:g9');
    expect(index.unreadTotal()).toBe(9);
    index.replace(hidden, { ...hidden, hidden: false });
    expect(index.page({ limit: 1 })[0]!.key).toBe('group:g2');
  });

  it('undoes writes in reverse order back to the list it had', () => {
    const input = shuffled(Array.from({ length: 200 }, (_, i) => state(i, i % 13, i % 7 === 0, i % 3)));
    const index = indexOf(input);
    const before = walk(index, 30);
    const total = index.unreadTotal();
    const undo: (() => void)[] = [];
    let current = new Map(input.map((s) => [s.key, s]));
    for (let k = 0; k < 100; k++) {
      const old = current.get(`group:g${(k * 37) % 220}`);
      const i = (k * 37) % 220;
      const next = state(i, (k * 11) % 17, k % 9 === 0, k % 4);
      undo.push(index.replace(old, next));
      current = new Map(current).set(next.key, next);
    }
    expect(walk(index, 30)).toEqual(
      [...current.values()]
        .filter((s) => !s.hidden)
        .sort(compareListOrder)
        .map((s) => s.key),
    );
    for (let k = undo.length - 1; k >= 0; k--) undo[k]!();
    expect(walk(index, 30)).toEqual(before);
    expect(index.unreadTotal()).toBe(total);
  });
});
