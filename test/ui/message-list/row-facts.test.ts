// @vitest-environment jsdom
// What the list draws around each message, derived per index: date separators,
// sender headers and the unread divider, commands left out; and the item keys
// that keep every message's key when older messages are prepended (however the
// marks around the previous first message change).
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/react/index';
import { aboveOf, dividerIndex, nextShownIndex } from '../../../src/ui/message-list/row-facts';
import { useItemKeys } from '../../../src/ui/message-list/use-item-keys';

const T0 = new Date(2026, 3, 10, 9, 0).getTime();

function msg(
  seq: number,
  from: string,
  ts: number,
  body: ChatMessage['body'] = { type: 'txt', msg: `#${seq}` },
): ChatMessage {
  return {
    key: `k${seq}`,
    localId: `l${seq}`,
    serverId: `s${seq}`,
    seq,
    from,
    to: from === 'me' ? 'you' : 'me',
    chatType: 'single',
    conversation: 'single:you',
    ts,
    body,
    ext: undefined,
    config: undefined,
    own: from === 'me',
    status: from === 'me' ? 'sent' : 'received',
    error: null,
    progress: null,
    readCount: 0,
    message: null,
    changing: false,
  };
}

/** The flat sequence a reader sees: marks above each message, then the message. */
function shape(ms: readonly ChatMessage[], unreadAfterSeq: number | null): string[] {
  const divider = dividerIndex(ms, unreadAfterSeq);
  const out: string[] = [];
  ms.forEach((m, i) => {
    const a = aboveOf(ms, i, divider);
    if (!a) return;
    if (a.dayTs !== null) out.push('day');
    if (a.unread) out.push('unread');
    if (a.header) out.push(`h:${a.header.from}`);
    out.push(m.key);
  });
  return out;
}

describe('row facts', () => {
  it('adds date separators, sender headers and the unread divider, and leaves commands out', () => {
    const ms = [
      msg(1, 'you', T0),
      msg(2, 'you', T0 + 60_000),
      msg(3, 'me', T0 + 120_000),
      msg(4, 'you', T0 + 86_400_000, { type: 'cmd', action: 'typing' }),
      msg(5, 'you', T0 + 86_400_000 + 1),
      msg(6, 'you', T0 + 86_400_000 + 10 * 60_000),
      msg(7, 'you', T0 + 86_400_000 + 11 * 60_000, { type: 'recalled', recalledAt: 0, by: 'you' }),
      msg(8, 'you', T0 + 86_400_000 + 12 * 60_000),
    ];
    expect(shape(ms, 4)).toEqual([
      'day',
      'h:you',
      'k1',
      'k2',
      'h:me',
      'k3',
      'day',
      'unread',
      'h:you',
      'k5',
      'h:you',
      'k6',
      'k7',
      'h:you',
      'k8',
    ]);
    expect(shape(ms, null)).not.toContain('unread');
    expect(nextShownIndex(ms, 2, 1)).toBe(4);
    expect(nextShownIndex(ms, 4, -1)).toBe(2);
  });

  it('puts the divider before the first unread message from someone else, skipping own ones', () => {
    const ms = [msg(1, 'you', T0), msg(2, 'me', T0 + 1), msg(3, 'me', T0 + 2), msg(4, 'you', T0 + 3)];
    expect(dividerIndex(ms, 1)).toBe(3);
    expect(dividerIndex(ms, 0)).toBe(0);
    expect(dividerIndex(ms, 4)).toBe(-1);
  });

  it('keeps every message key across a prepend, and marks the prepended keys', () => {
    const day2 = T0 + 86_400_000;
    const newest = [msg(10, 'you', day2 + 60_000), msg(11, 'me', day2 + 120_000)];
    const { result, rerender } = renderHook(({ ms }) => useItemKeys(ms), { initialProps: { ms: newest } });
    const k10 = result.current.getItemKey(0);
    const k11 = result.current.getItemKey(1);
    const page = [msg(7, 'me', T0), msg(8, 'you', T0 + 1), msg(9, 'you', day2 + 30_000), ...newest];
    rerender({ ms: page });
    expect(result.current.getItemKey(3)).toBe(k10);
    expect(result.current.getItemKey(4)).toBe(k11);
    expect(result.current.prependedBelow).toBe(k10);
    // Appending keeps them too.
    rerender({ ms: [...page, msg(12, 'you', day2 + 180_000)] });
    expect(result.current.getItemKey(3)).toBe(k10);
  });
});
