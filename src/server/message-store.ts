// Owns turning a checked message draft into a stored message: serverId,
// per-conversation seq, server timestamp, the row (with its idempotency key),
// every member's conversation state and the `message` event to each member.
// Must run inside a transaction (a context from inTx/txContext): the answer
// and events follow the commit.
import type { Message, MessageBody, UserId } from '../protocol/message';
import type { CoreContext } from './context';
import { conversationKey, viewerConversationId } from './conversation-key';
import { withNewMessage } from './conversation-state';

export type MessageDraft = Omit<Message, 'serverId' | 'seq' | 'ts' | 'body'> & { body: MessageBody };

/**
 * A message as stored, with the JSON text of it that its row and events carry (answers splice it);
 * storeMessage always has it, a thread reply or a retry of a stored message does not.
 */
export interface StoredMessage {
  message: Message;
  json?: string;
}

export interface StoreOptions {
  /** Users who receive the message (sender included, so their other devices see it). */
  members: UserId[];
  /** Chat rooms without history: nothing durable, only connected members receive. */
  ephemeral?: boolean;
}

/**
 * The message `draft` becomes once stored: its own fields, then its server id, seq and time (the
 * order its JSON keeps). Copied with Object.assign and the three set after: on Node 20's V8, a
 * spread followed by more properties (`{ ...draft, serverId, seq, ts }`) gives nearly every object
 * a hidden class of its own, so each message's property reads and JSON.stringify took V8's slow
 * paths (about 4 µs to build and stringify one, against under 1 µs). A draft's own keys are set by
 * the server (checkedDraft), never copied from a client's object.
 */
export function stampedMessage(draft: MessageDraft, serverId: string, seq: number, ts: number): Message {
  const message = Object.assign({}, draft) as Message;
  message.serverId = serverId;
  message.seq = seq;
  message.ts = ts;
  if (message.excluded !== true) delete message.excluded;
  return message;
}

export async function storeMessage(ctx: CoreContext, draft: MessageDraft, opts: StoreOptions): Promise<StoredMessage> {
  const { storage } = ctx;
  const key = conversationKey(draft.chatType, draft.from, draft.to);
  const message = stampedMessage(draft, ctx.ids.serverId(), await storage.nextSeq(key), ctx.clock.now());
  // The message is serialized once, for its row and for every member's event: each event differs
  // only in its conversation id (single chats) and unread count, spliced around it (same JSON as
  // stringifying each event).
  const messageJson = JSON.stringify(message);
  await storage.insertMessage({ key, message }, messageJson);
  const head = `{"type":"message","message":${messageJson},"conversation":`;
  const single = message.chatType === 'single';
  const shared = viewerConversationId(message.chatType, message.from, message.to, message.from);
  const sharedJson = JSON.stringify(shared);
  if (message.chatType === 'room') {
    // Rooms are large: no per-member conversation state, no unread.
    const event = { type: 'message' as const, message, conversation: shared, unread: 0 };
    const members = senderLast(opts.members, message.from);
    if (opts.ephemeral) ctx.events.ephemeral(members, event);
    else for (const user of members) ctx.events.durableJson(user, event, `${head}${sharedJson},"unread":0}`);
    return { message, json: messageJson };
  }
  // Every member's state is read and written in one call each, not one await per member.
  const users = senderLast(opts.members, message.from);
  const states = await storage.getConversationStates(users, key);
  const updated = users.map((user, i) => {
    const state = withNewMessage(states[i]!, key, message, user);
    const { unread } = state;
    const conversation = single ? viewerConversationId('single', message.from, message.to, user) : shared;
    const json = `${head}${single ? JSON.stringify(conversation) : sharedJson},"unread":${unread}}`;
    ctx.events.durableJson(user, { type: 'message', message, conversation, unread }, json);
    return state;
  });
  await storage.putConversationStates(updated);
  return { message, json: messageJson };
}

/**
 * `members` once each, the sender (when a member) last. Events go out in the order they are
 * published, and a connection's frames leave in one write, in the order connections were first
 * written to in the turn: the other members' copies then leave before the sender's own (an echo
 * for a device that already shows the message, and the sender's answer follows it anyway).
 */
function senderLast(members: UserId[], sender: UserId): UserId[] {
  const users = new Set(members);
  if (!users.delete(sender)) return [...users];
  return [...users, sender];
}
