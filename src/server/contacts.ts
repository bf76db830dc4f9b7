// Owns "who shares a conversation with whom": the peers of a user's single
// chats and the members of their groups (chat rooms are open crowds and do
// not count). Profiles are readable and presence is pushed along these lines.
import type { UserId } from '../protocol/message';
import type { CoreContext } from './context';

/** Everyone who shares a single chat or a group with `user` (`user` excluded). */
export async function contactsOf(ctx: CoreContext, user: UserId): Promise<Set<UserId>> {
  const contacts = new Set<UserId>();
  for (const s of await ctx.storage.listConversationStates(user)) {
    if (s.type === 'single' && s.target !== user) contacts.add(s.target);
  }
  for (const g of await ctx.storage.listGroupsOf(user)) {
    for (const m of g.members) contacts.add(m);
  }
  contacts.delete(user);
  return contacts;
}

/** Which of `users` `viewer` may see: themself, their contacts, or everyone with a public directory. */
export async function visibleUsers(ctx: CoreContext, viewer: UserId, users: readonly UserId[]): Promise<Set<UserId>> {
  if (ctx.options.people?.publicDirectory) return new Set(users);
  const contacts = await contactsOf(ctx, viewer);
  return new Set(users.filter((u) => u === viewer || contacts.has(u)));
}
