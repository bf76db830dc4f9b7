// Owns copy-on-write for one batch of store inputs: each conversation, receipt
// record or invitation touched by the batch is drafted once, mutated freely by
// the reducers, and committed in one new state (commit-conversations.ts). Untouched objects keep their
// references, which is what lets hooks re-render only what changed.
import type { PendingMessage } from '../client/chat-client-types';
import type { ConversationSummary } from '../protocol/entities';
import type { ConversationId } from '../protocol/ids';
import type { Invitation } from '../protocol/invitation';
import type { Message, UserId } from '../protocol/message';
import {
  EMPTY_MESSAGES,
  EMPTY_RECEIPTS,
  type ChatState,
  type ConnectionSlice,
  type ConversationMessages,
  type ConversationReceipts,
} from './chat-state';
import { cloneSummary, emptySummary, newConversationDraft, type ConversationDraft } from './conversation-draft';

/** Mutable, store-lifetime bookkeeping the reducers consult (not part of the rendered state). */
export interface EngineContext {
  /** Incremented once per applied batch. */
  batch: number;
  /**
   * One draft slot per conversation seen, for the store's lifetime: a batch resets the slots it
   * touches instead of allocating drafts in a per-batch Map (the per-message lookup is one Map get).
   */
  slots: Map<ConversationId, ConversationDraft>;
  /** The state whose entries the slots' `shown*` fields mirror (the last one committed). */
  committed: ChatState | null;
  /** Invitation → batch that last changed it from a live event. */
  inviteTouchedAt: Map<string, number>;
  /** Local clock, for typing expiry. */
  now(): number;
}

type MutableReceipts = { -readonly [K in keyof ConversationReceipts]: Record<string, ConversationReceipts[K][string]> };

export class StoreDraft {
  /** This user; set from the welcome (token logins learn it there). */
  user: UserId;
  connection: ConnectionSlice | null = null;
  conversationsLoaded: boolean | null = null;
  /** The list's next-page cursor when this batch set it (a bootstrap or a page). */
  conversationCursor: string | null | undefined = undefined;
  /** Set by a bootstrap or a fresh count: the server's unread total over every page. */
  unreadTotal: number | null = null;
  /** Conversations this batch added from a page (their unread leaves the unlisted share). */
  paged: Set<ConversationId> | null = null;
  /** The drafts of the conversations this batch touched, in first-touch order. */
  readonly touched: ConversationDraft[] = [];
  private recencyCounter = 0;
  /** Set by a bootstrap: base summaries not in this set and not drafted are dropped. */
  keepOnly: Set<ConversationId> | null = null;
  readonly receipts = new Map<ConversationId, MutableReceipts | null>();
  readonly invitations = new Map<string, Invitation>();
  /** Set by an invitations bootstrap: open ids not listed (and untouched since) are closed. */
  openInvitesOnly: Set<string> | null = null;
  readonly typing = new Map<ConversationId, Record<UserId, number> | null>();

  /** Whether the base state shows any typing indicator (checked once per batch, not per message). */
  private readonly baseTyping: boolean;
  readonly baseSummaries: ReadonlyMap<ConversationId, ConversationSummary>;
  readonly baseMessages: ReadonlyMap<ConversationId, ConversationMessages>;

  constructor(
    readonly base: ChatState,
    readonly ctx: EngineContext,
  ) {
    this.user = base.user;
    this.baseSummaries = base.conversations.summaries;
    this.baseMessages = base.conversationMessages;
    if (ctx.committed !== base) this.mirrorBase();
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

  /** Where the conversation list's next page starts as of this batch (null: every page loaded). */
  listCursor(): string | null {
    return this.conversationCursor === undefined ? this.base.conversations.cursor : this.conversationCursor;
  }

  conn(): ConnectionSlice {
    if (!this.connection) this.connection = { ...this.base.connection };
    return this.connection;
  }

  /** Points every slot at the base state's entries (when the base is not the state last committed). */
  private mirrorBase(): void {
    for (const c of this.ctx.slots.values()) {
      c.shownSummary = this.baseSummaries.get(c.id);
      c.shownMessages = this.baseMessages.get(c.id);
    }
    for (const id of this.baseSummaries.keys()) this.slot(id);
    for (const id of this.baseMessages.keys()) this.slot(id);
    this.ctx.committed = this.base;
  }

  private slot(id: ConversationId): ConversationDraft {
    let c = this.ctx.slots.get(id);
    if (c === undefined) {
      c = newConversationDraft(id, 0, this.baseSummaries.get(id), this.baseMessages.get(id));
      this.ctx.slots.set(id, c);
    }
    return c;
  }

  /** The batch's draft of a conversation, reset on its first use in the batch. */
  draft(id: ConversationId): ConversationDraft {
    const batch = this.ctx.batch;
    let c = this.ctx.slots.get(id);
    if (c === undefined) {
      // A conversation neither state Map has (every key of theirs has a slot).
      c = newConversationDraft(id, batch, undefined, undefined);
      this.ctx.slots.set(id, c);
      this.touched.push(c);
    } else if (c.batch !== batch) {
      c.batch = batch;
      c.summary = undefined;
      c.recency = 0;
      c.incoming = null;
      c.pending = null;
      c.cleared = false;
      this.touched.push(c);
    }
    return c;
  }

  /** The conversation's draft if this batch touched it (never creates one). */
  drafted(id: ConversationId): ConversationDraft | undefined {
    const c = this.ctx.slots.get(id);
    return c !== undefined && c.batch === this.ctx.batch ? c : undefined;
  }

  /** The summary as of the base state (after a bootstrap in this batch: only the ones it kept). */
  baseSummary(c: ConversationDraft): ConversationSummary | undefined {
    if (this.keepOnly && !this.keepOnly.has(c.id)) return undefined;
    return c.shownSummary;
  }

  /** The current summary (this batch's copy, else the base one), or undefined. */
  peekSummary(id: ConversationId): ConversationSummary | undefined {
    const c = this.ctx.slots.get(id);
    if (c === undefined) return undefined;
    if (c.batch === this.ctx.batch && c.summary !== undefined) return c.summary ?? undefined;
    return this.baseSummary(c);
  }

  /** A mutable copy of a conversation's summary, created empty when unknown; marks it touched live. */
  summary(id: ConversationId): ConversationSummary {
    const c = this.draft(id);
    if (c.summary) return c.summary;
    return this.copySummary(c, c.summary === null ? undefined : this.baseSummary(c));
  }

  /** Like {@link summary} when the caller holds the draft and its current (undrafted) summary. */
  copySummary(c: ConversationDraft, current: ConversationSummary | undefined): ConversationSummary {
    const copy = current ? cloneSummary(current) : emptySummary(c.id);
    c.summary = copy;
    c.touchedAt = this.ctx.batch;
    return copy;
  }

  /** Replaces a summary with the server's (bootstrap): not a live touch. */
  setSummary(s: ConversationSummary): void {
    this.draft(s.id).summary = s;
  }

  /** Marks a conversation as the batch's most recent change (ties in updatedAt sort it first). */
  touchLast(c: ConversationDraft): void {
    c.recency = ++this.recencyCounter;
  }

  /** Drops a conversation from the list (a live change). */
  deleteSummary(id: ConversationId): void {
    const c = this.draft(id);
    c.summary = null;
    c.touchedAt = this.ctx.batch;
  }

  addMessage(id: ConversationId, message: Message): void {
    this.addMessageTo(this.draft(id), message);
  }

  addMessageTo(c: ConversationDraft, message: Message): void {
    // A one-element literal: most conversations get one message per frame, and `[].push` reserves 17 slots.
    if (c.incoming === null) c.incoming = [message];
    else c.incoming.push(message);
  }

  /** Oldest seq currently known for a conversation (base or this batch), or null. */
  oldestSeq(id: ConversationId): number | null {
    const c = this.drafted(id);
    const items = c?.cleared ? [] : (this.baseMessages.get(id) ?? EMPTY_MESSAGES).items;
    let oldest = items[0]?.seq ?? null;
    for (const m of c?.incoming ?? []) if (oldest === null || m.seq < oldest) oldest = m.seq;
    return oldest;
  }

  clearMessages(id: ConversationId): void {
    const c = this.draft(id);
    c.incoming = null;
    c.cleared = true;
  }

  /** A mutable copy of a conversation's pending list. */
  pending(id: ConversationId): PendingMessage[] {
    const c = this.draft(id);
    if (!c.pending) c.pending = (this.baseMessages.get(id) ?? EMPTY_MESSAGES).pending.slice();
    return c.pending;
  }

  hasPending(id: ConversationId): boolean {
    const c = this.drafted(id);
    return (c?.pending ?? (this.baseMessages.get(id) ?? EMPTY_MESSAGES).pending).length > 0;
  }

  removePending(id: ConversationId, localId: string): void {
    if (!this.hasPending(id)) return;
    const list = this.pending(id);
    const i = list.findIndex((p) => p.localId === localId);
    if (i >= 0) list.splice(i, 1);
  }

  /** A mutable copy of a conversation's receipts (all five records copied once per batch). */
  receiptsOf(id: ConversationId): MutableReceipts {
    const drafted = this.receipts.get(id);
    if (drafted) return drafted;
    const b = this.base.receipts[id] ?? EMPTY_RECEIPTS;
    const copy: MutableReceipts = {
      delivered: { ...b.delivered },
      read: { ...b.read },
      groupReadCount: { ...b.groupReadCount },
      ackedUpTo: { ...b.ackedUpTo },
      deliveredUpTo: { ...b.deliveredUpTo },
    };
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
}
