// Owns the ChatClient methods of the conversation features: reactions,
// edits, deletes, pins, threads and forwarding. Changes, and marking a
// thread read, go through the change queue (sent once the connection is
// open, again after a drop, applied once by the server); reads are plain
// requests, and the thread unread counts their answers carry join the input
// stream (thread-unread-answers.ts). Replies, mentions and thread replies are
// sends with options (SendOptions).
import type { PinnedMessage } from '../protocol/features';
import type { HistoryPage, OpName, OpParams, OpResult } from '../protocol/frames';
import type { ConversationId } from '../protocol/ids';
import { parseConversationId } from '../protocol/ids';
import { badConversationId } from '../protocol/errors';
import type { MessageMentions } from '../protocol/features';
import type { Message } from '../protocol/message';
import type { ChangeQueue } from './change-queue';
import type { ClientInput } from './client-input';
import { pendingChangeOf, type PendingChange } from './pending-change';
import { definedFields } from '../protocol/defined-fields';

/** The conversation-feature methods of ChatClient. */
export interface MessageFeatureApi {
  /** Adds this user's reaction (any short emoji text); resolves with the message and all its reactions. */
  react(serverId: string, emoji: string): Promise<Message>;
  /** Takes this user's reaction back. */
  unreact(serverId: string, emoji: string): Promise<Message>;
  /** Replaces the text of one of this user's text messages (within the server's edit window). */
  editText(serverId: string, text: string, options?: { mentions?: MessageMentions }): Promise<Message>;
  /**
   * `me` (default): hides it from this user's history on every device; resolves null.
   * `everyone`: the author (within the delete window) or a group's owner/admins; resolves with the tombstone.
   */
  deleteMessage(serverId: string, scope?: 'me' | 'everyone'): Promise<Message | null>;
  pin(serverId: string): Promise<PinnedMessage[]>;
  unpin(serverId: string): Promise<PinnedMessage[]>;
  /** A conversation's pins (newest first), the pinned messages and the unread counts of followed threads among them. */
  pins(conversation: ConversationId): Promise<OpResult<'pins'>>;
  /** A page of a thread's replies, newest first (`before` is a thread seq, from the previous page's cursor). */
  thread(rootServerId: string, options?: { before?: number; limit?: number }): Promise<HistoryPage>;
  /**
   * Marks a thread read up to `upToSeq` (a thread seq; default its newest reply when the server
   * gets it) on every device, and follows it; resolves with the server's marker and this user's
   * unread replies after it. Made offline, it waits and is sent once the connection returns.
   */
  markThreadRead(rootServerId: string, upToSeq?: number): Promise<{ readSeq: number; unread: number }>;
  /** Messages by serverId that this user can see (e.g. the original of a quote that is not loaded). */
  messagesById(serverIds: string[]): Promise<Message[]>;
  /**
   * Sends a copy of a message to another conversation. `message`: the message forwarded, when the
   * caller has it; its body shows in `to` until the server stores the copy (made offline, say).
   */
  forward(
    serverId: string,
    to: ConversationId,
    options?: { localId?: string; message?: Pick<Message, 'body'> },
  ): Promise<Message>;
  /**
   * This user's edits, reactions, deletes, pins and forwards not answered yet (made offline, or
   * restored after a reload), oldest first; each also comes as a `change` input, and its answer as
   * `changeSettled`.
   */
  pendingChanges(): PendingChange[];
  /** Puts away the notice of a change the server refused (`PendingChange.error`): a `changeDismissed` input. */
  dismissChange(id: string): void;
}

export interface MessageFeatureDeps {
  changes: ChangeQueue;
  request<K extends OpName>(op: K, params: OpParams<K>): Promise<OpResult<K>>;
  newId(): string;
  /** Hands thread unread counts (by root serverId) from a `threadAck` answer to the client's input stream. */
  threadUnread(unread: Readonly<Record<string, number>>): void;
  input(i: ClientInput): void;
}

export function createMessageFeatures(deps: MessageFeatureDeps): MessageFeatureApi {
  const { changes } = deps;
  return {
    async react(serverId, emoji) {
      return (await changes.add('react', { serverId, emoji })).message;
    },
    async unreact(serverId, emoji) {
      return (await changes.add('react', { serverId, emoji, remove: true })).message;
    },
    async editText(serverId, text, options = {}) {
      const params: OpParams<'edit'> = { serverId, body: { type: 'txt', msg: text }, editId: deps.newId() };
      if (options.mentions) params.mentions = options.mentions;
      return (await changes.add('edit', params)).message;
    },
    async deleteMessage(serverId, scope = 'me') {
      return (await changes.add('delete', { serverId, scope })).message;
    },
    async pin(serverId) {
      return (await changes.add('pin', { serverId })).pins;
    },
    async unpin(serverId) {
      return (await changes.add('pin', { serverId, unpin: true })).pins;
    },
    pins(conversation) {
      return deps.request('pins', { conversation });
    },
    async messagesById(serverIds) {
      return (await deps.request('messages', { serverIds })).messages;
    },
    thread(serverId, options = {}) {
      return deps.request('thread', { serverId, ...options });
    },
    async markThreadRead(serverId, upToSeq) {
      const r = await changes.add('threadAck', { serverId, ...definedFields({ upToSeq }) });
      deps.threadUnread({ [serverId]: r.unread });
      return r;
    },
    pendingChanges() {
      return changes.waiting().flatMap((saved) => pendingChangeOf(saved) ?? []);
    },
    dismissChange(id) {
      deps.input({ kind: 'changeDismissed', id });
    },
    async forward(serverId, to, options = {}) {
      const t = parseConversationId(to);
      if (!t) throw badConversationId(to);
      const params = { serverId, localId: options.localId ?? deps.newId(), to: t.target, chatType: t.type };
      return (await changes.add('forward', params, options.message ? { body: options.message.body } : undefined))
        .message;
    },
  };
}
