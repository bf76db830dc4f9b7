// Owns the display view of messages: one list per conversation joining stored
// messages, this client's pending sends and receipts into `ChatMessage`s with a
// status. A view builder caches each entry so unchanged messages keep their
// object identity between updates (memoized rows do not re-render).
import type { PendingMessage } from '../client/chat-client-types';
import type { ConversationId } from '../protocol/ids';
import type { ChatType, Ext, Message, MessageBody, MessageConfig, UserId } from '../protocol/message';
import { EMPTY_RECEIPTS, type ConversationMessages, type ConversationReceipts } from './chat-state';

/**
 * `pending`: not yet stored by the server (offline, uploading or in flight). `sent`: stored.
 * `delivered`: a recipient's client received it. `read`: a recipient read it (single chat: read
 * receipt or channel ack; group: at least one reader). `failed`: the server refused it (see `error`).
 * `recalled`: a tombstone. `received`: someone else's message.
 */
export type MessageStatus = 'pending' | 'sent' | 'delivered' | 'read' | 'failed' | 'recalled' | 'received';

export interface ChatMessage {
  /** Stable React key (`from` + localId), identical for the pending copy and the stored one. */
  key: string;
  localId: string;
  /** Null until the server stored it. */
  serverId: string | null;
  /** Position in the conversation; null while pending. */
  seq: number | null;
  from: UserId;
  to: string;
  chatType: ChatType;
  conversation: ConversationId;
  /** Server time for stored messages, local creation time for pending ones. */
  ts: number;
  body: MessageBody;
  ext: Ext | undefined;
  config: MessageConfig | undefined;
  /** Sent by this user (from any device). */
  own: boolean;
  status: MessageStatus;
  /** Why a send failed (code from ErrorCode, e.g. 602 not in group). */
  error: { code: number; message: string } | null;
  /** Upload progress 0..1 of a pending file-bearing send; null otherwise. */
  progress: number | null;
  /** Readers known for an own message (group read count, or 1 when a single-chat peer read it). */
  readCount: number;
  /** The stored message, or null while pending. */
  message: Message | null;
}

export function storedStatus(m: Message, user: UserId, r: ConversationReceipts): MessageStatus {
  if (m.body.type === 'recalled') return 'recalled';
  if (m.from !== user) return 'received';
  if ((r.read[m.serverId]?.length ?? 0) > 0 || (r.groupReadCount[m.serverId] ?? 0) > 0) return 'read';
  if (m.chatType === 'single') for (const upTo of Object.values(r.ackedUpTo)) if (upTo >= m.seq) return 'read';
  if ((r.delivered[m.serverId]?.length ?? 0) > 0) return 'delivered';
  return 'sent';
}

export function readCountOf(m: Message, user: UserId, r: ConversationReceipts): number {
  if (m.from !== user) return 0;
  const group = r.groupReadCount[m.serverId];
  if (group !== undefined) return group;
  const readers = r.read[m.serverId]?.length ?? 0;
  if (readers > 0 || m.chatType !== 'single') return readers;
  for (const upTo of Object.values(r.ackedUpTo)) if (upTo >= m.seq) return 1;
  return 0;
}

function storedView(m: Message, conversation: ConversationId, user: UserId, status: MessageStatus, readCount: number): ChatMessage {
  return {
    key: `${m.from}/${m.localId || m.serverId}`, localId: m.localId, serverId: m.serverId, seq: m.seq, from: m.from, to: m.to, chatType: m.chatType,
    conversation, ts: m.ts, body: m.body, ext: m.ext, config: m.config, own: m.from === user, status, error: null, progress: null, readCount, message: m,
  };
}

function pendingView(p: PendingMessage): ChatMessage {
  return {
    key: `${p.from}/${p.localId}`, localId: p.localId, serverId: null, seq: null, from: p.from, to: p.to, chatType: p.chatType, conversation: p.conversation,
    ts: p.createdAt, body: p.body, ext: p.ext, config: p.config, own: true, status: p.status, error: p.error ?? null,
    progress: p.progress ?? null, readCount: 0, message: null,
  };
}

/** Builds views for one conversation; reuses the previous view object of a message whose status did not change. */
export function createMessageViewBuilder(user: UserId, conversation: ConversationId) {
  const cache = new WeakMap<object, ChatMessage>();
  return (data: ConversationMessages, receipts: ConversationReceipts = EMPTY_RECEIPTS): ChatMessage[] => {
    const out: ChatMessage[] = new Array<ChatMessage>(data.items.length + data.pending.length);
    let i = 0;
    for (const m of data.items) {
      const status = storedStatus(m, user, receipts);
      const readCount = readCountOf(m, user, receipts);
      let v = cache.get(m);
      if (!v || v.status !== status || v.readCount !== readCount) {
        v = storedView(m, conversation, user, status, readCount);
        cache.set(m, v);
      }
      out[i++] = v;
    }
    for (const p of data.pending) {
      let v = cache.get(p);
      if (!v) {
        v = pendingView(p);
        cache.set(p, v);
      }
      out[i++] = v;
    }
    return out;
  };
}
