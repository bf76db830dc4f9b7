// Owns "may this user act on this stored message": the message by serverId
// (508), who its conversation reaches (the audience of feature events), and
// the membership checks that refuse outsiders (602 not a member, 605 no such
// group, 4043 no such room). Feature operations start here.
import type { ConversationId } from '../protocol/ids';
import { ErrorCode } from '../protocol/errors';
import type { Message, UserId } from '../protocol/message';
import type { CoreContext } from './context';
import { fail } from './context';
import { conversationKey, viewerConversationId } from './conversation-key';
import { requireGroupMember, requireRoomMember } from './membership';
import type { ConversationKey } from './storage';

export interface MessageAccess {
  message: Message;
  /** The conversation's storage key (a thread reply's is its root's conversation). */
  key: ConversationKey;
  /** Who hears about changes to it. */
  audience: UserId[];
  /** Rooms without history: changes reach connected members only. */
  ephemeral: boolean;
}

/** The thread a root message's replies are stored under (their own seq space, no unread). */
export function threadKey(rootServerId: string): ConversationKey {
  return `thread:${rootServerId}`;
}

/** Everyone a message's conversation reaches now, without membership checks (the message exists). */
export async function audienceOf(ctx: CoreContext, m: Message): Promise<{ audience: UserId[]; ephemeral: boolean }> {
  if (m.chatType === 'single') return { audience: m.from === m.to ? [m.from] : [m.from, m.to], ephemeral: false };
  if (m.chatType === 'group')
    return { audience: (await ctx.storage.getGroup(m.to))?.members ?? [m.from], ephemeral: false };
  const room = await ctx.storage.getRoom(m.to);
  return { audience: room?.members ?? [m.from], ephemeral: room ? !room.keepHistory : false };
}

/**
 * The message with its conversation, after checking that `user` takes part in that conversation:
 * one of the two users of a single chat, or a current member of the group or room.
 */
export async function requireMessageAccess(ctx: CoreContext, user: UserId, serverId: string): Promise<MessageAccess> {
  const record = (await ctx.storage.getMessage(serverId)) ?? fail(ErrorCode.MESSAGE_NOT_FOUND);
  const m = record.message;
  if (m.chatType === 'single') {
    // A stranger learns nothing about a message that exists: the same answer as a missing one.
    if (user !== m.from && user !== m.to) fail(ErrorCode.MESSAGE_NOT_FOUND);
    return {
      message: m,
      key: conversationKey('single', m.from, m.to),
      audience: m.from === m.to ? [m.from] : [m.from, m.to],
      ephemeral: false,
    };
  }
  if (m.chatType === 'group') {
    const group = await requireGroupMember(ctx.storage, m.to, user);
    return { message: m, key: conversationKey('group', m.from, m.to), audience: group.members, ephemeral: false };
  }
  const room = await requireRoomMember(ctx.storage, m.to, user);
  return {
    message: m,
    key: conversationKey('room', m.from, m.to),
    audience: room.members,
    ephemeral: !room.keepHistory,
  };
}

/** How `viewer` names the message's conversation. */
export function conversationFor(m: Message, viewer: UserId): ConversationId {
  return viewerConversationId(m.chatType, m.from, m.to, viewer);
}

/** Tombstones and signaling steps take no reactions, edits, pins, replies or forwards. */
export function requireLiveContent(m: Message, what: string): void {
  if (m.body.type === 'recalled') fail(ErrorCode.NOT_ALLOWED, `a recalled or deleted message cannot be ${what}`);
  if (m.body.type === 'signal') fail(ErrorCode.NOT_ALLOWED, `a signaling message cannot be ${what}`);
}
