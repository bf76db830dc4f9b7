// Owns message search: full-text over the text messages of the
// conversations a user can read now (single chats, groups they are a member
// of, rooms they are in that keep history; minus history they cleared), or
// of one such conversation (refused with 602/605/4043 otherwise), newest
// first, paged by cursor, with highlight ranges. The storage finds the
// messages (SQLite: FTS5 word index, search-words.ts); recalled messages are
// never found. A page carries the searcher's unread counts of the followed
// thread roots it found.
import { ErrorCode } from '../protocol/errors';
import type { ConversationId } from '../protocol/ids';
import { conversationId } from '../protocol/ids';
import type { UserId } from '../protocol/message';
import type { MessageSearchHit, MessageSearchPage } from '../protocol/people';
import type { Caller, CoreContext } from './context';
import { fail } from './context';
import { keyOfConversationId, viewOfKey } from './conversation-key';
import { requireGroupMember, requireRoomMember } from './membership';
import type { OpHandlers } from './op-handler';
import type { SearchScope } from './people-storage';
import { highlightRanges, queryTerms, searchableText } from './search-text';
import { withThreadUnread } from './thread-reads';

const DEFAULT_LIMIT = 20;

interface NamedScope extends SearchScope {
  id: ConversationId;
}

/** One conversation `user` asked to search in, after the members-only check. */
async function oneScope(ctx: CoreContext, user: UserId, id: ConversationId): Promise<NamedScope[]> {
  const k = keyOfConversationId(user, id) ?? fail(ErrorCode.INVALID_PARAMS, 'invalid conversation id');
  if (k.type === 'group') await requireGroupMember(ctx.storage, k.target, user);
  if (k.type === 'room' && !(await requireRoomMember(ctx.storage, k.target, user)).keepHistory) return [];
  const state = await ctx.storage.getConversationState(user, k.key);
  return [{ key: k.key, afterSeq: state?.clearedSeq ?? 0, id: conversationId(k.type, k.target) }];
}

/**
 * Every conversation `user` can read now. From the keys of the user's states and the few whose
 * history they cleared, not the states themselves: reading and parsing every record of a user with
 * 5,000 conversations held the event loop for 7-18 ms per search on a quiet machine.
 */
async function readableScopes(ctx: CoreContext, user: UserId): Promise<NamedScope[]> {
  const groups = new Set((await ctx.storage.listGroupsOf(user)).map((g) => g.groupId));
  const cleared = new Map((await ctx.storage.listClearedHistories(user)).map((c) => [c.key, c.clearedSeq]));
  const scopes = new Map<string, NamedScope>();
  for (const key of await ctx.storage.listConversationKeys(user)) {
    const view = viewOfKey(key, user);
    if (!view || (view.type === 'group' && !groups.has(view.target))) continue;
    if (view.type === 'room') {
      const room = await ctx.storage.getRoom(view.target);
      if (!room || !room.members.includes(user) || !room.keepHistory) continue;
    }
    scopes.set(key, { key, afterSeq: cleared.get(key) ?? 0, id: view.id });
  }
  for (const groupId of groups) {
    const key = `group:${groupId}`;
    if (!scopes.has(key)) scopes.set(key, { key, afterSeq: 0, id: conversationId('group', groupId) });
  }
  return [...scopes.values()];
}

async function search(
  ctx: CoreContext,
  caller: Caller,
  p: { query: string; conversation?: ConversationId; cursor?: string; limit?: number },
): Promise<MessageSearchPage> {
  const terms = queryTerms(p.query);
  const limit = p.limit ?? DEFAULT_LIMIT;
  const scopes =
    p.conversation !== undefined
      ? await oneScope(ctx, caller.user, p.conversation)
      : await readableScopes(ctx, caller.user);
  if (scopes.length === 0 || terms.length === 0) return { hits: [], cursor: null, hasMore: false };
  const ids = new Map(scopes.map((s) => [s.key, s.id]));
  const found = await ctx.storage.searchMessages({
    terms,
    scopes: scopes.map(({ key, afterSeq }) => ({ key, afterSeq })),
    ...(p.cursor !== undefined ? { before: p.cursor } : {}),
    limit: limit + 1,
  });
  const rows = found.rows.slice(0, limit);
  const hits: MessageSearchHit[] = rows.map((r) => ({
    message: r.message,
    conversation: ids.get(r.key)!,
    highlights: highlightRanges(searchableText(r.message) ?? '', terms),
  }));
  const more = found.rows.length > limit;
  const cursor = more ? rows[rows.length - 1]!.cursor : (found.resumeAt ?? null);
  const page: MessageSearchPage = { hits, cursor, hasMore: cursor !== null };
  return withThreadUnread(
    ctx,
    caller.user,
    page,
    rows.map((r) => r.message),
  );
}

export const searchOps: OpHandlers<'search'> = { search };
