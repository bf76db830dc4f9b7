// Owns turning a checked message draft into a stored message: serverId,
// per-conversation seq, server timestamp, the row (with its idempotency key),
// every member's conversation state and the `message` event to each member.
// Must run inside ctx.events.tx(): the answer and events follow the commit.
import type { Message, MessageBody, UserId } from '../protocol/message';
import type { CoreContext } from './context';
import { conversationKey, viewerConversationId } from './conversation-key';
import { applyNewMessage } from './conversation-state';

export type MessageDraft = Omit<Message, 'serverId' | 'seq' | 'ts' | 'body'> & { body: MessageBody };

export interface StoreOptions {
  /** Users who receive the message (sender included, so their other devices see it). */
  members: UserId[];
  /** Chat rooms without history: nothing durable, only connected members receive. */
  ephemeral?: boolean;
}

export function storeMessage(ctx: CoreContext, draft: MessageDraft, opts: StoreOptions): Message {
  const { storage } = ctx;
  const key = conversationKey(draft.chatType, draft.from, draft.to);
  const message: Message = { ...draft, serverId: ctx.ids.serverId(), seq: storage.nextSeq(key), ts: ctx.clock.now() };
  if (message.excluded !== true) delete message.excluded;
  storage.insertMessage({ key, message });
  const conv = (user: UserId) => viewerConversationId(message.chatType, message.from, message.to, user);
  if (message.chatType === 'room') {
    // Rooms are large: no per-member conversation state, no unread.
    const event = (user: UserId) => ({ type: 'message' as const, message, conversation: conv(user), unread: 0 });
    if (opts.ephemeral) ctx.events.ephemeral(opts.members, event);
    else ctx.events.durable(opts.members, event);
    return message;
  }
  const unread = new Map<UserId, number>();
  for (const user of new Set(opts.members)) unread.set(user, applyNewMessage(storage, key, message, user).unread);
  ctx.events.durable(opts.members, (user) => ({ type: 'message', message, conversation: conv(user), unread: unread.get(user) ?? 0 }));
  return message;
}
