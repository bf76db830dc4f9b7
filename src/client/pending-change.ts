// Owns what a queued edit or reaction looks like before the server applies it
// (a PendingChange, shown optimistically by the store), read from the saved
// change the ChangeQueue keeps: made now or restored from the offline cache
// after a reload. Restored params come from IndexedDB, so their shape is
// checked here; one that is not an edit or reaction a view can show is simply
// not shown (the server still judges it when it is sent).
import type { MessageMentions } from '../protocol/features';
import type { TextBody } from '../protocol/message';
import type { SavedChange } from './change-persistence';

/** An edit or reaction of this user's that waits to be sent (or for its answer). */
export interface PendingChange {
  /** The queued change's id: one per change, kept across a reload. */
  id: string;
  /** The message it changes. */
  serverId: string;
  change:
    { type: 'edit'; body: TextBody; mentions?: MessageMentions } | { type: 'react'; emoji: string; remove: boolean };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function mentionsOf(v: Record<string, unknown>): MessageMentions {
  const out: MessageMentions = {};
  if (Array.isArray(v.users)) out.users = v.users.filter((u): u is string => typeof u === 'string');
  if (v.all === true) out.all = true;
  return out;
}

/** The pending change a saved change shows, or null (an op not shown optimistically, a bad shape). */
export function pendingChangeOf(saved: SavedChange): PendingChange | null {
  const { serverId } = saved.params;
  if (typeof serverId !== 'string') return null;
  if (saved.op === 'react') {
    const { emoji, remove } = saved.params;
    if (typeof emoji !== 'string') return null;
    return { id: saved.id, serverId, change: { type: 'react', emoji, remove: remove === true } };
  }
  if (saved.op === 'edit') {
    const { body, mentions } = saved.params;
    if (!isRecord(body) || body.type !== 'txt' || typeof body.msg !== 'string') return null;
    const edit: PendingChange['change'] = { type: 'edit', body: { type: 'txt', msg: body.msg } };
    if (isRecord(mentions)) edit.mentions = mentionsOf(mentions);
    return { id: saved.id, serverId, change: edit };
  }
  return null;
}
