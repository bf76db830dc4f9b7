// Owns the ChatClient methods of conversations and receipts that a chat
// screen calls from the start: history pages, the conversation list, read
// markers, receipts and typing signals. Answers that change what a user sees
// also go into the input stream. Recall, delete, mute and group readers load
// with their first call (client-conversation-actions.ts).
import type { ConversationSummary } from '../protocol/entities';
import { ErrorCode, NatterError } from '../protocol/errors';
import type { ConversationPage, HistoryPage } from '../protocol/frames';
import type { ConversationId } from '../protocol/ids';
import type { Message, UserId } from '../protocol/message';
import type { TypingState } from '../protocol/typing';
import type { ClientInput } from './client-input';
import type { RequestFn } from './request-fn';
import { later } from './timers';
import { definedFields } from '../protocol/defined-fields';

/** The conversation and receipt methods of ChatClient. */
export interface ConversationApi {
  recall(serverId: string): Promise<Message>;
  history(conversation: ConversationId, options?: { before?: number; limit?: number }): Promise<HistoryPage>;
  /**
   * Every conversation, most recently updated first (loads every page; see conversationPage). A page
   * refused for the user's request rate (509) is asked again after the wait the server names.
   */
  conversations(): Promise<ConversationSummary[]>;
  /** One page of the conversation list with the server's unread total; pass `cursor` from the previous page. */
  conversationPage(options?: { cursor?: string; limit?: number }): Promise<ConversationPage>;
  deleteConversation(conversation: ConversationId, options?: { deleteHistory?: boolean }): Promise<void>;
  markRead(conversation: ConversationId, upToSeq?: number): Promise<number>;
  /**
   * Mutes a conversation for this user on every device (no push for it) until `until` (server time,
   * ms; see serverNow), or until unmuted. Every device gets a `conversationMute` event.
   */
  muteConversation(conversation: ConversationId, until?: number): Promise<void>;
  unmuteConversation(conversation: ConversationId): Promise<void>;
  /**
   * Tells the conversation's other members' connected devices that this user started or stopped
   * typing (a `typing` event there); nothing is stored. Members only (602).
   */
  sendTyping(conversation: ConversationId, state: TypingState): Promise<void>;
  sendReadReceipt(serverId: string): Promise<void>;
  sendDeliveryReceipt(serverIds: string[]): Promise<void>;
  groupReaders(serverId: string): Promise<UserId[]>;
}

/** The ConversationApi methods that load with their first call (client-conversation-actions.ts). */
export type RareConversationMethod =
  'recall' | 'deleteConversation' | 'muteConversation' | 'unmuteConversation' | 'groupReaders';

export interface ConversationDeps {
  request: RequestFn;
  input: (i: ClientInput) => void;
  /** The logged-in user (known after welcome). */
  user: () => UserId;
}

/**
 * Runs `ask` again after the wait a 509 names (retryAfter, else a second) for as long as the server
 * refuses it for its rate: loading a long list page after page must not fail half-way because the
 * pages came faster than the user's rate allows, and waiting is what the limit asks of a client.
 */
async function politely<T>(ask: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await ask();
    } catch (e) {
      if (!(e instanceof NatterError) || e.code !== ErrorCode.RATE_LIMITED) throw e;
      await new Promise<void>((resolve) => later(e.retryAfter ?? 1000, resolve));
    }
  }
}

export function createConversationApi({
  request,
  input,
}: ConversationDeps): Omit<ConversationApi, RareConversationMethod> {
  const conversationPage = (options: { cursor?: string; limit?: number } = {}): Promise<ConversationPage> => {
    const p: { cursor?: string; limit?: number } = {};
    if (options.cursor !== undefined) p.cursor = options.cursor;
    if (options.limit !== undefined) p.limit = options.limit;
    return request('conversations', p);
  };
  return {
    async history(conversation, options = {}) {
      const page = await request('history', { conversation, ...options });
      input({ kind: 'history', conversation, page });
      return page;
    },
    async conversations() {
      const all: ConversationSummary[] = [];
      const seen = new Set<ConversationId>();
      let cursor: string | null = null;
      // A conversation that moves to the top while the pages load is not listed twice.
      do {
        const page: ConversationPage = await politely(() => conversationPage(cursor === null ? {} : { cursor }));
        for (const c of page.conversations) {
          if (seen.has(c.id)) continue;
          seen.add(c.id);
          all.push(c);
        }
        cursor = page.cursor;
      } while (cursor !== null);
      return all;
    },
    conversationPage,
    async markRead(conversation, upToSeq) {
      const p = { conversation, ...definedFields({ upToSeq }) };
      const { readSeq, unread } = await request('ack', p);
      input({ kind: 'readMarker', conversation, readSeq, unread });
      return readSeq;
    },
    async sendTyping(conversation, state) {
      await request('typing', { conversation, state });
    },
    async sendReadReceipt(serverId) {
      await request('read', { serverId });
    },
    async sendDeliveryReceipt(serverIds) {
      await request('delivered', { serverIds });
    },
  };
}
