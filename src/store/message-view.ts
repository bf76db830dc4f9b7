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

/** The highest seq any reader acked for the whole conversation (channel ack), or -1. */
function maxAckOf(r: ConversationReceipts): number {
  let max = -1;
  for (const upTo of Object.values(r.ackedUpTo)) if (upTo > max) max = upTo;
  return max;
}

/** storedStatus and readCountOf in one step, with the channel ack already reduced to its maximum. */
function viewOf(m: Message, conversation: ConversationId, user: UserId, r: ConversationReceipts, maxAck: number): ChatMessage {
  let status: MessageStatus = 'sent';
  let readCount = 0;
  if (m.body.type === 'recalled') status = 'recalled';
  else if (m.from !== user) status = 'received';
  if (m.from === user) {
    const group = r.groupReadCount[m.serverId];
    const readers = r.read[m.serverId]?.length ?? 0;
    const acked = m.chatType === 'single' && maxAck >= m.seq;
    readCount = group !== undefined ? group : readers > 0 || m.chatType !== 'single' ? readers : acked ? 1 : 0;
    if (m.body.type !== 'recalled') {
      if (readers > 0 || (group ?? 0) > 0 || acked) status = 'read';
      else if ((r.delivered[m.serverId]?.length ?? 0) > 0) status = 'delivered';
      else status = 'sent';
    }
  }
  return storedView(m, conversation, user, status, readCount);
}

/** serverIds whose per-message receipts differ between two receipt objects (compared by reference). */
function changedIds(prev: ConversationReceipts, next: ConversationReceipts, into: Set<string>): void {
  const records = [
    [prev.delivered, next.delivered],
    [prev.read, next.read],
    [prev.groupReadCount, next.groupReadCount],
  ] as const;
  for (const [a, b] of records) {
    if (a === b) continue;
    for (const id of Object.keys(b)) if ((a as Record<string, unknown>)[id] !== (b as Record<string, unknown>)[id]) into.add(id);
    for (const id of Object.keys(a)) if (!(id in b)) into.add(id);
  }
}

function sameView(a: ChatMessage, b: ChatMessage): boolean {
  return a.status === b.status && a.readCount === b.readCount;
}

/**
 * Builds views for one conversation, incrementally: a message keeps its previous view object
 * unless the message object itself or its receipts changed. Views are reused by position when
 * the stored array was appended to, prepended to or edited in place (one pointer comparison a
 * message), new message objects get a view of their own, and a receipt change recomputes only
 * the messages it names (found from the newest end, where receipts land) or, for a channel ack,
 * the seq range between the old and the new acked maximum. So an update costs O(changes) in
 * status computation, not O(history).
 */
export function createMessageViewBuilder(user: UserId, conversation: ConversationId) {
  const pendingCache = new WeakMap<object, ChatMessage>();
  let prevItems: readonly Message[] = [];
  let prevStored: ChatMessage[] = [];
  let prevReceipts: ConversationReceipts | null = null;
  let prevMaxAck = -1;
  let prevPending: readonly PendingMessage[] | null = null;
  let lastStored: ChatMessage[] | null = null;
  let prevOut: ChatMessage[] = [];

  const storedViews = (items: readonly Message[], receipts: ConversationReceipts): ChatMessage[] => {
    const receiptsChanged = receipts !== prevReceipts;
    const maxAck = receiptsChanged ? maxAckOf(receipts) : prevMaxAck;
    if (items === prevItems && !receiptsChanged) return prevStored;
    let out: ChatMessage[];
    // Receipts that changed for messages whose view is reused (new message objects are built with the new receipts anyway).
    const dirty = new Set<string>();
    if (receiptsChanged && prevReceipts !== null) changedIds(prevReceipts, receipts, dirty);
    const ackChanged = receiptsChanged && prevReceipts !== null && maxAck !== prevMaxAck;
    if (items === prevItems) out = prevStored.slice();
    else {
      // Both arrays ascend by seq: walk them together, reusing the view of every message object
      // still at its seq (append, prepend, a merged page or one replaced message alike).
      out = new Array<ChatMessage>(items.length);
      let j = 0;
      for (let i = 0; i < items.length; i++) {
        const m = items[i] as Message;
        while (j < prevItems.length && (prevItems[j] as Message).seq < m.seq) j++;
        out[i] = prevItems[j] === m ? (prevStored[j] as ChatMessage) : viewOf(m, conversation, user, receipts, maxAck);
      }
    }
    if (dirty.size > 0) {
      // Newest first: receipts land on recent messages, so this usually stops after a few.
      let left = dirty.size;
      for (let i = out.length - 1; i >= 0 && left > 0; i--) {
        const v = out[i] as ChatMessage;
        if (v.serverId === null || !dirty.has(v.serverId)) continue;
        left--;
        if (!v.own || v.message === null) continue;
        const next = viewOf(v.message, conversation, user, receipts, maxAck);
        if (!sameView(v, next)) out[i] = next;
      }
    }
    if (ackChanged) {
      const lo = Math.min(prevMaxAck, maxAck);
      const hi = Math.max(prevMaxAck, maxAck);
      for (let i = upperBoundSeq(items, lo); i < items.length; i++) {
        const m = items[i] as Message;
        if (m.seq > hi) break;
        const v = out[i] as ChatMessage;
        if (!v.own || m.chatType !== 'single') continue;
        const next = viewOf(m, conversation, user, receipts, maxAck);
        if (!sameView(v, next)) out[i] = next;
      }
    }
    prevItems = items;
    prevStored = out;
    prevReceipts = receipts;
    prevMaxAck = maxAck;
    return out;
  };

  return (data: ConversationMessages, receipts: ConversationReceipts = EMPTY_RECEIPTS): ChatMessage[] => {
    const stored = storedViews(data.items, receipts);
    if (stored === lastStored && data.pending === prevPending) return prevOut;
    let out: ChatMessage[];
    if (data.pending.length === 0) out = stored;
    else {
      out = stored.slice();
      for (const p of data.pending) {
        let v = pendingCache.get(p);
        if (!v) {
          v = pendingView(p);
          pendingCache.set(p, v);
        }
        out.push(v);
      }
    }
    lastStored = stored;
    prevPending = data.pending;
    prevOut = out;
    return out;
  };
}

/** Index of the first message with seq > `seq` (items ascend by seq). */
function upperBoundSeq(items: readonly Message[], seq: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((items[mid] as Message).seq <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
