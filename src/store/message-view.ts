// Owns the display view of messages: one list per conversation joining stored
// messages, this client's pending sends and receipts into `ChatMessage`s with a
// status. The list is lazy: a read-only array whose entries are made when read,
// so a conversation of 100,000 messages costs nothing per message until a row
// shows it (a virtualized list reads only the rows on screen). Each message's
// view is cached on the stored message object, so unchanged messages keep their
// object identity between updates (memoized rows do not re-render). This user's
// changes that wait for the server are shown over their message, and their
// forwards as pending rows (pending-change-view.ts, loaded with the first such
// change: lazy-pending-change-view.ts).
import type { PendingMessage } from '../client/chat-client-types';
import type { ConversationId } from '../protocol/ids';
import type { Message, UserId } from '../protocol/message';
import type { ChatMessage, MessageStatus } from './chat-message';
import { EMPTY_RECEIPTS, type ConversationMessages, type ConversationReceipts } from './chat-state';
import { lazyArray } from './lazy-array';
import { sameStored, storedOf } from './message-log';
import { pendingChangeView } from './lazy-pending-change-view';
import type { PendingChanges } from './pending-change-view';

export type { ChatMessage, MessageStatus } from './chat-message';

const NO_CHANGES: PendingChanges = new Map();

/** The conversation-wide markers reduced to their maxima (once per receipts object on hot paths). */
interface Marks {
  read: number;
  delivered: number;
}

/** The highest seq in `marks` (channel acks, delivery markers), or -1. */
function maxOf(marks: Readonly<Record<string, number>>): number {
  let max = -1;
  for (const upTo of Object.values(marks)) if (upTo > max) max = upTo;
  return max;
}

function marksOf(r: ConversationReceipts): Marks {
  return { read: maxOf(r.ackedUpTo), delivered: maxOf(r.deliveredUpTo) };
}

/** The one rule for a stored message's status and read count. */
function receiptStateOf(
  m: Message,
  user: UserId,
  r: ConversationReceipts,
  marks: Marks,
): { status: MessageStatus; readCount: number } {
  if (m.from !== user) return { status: m.body.type === 'recalled' ? 'recalled' : 'received', readCount: 0 };
  const group = r.groupReadCount[m.serverId];
  const readers = r.read[m.serverId]?.length ?? 0;
  const acked = m.chatType === 'single' && marks.read >= m.seq;
  const readCount = group !== undefined ? group : readers > 0 || m.chatType !== 'single' ? readers : acked ? 1 : 0;
  let status: MessageStatus = 'sent';
  if (m.body.type === 'recalled') status = 'recalled';
  else if (readers > 0 || (group ?? 0) > 0 || acked) status = 'read';
  else if ((r.delivered[m.serverId]?.length ?? 0) > 0 || (m.chatType === 'single' && marks.delivered >= m.seq))
    status = 'delivered';
  return { status, readCount };
}

export function storedStatus(m: Message, user: UserId, r: ConversationReceipts): MessageStatus {
  return receiptStateOf(m, user, r, marksOf(r)).status;
}

export function readCountOf(m: Message, user: UserId, r: ConversationReceipts): number {
  return receiptStateOf(m, user, r, marksOf(r)).readCount;
}

function storedView(
  m: Message,
  conversation: ConversationId,
  user: UserId,
  status: MessageStatus,
  readCount: number,
): ChatMessage {
  return {
    key: `${m.from}/${m.localId || m.serverId}`,
    localId: m.localId,
    serverId: m.serverId,
    seq: m.seq,
    from: m.from,
    to: m.to,
    chatType: m.chatType,
    conversation,
    ts: m.ts,
    body: m.body,
    ext: m.ext,
    config: m.config,
    own: m.from === user,
    status,
    error: null,
    progress: null,
    readCount,
    message: m,
    changing: false,
  };
}

function pendingView(p: PendingMessage): ChatMessage {
  return {
    key: `${p.from}/${p.localId}`,
    localId: p.localId,
    serverId: null,
    seq: null,
    from: p.from,
    to: p.to,
    chatType: p.chatType,
    conversation: p.conversation,
    ts: p.createdAt,
    body: p.body,
    ext: p.ext,
    config: p.config,
    own: true,
    status: p.status,
    error: p.error ?? null,
    progress: p.progress ?? null,
    readCount: 0,
    message: null,
    changing: false,
  };
}

function viewOf(
  m: Message,
  conversation: ConversationId,
  user: UserId,
  r: ConversationReceipts,
  marks: Marks,
): ChatMessage {
  const { status, readCount } = receiptStateOf(m, user, r, marks);
  return storedView(m, conversation, user, status, readCount);
}

function sameView(a: ChatMessage, b: ChatMessage): boolean {
  return a.status === b.status && a.readCount === b.readCount;
}

/**
 * Builds the views of one conversation. Nothing is computed per message up front: the returned
 * array makes a message's view when it is read, reusing the view cached for that stored message
 * object unless its receipts changed its status or read count. An update (append, prepend, a
 * receipt) therefore costs nothing in the history's length, and views of untouched messages keep
 * their identity. Equal inputs return the same array.
 */
export function createMessageViewBuilder(user: UserId, conversation: ConversationId) {
  const views = new WeakMap<Message, ChatMessage>();
  /** The receipts object a cached view's status was last checked against. */
  const checkedWith = new WeakMap<ChatMessage, ConversationReceipts>();
  const pendingCache = new WeakMap<object, ChatMessage>();
  let prevData: ConversationMessages | null = null;
  let prevReceipts: ConversationReceipts | null = null;
  let marks: Marks = { read: -1, delivered: -1 };
  let prevOut: readonly ChatMessage[] = [];
  /** The waiting changes shown last: none until their overlay has loaded (the store is told when it has). */
  let prevChanges: PendingChanges = NO_CHANGES;

  const storedAt = (m: Message, r: ConversationReceipts, ack: Marks): ChatMessage => {
    let v = views.get(m);
    if (v === undefined) {
      v = viewOf(m, conversation, user, r, ack);
      views.set(m, v);
    } else if (checkedWith.get(v) !== r && m.from === user) {
      const next = viewOf(m, conversation, user, r, ack);
      if (!sameView(v, next)) {
        v = next;
        views.set(m, v);
      }
    }
    checkedWith.set(v, r);
    return v;
  };

  return (
    data: ConversationMessages,
    receipts: ConversationReceipts = EMPTY_RECEIPTS,
    changes: PendingChanges = NO_CHANGES,
  ): readonly ChatMessage[] => {
    // Waiting changes of other conversations' messages leave this view as it is.
    let changesMoved = false;
    const overlay = pendingChangeView();
    if (changes !== prevChanges && overlay) {
      const targets = overlay.changedTargets(prevChanges, changes);
      changesMoved = targets.has(conversation) || data.items.some((m) => targets.has(m.serverId));
      prevChanges = changes;
    }
    if (data === prevData && receipts === prevReceipts && !changesMoved) return prevOut;
    const samePending =
      prevData !== null &&
      (data.pending === prevData.pending || (data.pending.length === 0 && prevData.pending.length === 0));
    if (prevData !== null && samePending && sameStored(data, prevData) && receipts === prevReceipts && !changesMoved) {
      prevData = data;
      return prevOut;
    }
    if (receipts !== prevReceipts) marks = marksOf(receipts);
    // Read by index from the store's shared array: cutting `items` copies the whole history (100,000
    // messages: an 800 kB array) for a view that reads only the rows on screen.
    const { list: storedList, length: stored } = storedOf(data);
    const pending = data.pending;
    const r = receipts;
    const ack = marks;
    const waiting = overlay ? changes : NO_CHANGES;
    // This user's forwards to this conversation that wait, after its own pending sends.
    const forwards = overlay && waiting.size > 0 ? overlay.forwardViews(waiting, conversation, data.items, user) : [];
    const sends = stored + pending.length;
    prevOut = lazyArray(sends + forwards.length, (i) => {
      if (i >= sends) return forwards[i - sends] as ChatMessage;
      if (i < stored) {
        const m = storedList[i] as Message;
        const view = storedAt(m, r, ack);
        const list = waiting.size > 0 ? waiting.get(m.serverId) : undefined;
        return list && overlay ? overlay.changedView(view, m, list, user) : view;
      }
      const p = pending[i - stored] as PendingMessage;
      let v = pendingCache.get(p);
      if (!v) {
        v = pendingView(p);
        pendingCache.set(p, v);
      }
      return v;
    });
    prevData = data;
    prevReceipts = receipts;
    return prevOut;
  };
}
