// Owns useMessageActions: what a user does to an existing message — react,
// edit, delete (for me / for everyone), pin, forward — as client calls. The
// results reach the store through the client's events (bindClient), so the
// UI shows the server's state; made offline, the calls wait, shown at once as
// not sent yet, and are sent once when the connection returns; a refusal is
// shown on the message until dismissed.
import { useMemo } from 'react';
import type { PinnedMessage } from '../protocol/features';
import type { ConversationId } from '../protocol/ids';
import type { Message } from '../protocol/message';
import { useChatClient } from './use-chat-client';

export interface MessageActionsResult {
  /** Adds this user's `emoji`, or takes it back when they already gave it. */
  toggleReaction(message: Pick<Message, 'serverId' | 'reactions'>, emoji: string): Promise<Message>;
  editText(serverId: string, text: string): Promise<Message>;
  deleteForMe(serverId: string): Promise<void>;
  deleteForEveryone(serverId: string): Promise<Message | null>;
  pin(serverId: string): Promise<PinnedMessage[]>;
  unpin(serverId: string): Promise<PinnedMessage[]>;
  /** `message`: the message forwarded, when at hand: its copy shows in `to` at once, before the server stores it. */
  forward(serverId: string, to: ConversationId, message?: Pick<Message, 'body'>): Promise<Message>;
  /** Puts away the notice of a change the server refused (`ChatMessage.waiting` entries with an `error`). */
  dismissChange(id: string): void;
}

export function useMessageActions(): MessageActionsResult {
  const client = useChatClient();
  return useMemo<MessageActionsResult>(
    () => ({
      toggleReaction: (m, emoji) => {
        const mine = m.reactions?.some((g) => g.emoji === emoji && g.users.includes(client.user)) ?? false;
        return mine ? client.unreact(m.serverId, emoji) : client.react(m.serverId, emoji);
      },
      editText: (serverId, text) => client.editText(serverId, text),
      deleteForMe: async (serverId) => {
        await client.deleteMessage(serverId, 'me');
      },
      deleteForEveryone: (serverId) => client.deleteMessage(serverId, 'everyone'),
      pin: (serverId) => client.pin(serverId),
      unpin: (serverId) => client.unpin(serverId),
      forward: (serverId, to, message) => client.forward(serverId, to, message ? { message } : {}),
      dismissChange: (id) => client.dismissChange(id),
    }),
    [client],
  );
}
