// Owns the shape of the store's features slice: what the conversation
// features keep beside the messages (hidden messages, pins, thread replies
// and their unread counts, this user's edits and reactions not applied by the
// server yet), and its empty values. Reduced by reduce-features.ts.
import type { PendingChange } from '../client/pending-change';
import type { PinnedMessage } from '../protocol/features';
import type { ConversationId } from '../protocol/ids';
import type { Message } from '../protocol/message';

export interface FeaturesSlice {
  /** serverIds of messages this user deleted for themselves: left out of every list. */
  hidden: ReadonlySet<string>;
  /** Pinned messages by conversation, newest first. */
  pins: ReadonlyMap<ConversationId, readonly PinnedMessage[]>;
  /** Replies by thread root serverId, ascending by their thread seq. */
  threads: ReadonlyMap<string, readonly Message[]>;
  /** This user's unread replies per followed thread, by root serverId (the server's counts). */
  threadUnread: ReadonlyMap<string, number>;
  /** This user's edits and reactions waiting to be sent or answered, by the serverId they change, oldest first. */
  changes: ReadonlyMap<string, readonly PendingChange[]>;
}

export const EMPTY_FEATURES: FeaturesSlice = Object.freeze({
  hidden: new Set<string>(),
  pins: new Map(),
  threads: new Map(),
  threadUnread: new Map(),
  changes: new Map(),
});
export const EMPTY_THREAD: readonly Message[] = Object.freeze([]);
export const EMPTY_PINS: readonly PinnedMessage[] = Object.freeze([]);
