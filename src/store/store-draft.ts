// Owns copy-on-write for one batch of store inputs: each conversation, receipt
// record or invitation touched by the batch is copied once, mutated freely by
// the reducers, and committed in one new state. Untouched objects keep their
// references, which is what lets hooks re-render only what changed.
import type { PendingMessage } from '../client/chat-client-types';
import type { ConversationSummary } from '../protocol/entities';
import { parseConversationId, type ConversationId } from '../protocol/ids';
import type { Invitation } from '../protocol/invitation';
import type { Message, UserId } from '../protocol/message';
import { EMPTY_MESSAGES, EMPTY_RECEIPTS, type ChatState, type ConnectionSlice, type ConversationMessages, type ConversationReceipts } from './chat-state';
import { indexOfSeq, mergeMessages } from './message-list';

/** Mutable, store-lifetime bookkeeping the reducers consult (not part of the rendered state). */
export interface EngineContext {
  /** Incremented once per applied batch. */
  batch: number;
  /** Conversation → batch that last changed its summary from a live event. */
  touchedAt: Map<ConversationId, number>;
  /** Invitation → batch that last changed it from a live event. */
  inviteTouchedAt: Map<string, number>;
  /** localIds of this user's messages the server has stored: their outbox entries are done. */
  ackedLocalIds: Set<string>;
  /** serverIds of recalls already applied (their unread effect must not repeat). */
  recalled: Set<string>;
  /** localIds given up locally: later outbox events for them are stale. */
  discarded: Set<string>;
  /** Local clock, for typing expiry. */
  now(): number;
}

interface MessagesDraft {
  incoming: Message[];
  pending: PendingMessage[] | null;
  cleared: boolean;
}

type MutableReceipts = { -readonly [K in keyof ConversationReceipts]: Record<string, ConversationReceipts[K][string]> };

export class StoreDraft {
  /** This user; set from the welcome (token logins learn it there). */
  user: UserId;
  connection: ConnectionSlice | null = null;
  conversationsLoaded: boolean | null = null;
  /** Replaced summaries; null marks a deletion. */
  readonly summaries = new Map<ConversationId, ConversationSummary | null>();
  /** Conversation → order of its latest change in this batch (higher is later). */
  readonly recency = new Map<ConversationId, number>();
  private recencyCounter = 0;
  /** Set by a bootstrap: base summaries not in this set and not in `summaries` are dropped. */
  keepOnly: Set<ConversationId> | null = null;
  readonly messages = new Map<ConversationId, MessagesDraft>();
  readonly receipts = new Map<ConversationId, MutableReceipts | null>();
  readonly invitations = new Map<string, Invitation>();
  /** Set by an invitations bootstrap: open ids not listed (and untouched since) are closed. */
  openInvitesOnly: Set<string> | null = null;
  readonly typing = new Map<ConversationId, Record<UserId, number> | null>();

  /** Whether the base state shows any typing indicator (checked once per batch, not per message). */
  private readonly baseTyping: boolean;
  readonly baseSummaries: ReadonlyMap<ConversationId, ConversationSummary>;
  readonly baseMessages: ReadonlyMap<ConversationId, ConversationMessages>;

  constructor(readonly base: ChatState, readonly ctx: EngineContext) {
    this.user = base.user;
    this.baseSummaries = base.conversations.summaries;
    this.baseMessages = base.conversationMessages;
    let any = false;
    for (const _ in base.typing) {
      any = true;
      break;
    }
    this.baseTyping = any;
  }

  /** Whether `from` may be shown typing in a conversation (cheap when nobody is typing anywhere). */
  mayBeTyping(id: ConversationId, from: UserId): boolean {
    if (!this.baseTyping && this.typing.size === 0) return false;
    const typing = this.base.typing[id];
    return (!!typing && from in typing) || this.typing.has(id);
  }

  conn(): ConnectionSlice {
    if (!this.connection) this.connection = { ...this.base.connection };
    return this.connection;
  }

  peekSummary(id: ConversationId): ConversationSummary | undefined {
    const drafted = this.summaries.get(id);
    if (drafted !== undefined) return drafted ?? undefined;
    if (this.keepOnly && !this.keepOnly.has(id)) return undefined;
    return this.baseSummaries.get(id);
  }

  /** A mutable copy of a conversation's summary, created empty when unknown; marks it touched live. */
  summary(id: ConversationId): ConversationSummary {
    const drafted = this.summaries.get(id);
    if (drafted) return drafted;
    return this.copySummary(id, drafted === null ? undefined : this.peekSummary(id));
  }

  /** Like {@link summary} when the caller already holds `peekSummary(id)` and it is not drafted yet. */
  copySummary(id: ConversationId, current: ConversationSummary | undefined): ConversationSummary {
    let copy: ConversationSummary;
    if (current) copy = { ...current };
    else {
      const parsed = parseConversationId(id);
      copy = { id, type: parsed?.type ?? 'single', target: parsed?.target ?? id, lastMessage: null, unread: 0, readSeq: 0, lastSeq: 0, updatedAt: 0 };
    }
    this.summaries.set(id, copy);
    this.ctx.touchedAt.set(id, this.ctx.batch);
    return copy;
  }

  /** Marks a conversation as the batch's most recent change (ties in updatedAt sort it first). */
  touchLast(id: ConversationId): void {
    this.recency.set(id, ++this.recencyCounter);
  }

  deleteSummary(id: ConversationId): void {
    this.summaries.set(id, null);
  }

  private msgs(id: ConversationId): MessagesDraft {
    let d = this.messages.get(id);
    if (!d) {
      d = { incoming: [], pending: null, cleared: false };
      this.messages.set(id, d);
    }
    return d;
  }

  addMessage(id: ConversationId, message: Message): void {
    const d = this.messages.get(id);
    // A one-element literal: most conversations get one message per frame, and `[].push` reserves 17 slots.
    if (!d) this.messages.set(id, { incoming: [message], pending: null, cleared: false });
    else d.incoming.push(message);
  }

  /** Oldest seq currently known for a conversation (base or this batch), or null. */
  oldestSeq(id: ConversationId): number | null {
    const d = this.messages.get(id);
    const items = d?.cleared ? [] : (this.baseMessages.get(id) ?? EMPTY_MESSAGES).items;
    let oldest = items[0]?.seq ?? null;
    for (const m of d?.incoming ?? []) if (oldest === null || m.seq < oldest) oldest = m.seq;
    return oldest;
  }

  /** The stored message with `seq` in the base state or this batch, if loaded. */
  findStored(id: ConversationId, seq: number): Message | undefined {
    const items = (this.baseMessages.get(id) ?? EMPTY_MESSAGES).items;
    const i = indexOfSeq(items, seq);
    if (i >= 0) return items[i];
    return this.messages.get(id)?.incoming.find((m) => m.seq === seq && m.body.type !== 'recalled');
  }

  clearMessages(id: ConversationId): void {
    const d = this.msgs(id);
    d.incoming = [];
    d.cleared = true;
  }

  /** A mutable copy of a conversation's pending list. */
  pending(id: ConversationId): PendingMessage[] {
    const d = this.msgs(id);
    if (!d.pending) d.pending = (this.baseMessages.get(id) ?? EMPTY_MESSAGES).pending.slice();
    return d.pending;
  }

  hasPending(id: ConversationId): boolean {
    const d = this.messages.get(id);
    return (d?.pending ?? (this.baseMessages.get(id) ?? EMPTY_MESSAGES).pending).length > 0;
  }

  removePending(id: ConversationId, localId: string): void {
    if (!this.hasPending(id)) return;
    const list = this.pending(id);
    const i = list.findIndex((p) => p.localId === localId);
    if (i >= 0) list.splice(i, 1);
  }

  /** A mutable copy of a conversation's receipts (all four records copied once per batch). */
  receiptsOf(id: ConversationId): MutableReceipts {
    const drafted = this.receipts.get(id);
    if (drafted) return drafted;
    const b = this.base.receipts[id] ?? EMPTY_RECEIPTS;
    const copy: MutableReceipts = { delivered: { ...b.delivered }, read: { ...b.read }, groupReadCount: { ...b.groupReadCount }, ackedUpTo: { ...b.ackedUpTo } };
    this.receipts.set(id, copy);
    return copy;
  }

  peekInvitation(id: string): Invitation | undefined {
    return this.invitations.get(id) ?? this.base.invitations.byId[id];
  }

  /** Mutable copy of a conversation's typing map (null when it has none). */
  typingOf(id: ConversationId): Record<UserId, number> {
    const drafted = this.typing.get(id);
    if (drafted) return drafted;
    const copy = { ...(this.base.typing[id] ?? {}) };
    this.typing.set(id, copy);
    return copy;
  }

  /** The next messages Map: one copy of the base Map, then one new entry per changed conversation. */
  commitMessages(): ChatState['conversationMessages'] {
    const base = this.baseMessages;
    if (this.messages.size === 0) return base;
    let next: Map<ConversationId, ConversationMessages> | null = null;
    for (const [id, d] of this.messages) {
      const before = d.cleared ? undefined : base.get(id);
      const items = mergeMessages(before?.items ?? EMPTY_MESSAGES.items, d.incoming);
      const pending = d.pending ?? before?.pending ?? EMPTY_MESSAGES.pending;
      if (items === before?.items && pending === before.pending) continue;
      if (!before && !base.has(id) && items.length === 0 && pending.length === 0) continue;
      next ??= new Map(base);
      if (items.length === 0 && pending.length === 0) next.delete(id);
      else next.set(id, { items, pending });
    }
    return next ?? base;
  }
}
