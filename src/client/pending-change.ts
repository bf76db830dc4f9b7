// Owns what a queued change looks like before the server applies it (a
// PendingChange, shown optimistically by the store): an edit, a reaction, a
// delete, a pin or unpin, a forward. Read from the saved change the
// ChangeQueue keeps: made now, restored from the offline cache after a
// reload, or told by another tab of the user.
import type { MessageMentions } from '../protocol/features';
import type { ConversationId } from '../protocol/ids';
import type { MessageBody, TextBody } from '../protocol/message';
import type { SavedChange } from './change-persistence';
import type { ErrorInfo } from './error-info';

/** A change of this user's that waits to be sent (or for its answer), or that the server refused. */
export interface PendingChange {
  /** The queued change's id: one per change, kept across a reload. */
  id: string;
  /** The message it changes (for a forward: the message forwarded). */
  serverId: string;
  /** Local time it was made (the order changes apply in). */
  at: number;
  change:
    | { type: 'edit'; body: TextBody; mentions?: MessageMentions }
    | { type: 'react'; emoji: string; remove: boolean }
    | { type: 'delete'; scope: 'me' | 'everyone' }
    | { type: 'pin'; unpin: boolean }
    /** A copy of the message sent to `to` with `localId`; `body` is what it shows until stored (null: not known). */
    | { type: 'forward'; localId: string; to: ConversationId; body: MessageBody | null };
  /** Set once the server refused it: the change is undone, and this says why (until dismissed). */
  error?: ErrorInfo;
}

// Trusts the params' shape: changes made here are typed, and the ones restored
// from IndexedDB or told by another tab are checked as they are read
// (restoreChange, in the lazily loaded offline runtime), so no check stays in the first screen.
function changeOf({ op, params: p, shown }: SavedChange): PendingChange['change'] | null {
  if (op === 'react') return { type: op, emoji: p.emoji as string, remove: p.remove === true };
  if (op === 'delete') return { type: op, scope: p.scope as 'me' | 'everyone' };
  if (op === 'pin') return { type: op, unpin: p.unpin === true };
  if (op === 'forward') {
    // The body is display only (the server sends its own copy): a missing one shows as not known.
    const body = (shown?.body as MessageBody | undefined) ?? null;
    return {
      type: op,
      localId: p.localId as string,
      to: `${p.chatType as string}:${p.to as string}` as ConversationId,
      body,
    };
  }
  if (op !== 'edit') return null;
  const edit: PendingChange['change'] = { type: op, body: p.body as TextBody };
  if (p.mentions) edit.mentions = p.mentions;
  return edit;
}

/** The pending change a saved change shows, or null (an op not shown optimistically, a bad shape). */
export function pendingChangeOf(saved: SavedChange): PendingChange | null {
  const change = changeOf(saved);
  return change && { id: saved.id, serverId: saved.params.serverId as string, at: saved.order, change };
}
