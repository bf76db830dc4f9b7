// Owns the batching reducer: a batch of store inputs becomes exactly one new
// state. Inputs are applied in order to a copy-on-write draft; the commit
// rebuilds only the slices and entries the batch touched.
import type { ConversationSummary } from '../protocol/entities';
import type { ChatEvent } from '../protocol/frames';
import type { ConversationId } from '../protocol/ids';
import { conversationOf } from '../protocol/ids';
import { chatState, conversationsSlice, type ChatState, type ConversationReceipts, type ConversationTyping, type ConversationsSlice } from './chat-state';
import { addStoredMessage, onDiscard, onMessageEvent, onOutbox, onProgress, onReadState, onRecall } from './reduce-messages';
import { commitInvitations, onInvitation, onInvitationsBootstrap } from './reduce-invitations';
import { onChannelAck, onDelivered, onGroupRead, onRead } from './reduce-receipts';
import { StoreDraft, type EngineContext } from './store-draft';
import type { StoreInput } from './store-input';

function onEvent(d: StoreDraft, e: ChatEvent): void {
  switch (e.type) {
    case 'message':
      return onMessageEvent(d, e.conversation, e.message, e.unread);
    case 'recall':
      return onRecall(d, e.conversation, e.message);
    case 'delivered':
      return onDelivered(d, e.conversation, e.serverId, e.by);
    case 'read':
      return onRead(d, e.conversation, e.serverId, e.by);
    case 'groupRead':
      return onGroupRead(d, e.conversation, e.serverId, e.by, e.count);
    case 'channelAck':
      return onChannelAck(d, e.conversation, e.by, e.upToSeq);
    case 'readState':
      return onReadState(d, e.conversation, e.readSeq, e.unread);
    case 'conversationDeleted':
      d.deleteSummary(e.conversation);
      d.ctx.touchedAt.set(e.conversation, d.ctx.batch);
      if (e.deleteHistory) {
        d.clearMessages(e.conversation);
        d.receipts.set(e.conversation, null);
      }
      return;
    case 'invitation':
      onInvitation(d, e.invitation, true);
      // The signaling message belongs in history; its unread effect comes with its own message event.
      if (e.message) addStoredMessage(d, conversationOf(e.message, d.user), e.message);
      return;
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

function onConversationsBootstrap(d: StoreDraft, list: ConversationSummary[], startedAt: number): void {
  const merged = list.map((s) => mergeSummary(d.peekSummary(s.id), s));
  const keep = new Set<ConversationId>(list.map((s) => s.id));
  for (const [id, at] of d.ctx.touchedAt) if (at >= startedAt && d.peekSummary(id)) keep.add(id);
  d.keepOnly = keep;
  for (const s of merged) d.summaries.set(s.id, s);
  d.conversationsLoaded = true;
}

function apply(d: StoreDraft, input: StoreInput, inviteStartedAt: { value: number | null }): void {
  switch (input.kind) {
    case 'event':
      return onEvent(d, input.event);
    case 'outbox':
      return onOutbox(d, input.pending);
    case 'progress':
      return onProgress(d, input.conversation, input.localId, input.progress);
    case 'discard':
      return onDiscard(d, input.conversation, input.localId);
    case 'acked':
      return addStoredMessage(d, conversationOf(input.message, d.user), input.message);
    case 'connection': {
      const c = d.conn();
      c.state = input.state;
      if (input.state !== 'open') c.ready = false;
      if (input.error) c.error = input.error;
      return;
    }
    case 'ready': {
      if (input.user) d.user = input.user;
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
      return onConversationsBootstrap(d, input.conversations, input.startedAt);
    case 'history':
      for (const m of input.messages) addStoredMessage(d, input.conversation, m);
      return;
    case 'invitations':
      inviteStartedAt.value = input.startedAt;
      return onInvitationsBootstrap(d, input.invitations);
    case 'invitation':
      return onInvitation(d, input.invitation, true);
    case 'readSeq':
      return onReadState(d, input.conversation, input.readSeq, null);
    case 'typingExpired':
      for (const [id, typing] of Object.entries(d.base.typing) as [ConversationId, ConversationTyping][]) {
        for (const [u, until] of Object.entries(typing)) if (until <= input.now) delete d.typingOf(id)[u];
      }
      return;
  }
}

interface OrderKey {
  id: ConversationId;
  t: number;
  r: number;
}

/** Most recently updated first; on equal times the later change in this batch, then the previous order. */
function byRecency(a: OrderKey, b: OrderKey): number {
  return b.t - a.t || b.r - a.r;
}

/** Every conversation in `summaries`, sorted; previous order first on ties, then conversations new to the list. */
function fullOrder(d: StoreDraft, summaries: ReadonlyMap<ConversationId, ConversationSummary>, previous: readonly ConversationId[]): ConversationId[] {
  const keys: OrderKey[] = [];
  const key = (id: ConversationId, s: ConversationSummary, fallback: number) => keys.push({ id, t: s.updatedAt, r: d.recency.get(id) ?? fallback });
  const seen = new Set<ConversationId>();
  previous.forEach((id, i) => {
    const s = summaries.get(id);
    if (s) {
      seen.add(id);
      key(id, s, -i - 1);
    }
  });
  for (const [id, s] of summaries) if (!seen.has(id)) key(id, s, -previous.length - 1);
  return keys.sort(byRecency).map((k) => k.id);
}

/** Re-places only the conversations that moved: sorted among themselves, merged into the rest (already sorted). */
function mergedOrder(d: StoreDraft, moved: OrderKey[], previous: readonly ConversationId[]): readonly ConversationId[] {
  const keys = moved.sort(byRecency);
  let next: ConversationId[];
  if (moved.length === previous.length) {
    next = keys.map((k) => k.id); // every conversation moved (a burst across all of them)
  } else {
    const movedSet = new Set(keys.map((k) => k.id));
    next = [];
    let k = 0;
    for (const id of previous) {
      if (movedSet.has(id)) continue;
      const t = (d.baseSummaries.get(id) as ConversationSummary).updatedAt;
      while (k < keys.length && (keys[k] as OrderKey).t >= t) next.push((keys[k++] as OrderKey).id);
      next.push(id);
    }
    while (k < keys.length) next.push((keys[k++] as OrderKey).id);
  }
  for (let i = 0; i < next.length; i++) if (next[i] !== previous[i]) return next;
  return previous;
}

function commitConversations(d: StoreDraft): ConversationsSlice {
  const base = d.base.conversations;
  const loaded = d.conversationsLoaded ?? base.loaded;
  if (d.summaries.size === 0 && !d.keepOnly) return loaded === base.loaded ? base : conversationsSlice({ ...fieldsOf(base), loaded });
  let summaries: Map<ConversationId, ConversationSummary>;
  if (d.keepOnly) {
    summaries = new Map();
    for (const id of base.order) {
      const s = base.summaries.get(id);
      if (s && d.keepOnly.has(id)) summaries.set(id, s);
    }
  } else {
    summaries = new Map(base.summaries);
  }
  let membershipChanged = !!d.keepOnly;
  let unreadDelta = 0;
  const moved: OrderKey[] = [];
  for (const [id, s] of d.summaries) {
    const prev = summaries.get(id);
    if (s === null) {
      if (prev) {
        summaries.delete(id);
        membershipChanged = true;
      }
      continue;
    }
    if (!prev) membershipChanged = true;
    else {
      unreadDelta += s.unread - prev.unread;
      const r = d.recency.get(id);
      if (prev.updatedAt !== s.updatedAt || r !== undefined) moved.push({ id, t: s.updatedAt, r: r ?? 0 });
    }
    summaries.set(id, s);
  }

  let order = base.order;
  let totalUnread = base.totalUnread + unreadDelta;
  if (membershipChanged) {
    order = fullOrder(d, summaries, base.order);
    totalUnread = 0;
    for (const s of summaries.values()) totalUnread += s.unread;
  } else if (moved.length > 0) {
    order = mergedOrder(d, moved, base.order);
  }
  return conversationsSlice({ summaries, order, totalUnread: Math.max(0, totalUnread), loaded });
}

function fieldsOf(c: ConversationsSlice): Omit<ConversationsSlice, 'byId'> {
  return { summaries: c.summaries, order: c.order, totalUnread: c.totalUnread, loaded: c.loaded };
}

function commitRecord<T>(base: Readonly<Record<ConversationId, T>>, drafts: Map<ConversationId, T | null>, empty: (v: T) => boolean): Readonly<Record<ConversationId, T>> {
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
  const next = {
    user: d.user,
    connection: d.connection ?? base.connection,
    conversations: commitConversations(d),
    conversationMessages: d.commitMessages(),
    invitations: commitInvitations(d, inviteStartedAt.value),
    receipts: commitRecord<ConversationReceipts>(base.receipts, d.receipts, () => false),
    typing: commitRecord<ConversationTyping>(base.typing, d.typing, (t) => Object.keys(t).length === 0),
  };
  // Field by field (not Object.keys: the state's derived Record views must not be built here).
  const same = next.user === base.user && next.connection === base.connection && next.conversations === base.conversations
    && next.conversationMessages === base.conversationMessages && next.invitations === base.invitations
    && next.receipts === base.receipts && next.typing === base.typing;
  return same ? base : chatState(next);
}
