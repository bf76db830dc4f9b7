// Owns the per-conversation draft of a store batch (what one batch changes in
// one conversation, in a store-lifetime slot) and the summary copies a draft
// starts from: a field-by-field clone of a known summary or an empty one.
import type { PendingMessage } from '../client/chat-client-types';
import type { ConversationSummary } from '../protocol/entities';
import { parseConversationId, type ConversationId } from '../protocol/ids';
import type { Message } from '../protocol/message';
import type { ConversationMessages } from './chat-state';

/**
 * Everything one batch changes in one conversation. A store-lifetime slot, reset on its first
 * touch in a batch: a message costs one Map lookup, and a burst allocates per conversation.
 * The draft fields are meaningful only while `batch` is the current batch.
 */
export interface ConversationDraft {
  readonly id: ConversationId;
  /** The batch these draft fields belong to. */
  batch: number;
  /** Batch that last changed its summary from a live event (kept across batches). */
  touchedAt: number;
  /** Its entry in the committed state's summaries, kept by the commit (saves a Map lookup per touch). */
  shownSummary: ConversationSummary | undefined;
  /** Its entry in the committed state's messages, kept by the commit. */
  shownMessages: ConversationMessages | undefined;
  /** Mutable copy of the summary; null when deleted in this batch; undefined when not changed. */
  summary: ConversationSummary | null | undefined;
  /** Order of its latest move to the top in this batch (higher is later; 0 = none). */
  recency: number;
  /** Stored messages to merge, in arrival order; null when none. */
  incoming: Message[] | null;
  /** Mutable copy of the pending list; null when not changed. */
  pending: PendingMessage[] | null;
  /** History was deleted: the base messages are dropped. */
  cleared: boolean;
}

/** Every field of a summary; tsc fails here when the type gains one that {@link cloneSummary} does not copy. */
const SUMMARY_FIELDS = {
  id: true,
  type: true,
  target: true,
  lastMessage: true,
  unread: true,
  readSeq: true,
  lastSeq: true,
  updatedAt: true,
  peerReadSeq: true,
  peerDeliveredSeq: true,
  mentions: true,
  mute: true,
} as const satisfies Record<keyof ConversationSummary, true>;
void SUMMARY_FIELDS;

/**
 * A field-by-field copy: about four times faster than a spread on V8, and a burst copies one
 * summary per conversation per frame. Optional fields are copied only when present.
 */
export function cloneSummary(s: ConversationSummary): ConversationSummary {
  const copy: ConversationSummary = {
    id: s.id,
    type: s.type,
    target: s.target,
    lastMessage: s.lastMessage,
    unread: s.unread,
    readSeq: s.readSeq,
    lastSeq: s.lastSeq,
    updatedAt: s.updatedAt,
  };
  if (s.peerReadSeq !== undefined) copy.peerReadSeq = s.peerReadSeq;
  if (s.peerDeliveredSeq !== undefined) copy.peerDeliveredSeq = s.peerDeliveredSeq;
  if (s.mentions !== undefined) copy.mentions = s.mentions;
  if (s.mute !== undefined) copy.mute = s.mute;
  return copy;
}

/** A fresh slot (one literal shape for every slot, so the per-message lookups stay monomorphic). */
export function newConversationDraft(
  id: ConversationId,
  batch: number,
  shownSummary: ConversationSummary | undefined,
  shownMessages: ConversationMessages | undefined,
): ConversationDraft {
  return {
    id,
    batch,
    touchedAt: 0,
    shownSummary,
    shownMessages,
    summary: undefined,
    recency: 0,
    incoming: null,
    pending: null,
    cleared: false,
  };
}

/** The summary of a conversation the store has not seen yet. */
export function emptySummary(id: ConversationId): ConversationSummary {
  const parsed = parseConversationId(id);
  return {
    id,
    type: parsed?.type ?? 'single',
    target: parsed?.target ?? id,
    lastMessage: null,
    unread: 0,
    readSeq: 0,
    lastSeq: 0,
    updatedAt: 0,
  };
}
