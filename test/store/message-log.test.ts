import { describe, expect, it } from 'vitest';
import type { PendingMessage } from '../../src/client/chat-client-types';
import type { Message } from '../../src/protocol/message';
import type { ConversationMessages } from '../../src/store/chat-state';
import { nextMessages, sameStored, storedOf } from '../../src/store/message-log';

const msg = (seq: number, text = `m${seq}`): Message => ({
  serverId: `s${seq}`,
  localId: `l${seq}`,
  from: 'bob',
  to: 'me',
  chatType: 'single',
  seq,
  ts: 1000 + seq,
  body: { type: 'txt', msg: text },
});
const seqs = (e: ConversationMessages | null | undefined) => e?.items.map((m) => m.seq);
const pendingOf = (localId: string) =>
  ({ localId, conversation: 'single:bob', status: 'pending' }) as unknown as PendingMessage;

describe('nextMessages', () => {
  it('appends newer messages without changing what earlier entries show', () => {
    const a = nextMessages(undefined, [msg(1), msg(2)], null);
    const b = nextMessages(a ?? undefined, [msg(3)], null);
    const c = nextMessages(b ?? undefined, [msg(5), msg(4)], null);
    expect(seqs(c)).toEqual([1, 2, 3, 4, 5]);
    expect(seqs(b)).toEqual([1, 2, 3]);
    expect(seqs(a)).toEqual([1, 2]);
    expect(c?.items).toBe(c?.items);
  });

  it('keeps both lines apart when an older entry is appended to again', () => {
    const a = nextMessages(undefined, [msg(1)], null) ?? undefined;
    const b = nextMessages(a, [msg(2)], null);
    const other = nextMessages(a, [msg(3)], null);
    expect(seqs(b)).toEqual([1, 2]);
    expect(seqs(other)).toEqual([1, 3]);
    expect(seqs(nextMessages(b ?? undefined, [msg(4)], null))).toEqual([1, 2, 4]);
    expect(seqs(a)).toEqual([1]);
  });

  it('merges older messages, repeats and tombstones by seq', () => {
    const a = nextMessages(undefined, [msg(5), msg(6)], null) ?? undefined;
    const withHistory = nextMessages(a, [msg(3), msg(4), msg(5)], null) ?? undefined;
    expect(seqs(withHistory)).toEqual([3, 4, 5, 6]);
    expect(nextMessages(withHistory, [msg(4)], null)).toBe(withHistory);
    const tombstone: Message = { ...msg(4), body: { type: 'recalled', recalledAt: 2000, by: 'bob' } };
    const recalled = nextMessages(withHistory, [tombstone], null);
    expect(recalled?.items[1]?.body.type).toBe('recalled');
    expect(seqs(withHistory)).toEqual([3, 4, 5, 6]);
    expect(withHistory?.items[1]?.body.type).toBe('txt');
    expect(seqs(nextMessages(recalled ?? undefined, [msg(7)], null))).toEqual([3, 4, 5, 6, 7]);
  });

  it('keeps the items array when only the pending list changes, and is empty-aware', () => {
    const a = nextMessages(undefined, [msg(1)], null) ?? undefined;
    const items = a?.items;
    const b = nextMessages(a, null, [pendingOf('x')]);
    expect(b?.items).toBe(items);
    expect(b?.pending).toHaveLength(1);
    expect(nextMessages(b ?? undefined, null, null)).toBe(b);
    expect(nextMessages(undefined, null, [])).toBeNull();
    expect(nextMessages(undefined, [], null)).toBeNull();
  });

  it("gives an entry's stored messages by index, unchanged by later appends, and tells when two entries hold the same", () => {
    const a = nextMessages(undefined, [msg(1), msg(2)], null) as ConversationMessages;
    const b = nextMessages(a, [msg(3)], null) as ConversationMessages;
    const read = (e: ConversationMessages) => {
      const { list, length } = storedOf(e);
      return Array.from({ length }, (_, i) => (list[i] as Message).seq);
    };
    expect(read(a)).toEqual([1, 2]);
    expect(read(b)).toEqual([1, 2, 3]);
    // Only the pending sends changed: the same stored messages.
    const c = nextMessages(b, null, [pendingOf('p1')]) as ConversationMessages;
    expect(sameStored(b, c)).toBe(true);
    expect(sameStored(a, b)).toBe(false);
    // An older message merged in: a different list.
    const d = nextMessages(c, [msg(0)], null) as ConversationMessages;
    expect(read(d)).toEqual([0, 1, 2, 3]);
    expect(sameStored(c, d)).toBe(false);
    expect(read(b)).toEqual([1, 2, 3]);
    expect(sameStored({ items: [], pending: [] }, { items: [], pending: [] })).toBe(false);
  });
});
