// Owns the Easemob message-extension calls of the WebIM connection, mapped
// onto natter's conversation features: addReaction / deleteReaction /
// getReactionList / getReactionDetail and modifyMessage (the author's text
// messages), with the onReactionChange / onModifiedMessage listeners fed by
// bindFeatureListeners. Easemob's chat threads (sub-conversations with their
// own ids) are not mapped: natter's threads are replies under a root.
import type { ChatClient } from '../../client/chat-client-types';
import { ErrorCode, NatterError } from '../../protocol/errors';
import type { Message } from '../../protocol/message';
import { toEasemobChatType } from './chat-type';
import { ConnectionContacts } from './connection-contacts';
import { toIncoming } from './incoming';
import { WebIMMessage } from './message';
import type { ListenerArg, ListenerName, WebIMError, WebIMMessageBody } from './types';

/** One reaction as Easemob lists it. */
export interface ReactionListItem {
  reaction: string;
  count: number;
  isAddedBySelf: boolean;
  userList: string[];
}

function reactionList(m: Message, me: string): ReactionListItem[] {
  return (m.reactions ?? []).map((g) => ({
    reaction: g.emoji,
    count: g.users.length,
    isAddedBySelf: g.users.includes(me),
    userList: [...g.users],
  }));
}

type Fail = (e: WebIMError) => void;

export abstract class ConnectionFeatures extends ConnectionContacts {
  /** A message id as the app knows it (its own local id, or the server id) → the server id. */
  protected abstract serverIdOf(id: string): string;

  addReaction(option: {
    messageId: string;
    reaction: string;
    success?: () => void;
    fail?: Fail;
  }): Promise<{ type: 0 }> {
    const p = this.requireClientAsync().then(async (c) => {
      await c.react(this.serverIdOf(String(option.messageId)), String(option.reaction));
      return { type: 0 as const };
    });
    return this.settle(p, option.success, option.fail);
  }

  deleteReaction(option: {
    messageId: string;
    reaction: string;
    success?: () => void;
    fail?: Fail;
  }): Promise<{ type: 0 }> {
    const p = this.requireClientAsync().then(async (c) => {
      await c.unreact(this.serverIdOf(String(option.messageId)), String(option.reaction));
      return { type: 0 as const };
    });
    return this.settle(p, option.success, option.fail);
  }

  /** Reactions of one or more messages, keyed by the ids the app passed. */
  getReactionList(option: {
    chatType?: string;
    messageId: string | string[];
    success?: (res: { type: 0; data: Record<string, ReactionListItem[]> }) => void;
    fail?: Fail;
  }): Promise<{ type: 0; data: Record<string, ReactionListItem[]> }> {
    const p = this.requireClientAsync().then(async (c) => {
      const asked = (Array.isArray(option.messageId) ? option.messageId : [option.messageId]).map(String);
      const found = new Map((await c.messagesById(asked.map((id) => this.serverIdOf(id)))).map((m) => [m.serverId, m]));
      const data: Record<string, ReactionListItem[]> = {};
      for (const id of asked) {
        const m = found.get(this.serverIdOf(id));
        data[id] = m ? reactionList(m, c.user) : [];
      }
      return { type: 0 as const, data };
    });
    return this.settle(p, option.success, option.fail);
  }

  /** Who gave one reaction (natter returns every user in one page). */
  getReactionDetail(option: {
    messageId: string;
    reaction: string;
    cursor?: string;
    pageSize?: number;
    success?: (res: { type: 0; data: ReactionListItem & { cursor: string } }) => void;
    fail?: Fail;
  }): Promise<{ type: 0; data: ReactionListItem & { cursor: string } }> {
    const p = this.requireClientAsync().then(async (c) => {
      const [m] = await c.messagesById([this.serverIdOf(String(option.messageId))]);
      if (!m) throw new NatterError(ErrorCode.MESSAGE_NOT_FOUND);
      const item = reactionList(m, c.user).find((r) => r.reaction === option.reaction) ?? {
        reaction: option.reaction,
        count: 0,
        isAddedBySelf: false,
        userList: [],
      };
      return { type: 0 as const, data: { ...item, cursor: '' } };
    });
    return this.settle(p, option.success, option.fail);
  }

  /** Replaces the text of one of this user's text messages with `modifiedMessage`'s. */
  modifyMessage(option: {
    messageId: string;
    modifiedMessage: WebIMMessage | WebIMMessageBody;
    success?: (res: { type: 0; message: Message }) => void;
    fail?: Fail;
  }): Promise<{ type: 0; message: Message }> {
    const p = this.requireClientAsync().then(async (c) => {
      const body =
        option.modifiedMessage instanceof WebIMMessage ? option.modifiedMessage.body : option.modifiedMessage;
      if (body?.type !== 'txt' || typeof body.msg !== 'string')
        throw new NatterError(ErrorCode.NOT_ALLOWED, 'only text messages can be modified');
      const message = await c.editText(this.serverIdOf(String(option.messageId)), body.msg);
      return { type: 0 as const, message };
    });
    return this.settle(p, option.success, option.fail);
  }
}

/** onReactionChange and onModifiedMessage from the client's message updates; returns the unsubscribe. */
export function bindFeatureListeners(
  client: ChatClient,
  emit: <K extends ListenerName>(name: K, arg: ListenerArg<K>) => void,
): () => void {
  return client.on('messageUpdate', (e) => {
    const m = e.message;
    const conversationId = m.chatType === 'single' ? (m.from === client.user ? m.to : m.from) : m.to;
    if (e.reason === 'reaction') {
      emit('onReactionChange', {
        conversationId,
        messageId: m.serverId,
        reactions: reactionList(m, client.user),
        from: m.from,
      });
    }
    if (e.reason === 'edit' && m.from !== client.user) {
      const incoming = toIncoming(m, null);
      if (incoming)
        emit('onModifiedMessage', {
          ...(incoming.message as object),
          chatType: toEasemobChatType(m.chatType),
          modifiedInfo: { operationTime: m.edited?.at ?? m.ts, operatorId: m.from },
        });
    }
  });
}
