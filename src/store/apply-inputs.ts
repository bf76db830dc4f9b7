// Owns the batching reducer: a batch of store inputs becomes exactly one new
// state. Inputs are applied in order to a copy-on-write draft; the commit
// rebuilds only the slices and entries the batch touched.
import type { ConversationSummary } from '../protocol/entities';
import type { ChatEvent } from '../protocol/frames';
import type { ConversationId } from '../protocol/ids';
import type { ChatState, ConversationReceipts, ConversationTyping } from './chat-state';
import { commitConversations, commitMessages } from './commit-conversations';
import {
  addStoredMessage,
  onDiscard,
  onMessageEvent,
  onOutbox,
  onReadState,
  onRecall,
  onTyping,
} from './reduce-messages';
import { commitInvitations, onInvitation, onInvitationsBootstrap } from './reduce-invitations';
import { onChannelAck, onDelivered, onGroupRead, onRead, onReceiptState } from './reduce-receipts';
import {
  commitFeatures,
  onChangeQueued,
  onChangeSettled,
  onChangesShown,
  onConversationMute,
  onMentionCount,
  onMessageHidden,
  onMessageUpdate,
  onPins,
  onThreadReply,
  onThreadUnread,
} from './reduce-features';
import { commitCall } from './call-slice';
import { commitPeople, onPresence, onProfiles } from './reduce-people';
import { StoreDraft, type EngineContext } from './store-draft';
import type { StoreInput } from './store-input';

function onEvent(d: StoreDraft, e: ChatEvent): void {
  switch (e.type) {
    case 'message':
      return onMessageEvent(d, e.conversation, e.message, e.unread);
    case 'recall':
      if (e.message.threadOf !== undefined) return onThreadReply(d, e.message);
      return onRecall(d, e.conversation, e.message, e.unread);
    case 'delivered':
      return onDelivered(d, e.conversation, e.serverId, e.by, e.seq);
    case 'read':
      return onRead(d, e.conversation, e.serverId, e.by, e.seq);
    case 'groupRead':
      return onGroupRead(d, e.conversation, e.serverId, e.by, e.count);
    case 'channelAck':
      return onChannelAck(d, e.conversation, e.by, e.upToSeq);
    case 'readState':
      return onReadState(d, e.conversation, e.readSeq, e.unread);
    case 'conversationDeleted':
      d.deleteSummary(e.conversation);
      if (e.deleteHistory) {
        d.clearMessages(e.conversation);
        d.receipts.set(e.conversation, null);
      }
      return;
    case 'invitation':
      // Its signaling message (if any) also comes as a `message` event, which adds it to history.
      return onInvitation(d, e.invitation, true);
    case 'messageUpdate':
      return onMessageUpdate(d, e.conversation, e.message);
    case 'threadReply':
      if (e.unread !== undefined && e.message.threadOf !== undefined)
        onThreadUnread(d, { [e.message.threadOf]: e.unread });
      return onThreadReply(d, e.message);
    case 'threadReadState':
      return onThreadUnread(d, { [e.root]: e.unread });
    case 'messageHidden':
      return onMessageHidden(d, e.serverId);
    case 'pins':
      return onPins(d, e.conversation, e.pins);
    case 'mentionCount':
      return onMentionCount(d, e.conversation, e.count);
    case 'conversationMute':
      return onConversationMute(d, e.conversation, e.mute);
    case 'typing':
      return onTyping(d, e.conversation, e.by, e.state);
    case 'profile':
      return onProfiles(d, [e.profile]);
    case 'presence':
      return onPresence(d, e.presence);
    default:
      return; // group, room, blocklist: no store slice (yet)
  }
}

/** Merges a bootstrap summary with what live events already told us; the newer side wins per marker. */
function mergeSummary(local: ConversationSummary | undefined, server: ConversationSummary): ConversationSummary {
  if (!local) return server;
  const r = { ...server };
  if (local.lastSeq > server.lastSeq) {
    r.lastSeq = local.lastSeq;
    r.lastMessage = local.lastMessage ?? server.lastMessage;
    r.updatedAt = Math.max(local.updatedAt, server.updatedAt);
    r.unread = server.readSeq >= local.lastSeq ? 0 : local.unread;
  }
  if (local.readSeq > server.readSeq) {
    r.readSeq = local.readSeq;
    r.unread = local.unread;
  }
  r.unread = Math.max(0, r.unread);
  return r;
}

function onConversationsBootstrap(d: StoreDraft, input: Extract<StoreInput, { kind: 'conversations' }>): void {
  const list = input.conversations;
  const merged = list.map((s) => mergeSummary(d.peekSummary(s.id), s));
  const keep = new Set<ConversationId>(list.map((s) => s.id));
  for (const c of d.ctx.slots.values()) if (c.touchedAt >= input.startedAt && d.peekSummary(c.id)) keep.add(c.id);
  d.keepOnly = keep;
  d.paged = new Set(keep);
  for (const s of merged) d.setSummary(s);
  for (const s of list) if (s.peerReadSeq || s.peerDeliveredSeq) onReceiptState(d, s.id, s);
  d.conversationsLoaded = true;
  d.conversationCursor = input.cursor ?? null;
  if (input.cursor != null && input.unreadTotal !== undefined) d.unreadTotal = input.unreadTotal;
}

/** A later page: conversations new to the list are added; ones a live event already brought keep the newer state. */
function onConversationPage(
  d: StoreDraft,
  list: readonly ConversationSummary[],
  after: string,
  cursor: string | null,
): void {
  if (d.listCursor() !== after) return;
  d.paged ??= new Set();
  for (const s of list) {
    const current = d.peekSummary(s.id);
    if (!current) d.paged.add(s.id);
    d.setSummary(mergeSummary(current, s));
    if (s.peerReadSeq || s.peerDeliveredSeq) onReceiptState(d, s.id, s);
  }
  d.conversationCursor = cursor;
}

function apply(d: StoreDraft, input: StoreInput, inviteStartedAt: { value: number | null }): void {
  switch (input.kind) {
    case 'event':
      return onEvent(d, input.event);
    case 'outbox':
      return onOutbox(d, input.pending);
    case 'sent':
      return addStoredMessage(d, input.conversation, input.message);
    case 'discarded':
      return onDiscard(d, input.conversation, input.localId);
    case 'change':
      return onChangeQueued(d, input.change);
    case 'changeSettled':
      return onChangeSettled(d, input.id, input.message, input.error);
    case 'changeDismissed':
      return onChangeSettled(d, input.id, null, undefined, true);
    case 'changesShown':
      return onChangesShown(d);
    case 'connection': {
      const c = d.conn();
      c.state = input.state;
      if (input.state !== 'open') c.ready = false;
      if (input.error) c.error = input.error;
      return;
    }
    case 'ready': {
      if (input.user) d.user = input.user; // '' before a token login's first welcome
      const c = d.conn();
      c.ready = true;
      c.resumed = input.resumed;
      c.error = null;
      if (input.reset) c.syncGeneration += 1;
      return;
    }
    case 'syncing':
      d.conn().syncing = input.syncing;
      return;
    case 'conversations':
      return onConversationsBootstrap(d, input);
    case 'unreadTotal':
      if (d.listCursor() !== null) d.unreadTotal = input.unreadTotal;
      return;
    case 'conversationPage':
      return onConversationPage(d, input.conversations, input.after, input.cursor);
    case 'history':
      for (const m of input.page.messages) addStoredMessage(d, input.conversation, m);
      if (input.page.threadUnread) onThreadUnread(d, input.page.threadUnread);
      return onReceiptState(d, input.conversation, input.page);
    case 'threadUnread':
      return onThreadUnread(d, input.unread);
    case 'recalled':
      if (input.message.threadOf !== undefined) return onThreadReply(d, input.message);
      return onRecall(d, input.conversation, input.message, undefined);
    case 'invitations':
      inviteStartedAt.value = input.startedAt;
      return onInvitationsBootstrap(d, input.invitations);
    case 'invitation':
      return onInvitation(d, input.invitation, true);
    case 'readMarker':
      return onReadState(d, input.conversation, input.readSeq, input.unread);
    case 'profiles':
      return onProfiles(d, input.profiles);
    case 'presence':
      return onPresence(d, input.presence);
    case 'typingExpired':
      for (const [id, typing] of Object.entries(d.base.typing) as [ConversationId, ConversationTyping][]) {
        for (const [u, until] of Object.entries(typing)) if (until <= input.now) delete d.typingOf(id)[u];
      }
      return;
    case 'call':
      return; // a full snapshot: the batch's last one is committed whole (commitCall)
    default: {
      // A new input kind must get its case here: tsc fails on this line until it does.
      const unhandled: never = input;
      return unhandled;
    }
  }
}

function commitRecord<T>(
  base: Readonly<Record<ConversationId, T>>,
  drafts: Map<ConversationId, T | null>,
  empty: (v: T) => boolean,
): Readonly<Record<ConversationId, T>> {
  if (drafts.size === 0) return base;
  const next: Record<ConversationId, T> = { ...base };
  for (const [id, v] of drafts) {
    if (v === null || empty(v)) delete next[id];
    else next[id] = v;
  }
  return next;
}

/** Applies a batch of inputs and returns the next state (the same object when nothing changed). */
export function applyInputs(base: ChatState, ctx: EngineContext, inputs: readonly StoreInput[]): ChatState {
  ctx.batch += 1;
  const d = new StoreDraft(base, ctx);
  const inviteStartedAt = { value: null as number | null };
  for (const input of inputs) apply(d, input, inviteStartedAt);
  const next: ChatState = {
    user: d.user,
    connection: d.connection ?? base.connection,
    conversations: commitConversations(d),
    conversationMessages: commitMessages(d),
    invitations: commitInvitations(d, inviteStartedAt.value),
    receipts: commitRecord<ConversationReceipts>(base.receipts, d.receipts, () => false),
    typing: commitRecord<ConversationTyping>(base.typing, d.typing, (t) => Object.keys(t).length === 0),
    features: commitFeatures(d),
    call: commitCall(base.call, inputs),
    people: commitPeople(d),
  };
  const same =
    next.user === base.user &&
    next.connection === base.connection &&
    next.conversations === base.conversations &&
    next.conversationMessages === base.conversationMessages &&
    next.invitations === base.invitations &&
    next.receipts === base.receipts &&
    next.typing === base.typing &&
    next.features === base.features &&
    next.call === base.call &&
    next.people === base.people;
  const result = same ? base : next;
  ctx.committed = result; // the commits kept the slots' mirrors of its entries
  return result;
}
