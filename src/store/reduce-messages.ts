// Owns how messages and the outbox change the store: stored messages go to
// their conversation (deduplicated by seq), an own message retires the pending
// entry with its localId, and the summary follows the server's unread count
// only when the event is newer than what the store already knows (seq guard).
import type { PendingMessage } from '../client/chat-client-types';
import type { ConversationId } from '../protocol/ids';
import type { Message } from '../protocol/message';
import type { ConversationDraft, StoreDraft } from './store-draft';

/** Typing indicators last this long without a refresh (ms). */
export const TYPING_TTL_MS = 6000;
/** The command action natter's typing indicator sends; `typing:stop` clears it. */
export const TYPING_ACTION = 'typing';
export const TYPING_STOP_ACTION = 'typing:stop';

/** A message the server stored, from an event, an answer or a history page. */
export function addStoredMessage(d: StoreDraft, conversation: ConversationId, message: Message, draft?: ConversationDraft): void {
  const body = message.body;
  if (body.type === 'cmd') {
    if (message.from !== d.user) applyTypingCommand(d, conversation, message.from, body.action);
    return;
  }
  d.addMessageTo(draft ?? d.draft(conversation), message);
  if (message.from === d.user) {
    d.ctx.ackedLocalIds.add(message.localId);
    d.removePending(conversation, message.localId);
  } else if (d.mayBeTyping(conversation, message.from)) {
    delete d.typingOf(conversation)[message.from];
  }
}

function applyTypingCommand(d: StoreDraft, conversation: ConversationId, from: string, action: string): void {
  if (action === TYPING_ACTION) d.typingOf(conversation)[from] = d.ctx.now() + TYPING_TTL_MS;
  else if (action === TYPING_STOP_ACTION) delete d.typingOf(conversation)[from];
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

/** A recall: the tombstone replaces the message where it is loaded, and as last message. */
export function onRecall(d: StoreDraft, conversation: ConversationId, tombstone: Message): void {
  const oldest = d.oldestSeq(conversation);
  // Outside the loaded window it would float alone above older history; history brings it later.
  if (oldest !== null && tombstone.seq >= oldest) d.addMessage(conversation, tombstone);
  if (d.ctx.recalled.has(tombstone.serverId)) return; // a repeat: its unread effect is already applied
  d.ctx.recalled.add(tombstone.serverId);
  const current = d.peekSummary(conversation);
  if (!current) return;
  if (current.lastMessage && current.lastMessage.seq === tombstone.seq) d.summary(conversation).lastMessage = tombstone;
  // The server lowers the unread count of those who had not read it, without sending the new
  // count; mirror its rule (not own, not excluded, after the read marker, not a room).
  // The tombstone itself comes marked excluded; whether the original counted is on the original.
  const original = d.findStored(conversation, tombstone.seq);
  const excluded = original ? original.body.type !== 'recalled' && original.excluded === true : false;
  const counted = tombstone.from !== d.user && !excluded && tombstone.chatType !== 'room';
  if (counted && tombstone.seq > current.readSeq && tombstone.seq <= current.lastSeq && current.unread > 0) {
    d.summary(conversation).unread = current.unread - 1;
  }
}

/** This user's read marker moved; `unread` is the server's count at that marker. */
export function onReadState(d: StoreDraft, conversation: ConversationId, readSeq: number, unread: number | null): void {
  const current = d.peekSummary(conversation);
  if (current && readSeq <= current.readSeq) return; // not newer than what we have: its count may be stale
  const s = d.summary(conversation);
  s.readSeq = readSeq;
  if (readSeq > s.lastSeq) s.lastSeq = readSeq;
  if (unread !== null) s.unread = Math.max(0, unread);
  else if (readSeq >= s.lastSeq) s.unread = 0;
}

/** The outbox changed for one localId. */
export function onOutbox(d: StoreDraft, p: PendingMessage): void {
  if (d.ctx.ackedLocalIds.has(p.localId) || d.ctx.discarded.has(p.localId)) return; // stored copy already shown
  if (p.body.type === 'cmd') return; // commands are signals, never shown as messages
  if (p.status === 'sent' && p.message) {
    addStoredMessage(d, p.conversation, p.message); // swaps the pending entry for the stored copy
    return;
  }
  const list = d.pending(p.conversation);
  const i = list.findIndex((x) => x.localId === p.localId);
  if (i < 0) {
    list.push(p);
    return;
  }
  const prev = list[i] as PendingMessage;
  const progress = p.progress ?? prev.progress;
  list[i] = progress === undefined ? p : { ...p, progress };
}

export function onProgress(d: StoreDraft, conversation: ConversationId, localId: string, progress: number): void {
  if (!d.hasPending(conversation)) return;
  const list = d.pending(conversation);
  const i = list.findIndex((x) => x.localId === localId);
  const prev = list[i];
  if (prev) list[i] = { ...prev, progress };
}

export function onDiscard(d: StoreDraft, conversation: ConversationId, localId: string): void {
  d.ctx.discarded.add(localId);
  d.removePending(conversation, localId);
}
