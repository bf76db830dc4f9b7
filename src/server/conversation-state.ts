// Owns each user's state in a conversation: creating it on first contact,
// raising unread for a new message, and recomputing unread after the read
// marker moves. Unread = messages after readSeq (and after clearedSeq), not
// sent by the user, not excluded.
import type { ChatType, Message, UserId } from '../protocol/message';
import { viewerConversationId } from './conversation-key';
import { hiddenStillCounted } from './hidden-messages';
import type { ConversationKey, ConversationStateRecord, Storage } from './storage';

export function newConversationState(
  user: UserId,
  key: ConversationKey,
  chatType: ChatType,
  target: string,
  at: number,
): ConversationStateRecord {
  return {
    user,
    key,
    id: viewerConversationId(chatType, user, target, user),
    type: chatType,
    target,
    readSeq: 0,
    unread: 0,
    clearedSeq: 0,
    hidden: false,
    lastServerId: null,
    updatedAt: at,
  };
}

/** The target (peer or group/room id) of a message's conversation as `viewer` sees it. */
export function targetFor(message: Pick<Message, 'chatType' | 'from' | 'to'>, viewer: UserId): string {
  if (message.chatType !== 'single') return message.to;
  return message.from === viewer ? message.to : message.from;
}

/** `user`'s state (`state`, null when they have none yet) after a newly stored message; not stored here. */
export function withNewMessage(
  state: ConversationStateRecord | null,
  key: ConversationKey,
  message: Message,
  user: UserId,
): ConversationStateRecord {
  if (!state) {
    state = newConversationState(user, key, message.chatType, targetFor(message, user), message.ts);
    // Someone who joins later starts with everything before this message read, and an
    // excluded message (a command, a silent signal) does not open a conversation by itself.
    state.readSeq = message.from === user ? 0 : message.seq - 1;
    state.hidden = message.excluded === true;
  }
  if (!message.excluded) {
    state.lastServerId = message.serverId;
    state.updatedAt = message.ts;
    state.hidden = false;
    if (message.from !== user && message.seq > state.readSeq) state.unread += 1;
  }
  return state;
}

/** Recounts unread from storage (after a partial ack, a recall, a history deletion). */
export async function recountUnread(storage: Storage, state: ConversationStateRecord): Promise<number> {
  const after = Math.max(state.readSeq, state.clearedSeq);
  if (after >= (await storage.lastSeq(state.key))) return 0;
  const counted = await storage.countUnread(state.key, { afterSeq: after, notFrom: state.user });
  return state.hiddenIds ? counted - (await hiddenStillCounted(storage, state, after)) : counted;
}

/** Hides a conversation from `user`'s list (they left the group, or it is gone); unread is dropped. */
export async function hideConversation(storage: Storage, user: UserId, key: ConversationKey): Promise<void> {
  const state = await storage.getConversationState(user, key);
  if (!state || state.hidden) return;
  state.hidden = true;
  state.unread = 0;
  state.readSeq = Math.max(state.readSeq, await storage.lastSeq(key));
  await storage.putConversationState(state);
}
