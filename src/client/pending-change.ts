// Owns what a queued change looks like before the server applies it (a
// PendingChange, shown optimistically by the store): an edit, a reaction, a
// delete, a pin or unpin, a forward. Read from the saved change the
// ChangeQueue keeps: made now, restored from the offline cache after a
// reload, or told by another tab of the user. Restored params come from
// IndexedDB or another tab, so their shape is checked here; one a view cannot
// show is simply not shown (the server still judges it when it is sent).
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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function mentionsOf(v: Record<string, unknown>): MessageMentions {
  const out: MessageMentions = {};
  if (Array.isArray(v.users)) out.users = v.users.filter((u): u is string => typeof u === 'string');
  if (v.all === true) out.all = true;
  return out;
}

function changeOf({ op, params: p, shown }: SavedChange): PendingChange['change'] | null {
  if (op === 'react')
    return typeof p.emoji === 'string' ? { type: op, emoji: p.emoji, remove: p.remove === true } : null;
  if (op === 'delete') return p.scope === 'me' || p.scope === 'everyone' ? { type: op, scope: p.scope } : null;
  if (op === 'pin') return { type: op, unpin: p.unpin === true };
  if (op === 'forward') {
    const { localId, to, chatType } = p;
    if (typeof localId !== 'string' || typeof to !== 'string' || typeof chatType !== 'string') return null;
    // The body is display only (the server sends its own copy): a bad one shows as not known.
    const body = isRecord(shown?.body) ? (shown.body as unknown as MessageBody) : null;
    return { type: op, localId, to: `${chatType}:${to}` as ConversationId, body };
  }
  const { body, mentions } = p;
  if (op !== 'edit' || !isRecord(body) || body.type !== 'txt' || typeof body.msg !== 'string') return null;
  const edit: PendingChange['change'] = { type: op, body: { type: 'txt', msg: body.msg } };
  if (isRecord(mentions)) edit.mentions = mentionsOf(mentions);
  return edit;
}

/** The pending change a saved change shows, or null (an op not shown optimistically, a bad shape). */
export function pendingChangeOf(saved: SavedChange): PendingChange | null {
  const { serverId } = saved.params;
  if (typeof serverId !== 'string') return null;
  const change = changeOf(saved);
  return change ? { id: saved.id, serverId, at: saved.order, change } : null;
}
