// Deterministic chat text for the search benchmark: English, Chinese and
// emoji mixed the way chat messages mix them, with a few marker words at
// known rates so each query kind has a known frequency; and the stored
// messages and conversation states built from it, the same for every storage.
import type { Message } from '../../src/protocol/message';
import { conversationKey } from '../../src/server/conversation-key';
import type { ConversationStateRecord } from '../../src/server/storage';
const EN = (
  'the a to and of in is it you that for on we this with be are have not can will just so but what all do your ' +
  'meeting project deadline review code release bug fix test build deploy design idea team lunch today tomorrow ' +
  'please thanks great sure okay later call update plan budget report client launch sprint ticket merge branch ' +
  'react component server message search profile presence network storage index query cache browser mobile'
).split(' ');
const ZH =
  '会议 项目 进度 明天 今天 下午 上午 周末 讨论 预算 报告 客户 发布 测试 代码 设计 团队 午饭 谢谢 好的 没问题 辛苦 加油 收到 稍等 马上 组件 服务器 消息 搜索'.split(
    ' ',
  );
const EMOJI = ['🎉', '👍', '😂', '🙏', '🔥', '❤️', '✅', '🚀', '😅', '🤔', '👀', '💯', '🎂', '☕', '🍜'];

/** Mulberry32: a small seeded PRNG (the corpus is the same in every run). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One message text: 4–14 tokens, ~60% English, ~30% Chinese, ~10% emoji; 1 in 10,000 carries "zephyr". */
export function messageText(rand: () => number): string {
  const n = 4 + Math.floor(rand() * 11);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.6) parts.push(EN[Math.floor(rand() * EN.length)]!);
    else if (r < 0.9) parts.push(ZH[Math.floor(rand() * ZH.length)]!);
    else parts.push(EMOJI[Math.floor(rand() * EMOJI.length)]!);
  }
  if (rand() < 0.0001) parts.push('zephyr');
  // Chinese runs are written without spaces, as people write them.
  return parts.join(' ').replace(/(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])/g, '');
}

/** The queries measured, each with what makes it a distinct case. */
export const QUERIES: Array<{ name: string; query: string }> = [
  { name: 'English word (common)', query: 'deadline' },
  { name: 'two English words', query: 'project review' },
  { name: 'English word (rare, 1 in 10,000 messages)', query: 'zephyr' },
  { name: 'Chinese, 2 characters', query: '会议' },
  { name: 'Chinese, 4 characters', query: '项目进度' },
  { name: 'emoji (1 character)', query: '🎉' },
  { name: 'mixed Latin and Chinese', query: 'react 组件' },
  { name: 'no match', query: 'xyzzyq' },
];

/** How the corpus is laid out: `messages` over single chats, each between one of HEAVY users and a peer. */
export const HEAVY = 100;
export const T0 = Date.UTC(2026, 0, 1);

/** Conversations for a corpus of `messages` (10 messages each, 100 to 10,000). */
export function conversationCount(messages: number): number {
  return Math.min(10_000, Math.max(100, Math.floor(messages / 10)));
}

/** Conversation c is between heavy user h(c % HEAVY) and its own peer p(c). */
const peersOf = (c: number): readonly [string, string] => [`h${c % HEAVY}`, `p${c}`];

const singleKey = (a: string, b: string): string => conversationKey('single', a, b);

/** The stored messages of the corpus, in the order they were sent (the same in every run). */
export function* corpusMessages(messages: number): Generator<{ key: string; message: Message }> {
  const conversations = conversationCount(messages);
  const rand = prng(42);
  for (let j = 0; j < messages; j++) {
    const c = j % conversations;
    const [a, b] = peersOf(c);
    const from = j % 2 === 0 ? a : b;
    const to = from === a ? b : a;
    const id = j.toString(36).padStart(10, '0');
    yield {
      key: singleKey(from, to),
      message: {
        serverId: `01B${id}`,
        localId: `L${id}`,
        from,
        to,
        chatType: 'single',
        seq: Math.floor(j / conversations) + 1,
        ts: T0 + j,
        body: { type: 'txt', msg: messageText(rand) },
      },
    };
  }
}

/** Each conversation's last seq and both members' states (everything read). */
export function* corpusConversations(
  messages: number,
): Generator<{ key: string; lastSeq: number; states: ConversationStateRecord[] }> {
  const conversations = conversationCount(messages);
  for (let c = 0; c < conversations; c++) {
    const [a, b] = peersOf(c);
    const key = singleKey(a, b);
    const last = Math.floor((messages - 1 - c) / conversations) + 1;
    const state = (user: string, peer: string): ConversationStateRecord => ({
      user,
      key,
      id: `single:${peer}`,
      type: 'single',
      target: peer,
      readSeq: last,
      unread: 0,
      clearedSeq: 0,
      hidden: false,
      lastServerId: null,
      updatedAt: T0 + c,
    });
    yield { key, lastSeq: last, states: [state(a, b), state(b, a)] };
  }
}
