// Owns mentions: which users a message may mention (members of its
// conversation; `all` only in groups), and each mentioned user's unread
// mention count — the seqs of unread messages that mention them, kept in
// their conversation state, so the badge is a length and cannot drift: a
// mention counts once, stops counting when the read marker passes it, when
// it is recalled or deleted for everyone, or deleted by that user; an
// edit that adds or removes a mention raises or drops it the same way.
import { ErrorCode } from '../protocol/errors';
import type { MessageMentions } from '../protocol/features';
import type { Message, UserId } from '../protocol/message';
import type { CoreContext } from './context';
import { fail } from './context';
import { conversationKey } from './conversation-key';
import type { ConversationStateRecord } from './storage';

/** The mentions a message may carry: unique users, `all` only in a group (4002 elsewhere). */
export function cleanMentions(m: Pick<Message, 'chatType'>, mentions: MessageMentions): MessageMentions | undefined {
  if (mentions.all && m.chatType !== 'group') fail(ErrorCode.INVALID_PARAMS, '@all is for group chats only');
  const out: MessageMentions = {};
  if (mentions.users && mentions.users.length > 0) out.users = [...new Set(mentions.users)];
  if (mentions.all) out.all = true;
  if (!out.users && !out.all) return undefined;
  return out;
}

/** Users whose mention badge a stored message raises (never its sender; members only). */
function mentionedUsers(m: Message, members: readonly UserId[]): UserId[] {
  const mentions = m.mentions;
  if (!mentions || m.excluded || m.threadOf !== undefined || m.chatType === 'room') return [];
  const candidates = mentions.all ? members : (mentions.users ?? []).filter((u) => members.includes(u));
  return candidates.filter((u) => u !== m.from);
}

function publishCount(ctx: CoreContext, state: ConversationStateRecord): void {
  ctx.events.durable([state.user], {
    type: 'mentionCount',
    conversation: state.id,
    count: state.mentionSeqs?.length ?? 0,
  });
}

/** Raises each user's badge for `m` while it is unread for them (it counts once). Stores the states. */
async function raiseFor(ctx: CoreContext, m: Message, users: Iterable<UserId>): Promise<void> {
  const key = conversationKey(m.chatType, m.from, m.to);
  for (const user of users) {
    const state = await ctx.storage.getConversationState(user, key);
    if (!state || m.seq <= Math.max(state.readSeq, state.clearedSeq)) continue;
    if (state.hiddenIds?.includes(m.serverId) || state.mentionSeqs?.includes(m.seq)) continue;
    state.mentionSeqs = [...(state.mentionSeqs ?? []), m.seq].sort((a, b) => a - b);
    await ctx.storage.putConversationState(state);
    publishCount(ctx, state);
  }
}

/** Inside the commit that stored `m` (`ctx` a transaction's): raises each mentioned member's badge. */
export async function applyMentions(ctx: CoreContext, m: Message, members: readonly UserId[]): Promise<void> {
  const users = mentionedUsers(m, members);
  if (users.length > 0) await raiseFor(ctx, m, new Set(users));
}

/**
 * Inside the transaction of an edit (`ctx` its context): members the edit newly mentions get the
 * badge (while the message is unread for them, as for a send); those it no longer mentions lose it.
 */
export async function reconcileMentions(
  ctx: CoreContext,
  before: Message,
  after: Message,
  members: readonly UserId[],
): Promise<void> {
  const was = new Set(mentionedUsers(before, members));
  const now = new Set(mentionedUsers(after, members));
  await raiseFor(
    ctx,
    after,
    [...now].filter((u) => !was.has(u)),
  );
  for (const user of was) if (!now.has(user)) await dropMention(ctx, user, before);
}

/**
 * After the read marker (or cleared history) moved: drops the mentions now read and tells the user's
 * devices. Changes `state` in place; the caller stores it.
 */
export function settleMentions(ctx: CoreContext, state: ConversationStateRecord): void {
  const seqs = state.mentionSeqs;
  if (!seqs || seqs.length === 0) return;
  const after = Math.max(state.readSeq, state.clearedSeq);
  const left = seqs.filter((s) => s > after);
  if (left.length === seqs.length) return;
  if (left.length > 0) state.mentionSeqs = left;
  else delete state.mentionSeqs;
  publishCount(ctx, state);
}

/** A message stops counting for `user` (recalled, deleted for everyone or for them). Stores the state. */
export async function dropMention(ctx: CoreContext, user: UserId, m: Message): Promise<void> {
  if (m.chatType === 'room' || m.threadOf !== undefined) return;
  const state = await ctx.storage.getConversationState(user, conversationKey(m.chatType, m.from, m.to));
  if (!state?.mentionSeqs?.includes(m.seq)) return;
  const left = state.mentionSeqs.filter((s) => s !== m.seq);
  if (left.length > 0) state.mentionSeqs = left;
  else delete state.mentionSeqs;
  await ctx.storage.putConversationState(state);
  publishCount(ctx, state);
}

/** The badge for a conversation summary. */
export function mentionSummary(state: ConversationStateRecord): { mentions?: number } {
  const n = state.mentionSeqs?.length ?? 0;
  return n > 0 ? { mentions: n } : {};
}
