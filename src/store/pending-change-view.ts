// Owns how this user's edits and reactions that wait for the server show on
// their message: a copy of the stored message with them applied in the order
// they were made (the edited text, this user added to or taken out of a
// reaction), as the server will apply them. Also which messages a change of
// the waiting set concerns, so that a conversation's view is rebuilt only
// when one of its own messages is affected. Loaded with the first change that
// waits (lazy-pending-change-view.ts): most sessions never have one.
import type { PendingChange } from '../client/pending-change';
import type { ReactionGroup } from '../protocol/features';
import type { Message, MessageBody, UserId } from '../protocol/message';

/** What of a message's view (message-view.ts's ChatMessage) the waiting changes set. */
interface ChangeableView {
  body: MessageBody;
  message: Message | null;
  changing: boolean;
}

export type PendingChanges = ReadonlyMap<string, readonly PendingChange[]>;

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
function withPendingChanges(m: Message, changes: readonly PendingChange[], user: UserId): Message {
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

/** A stored message's view with its waiting changes, by the change list it was made with. */
const changed = new WeakMap<readonly PendingChange[], { base: object; view: object }>();

/** `base` (the view of `m`) showing `list`, the same object while neither changes. */
export function changedView<V extends ChangeableView>(
  base: V,
  m: Message,
  list: readonly PendingChange[],
  user: UserId,
): V {
  const hit = changed.get(list);
  if (hit?.base === base) return hit.view as V;
  const message = withPendingChanges(m, list, user);
  const view = { ...base, body: message.body, message, changing: true };
  changed.set(list, { base, view });
  return view;
}

/** serverIds whose waiting changes differ between `a` and `b`. */
export function changedTargets(a: PendingChanges, b: PendingChanges): Set<string> {
  const out = new Set<string>();
  for (const [id, list] of a) if (b.get(id) !== list) out.add(id);
  for (const [id, list] of b) if (a.get(id) !== list) out.add(id);
  return out;
}
