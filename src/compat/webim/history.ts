// Owns `fetchHistoryMessages` (roaming): pages of `count` messages, each call
// continuing from where the previous one for the same queue stopped, until
// the app resets `conn.mr_cache = []`. The cursors live in `mr_cache` itself,
// so that reset is all it takes. Each page is returned oldest first (ready to
// prepend); recalled messages are left out, as Easemob removes them from roaming.
import type { ChatClient } from '../../client/chat-client-types';
import { conversationId, type ConversationId } from '../../protocol/ids';
import type { ChatType, Message } from '../../protocol/message';
import { natterId } from '../vendor-id';
import type { EmojiConfig } from './emoji-split';
import { safeCall, toWebIMError } from './errors';
import { toIncoming } from './incoming';
import type { ReceivedMessage, WebIMError } from './types';

/** One queue's position in roaming history. */
export interface HistoryCursor {
  queue: ConversationId;
  /** Fetch messages with seq below this next; null = start from the newest. */
  before: number | null;
  isLast: boolean;
}

export interface HistoryOptions {
  /** Peer user id, group id or chat room id. */
  queue: string;
  count?: number | string;
  isGroup?: boolean;
  /** natter: 'chatRoom' for a chat room's history (Easemob used isGroup for rooms too; natter keeps them apart). */
  chatType?: string;
  /** Start from this message (inclusive) instead of the newest or the saved position. */
  start?: string;
  success?: (res: ReceivedMessage[]) => void;
  fail?: (e: WebIMError) => void;
}

export interface HistoryContext {
  client(): ChatClient;
  cursors(): HistoryCursor[];
  remember(m: Message): void;
  seqOf(serverId: string): number | undefined;
  emoji(): EmojiConfig | null | undefined;
}

const MAX_SCAN_PAGES = 50;

async function seqOfStart(ctx: HistoryContext, conv: ConversationId, id: string): Promise<number | undefined> {
  const known = ctx.seqOf(id);
  if (known !== undefined) return known;
  let before: number | undefined;
  for (let i = 0; i < MAX_SCAN_PAGES; i++) {
    const page = await ctx.client().history(conv, before === undefined ? { limit: 100 } : { before, limit: 100 });
    for (const m of page.messages) {
      ctx.remember(m);
      if (m.serverId === id || m.localId === id) return m.seq;
    }
    if (!page.hasMore || page.cursor === null) return undefined;
    before = page.cursor;
  }
  return undefined;
}

function chatTypeOf(options: HistoryOptions): ChatType {
  if (options.chatType === 'chatRoom' || options.chatType === 'chatroom') return 'room';
  return options.isGroup ? 'group' : 'single';
}

export async function fetchHistory(ctx: HistoryContext, options: HistoryOptions): Promise<ReceivedMessage[]> {
  try {
    const conv = conversationId(chatTypeOf(options), natterId(String(options.queue ?? '')));
    const limit = Math.max(1, Math.min(200, Number(options.count) || 20));
    const cursors = ctx.cursors();
    let cursor = cursors.find((c) => c.queue === conv);
    let before: number | undefined;
    if (options.start) {
      const seq = await seqOfStart(ctx, conv, options.start);
      before = seq === undefined ? undefined : seq + 1;
    } else if (cursor) {
      if (cursor.isLast) {
        safeCall(options.success, []);
        return [];
      }
      before = cursor.before ?? undefined;
    }
    const page = await ctx.client().history(conv, before === undefined ? { limit } : { before, limit });
    if (!cursor) {
      cursor = { queue: conv, before: null, isLast: false };
      cursors.push(cursor);
    }
    cursor.before = page.cursor;
    cursor.isLast = !page.hasMore || page.cursor === null;
    const out: ReceivedMessage[] = [];
    for (const m of [...page.messages].reverse()) {
      ctx.remember(m);
      const incoming = toIncoming(m, ctx.emoji());
      if (incoming) out.push(incoming.message);
    }
    safeCall(options.success, out);
    return out;
  } catch (err) {
    const e = toWebIMError(err);
    safeCall(options.fail, e);
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- Easemob's SDK rejects with its plain error object ({ type, message }), which apps read
    throw e;
  }
}
