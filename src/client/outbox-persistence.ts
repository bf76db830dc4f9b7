// Owns keeping the outbox across page reloads: the pending and failed sends a
// client has not had stored yet, written to a key-value storage (localStorage
// by default) and read back by the next client made with the same key. They
// are sent again with their original localIds, so a message that did reach the
// server before the reload is not stored twice (the server's idempotency), and
// two tabs sending the same restored entry still store it once. Sends whose
// attachment was still uploading are not kept: the file itself is gone.
import type { ChatType } from '../protocol/message';
import type { OutboxPersistence } from './client-options';
import type { PendingMessage } from './pending-message';

/** The part of the Web Storage API the outbox uses (localStorage, sessionStorage, or your own). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** An outbox in Web Storage: read synchronously. */
export interface WebStorageOutbox extends OutboxPersistence {
  load(): PendingMessage[];
}

const CHAT_TYPES: readonly ChatType[] = ['single', 'group', 'room'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A saved entry as it can be sent again, or null for anything else (old format, edited by hand). */
export function restorePending(v: unknown): PendingMessage | null {
  if (!isRecord(v)) return null;
  const { localId, to, chatType, body, from, conversation, createdAt, status } = v;
  if (
    typeof localId !== 'string' ||
    typeof to !== 'string' ||
    typeof from !== 'string' ||
    typeof conversation !== 'string'
  )
    return null;
  if (!CHAT_TYPES.includes(chatType as ChatType) || typeof createdAt !== 'number') return null;
  if (status !== 'pending' && status !== 'failed') return null;
  if (!isRecord(body) || typeof body.type !== 'string') return null;
  // The body's own shape is the server's to check when it is sent again (a bad one fails with 4002).
  const p = { localId, to, chatType, body, from, conversation, createdAt, status } as unknown as PendingMessage;
  if (isRecord(v.ext)) p.ext = v.ext;
  if (isRecord(v.config)) p.config = v.config;
  // A reply, a thread reply or mentions stay what they were when sent again.
  if (typeof v.replyTo === 'string') p.replyTo = v.replyTo;
  if (typeof v.threadOf === 'string') p.threadOf = v.threadOf;
  if (isRecord(v.mentions)) p.mentions = v.mentions;
  if (isRecord(v.error) && typeof v.error.code === 'number' && typeof v.error.message === 'string')
    p.error = { code: v.error.code, message: v.error.message };
  return p;
}

/** What is written: the send itself, not its transient upload progress or a stored copy. */
export function savedPending(p: PendingMessage): Omit<PendingMessage, 'progress' | 'message'> {
  const { progress: _progress, message: _message, ...rest } = p;
  return rest;
}

/**
 * Keeps the outbox under `key` in `storage` (default `globalThis.localStorage`). Use one key per
 * user, e.g. `natter:outbox:${userId}`. Storage that is missing, full or refused (private
 * browsing) never breaks sending: the outbox then lives in memory only, with one console warning.
 */
export function webStorageOutbox(key: string, storage?: KeyValueStorage): WebStorageOutbox {
  let warned = false;
  const store = (): KeyValueStorage | null =>
    storage ?? (globalThis as { localStorage?: KeyValueStorage }).localStorage ?? null;
  const warn = (what: string, e: unknown) => {
    if (warned) return;
    warned = true;
    console.warn(`natter: the outbox could not be ${what}; unsent messages are kept in memory only`, e);
  };
  return {
    load() {
      try {
        const text = store()?.getItem(key);
        if (!text) return [];
        const parsed: unknown = JSON.parse(text);
        if (!Array.isArray(parsed)) return [];
        return parsed.map(restorePending).filter((p): p is PendingMessage => p !== null);
      } catch (e) {
        warn('read', e);
        return [];
      }
    },
    save(pending) {
      try {
        const s = store();
        if (!s) return;
        if (pending.length === 0) s.removeItem(key);
        else s.setItem(key, JSON.stringify(pending.map(savedPending)));
      } catch (e) {
        warn('saved', e);
      }
    },
  };
}
