// Owns useNewConversation: starting a single chat (nothing to create: the
// conversation exists once a message is sent, so this only names it) and
// creating a group with members, each answering the id to open.
import { useMemo } from 'react';
import type { ConversationId } from '../protocol/ids';
import { conversationId, isValidId } from '../protocol/ids';
import { ErrorCode, NatterError } from '../protocol/errors';
import type { UserId } from '../protocol/message';
import { useChatClient } from './use-chat-client';

export interface NewGroup {
  name: string;
  members: UserId[];
  desc?: string;
}

export interface NewConversationActions {
  /** The id of the single chat with `user` (throws 4002 for an invalid id). */
  startChat(user: UserId): ConversationId;
  /** Creates a group (this user is its owner) and answers its conversation id. */
  createGroup(group: NewGroup): Promise<ConversationId>;
}

export function useNewConversation(): NewConversationActions {
  const client = useChatClient();
  return useMemo(
    () => ({
      startChat(user) {
        if (!isValidId(user)) throw new NatterError(ErrorCode.INVALID_PARAMS, `invalid user id ${String(user)}`);
        return conversationId('single', user);
      },
      async createGroup(group) {
        const info = await client.createGroup({
          name: group.name,
          members: group.members,
          ...(group.desc !== undefined ? { desc: group.desc } : {}),
        });
        return conversationId('group', info.groupId);
      },
    }),
    [client],
  );
}
