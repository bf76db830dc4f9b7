// Owns the ChatClient methods of conversations that a chat screen calls only
// on a user's action — recall a message, delete, mute or unmute a
// conversation, list a group message's readers — so they load with their
// first call (client-rare-methods.ts) instead of with the first screen.
import { conversationOf } from '../protocol/ids';
import { definedFields } from '../protocol/defined-fields';
import type { ConversationApi, ConversationDeps, RareConversationMethod } from './client-conversations';

export type ConversationActions = Pick<ConversationApi, RareConversationMethod>;

export function createConversationActions({ request, input, user }: ConversationDeps): ConversationActions {
  return {
    async recall(serverId) {
      const { message } = await request('recall', { serverId });
      input({ kind: 'recalled', conversation: conversationOf(message, user()), message });
      return message;
    },
    async deleteConversation(conversation, options = {}) {
      await request('deleteConversation', { conversation, ...options });
    },
    async muteConversation(conversation, until) {
      await request('mute', { conversation, ...definedFields({ until }) });
    },
    async unmuteConversation(conversation) {
      await request('unmute', { conversation });
    },
    async groupReaders(serverId) {
      return (await request('groupReaders', { serverId })).readers;
    },
  };
}
