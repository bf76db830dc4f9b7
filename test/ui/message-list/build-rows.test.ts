// The row model under the virtualized list: date separators, sender headers and
// the unread divider as rows of their own; commands left out; and the
// `firstItemIndex` arithmetic that keeps the previous first message at the same
// Virtuoso index when older messages are prepended (however the separators and
// headers around it change).
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/react/index';
import { buildRows, FIRST_INDEX_START, nextLayout, type Row } from '../../../src/ui/message-list/build-rows';

const T0 = new Date(2026, 3, 10, 9, 0).getTime();
let n = 0;

function msg(seq: number, from: string, ts: number, body: ChatMessage['body'] = { type: 'txt', msg: `#${seq}` }): ChatMessage {
  n++;
  return {
    key: `k${seq}`, localId: `l${seq}`, serverId: `s${seq}`, seq, from, to: from === 'me' ? 'you' : 'me', chatType: 'single', conversation: 'single:you',
    ts, body, ext: undefined, config: undefined, own: from === 'me', status: from === 'me' ? 'sent' : 'received', error: null, progress: null, readCount: 0, message: null,
  };
}

function shape(rows: readonly Row[]): string[] {
  return rows.map((r) => (r.kind === 'message' || r.kind === 'event' ? r.key : r.kind === 'header' ? `h:${r.from}` : r.kind));
}

function indexOfKey(layout: { rows: Row[]; firstItemIndex: number }, key: string): number {
  return layout.firstItemIndex + layout.rows.findIndex((r) => r.key === key);
}

describe('buildRows', () => {
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
    expect(shape(buildRows(ms, 4, true))).toEqual(['day', 'h:you', 'k1', 'k2', 'h:me', 'k3', 'day', 'unread', 'h:you', 'k5', 'h:you', 'k6', 'k7', 'h:you', 'k8']);
    expect(shape(buildRows(ms, null, true))).not.toContain('unread');
  });
});

describe('nextLayout', () => {
  it('lowers firstItemIndex by exactly the rows added above the previous first message', () => {
    const day2 = T0 + 86_400_000;
    const newest = [msg(10, 'you', day2 + 60_000), msg(11, 'me', day2 + 120_000)];
    const first = nextLayout(null, newest, null, true);
    expect(first.firstItemIndex).toBe(FIRST_INDEX_START);
    const before = indexOfKey(first, 'k10');
    // An older page: same sender right before (k10 loses its header), plus a previous day.
    const page = [msg(7, 'me', T0), msg(8, 'you', T0 + 1), msg(9, 'you', day2 + 30_000), ...newest];
    const second = nextLayout(first, page, null, true);
    expect(indexOfKey(second, 'k10')).toBe(before);
    expect(indexOfKey(second, 'k11')).toBe(indexOfKey(first, 'k11'));
    expect(second.firstItemIndex).toBeLessThan(first.firstItemIndex);
  });

  it('keeps firstItemIndex when messages are appended or nothing changed', () => {
    const a = [msg(1, 'you', T0), msg(2, 'you', T0 + 1)];
    const first = nextLayout(null, a, null, true);
    expect(nextLayout(first, a, null, true)).toBe(first);
    const appended = nextLayout(first, [...a, msg(3, 'me', T0 + 2)], null, true);
    expect(appended.firstItemIndex).toBe(first.firstItemIndex);
  });
});

describe('call event lines', () => {
  it('read audio vs video from invitation data the same way as the ringing dialog', async () => {
    const { isVideoCall } = await import('../../../src/ui/message-list/call-event');
    const { callTypeOf } = await import('../../../src/ui/call-invite-modal/call-type');
    for (const data of ['{"call_type":"video"}', '{"call_type":2}', '{"type":"audio"}', '{"video":true}', 'plain', '']) {
      expect(isVideoCall(data)).toBe(callTypeOf(data) === 'video');
    }
    expect(isVideoCall('{"call_type":"video"}')).toBe(true);
    expect(isVideoCall('{"type":"audio"}')).toBe(false);
  });
});

describe('incremental layouts', () => {
  function detail(rows: readonly Row[]): string[] {
    return rows.map((r) => (r.kind === 'message' ? `${r.key}:${r.groupStart}:${r.message.status}` : r.key));
  }

  it('give the same rows as a full build after appends, prepends, replacements and commands, reusing unchanged rows', () => {
    // Deterministic pseudo-random conversation: senders in runs, gaps crossing groups and days.
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const all: ChatMessage[] = [];
    let ts = T0;
    for (let seq = 1; seq <= 400; seq++) {
      ts += rnd() < 0.1 ? 20 * 3_600_000 : rnd() < 0.2 ? 10 * 60_000 : 60_000;
      const body: ChatMessage['body'] = rnd() < 0.05 ? { type: 'cmd', action: 'x' } : rnd() < 0.05 ? { type: 'recalled', recalledAt: 0, by: 'you' } : { type: 'txt', msg: `#${seq}` };
      all.push(msg(seq, rnd() < 0.5 ? 'me' : 'you', ts, body));
    }
    for (const divider of [null, 150, 330]) {
      let window = all.slice(200, 300);
      let layout = nextLayout(null, window, divider, true);
      const steps: ((w: ChatMessage[]) => ChatMessage[])[] = [
        (w) => [...w, ...all.slice(all.indexOf(w[w.length - 1]!) + 1, all.indexOf(w[w.length - 1]!) + 2)],
        (w) => [...all.slice(Math.max(0, all.indexOf(w[0]!) - 50), all.indexOf(w[0]!)), ...w],
        (w) => w.map((m, i) => (i === Math.floor(w.length / 2) ? { ...m, status: 'read' as const } : m)),
        (w) => [...w, ...all.slice(all.indexOf(w[w.length - 1]!) + 1, all.indexOf(w[w.length - 1]!) + 30)],
        (w) => w.slice(0, -1),
      ];
      for (let round = 0; round < 4; round++) {
        for (const step of steps) {
          const next = step(window);
          const incremental = nextLayout(layout, next, divider, true);
          expect(detail(incremental.rows)).toEqual(detail(buildRows(next, divider, true)));
          expect(incremental.unreadRow).toBe(incremental.rows.findIndex((r) => r.kind === 'unread'));
          // Rows of messages well inside an unchanged prefix are the previous row objects.
          const q = Math.floor(next.length / 4);
          const kept = incremental.rows.find((r) => r.kind === 'message' && r.message === next[q]);
          if (kept && next.slice(0, q + 2).every((m, i) => m === window[i])) expect(layout.rows).toContain(kept);
          window = next;
          layout = incremental;
        }
      }
    }
  });
});
