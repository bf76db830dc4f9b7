// The list's message views are built incrementally (src/store/message-view.ts):
// after appends, prepends, in-place replacements and receipt changes (per message
// and channel acks) every view carries the same status and read count as a
// from-scratch computation, and views of untouched messages keep their identity;
// a view is built only when its entry is read, and the list refuses writes.
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../src/protocol/message';
import { EMPTY_RECEIPTS, type ConversationReceipts } from '../../../src/store/chat-state';
import { createMessageViewBuilder, readCountOf, storedStatus, type ChatMessage } from '../../../src/store/message-view';

const msg = (seq: number, from = seq % 2 ? 'me' : 'you'): Message => ({
  serverId: `s${seq}`,
  localId: `l${seq}`,
  from,
  to: from === 'me' ? 'you' : 'me',
  chatType: 'single',
  seq,
  ts: seq * 1000,
  body: { type: 'txt', msg: `${seq}` },
});
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, k) => msg(a + k));

function expectFresh(views: readonly ChatMessage[], items: readonly Message[], r: ConversationReceipts): void {
  expect(views.map((v) => v.serverId)).toEqual(items.map((m) => m.serverId));
  views.forEach((v, i) => {
    const m = items[i] as Message;
    expect([v.serverId, v.status, v.readCount]).toEqual([
      m.serverId,
      storedStatus(m, 'me', r),
      readCountOf(m, 'me', r),
    ]);
  });
}

describe('incremental message views', () => {
  it('match a full recomputation and keep untouched views across appends, prepends and receipts', () => {
    const build = createMessageViewBuilder('me', 'single:you');
    let items: Message[] = range(10, 30);
    let r: ConversationReceipts = EMPTY_RECEIPTS;
    const v1 = build({ items, pending: [] }, r);
    expectFresh(v1, items, r);

    items = [...items, msg(30), msg(31)];
    const v2 = build({ items, pending: [] }, r);
    expectFresh(v2, items, r);
    expect(v2[0]).toBe(v1[0]);
    expect(v2[19]).toBe(v1[19]);

    items = [...range(5, 10), ...items];
    const v3 = build({ items, pending: [] }, r);
    expectFresh(v3, items, r);
    expect(v3[5]).toBe(v2[0]);

    r = { ...r, delivered: { s11: ['you'], s29: ['you'] } };
    const v4 = build({ items, pending: [] }, r);
    expectFresh(v4, items, r);
    expect(v4.find((v) => v.serverId === 's11')?.status).toBe('delivered');
    expect(v4[0]).toBe(v3[0]);

    r = { ...r, read: { s29: ['you'] }, ackedUpTo: { you: 15 } };
    const v5 = build({ items, pending: [] }, r);
    expectFresh(v5, items, r);
    expect(v5.find((v) => v.serverId === 's13')?.status).toBe('read');
    expect(v5.find((v) => v.serverId === 's17')?.status).toBe('sent');

    r = { ...r, ackedUpTo: { you: 25 } };
    const replaced = items.map((m) =>
      m.seq === 20 ? { ...m, body: { type: 'recalled' as const, recalledAt: 1, by: 'you' } } : m,
    );
    const v6 = build({ items: replaced, pending: [] }, r);
    expectFresh(v6, replaced, r);
    expect(v6.find((v) => v.serverId === 's20')?.status).toBe('recalled');
    expect(v6[0]).toBe(v5[0]);
    expect(build({ items: replaced, pending: [] }, r)).toBe(v6);
  });
});

describe('lazy message views', () => {
  it('builds a view only when its entry is read, and is a read-only array', () => {
    const reads = new Map<number, number>();
    const items = range(1, 1001).map((m) => {
      const copy = { ...m };
      Object.defineProperty(copy, 'from', {
        enumerable: true,
        get: () => {
          reads.set(m.seq, (reads.get(m.seq) ?? 0) + 1);
          return m.from;
        },
      });
      return copy;
    });
    const views = createMessageViewBuilder('me', 'single:you')({ items, pending: [] });
    expect(views.length).toBe(1000);
    expect(reads.size).toBe(0);
    expect(views[500]?.seq).toBe(501);
    expect([...reads.keys()]).toEqual([501]);
    expect(Array.isArray(views)).toBe(true);
    expect(views.slice(0, 2).map((v) => v.seq)).toEqual([1, 2]);
    expect(() => {
      (views as ChatMessage[])[0] = views[1] as ChatMessage;
    }).toThrow(TypeError);
    expect(() => (views as ChatMessage[]).push(views[0] as ChatMessage)).toThrow(TypeError);
  });
});
