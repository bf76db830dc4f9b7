// Owns sending: the idempotency lookup (same localId from the same user →
// the same stored message and answer), who may send where (blocklist 603,
// group membership 602/605, mute 507, whitelist 506, group read receipts
// for owner/admins only 510, rooms), attachment metadata from the server's
// own file records, the moderation hook (reject 501, intercept 502), and
// queueing the write for the next group commit (event-publisher.ts).
import { ErrorCode } from '../protocol/errors';
import { carriesFile, type Message, type MessageBody, type OutgoingMessage, type UserId } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { fail, txContext } from './context';
import { conversationKey } from './conversation-key';
import { EncodedResult } from './encoded-result';
import { isGroupManager } from './membership';
import { stampedMessage, type MessageDraft, type StoredMessage } from './message-store';
import type { OpAnswer, OpHandlers } from './op-handler';
import { notifyMessage } from './push-notices';
import { prepareSendFeatures, storeWithFeatures } from './send-features';
import type { ModerationVerdict } from './server-options';
import { checkBodyUrls } from './url-policy';

interface Route {
  members: UserId[];
  ephemeral: boolean;
}

/**
 * Checks that `from` may send to the message's target now; returns who receives it. Reads the
 * core's cached group/room/blocklist records without copying them (nothing here mutates them).
 */
async function routeMessage(
  ctx: CoreContext,
  from: UserId,
  p: Pick<OutgoingMessage, 'chatType' | 'to' | 'config'>,
): Promise<Route> {
  const { storage } = ctx;
  const { chatType, to } = p;
  if (chatType === 'single') {
    if (to !== from && (await storage.blocklist(to)).includes(from)) fail(ErrorCode.BLOCKED);
    return { members: to === from ? [from] : [from, to], ephemeral: false };
  }
  if (chatType === 'group') {
    const view = (await storage.group(to)) ?? fail(ErrorCode.GROUP_NOT_FOUND);
    if (!view.members.has(from)) fail(ErrorCode.NOT_IN_GROUP);
    const { group } = view;
    const mutedUntil = group.muted[from];
    if (mutedUntil !== undefined && (mutedUntil === 0 || mutedUntil > ctx.clock.now())) fail(ErrorCode.MUTED);
    const manager = isGroupManager(group, from);
    if (group.whitelistOnly && !manager && !group.whitelist.includes(from)) fail(ErrorCode.NOT_WHITELISTED);
    // Easemob: asking for group read receipts needs owner or admin rights.
    if (p.config?.allowGroupAck === true && !manager)
      fail(ErrorCode.NOT_ALLOWED, 'only the group owner or an admin can ask for group read receipts');
    return { members: group.members, ephemeral: false };
  }
  const room = (await storage.room(to)) ?? fail(ErrorCode.ROOM_NOT_FOUND);
  if (!room.members.includes(from)) fail(ErrorCode.NOT_IN_GROUP);
  return { members: room.members, ephemeral: !room.keepHistory };
}

/** File-bearing bodies that name an uploaded file take url, size and type from the server's record. */
async function resolveBody(ctx: CoreContext, body: OutgoingMessage['body']): Promise<MessageBody> {
  await checkBodyUrls(ctx, body);
  if (!carriesFile(body) || body.fileId === undefined) return body;
  const record = (await ctx.storage.getFile(body.fileId)) ?? fail(ErrorCode.FILE_NOT_FOUND);
  return { ...body, url: record.file.url, size: record.file.size, mime: record.file.mime };
}

function verdictOf(v: ModerationVerdict): { verdict: 'allow' | 'reject' | 'intercept'; reason?: string } {
  return typeof v === 'string' ? { verdict: v } : v;
}

async function moderate(ctx: CoreContext, draft: MessageDraft): Promise<void> {
  const hook = ctx.options.moderate;
  if (!hook) return;
  const preview = stampedMessage(draft, '', 0, ctx.clock.now());
  const { verdict, reason } = verdictOf(await hook(preview));
  if (verdict === 'reject') fail(ErrorCode.SENSITIVE_WORDS, reason);
  if (verdict === 'intercept') fail(ErrorCode.INTERCEPTED, reason);
}

/**
 * Starts a send: `submitted` settles once the message is queued for the next group commit (or
 * answered without one), so a session may start its next request then and keep their order;
 * `result` settles after the commit.
 */
export function startSend(
  ctx: CoreContext,
  caller: Caller,
  p: OutgoingMessage,
  extra?: Pick<MessageDraft, 'forwarded'>,
): { submitted: Promise<void>; result: Promise<OpAnswer<'send'>> } {
  let markSubmitted!: () => void;
  const submitted = new Promise<void>((resolve) => (markSubmitted = resolve));
  const result = send(ctx, caller, p, markSubmitted, extra);
  result.then(markSubmitted, markSubmitted);
  return { submitted, result };
}

async function storedAnswer(
  ctx: CoreContext,
  caller: Caller,
  p: OutgoingMessage,
): Promise<{ message: Message } | null> {
  const existing = await ctx.storage.getMessageByLocalId(caller.user, p.localId);
  return existing && { message: existing.message };
}

/**
 * Whether the send is routed before the commit as well as in it: when a later check could refuse it
 * or read on its behalf (a named file, a replied or mentioned message, a thread, the moderation
 * hook), a sender who may not send there hears that first. A plain send is routed once, by the
 * commit's check; on a shared database the check before it was a round trip of its own.
 */
function routedFirst(ctx: CoreContext, p: OutgoingMessage): boolean {
  return (
    ctx.options.moderate !== undefined ||
    p.replyTo !== undefined ||
    p.mentions !== undefined ||
    p.threadOf !== undefined ||
    carriesFile(p.body)
  );
}

/** The message to store once every check before the commit passed (they throw otherwise). */
async function checkedDraft(
  ctx: CoreContext,
  caller: Caller,
  p: OutgoingMessage,
  extra?: Pick<MessageDraft, 'forwarded'>,
): Promise<MessageDraft> {
  if (routedFirst(ctx, p)) await routeMessage(ctx, caller.user, p);
  const body = await resolveBody(ctx, p.body);
  const draft: MessageDraft = { localId: p.localId, from: caller.user, to: p.to, chatType: p.chatType, body };
  if (p.ext !== undefined) draft.ext = p.ext;
  if (p.config !== undefined) draft.config = p.config;
  if (extra?.forwarded) draft.forwarded = extra.forwarded;
  // Commands never count as unread nor become the last message.
  if (body.type === 'cmd') draft.excluded = true;
  if (p.replyTo !== undefined || p.mentions !== undefined || p.threadOf !== undefined)
    await prepareSendFeatures(ctx, caller, p, draft);
  if (ctx.options.moderate) await moderate(ctx, draft);
  return draft;
}

async function send(
  ctx: CoreContext,
  caller: Caller,
  p: OutgoingMessage,
  onSubmitted: () => void,
  extra?: Pick<MessageDraft, 'forwarded'>,
): Promise<OpAnswer<'send'>> {
  // A retry of a stored message is answered with it. The commit checks that in the database anyway
  // (below), so a send looks it up beforehand only when it has to: before a moderation hook (user
  // code, which must not judge a stored message again) and when a check refuses the send (the
  // sender may have been blocked or left the group since the message was stored).
  if (ctx.options.moderate) {
    const existing = await storedAnswer(ctx, caller, p);
    if (existing) return existing;
  }
  let draft: MessageDraft;
  try {
    draft = await checkedDraft(ctx, caller, p, extra);
  } catch (e) {
    const existing = await storedAnswer(ctx, caller, p);
    if (existing) return existing;
    throw e;
  }
  // The route of the commit that stored the message (none when it was stored before: no new notice).
  let stored: Route | null = null;
  const committed = ctx.events.submit(
    // Checked again at commit time, in the database: a retry with the same localId may have been
    // stored meanwhile (queued before this one, or sent to another node), and membership may have
    // changed. The unique (from, localId) key settles a race the lookup cannot see (storage.ts).
    async (tx): Promise<{ again: Message } | { route: Route }> => {
      const again = await tx.getMessageByLocalId(caller.user, p.localId);
      return again ? { again: again.message } : { route: await routeMessage(txContext(ctx, tx), caller.user, p) };
    },
    async (tx, checked): Promise<StoredMessage> => {
      if ('again' in checked) return { message: checked.again };
      stored = checked.route;
      return storeWithFeatures(txContext(ctx, tx), draft, checked.route);
    },
    ctx.storage.shared ? conversationKey(p.chatType, caller.user, p.to) : undefined,
  );
  onSubmitted();
  const { message, json } = await committed;
  if (stored) notifyMessage(ctx, message, (stored as Route).members);
  // The answer splices the JSON the row and the events were written with: the message is not
  // serialized a second time for the sender's `ok`.
  return json === undefined ? { message } : new EncodedResult(`{"message":${json}}`);
}

export const messagingOps: OpHandlers<'send'> = { send: (ctx, caller, p) => startSend(ctx, caller, p).result };
