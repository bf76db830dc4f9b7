// Owns the chat instance's groups, message pages and conversation list over a
// natter ChatClient: createGroup, getMessageList (continued from
// nextReqMessageID, which it remembers as a seq) and getConversationList.
import type { ChatClient } from '../../client/chat-client-types';
import { ErrorCode, NatterError } from '../../protocol/errors';
import type { ConversationId } from '../../protocol/ids';
import type { Message } from '../../protocol/message';
import { natterId } from '../vendor-id';
import { TYPES } from './constants';
import { toTencentMessage } from './message';
import type { ConversationInfo, CreateGroupOptions, GroupProfile, TencentMessage, TencentResponse } from './types';

function conversationOf(conversationID: string): ConversationId {
  if (conversationID.startsWith('C2C')) return `single:${natterId(conversationID.slice(3))}`;
  if (conversationID.startsWith('GROUP')) return `group:${natterId(conversationID.slice(5))}`;
  throw new NatterError(ErrorCode.INVALID_PARAMS, `unknown conversationID ${conversationID}`);
}

/** Message ID → seq (the last 10,000 seen), so getMessageList can continue from nextReqMessageID. */
export class MessageSeqs {
  private readonly seqs = new Map<string, number>();

  remember(m: Message): void {
    this.seqs.set(m.serverId, m.seq);
    if (this.seqs.size > 10_000) {
      const oldest = this.seqs.keys().next();
      if (!oldest.done) this.seqs.delete(oldest.value);
    }
  }

  get(messageId: string): number | undefined {
    return this.seqs.get(messageId);
  }
}

export async function createGroup(
  c: ChatClient,
  options: CreateGroupOptions,
): Promise<TencentResponse<{ group: GroupProfile; overLimitUserIDList: string[] }>> {
  const members = (options.memberList ?? []).map((m) => natterId(m.userID)).filter((u) => u !== c.user);
  const g = await c.createGroup({
    name: String(options.name ?? ''),
    ...(options.groupID ? { groupId: natterId(options.groupID) } : {}),
    ...(options.introduction ? { desc: options.introduction } : {}),
    members,
  });
  const group: GroupProfile = {
    groupID: g.groupId,
    name: g.name,
    type: options.type ?? TYPES.GRP_WORK,
    ownerID: g.owner,
    introduction: g.desc,
    memberCount: g.members.length,
    createTime: Math.floor(g.createdAt / 1000),
  };
  return { code: 0 as const, data: { group, overLimitUserIDList: [] } };
}

export interface MessageListOptions {
  conversationID: string;
  nextReqMessageID?: string;
  count?: number;
}

export async function getMessageList(
  c: ChatClient,
  seqs: MessageSeqs,
  options: MessageListOptions,
): Promise<TencentResponse<{ messageList: TencentMessage[]; nextReqMessageID: string; isCompleted: boolean }>> {
  const conv = conversationOf(options.conversationID);
  const before = options.nextReqMessageID ? seqs.get(options.nextReqMessageID) : undefined;
  const limit = Math.max(1, Math.min(15, Number(options.count) || 15));
  const page = await c.history(conv, before === undefined ? { limit } : { before, limit });
  page.messages.forEach((m) => seqs.remember(m));
  const messageList = [...page.messages].reverse().map((m) => toTencentMessage(m, c.user));
  return {
    code: 0 as const,
    data: { messageList, nextReqMessageID: messageList[0]?.ID ?? '', isCompleted: !page.hasMore },
  };
}

export async function getConversationList(
  c: ChatClient,
): Promise<TencentResponse<{ conversationList: ConversationInfo[] }>> {
  const list = (await c.conversations()).filter((s) => s.type !== 'room');
  const conversationList = list.map((s): ConversationInfo => {
    const m = s.lastMessage ? toTencentMessage(s.lastMessage, c.user) : null;
    return {
      conversationID: s.type === 'single' ? `C2C${s.target}` : `GROUP${s.target}`,
      type: s.type === 'single' ? 'C2C' : 'GROUP',
      unreadCount: s.unread,
      lastMessage: m
        ? {
            messageForShow: typeof m.payload.text === 'string' ? m.payload.text : `[${m.type}]`,
            lastTime: m.time,
            fromAccount: m.from,
            type: m.type,
          }
        : null,
    };
  });
  return { code: 0 as const, data: { conversationList } };
}
