// Owns how this user's changes that wait for the server show: on their
// message, a copy of the stored message with them applied in the order they
// were made (the edited text, this user added to or taken out of a reaction,
// a tombstone for a delete for everyone), as the server will apply them, with
// the list of what waits (a delete for this user, a pin) and of what the
// server refused; a forward as a pending row of the conversation it goes to
// (pending-forward.ts); pins in a conversation's pin list. Also which
// messages and conversations a change of the waiting set concerns, so that a
// conversation's view is rebuilt only when it is affected. Loaded with the
// first change that waits (lazy-pending-change-view.ts): most sessions never
// have one.
import type { PendingChange } from '../client/pending-change';
import type { ReactionGroup } from '../protocol/features';
import type { Message, MessageBody, UserId } from '../protocol/message';

export { forwardViews, pinsWithChanges } from './pending-forward';

/** What of a message's view (message-view.ts's ChatMessage) the waiting changes set. */
interface ChangeableView {
  body: MessageBody;
  message: Message | null;
  changing: boolean;
  waiting?: readonly PendingChange[];
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
  for (const { id, at, change, error } of changes) {
    // Refused: undone, the message is as the server has it.
    if (error) continue;
    if (change.type === 'delete') {
      if (change.scope === 'everyone' && out.body.type !== 'recalled')
        out.body = { type: 'recalled', recalledAt: at, by: user, deleted: true };
    } else if (change.type === 'edit') {
      // A recalled message is not edited: the server will refuse the change.
      if (out.body.type !== 'txt') continue;
      out.body = change.body;
      if (change.mentions) out.mentions = change.mentions;
      out.edited = { at: m.edited?.at ?? m.ts, id };
    } else if (change.type === 'react') {
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
  // A forward changes not its message but the conversation it goes to (pending-forward.ts).
  const own = list.filter((c) => c.change.type !== 'forward');
  if (own.length === 0) return base;
  const message = withPendingChanges(m, own, user);
  const view = { ...base, body: message.body, message, changing: own.some((c) => !c.error), waiting: own };
  changed.set(list, { base, view });
  return view;
}

/** serverIds whose waiting changes differ between `a` and `b`, and the conversations their forwards go to. */
export function changedTargets(a: PendingChanges, b: PendingChanges): Set<string> {
  const out = new Set<string>();
  const add = (id: string, list: readonly PendingChange[] | undefined) => {
    out.add(id);
    for (const c of list ?? []) if (c.change.type === 'forward') out.add(c.change.to);
  };
  for (const [id, list] of a) if (b.get(id) !== list) add(id, list);
  for (const [id, list] of b) if (a.get(id) !== list) add(id, list);
  return out;
}
