// A conversation page encoded with its last messages spliced in as JSON text
// is the JSON of the same page, and its `ok` frame the frame's JSON.
import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../src/protocol/entities';
import type { ConversationPage } from '../../src/protocol/frames';
import type { Message } from '../../src/protocol/message';
import { encodeConversationPage } from '../../src/server/conversation-page-json';
import { okFrameJson } from '../../src/server/encoded-result';

const message: Message = {
  serverId: 's1',
  localId: 'l1',
  from: 'alice',
  to: 'bob',
  chatType: 'single',
  seq: 4,
  ts: 1000,
  body: { type: 'txt', msg: '<b>"hi"</b> }{ ✓ 🎉' },
};
const summary = (id: `single:${string}`): Omit<ConversationSummary, 'lastMessage'> => ({
  id,
  type: 'single',
  target: id.slice('single:'.length),
  unread: 2,
  readSeq: 1,
  lastSeq: 4,
  updatedAt: 1000,
  peerReadSeq: 0,
  peerDeliveredSeq: 1,
});

describe('encodeConversationPage', () => {
  it('is the JSON of the page, with and without last messages and the unread total', () => {
    const first = encodeConversationPage({
      summaries: [summary('single:bob'), { ...summary('single:carol'), mute: { until: 5 }, mentions: 1 }],
      lastMessages: [JSON.stringify(message), null],
      cursor: 'c"1',
      hasMore: true,
      unreadTotal: 7,
    });
    const page: ConversationPage = {
      conversations: [
        { ...summary('single:bob'), lastMessage: message },
        { ...summary('single:carol'), mute: { until: 5 }, mentions: 1, lastMessage: null },
      ],
      cursor: 'c"1',
      hasMore: true,
      unreadTotal: 7,
    };
    expect(JSON.parse(first.json)).toEqual(page);

    const last = encodeConversationPage({ summaries: [], lastMessages: [], cursor: null, hasMore: false });
    expect(JSON.parse(last.json)).toEqual({ conversations: [], cursor: null, hasMore: false });
    expect('unreadTotal' in JSON.parse(last.json)).toBe(false);
  });

  it('answers in an ok frame that is the JSON of the frame', () => {
    const encoded = encodeConversationPage({
      summaries: [summary('single:bob')],
      lastMessages: [JSON.stringify(message)],
      cursor: null,
      hasMore: false,
    });
    const frame = okFrameJson(1, 'r"7', encoded.json);
    expect(JSON.parse(frame)).toEqual({ v: 1, t: 'ok', id: 'r"7', r: JSON.parse(encoded.json) });
  });
});
