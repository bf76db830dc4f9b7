// Owns the saved form of a queued change (an edit, reaction, delete, pin,
// forward or thread read mark made through the ChangeQueue) and checking one read back: a saved
// change is sent again after a reload, so what is read must be a change the
// queue knows, whatever an older version of the code or another tab wrote.
import type { OpName } from '../protocol/frames';

/** The operations that wait in the ChangeQueue (each idempotent on the server). */
export const QUEUED_OPS = [
  'react',
  'edit',
  'delete',
  'pin',
  'forward',
  'threadAck',
] as const satisfies readonly OpName[];
export type QueuedOp = (typeof QUEUED_OPS)[number];

/** A change as kept between page loads; `order` is the order it was made in (local time, then made unique). */
export interface SavedChange {
  id: string;
  order: number;
  op: QueuedOp;
  params: Record<string, unknown>;
  /** What the change shows until it is applied, when its params do not say (a forward's body); never sent. */
  shown?: { body?: unknown };
}

/** Where queued changes are kept between sessions (the offline cache's `changes` store). */
export interface ChangePersistence {
  /** The changes saved last time, in any order, each checked with restoreChange as it is read. */
  load(): Promise<SavedChange[]>;
  /** Keeps one change (queued write). */
  put(change: SavedChange): void;
  /** Forgets one change: it was answered (queued write, after the put). */
  delete(id: string): void;
}

/** A saved change that can be sent again, or null (unknown op, bad shape). */
export function restoreChange(v: unknown): SavedChange | null {
  if (typeof v !== 'object' || v === null) return null;
  const { id, order, op, params, shown } = v as Record<string, unknown>;
  if (typeof id !== 'string' || typeof order !== 'number' || !QUEUED_OPS.includes(op as QueuedOp)) return null;
  if (!isRecord(params) || Array.isArray(params) || !showable(op as QueuedOp, params)) return null;
  const out: SavedChange = { id, order, op: op as QueuedOp, params: params };
  // Display only (a forward's body): a bad one shows as not known.
  if (isRecord(shown)) out.shown = isRecord(shown.body) ? shown : {};
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * Whether the params have the shape pendingChangeOf shows them with, which it
 * trusts (every change from outside this page is read through here); the
 * rest of their shape is the server's to check when they are sent again.
 */
function showable(op: QueuedOp, p: Record<string, unknown>): boolean {
  if (!isString(p.serverId)) return false;
  if (op === 'react') return isString(p.emoji);
  if (op === 'delete') return p.scope === 'me' || p.scope === 'everyone';
  if (op === 'forward') return isString(p.localId) && isString(p.to) && isString(p.chatType);
  if (op !== 'edit') return true;
  const { body, mentions: m } = p;
  if (!isRecord(body) || body.type !== 'txt' || !isString(body.msg)) return false;
  return (
    m === undefined || (isRecord(m) && (m.users === undefined || (Array.isArray(m.users) && m.users.every(isString))))
  );
}
