// Owns "who shares a conversation with whom": the peers of a user's single
// chats and the members of their groups (chat rooms are open crowds and do
// not count). Profiles are readable and presence is pushed along these lines.
import type { UserId } from '../protocol/message';
import type { CoreContext } from './context';
import { conversationKey, singlePeerOf } from './conversation-key';

/**
 * Everyone who shares a single chat or a group with `user` (`user` excluded). The peers come from
 * the keys of `user`'s states, not the states themselves: reading and parsing every record of a
 * user with 5,000 conversations held the event loop for tens of milliseconds each time they came
 * online or went offline.
 */
export async function contactsOf(ctx: CoreContext, user: UserId): Promise<Set<UserId>> {
  const contacts = new Set<UserId>();
  for (const key of await ctx.storage.listConversationKeys(user)) {
    const peer = singlePeerOf(key, user);
    if (peer !== undefined) contacts.add(peer);
  }
  for (const g of await ctx.storage.listGroupsOf(user)) {
    for (const m of g.members) contacts.add(m);
  }
  contacts.delete(user);
  return contacts;
}

/**
 * Which of `users` `viewer` may see: themself, their contacts, or everyone with a public directory.
 * Each user is looked up (their single chat with `viewer`, then `viewer`'s groups), not every
 * conversation of `viewer` listed: a row drawn for one conversation of 100,000 asks about one user.
 */
export async function visibleUsers(ctx: CoreContext, viewer: UserId, users: readonly UserId[]): Promise<Set<UserId>> {
  if (ctx.options.people?.publicDirectory) return new Set(users);
  const others = [...new Set(users)].filter((u) => u !== viewer);
  const chats = await Promise.all(
    others.map((u) => ctx.storage.getConversationState(viewer, conversationKey('single', viewer, u))),
  );
  const visible = new Set<UserId>(users.includes(viewer) ? [viewer] : []);
  const unknown: UserId[] = [];
  others.forEach((u, i) => (chats[i] ? visible.add(u) : unknown.push(u)));
  if (unknown.length > 0) {
    const groups = await ctx.storage.listGroupsOf(viewer);
    for (const u of unknown) if (groups.some((g) => g.members.includes(u))) visible.add(u);
  }
  return visible;
}
