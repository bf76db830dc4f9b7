// Owns the translation of ChatClient events into WebIM listener calls:
// messages by body type, recalls, delivery / read / group-read / channel
// receipts, group and room changes as presence (and as onInviteMessage when
// someone else added this user), and blacklist updates.
import type { ChatClient, ChatClientEvents } from '../../client/chat-client-types';
import { parseConversationId } from '../../protocol/ids';
import type { Message } from '../../protocol/message';
import { toEasemobChatType, toEasemobKind } from './chat-type';
import type { EmojiConfig } from './emoji-split';
import { toIncoming } from './incoming';
import type { Blacklist, InviteMessage, ListenerArg, ListenerName, PresenceMessage } from './types';

export interface EventContext {
  me(): string;
  emit<K extends ListenerName>(name: K, arg: ListenerArg<K>): void;
  remember(m: Message): void;
  emoji(): EmojiConfig | null | undefined;
  /** A group read count this page has seen (so onStatisticMessage does not repeat it). */
  noteGroupReadCount(serverId: string, count: number): void;
  /** Every message and group change, for the roster (onRoster). */
  noteContacts(change: { message: Message } | { group: ChatClientEvents['group']['action'] }): void;
}

export function toBlacklist(users: string[]): Blacklist {
  const list: Blacklist = {};
  for (const name of users) list[name] = { name };
  return list;
}

const GROUP_PRESENCE: Record<ChatClientEvents['group']['action'], string> = {
  created: 'direct_joined',
  joined: 'memberJoinPublicGroupSuccess',
  memberAdded: 'memberJoinPublicGroupSuccess',
  memberRemoved: 'leaveGroup',
  left: 'leaveGroup',
  destroyed: 'deleteGroupChat',
  muted: 'addMute',
  unmuted: 'removeMute',
  updated: 'updateGroup',
};

function groupPresence(e: ChatClientEvents['group'], me: string): PresenceMessage {
  let type = GROUP_PRESENCE[e.action];
  const includesMe = e.users.includes(me);
  if (e.action === 'memberAdded' && includesMe) type = 'direct_joined';
  if (e.action === 'memberRemoved' && includesMe) type = 'removedFromGroup';
  return { type, from: e.by, to: me, gid: e.group.groupId, owner: e.group.owner, users: [...e.users] };
}

/** The invitation an Easemob app expects when someone else put `me` in a group; null for other changes. */
function groupInvite(e: ChatClientEvents['group'], me: string): InviteMessage | null {
  if (e.by === me) return null;
  const added =
    (e.action === 'memberAdded' && e.users.includes(me)) || (e.action === 'created' && e.group.members.includes(me));
  if (!added) return null;
  return {
    type: 'invite',
    from: e.by,
    to: me,
    roomid: e.group.groupId,
    gid: e.group.groupId,
    reason: '',
    owner: e.group.owner,
    joined: true,
  };
}

/** Subscribes to `client`; returns the unsubscribe. */
export function bindClientEvents(client: ChatClient, ctx: EventContext): () => void {
  const offs = [
    client.on('message', (e) => {
      ctx.remember(e.message);
      ctx.noteContacts({ message: e.message });
      if (e.message.from === ctx.me()) return;
      const incoming = toIncoming(e.message, ctx.emoji());
      if (incoming) ctx.emit(incoming.listener, incoming.message);
    }),
    client.on('recall', (e) => {
      const m = e.message;
      const by = m.body.type === 'recalled' ? m.body.by : m.from;
      if (by === ctx.me()) return;
      ctx.emit('onRecallMessage', {
        id: m.serverId,
        mid: m.serverId,
        from: m.from,
        to: m.to,
        type: toEasemobKind(m.chatType),
        chatType: toEasemobChatType(m.chatType),
      });
    }),
    client.on('delivered', (e) => {
      const c = parseConversationId(e.conversation);
      ctx.emit('onDeliveredMessage', {
        id: e.serverId,
        mid: e.serverId,
        from: e.by,
        to: ctx.me(),
        ...(c ? { chatType: toEasemobChatType(c.type), type: toEasemobKind(c.type) } : {}),
      });
    }),
    client.on('read', (e) => {
      const c = parseConversationId(e.conversation);
      ctx.emit('onReadMessage', {
        id: e.serverId,
        mid: e.serverId,
        from: e.by,
        to: c && c.type !== 'single' ? c.target : ctx.me(),
        ...(c ? { chatType: toEasemobChatType(c.type), type: toEasemobKind(c.type) } : {}),
      });
    }),
    client.on('groupRead', (e) => {
      const c = parseConversationId(e.conversation);
      ctx.noteGroupReadCount(e.serverId, e.count);
      ctx.emit('onReadMessage', {
        id: e.serverId,
        mid: e.serverId,
        from: e.by,
        to: c?.target ?? '',
        chatType: 'groupChat',
        type: 'groupchat',
        groupReadCount: { [e.serverId]: e.count },
      });
    }),
    client.on('channelAck', (e) => {
      const c = parseConversationId(e.conversation);
      if (!c || e.by === ctx.me()) return;
      ctx.emit('onChannelMessage', {
        id: '',
        mid: '',
        from: e.by,
        to: c.type === 'single' ? ctx.me() : c.target,
        chatType: toEasemobChatType(c.type),
        type: toEasemobKind(c.type),
      });
    }),
    client.on('group', (e) => {
      ctx.noteContacts({ group: e.action });
      if (e.action === 'created' && e.by === ctx.me()) {
        ctx.emit('onCreateGroup', {
          type: 'createGroup',
          from: e.by,
          to: ctx.me(),
          gid: e.group.groupId,
          owner: e.group.owner,
          users: [...e.group.members],
        });
        return;
      }
      ctx.emit('onPresence', groupPresence(e, ctx.me()));
      const invite = groupInvite(e, ctx.me());
      if (invite) ctx.emit('onInviteMessage', invite);
    }),
    client.on('room', (e) => {
      ctx.emit('onPresence', {
        type: e.action === 'joined' ? 'memberJoinChatRoomSuccess' : 'leaveChatRoom',
        from: e.users[0] ?? '',
        to: ctx.me(),
        roomId: e.room.roomId,
        gid: e.room.roomId,
        users: [...e.users],
      });
    }),
    client.on('blocklist', (e) => ctx.emit('onBlacklistUpdate', toBlacklist(e.blocked))),
  ];
  return () => offs.forEach((off) => off());
}
