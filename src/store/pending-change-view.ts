// Owns how this user's edits and reactions that wait for the server show on
// their message: a copy of the stored message with them applied in the order
// they were made (the edited text, this user added to or taken out of a
// reaction), as the server will apply them. Also which messages a change of
// the waiting set concerns, so that a conversation's view is rebuilt only
// when one of its own messages is affected.
import type { PendingChange } from '../client/pending-change';
import type { ReactionGroup } from '../protocol/features';
import type { Message, UserId } from '../protocol/message';

export type PendingChanges = ReadonlyMap<string, readonly PendingChange[]>;

export const NO_CHANGES: PendingChanges = new Map();

function react(groups: readonly ReactionGroup[], emoji: string, user: UserId, remove: boolean): ReactionGroup[] {
  const at = groups.findIndex((g) => g.emoji === emoji);
  const group = groups[at];
  if (remove) {
    if (!group?.users.includes(user)) return [...groups];
    const users = group.users.filter((u) => u !== user);
    return users.length > 0
      ? groups.map((g, i) => (i === at ? { emoji, users } : g))
      : groups.filter((_, i) => i !== at);
  }
  if (!group) return [...groups, { emoji, users: [user] }];
  if (group.users.includes(user)) return [...groups];
  return groups.map((g, i) => (i === at ? { emoji, users: [...g.users, user] } : g));
}

/** `m` as it will be once the server applies `changes` (made by `user`, oldest first). */
export function withPendingChanges(m: Message, changes: readonly PendingChange[], user: UserId): Message {
  const out: Message = { ...m };
  for (const { id, change } of changes) {
    if (change.type === 'edit') {
      // A recalled message is not edited: the server will refuse the change.
      if (out.body.type !== 'txt') continue;
      out.body = change.body;
      if (change.mentions) out.mentions = change.mentions;
      out.edited = { at: m.edited?.at ?? m.ts, id };
    } else {
      const groups = react(out.reactions ?? [], change.emoji, user, change.remove);
      if (groups.length > 0) out.reactions = groups;
      else delete out.reactions;
    }
  }
  return out;
}

/** serverIds whose waiting changes differ between `a` and `b`. */
export function changedTargets(a: PendingChanges, b: PendingChanges): Set<string> {
  const out = new Set<string>();
  for (const [id, list] of a) if (b.get(id) !== list) out.add(id);
  for (const [id, list] of b) if (a.get(id) !== list) out.add(id);
  return out;
}
