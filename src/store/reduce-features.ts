// Owns how the conversation features change the store: a message changed in
// place (edit, reactions, thread summary) replaces its loaded copy when it is
// a later revision; messages deleted for this user leave the lists; each
// conversation's pins; each thread's replies (kept apart from the
// conversation's messages: their seqs are the thread's own) and this
// user's unread count in each thread they follow; the mention
// badge on the conversation summary; this user's edits, reactions, deletes,
// pins and forwards that wait for the server (shown over their message until
// answered, then kept with the reason when refused, until dismissed). Every
// value is the server's: nothing is counted here.
import type { ErrorInfo } from '../client/client-input';
import type { PendingChange } from '../client/pending-change';
import type { ConversationMute } from '../protocol/mute';
import type { PinnedMessage } from '../protocol/features';
import { conversationOf, type ConversationId } from '../protocol/ids';
import type { Message } from '../protocol/message';
import { mergeMessages } from './message-list';
import { EMPTY_THREAD, type FeaturesSlice } from './features-slice';
import type { StoreDraft } from './store-draft';

interface FeaturesDraft {
  hidden: Set<string> | null;
  pins: Map<ConversationId, readonly PinnedMessage[]> | null;
  /** Per root: replies to merge this batch. */
  threads: Map<string, Message[]> | null;
  threadUnread: Map<string, number> | null;
  changes: Map<string, readonly PendingChange[]> | null;
}

// A batch's feature changes, beside the draft (one per batch, dropped with it).
const drafts = new WeakMap<StoreDraft, FeaturesDraft>();

function draftOf(d: StoreDraft): FeaturesDraft {
  let f = drafts.get(d);
  if (!f) drafts.set(d, (f = { hidden: null, pins: null, threads: null, threadUnread: null, changes: null }));
  return f;
}

/** A message of this conversation changed in place: its loaded copy and the list's last message follow. */
export function onMessageUpdate(d: StoreDraft, conversation: ConversationId, m: Message): void {
  if (m.threadOf !== undefined) return onThreadReply(d, m);
  const oldest = d.oldestSeq(conversation);
  if (oldest !== null && m.seq >= oldest) d.addMessage(conversation, m);
  const last = d.peekSummary(conversation)?.lastMessage;
  if (last && last.serverId === m.serverId && last.body.type !== 'recalled' && (m.rev ?? 0) > (last.rev ?? 0))
    d.summary(conversation).lastMessage = m;
}

/** A thread reply (new, changed or recalled) joins its root's loaded replies. */
export function onThreadReply(d: StoreDraft, m: Message): void {
  if (m.threadOf === undefined) return;
  const f = draftOf(d);
  f.threads ??= new Map();
  const list = f.threads.get(m.threadOf);
  if (list) list.push(m);
  else f.threads.set(m.threadOf, [m]);
}

/** The server's counts of unread replies in followed threads, by root serverId. */
export function onThreadUnread(d: StoreDraft, unread: Readonly<Record<string, number>>): void {
  const f = draftOf(d);
  for (const [root, count] of Object.entries(unread)) {
    if ((f.threadUnread ?? d.base.features.threadUnread).get(root) === count) continue;
    f.threadUnread ??= new Map(d.base.features.threadUnread);
    f.threadUnread.set(root, count);
  }
}

/**
 * A change of this user's waits: shown over its message until settled (once, whoever reports it
 * first). A refusal notice on the same message goes: the user has acted on it again.
 */
export function onChangeQueued(d: StoreDraft, change: PendingChange): void {
  const f = draftOf(d);
  const list = (f.changes ?? d.base.features.changes).get(change.serverId) ?? [];
  if (list.some((c) => c.id === change.id)) return;
  f.changes ??= new Map(d.base.features.changes);
  f.changes.set(change.serverId, [...list.filter((c) => !c.error), change]);
}

/**
 * A waiting change was answered: it is shown no more, and the server's copy of the message (when it
 * applied the change) replaces the loaded one at once, so the pending view gives way to the same
 * result (a delete for this user hides it at once). A refusal (`error`) leaves the message as the
 * server has it — the change is rolled back — and keeps the change, marked refused, for its notice;
 * `dismissed` drops that notice.
 */
export function onChangeSettled(
  d: StoreDraft,
  id: string,
  message: Message | null,
  error?: ErrorInfo,
  dismissed?: boolean,
): void {
  const f = draftOf(d);
  const changes = f.changes ?? d.base.features.changes;
  // Few changes wait at once: a scan is cheaper than an index kept by id.
  for (const [serverId, list] of changes) {
    const settled = list.find((c) => c.id === id);
    if (!settled || !settled.error !== !dismissed) continue;
    f.changes ??= new Map(changes);
    const rest = list.filter((c) => c !== settled);
    if (error) rest.push({ ...settled, error });
    if (rest.length > 0) f.changes.set(serverId, rest);
    else f.changes.delete(serverId);
    const c = settled.change;
    if (!error && !dismissed && c.type === 'delete' && c.scope === 'me') onMessageHidden(d, serverId);
    break;
  }
  if (message && !error) onMessageUpdate(d, conversationOf(message, d.user), message);
}

/**
 * The overlay of waiting changes loaded: a new map (same lists) makes the views read it again, and a
 * view drawn before the overlay had loaded draws every waiting change's message with it.
 */
export function onChangesShown(d: StoreDraft): void {
  const f = draftOf(d);
  f.changes ??= new Map(d.base.features.changes);
}

export function onMessageHidden(d: StoreDraft, serverId: string): void {
  const f = draftOf(d);
  f.hidden ??= new Set(d.base.features.hidden);
  f.hidden.add(serverId);
}

export function onPins(d: StoreDraft, conversation: ConversationId, pins: readonly PinnedMessage[]): void {
  const f = draftOf(d);
  f.pins ??= new Map(d.base.features.pins);
  f.pins.set(conversation, pins);
}

/** The server's count of unread mentions in a conversation. */
export function onMentionCount(d: StoreDraft, conversation: ConversationId, count: number): void {
  const current = d.peekSummary(conversation);
  if (!current || (current.mentions ?? 0) === count) return;
  const s = d.summary(conversation);
  if (count > 0) s.mentions = count;
  else delete s.mentions;
}

/** This user muted or unmuted a conversation (on any device): its summary shows it. */
export function onConversationMute(d: StoreDraft, conversation: ConversationId, mute: ConversationMute | null): void {
  if (!d.peekSummary(conversation)) return;
  const s = d.summary(conversation);
  if (mute) s.mute = mute;
  else delete s.mute;
}

/** The features slice after the batch (the base one when the batch changed none). */
export function commitFeatures(d: StoreDraft): FeaturesSlice {
  const f = drafts.get(d);
  const base = d.base.features;
  if (!f) return base;
  let threads = base.threads;
  if (f.threads) {
    const next = new Map(base.threads);
    for (const [root, batch] of f.threads) next.set(root, mergeMessages(base.threads.get(root) ?? EMPTY_THREAD, batch));
    threads = next;
  }
  return {
    hidden: f.hidden ?? base.hidden,
    pins: f.pins ?? base.pins,
    threads,
    threadUnread: f.threadUnread ?? base.threadUnread,
    changes: f.changes ?? base.changes,
  };
}
