// Owns offline notices: deciding who gets one (a recipient or invitee with no
// live session on any node who, for a message, has not muted its
// conversation), handing it to the host's `push` hook, and sending Web Push to
// each of that user's stored subscriptions (deleting those the push service
// says are gone). Never fails the operation that caused it: errors go to
// onError.
import { conversationId } from '../protocol/ids';
import type { Invitation } from '../protocol/invitation';
import type { Message, UserId } from '../protocol/message';
import type { PushPayload } from '../protocol/push';
import type { CoreContext } from './context';
import { conversationKey, viewerConversationId } from './conversation-key';
import { activeMute } from './conversation-mute';
import type { PushNotice } from './server-options';

function reportError(ctx: CoreContext, e: unknown): void {
  (ctx.options.onError ?? console.error)(e);
}

/** Connected to any node (cluster presence), or to this one. */
async function isOnline(ctx: CoreContext, user: UserId): Promise<boolean> {
  return ctx.delivery.online ? ctx.delivery.online(user) : ctx.sessions.isOnline(user);
}

function payloadOf(ctx: CoreContext, notice: PushNotice): PushPayload {
  if (notice.kind === 'message') {
    const { message } = notice;
    const text =
      ctx.options.webPush?.includeText === true && message.body.type === 'txt' ? message.body.msg : undefined;
    return {
      kind: 'message',
      conversation: notice.conversation,
      serverId: message.serverId,
      from: message.from,
      bodyType: message.body.type,
      ...(text !== undefined ? { text } : {}),
    };
  }
  const { invitation: inv, offlinePushInfo: info } = notice;
  return {
    kind: 'invitation',
    inviteId: inv.inviteId,
    inviter: inv.inviter,
    ...(inv.groupId !== undefined ? { conversation: conversationId('group', inv.groupId) } : {}),
    ...(info?.title !== undefined ? { title: info.title } : {}),
    ...(info?.description !== undefined ? { description: info.description } : {}),
    ...(info?.extension !== undefined ? { extension: info.extension } : {}),
  };
}

async function webPush(ctx: CoreContext, user: UserId, notice: PushNotice): Promise<void> {
  const sender = ctx.options.webPush;
  if (!sender) return;
  const subscriptions = await ctx.storage.listPushSubscriptions(user);
  if (subscriptions.length === 0) return;
  const payload = JSON.stringify(payloadOf(ctx, notice));
  await Promise.all(
    subscriptions.map(async (s) => {
      try {
        if ((await sender.send(s, payload)) === 'gone') await ctx.storage.deletePushEndpoint(s.endpoint);
      } catch (e) {
        reportError(ctx, e);
      }
    }),
  );
}

/** Sends `notice` to each user of `users` who has no live session (and has not muted its conversation). */
async function notifyOffline(
  ctx: CoreContext,
  users: readonly UserId[],
  notice: (user: UserId) => PushNotice,
  muted: (user: UserId) => Promise<boolean> = () => Promise.resolve(false),
) {
  const { push } = ctx.options;
  if (!push && !ctx.options.webPush) return;
  for (const user of users) {
    try {
      if ((await isOnline(ctx, user)) || (await muted(user))) continue;
      const n = notice(user);
      push?.(user, n);
      await webPush(ctx, user, n);
    } catch (e) {
      reportError(ctx, e);
    }
  }
}

/**
 * A message was stored for `members`: its recipients with no live session get a notice. Not for
 * chat rooms (large, joined for the moment), commands and other messages that raise nobody's
 * unread count, nor signaling steps (the invitation has its own push).
 */
export function notifyMessage(ctx: CoreContext, message: Message, members: readonly UserId[]): void {
  if (!ctx.options.push && !ctx.options.webPush) return;
  if (message.chatType === 'room' || message.excluded === true || message.body.type === 'signal') return;
  const recipients = members.filter((u) => u !== message.from);
  const key = conversationKey(message.chatType, message.from, message.to);
  void notifyOffline(
    ctx,
    recipients,
    (user) => ({
      kind: 'message',
      message,
      conversation: viewerConversationId(message.chatType, message.from, message.to, user),
    }),
    async (user) => activeMute(await ctx.storage.getConversationState(user, key), ctx.clock.now()) !== null,
  );
}

/** An invitation was sent: its invitees with no live session get a notice. */
export function notifyInvitation(ctx: CoreContext, inv: Invitation, message: Message | null): Promise<void> {
  return notifyOffline(ctx, inv.invitees, () => ({
    kind: 'invitation',
    invitation: inv,
    offlinePushInfo: inv.offlinePushInfo,
    message,
  }));
}
