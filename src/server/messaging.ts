// Owns sending: the idempotency lookup (same localId from the same user →
// the same stored message and answer), who may send where (blocklist 603,
// group membership 602/605, mute 507, whitelist 506, rooms), attachment
// metadata from the server's own file records, and the moderation hook
// (reject 501, intercept 502).
import { ErrorCode } from '../protocol/errors';
import type { Message, MessageBody, OutgoingMessage, UserId } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { fail } from './context';
import { isGroupManager, requireGroupMember, requireRoomMember } from './membership';
import type { MessageDraft } from './message-store';
import { storeMessage } from './message-store';
import type { OpHandlers } from './op-handler';
import type { ModerationVerdict } from './server-options';

interface Route {
  members: UserId[];
  ephemeral: boolean;
}

/** Checks that `from` may send to the message's target now; returns who receives it. */
export function routeMessage(ctx: CoreContext, from: UserId, chatType: OutgoingMessage['chatType'], to: string): Route {
  const { storage } = ctx;
  if (chatType === 'single') {
    if (to !== from && storage.getBlocklist(to).includes(from)) fail(ErrorCode.BLOCKED);
    return { members: to === from ? [from] : [from, to], ephemeral: false };
  }
  if (chatType === 'group') {
    const group = requireGroupMember(storage, to, from);
    const mutedUntil = group.muted[from];
    if (mutedUntil !== undefined && (mutedUntil === 0 || mutedUntil > ctx.clock.now())) fail(ErrorCode.MUTED);
    if (group.whitelistOnly && !isGroupManager(group, from) && !group.whitelist.includes(from)) fail(ErrorCode.NOT_WHITELISTED);
    return { members: group.members, ephemeral: false };
  }
  const room = requireRoomMember(storage, to, from);
  return { members: room.members, ephemeral: !room.keepHistory };
}

/** File-bearing bodies that name an uploaded file take url, size and type from the server's record. */
function resolveBody(ctx: CoreContext, body: OutgoingMessage['body']): MessageBody {
  if (body.type !== 'img' && body.type !== 'file' && body.type !== 'audio' && body.type !== 'video') return body;
  if (body.fileId === undefined) return body;
  const record = ctx.storage.getFile(body.fileId) ?? fail(ErrorCode.FILE_NOT_FOUND);
  return { ...body, url: record.file.url, size: record.file.size, mime: record.file.mime };
}

function verdictOf(v: ModerationVerdict): { verdict: 'allow' | 'reject' | 'intercept'; reason?: string } {
  return typeof v === 'string' ? { verdict: v } : v;
}

async function moderate(ctx: CoreContext, draft: MessageDraft): Promise<void> {
  const hook = ctx.options.moderate;
  if (!hook) return;
  const preview: Message = { ...draft, serverId: '', seq: 0, ts: ctx.clock.now() };
  const { verdict, reason } = verdictOf(await hook(preview));
  if (verdict === 'reject') fail(ErrorCode.SENSITIVE_WORDS, reason);
  if (verdict === 'intercept') fail(ErrorCode.INTERCEPTED, reason);
}

async function send(ctx: CoreContext, caller: Caller, p: OutgoingMessage): Promise<{ message: Message }> {
  const { storage } = ctx;
  const existing = storage.getMessageByLocalId(caller.user, p.localId);
  if (existing) return { message: existing.message };
  routeMessage(ctx, caller.user, p.chatType, p.to);
  const body = resolveBody(ctx, p.body);
  const draft: MessageDraft = { localId: p.localId, from: caller.user, to: p.to, chatType: p.chatType, body };
  if (p.ext !== undefined) draft.ext = p.ext;
  if (p.config !== undefined) draft.config = p.config;
  // Commands never count as unread nor become the last message.
  if (body.type === 'cmd') draft.excluded = true;
  await moderate(ctx, draft);
  return ctx.events.tx(() => {
    // The moderation hook may have awaited: a retry with the same localId may have won meanwhile,
    // and membership may have changed.
    const again = storage.getMessageByLocalId(caller.user, p.localId);
    if (again) return { message: again.message };
    const route = routeMessage(ctx, caller.user, p.chatType, p.to);
    return { message: storeMessage(ctx, draft, route) };
  });
}

export const messagingOps: OpHandlers<'send'> = { send };
