// Owns the per-conversation messages entries the store publishes. Successive
// entries of a conversation share one growing array: a batch that only
// appends newer messages pushes them onto it (amortized O(batch), no copy of
// the history), and each entry remembers its own length. An entry's `items`
// array is cut from the shared one when first read, so a burst over 1,000
// conversations copies only the histories someone reads, once per state they
// are read in, instead of every conversation's history once per frame.
import type { PendingMessage } from '../client/chat-client-types';
import type { Message } from '../protocol/message';
import { EMPTY_MESSAGES, type ConversationMessages } from './chat-state';
import { mergeMessages, normalizeBatch } from './message-list';

/** A published entry: the first `length` messages of a shared, append-only array. */
class MessagesEntry implements ConversationMessages {
  constructor(
    /** Sorted by seq, one per seq; only ever appended to (later entries see more of it). Never handed out. */
    readonly shared: Message[],
    readonly length: number,
    readonly pending: readonly PendingMessage[],
    /** `items`, once cut (or handed over by an entry with the same messages). */
    private built: readonly Message[] | null = null,
  ) {}

  /** This entry's messages; the same array on every read. */
  get items(): readonly Message[] {
    this.built ??= this.length === 0 ? EMPTY_MESSAGES.items : this.shared.slice(0, this.length);
    return this.built;
  }

  /** Seq of the newest message, or -Infinity. */
  get lastSeq(): number {
    return this.length === 0 ? -Infinity : (this.shared[this.length - 1] as Message).seq;
  }
}

/**
 * The stored messages of `data` as a list and how many of it are `data`'s, without cutting an
 * entry's `items`: an entry's first `length` shared messages never change (the array is only ever
 * appended to), so a view that reads them by index needs no copy of a long history.
 */
export function storedOf(data: ConversationMessages): { list: readonly Message[]; length: number } {
  return data instanceof MessagesEntry
    ? { list: data.shared, length: data.length }
    : { list: data.items, length: data.items.length };
}

/** Whether `a` and `b` hold the same stored messages (as `a.items === b.items`, without cutting either). */
export function sameStored(a: ConversationMessages, b: ConversationMessages): boolean {
  if (a instanceof MessagesEntry && b instanceof MessagesEntry)
    return a.shared === b.shared ? a.length === b.length : a.length === 0 && b.length === 0;
  return a.items === b.items;
}

/** `entry`'s shared array, ready to append to (copied first when another entry already appended past ours). */
function appendable(entry: MessagesEntry): Message[] {
  return entry.shared.length === entry.length ? entry.shared : entry.shared.slice(0, entry.length);
}

/**
 * The entry after a batch: `incoming` stored messages merged in (null: none) and the pending
 * list replaced (null: unchanged). Returns `before` itself when nothing changed, and null when
 * the conversation has neither messages nor pending sends.
 */
export function nextMessages(
  before: ConversationMessages | undefined,
  incoming: Message[] | null,
  pending: readonly PendingMessage[] | null,
): ConversationMessages | null {
  const entry =
    before instanceof MessagesEntry
      ? before
      : new MessagesEntry(
          (before?.items ?? []).slice(),
          before?.items.length ?? 0,
          before?.pending ?? EMPTY_MESSAGES.pending,
        );
  const nextPending = pending ?? entry.pending;
  let shared = entry.shared;
  let length = entry.length;
  if (incoming !== null && incoming.length > 0) {
    const sorted = normalizeBatch(incoming);
    if ((sorted[0] as Message).seq > entry.lastSeq) {
      shared = appendable(entry);
      for (let i = 0; i < sorted.length; i++) shared.push(sorted[i] as Message);
      length = shared.length;
    } else {
      const current = entry.items;
      const merged = mergeMessages(current, sorted);
      if (merged !== current) {
        shared = merged as Message[]; // a new array nobody else holds (mergeMessages copies when it changes anything)
        length = merged.length;
      }
    }
  }
  if (before && shared === entry.shared && length === entry.length && nextPending === before.pending) return before;
  if (length === 0 && nextPending.length === 0) return null;
  // Only the pending list changed: the same items array, so views of the messages are kept.
  const sameItems = shared === entry.shared && length === entry.length;
  return new MessagesEntry(shared, length, nextPending, sameItems && before ? before.items : null);
}
