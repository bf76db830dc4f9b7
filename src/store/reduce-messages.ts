// Owns how messages and the outbox change the store: stored messages go to
// their conversation (deduplicated by seq), an own message retires the pending
// entry with its localId, and the summary follows the server's unread count
// only when the event is newer than what the store already knows (seq guard).
// Typing indicators live here too: a new message from a user ends theirs.
import type { PendingMessage } from '../client/chat-client-types';
import type { ConversationId } from '../protocol/ids';
import type { Message, UserId } from '../protocol/message';
import type { TypingState } from '../protocol/typing';
import type { ConversationDraft } from './conversation-draft';
import type { StoreDraft } from './store-draft';

/** Typing indicators last this long without a refresh (ms). */
export const TYPING_TTL_MS = 6000;
/**
 * The command action older natter clients send as a typing indicator (a stored `cmd` message);
 * `typing:stop` clears it. Still honoured; natter now sends the ephemeral `typing` operation.
 */
const TYPING_ACTION = 'typing';
const TYPING_STOP_ACTION = 'typing:stop';

/** A message the server stored, from an event, an answer or a history page. */
export function addStoredMessage(
  d: StoreDraft,
  conversation: ConversationId,
  message: Message,
  draft?: ConversationDraft,
): void {
  const body = message.body;
  if (body.type === 'cmd') {
    if (body.action === TYPING_ACTION) onTyping(d, conversation, message.from, 'start');
    else if (body.action === TYPING_STOP_ACTION) onTyping(d, conversation, message.from, 'stop');
    return;
  }
  d.addMessageTo(draft ?? d.draft(conversation), message);
  if (message.from === d.user) {
    d.removePending(conversation, message.localId);
  } else if (d.mayBeTyping(conversation, message.from)) {
    delete d.typingOf(conversation)[message.from];
  }
}

/** `from` started or stopped typing (a `typing` event, or an older client's `cmd` message); this user's own are ignored. */
export function onTyping(d: StoreDraft, conversation: ConversationId, from: UserId, state: TypingState): void {
  if (from === d.user) return;
  if (state === 'start') d.typingOf(conversation)[from] = d.ctx.now() + TYPING_TTL_MS;
  else if (d.mayBeTyping(conversation, from)) delete d.typingOf(conversation)[from];
}

/** A live `message` event: the message, then the summary under the seq guard. */
export function onMessageEvent(d: StoreDraft, conversation: ConversationId, message: Message, unread: number): void {
  const c = d.draft(conversation);
  addStoredMessage(d, conversation, message, c);
  const drafted = c.summary;
  const current = drafted === undefined ? d.baseSummary(c) : (drafted ?? undefined);
  if (current && message.seq <= current.lastSeq) return; // a repeat or an older event: the store already knows better
  const s = drafted ?? d.copySummary(c, current);
  s.lastSeq = message.seq;
  if (message.seq > s.readSeq) s.unread = Math.max(0, unread);
  if (!message.excluded && message.body.type !== 'cmd') {
    s.lastMessage = message;
    if (message.ts > s.updatedAt) s.updatedAt = message.ts;
    d.touchLast(c);
  }
}

/**
 * A recall: the tombstone replaces the message where it is loaded, and as last message. `unread`
 * is the server's count after it (absent for this client's own recall answer and in rooms).
 */
export function onRecall(
  d: StoreDraft,
  conversation: ConversationId,
  tombstone: Message,
  unread: number | undefined,
): void {
  const oldest = d.oldestSeq(conversation);
  // Outside the loaded window it would float alone above older history; history brings it later.
  if (oldest !== null && tombstone.seq >= oldest) d.addMessage(conversation, tombstone);
  const current = d.peekSummary(conversation);
  if (!current) return;
  const last = current.lastMessage;
  if (last && last.seq === tombstone.seq && last.body.type !== 'recalled')
    d.summary(conversation).lastMessage = tombstone;
  if (unread !== undefined && unread !== current.unread) d.summary(conversation).unread = Math.max(0, unread);
}

/**
 * This user's read marker moved; `unread` is the server's count at that marker. A conversation on
 * a page not loaded yet gets no summary here (its page brings a whole one; bindClient asks the
 * server for the new unread total).
 */
export function onReadState(d: StoreDraft, conversation: ConversationId, readSeq: number, unread: number): void {
  const current = d.peekSummary(conversation);
  if (!current && d.listCursor() !== null) return;
  if (current && readSeq <= current.readSeq) return; // not newer than what we have: its count may be stale
  const s = d.summary(conversation);
  s.readSeq = readSeq;
  if (readSeq > s.lastSeq) s.lastSeq = readSeq;
  s.unread = Math.max(0, unread);
}

/**
 * The outbox changed for one localId (pending, progress, failed). The client emits nothing for a
 * send after its stored copy (which retires the entry by localId), so no record of acked ids is kept.
 */
export function onOutbox(d: StoreDraft, p: PendingMessage): void {
  if (p.body.type === 'cmd') return; // commands are signals, never shown as messages
  const list = d.pending(p.conversation);
  const i = list.findIndex((x) => x.localId === p.localId);
  if (i < 0) list.push(p);
  else list[i] = p;
}

export function onDiscard(d: StoreDraft, conversation: ConversationId, localId: string): void {
  d.removePending(conversation, localId);
}
