// Owns the Tencent Cloud Chat message-extension calls the facade maps onto
// natter's conversation features: modifyMessage (text messages, by their
// author), addMessageReaction / removeMessageReaction / getMessageReactions,
// and the MESSAGE_MODIFIED / MESSAGE_REACTIONS_UPDATED events.
import type { ChatClient, ChatClientEvents } from '../../client/chat-client-types';
import { ErrorCode, NatterError } from '../../protocol/errors';
import type { Message } from '../../protocol/message';
import { EVENT, TYPES } from './constants';
import { conversationIdOf, toTencentMessage } from './message';
import type { TencentMessage, TencentResponse } from './types';

/** One reaction as Tencent reports it. */
export interface TencentReaction {
  reactionID: string;
  totalUserCount: number;
  partialUserIDList: string[];
  reactedByMyself: boolean;
}

function idOf(message: TencentMessage | { ID?: unknown }): string {
  const id = message.ID;
  if (typeof id !== 'string' || id === '') throw new NatterError(ErrorCode.INVALID_PARAMS, 'message.ID is required');
  return id;
}

function reactionsOf(m: Message, me: string, maxUsers = 10): TencentReaction[] {
  return (m.reactions ?? []).map((g) => ({
    reactionID: g.emoji,
    totalUserCount: g.users.length,
    partialUserIDList: g.users.slice(0, maxUsers),
    reactedByMyself: g.users.includes(me),
  }));
}

/** `chat.modifyMessage(message)`: the message with its `payload.text` changed, sent by this user. */
export async function modifyMessage(
  c: ChatClient,
  message: TencentMessage,
): Promise<TencentResponse<{ message: TencentMessage }>> {
  if (message.type !== TYPES.MSG_TEXT || typeof message.payload.text !== 'string') {
    throw new NatterError(ErrorCode.NOT_ALLOWED, 'only text messages can be modified');
  }
  const edited = await c.editText(idOf(message), message.payload.text);
  return { code: 0, data: { message: toTencentMessage(edited, c.user) } };
}

export async function changeReaction(
  c: ChatClient,
  message: TencentMessage,
  reactionID: string,
  remove: boolean,
): Promise<TencentResponse<{ message: TencentMessage; reactionID: string }>> {
  const id = idOf(message);
  const m = remove ? await c.unreact(id, String(reactionID)) : await c.react(id, String(reactionID));
  return { code: 0, data: { message: toTencentMessage(m, c.user), reactionID: String(reactionID) } };
}

export async function getMessageReactions(
  c: ChatClient,
  options: { messageList: TencentMessage[]; maxUserCountPerReaction?: number },
): Promise<TencentResponse<{ resultList: Array<{ messageID: string; reactionList: TencentReaction[] }> }>> {
  const max = Math.max(0, Math.min(10, Number(options.maxUserCountPerReaction ?? 10)));
  const found = await c.messagesById((options.messageList ?? []).map(idOf));
  return {
    code: 0,
    data: { resultList: found.map((m) => ({ messageID: m.serverId, reactionList: reactionsOf(m, c.user, max) })) },
  };
}

/** Subscribes the facade's events for edits and reactions; returns the unsubscribes. */
export function bindFeatureEvents(client: ChatClient, emit: (name: string, data: unknown) => void): Array<() => void> {
  const onUpdate = (e: ChatClientEvents['messageUpdate']): void => {
    const me = client.user;
    if (e.reason === 'edit') emit(EVENT.MESSAGE_MODIFIED, [toTencentMessage(e.message, me)]);
    if (e.reason === 'reaction') {
      emit(EVENT.MESSAGE_REACTIONS_UPDATED, {
        messageID: e.message.serverId,
        conversationID: conversationIdOf(e.message, me).conversationID,
        reactionList: reactionsOf(e.message, me),
      });
    }
  };
  return [client.on('messageUpdate', onUpdate)];
}
