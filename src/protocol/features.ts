// Owns the wire shapes of the conversation features a message can carry or
// take part in: reactions, quoted replies, threads, edits, mentions, pins and
// forwarding, and the limits the server holds them to. The fields live on
// Message (message.ts); the operations and events in frames.ts.
import type { UserId } from './primitives';

/** Everyone who reacted to a message with one emoji, in the order they reacted (count = users.length). */
export interface ReactionGroup {
  emoji: string;
  users: UserId[];
}

/** A message body's `type` (the same names as MessageBodyType in message.ts, which builds on this module). */
type QuotedBodyType = 'txt' | 'img' | 'cmd' | 'file' | 'audio' | 'video' | 'custom' | 'loc' | 'signal' | 'recalled';

/**
 * What a reply shows of the message it quotes, as the server made it. History pages carry it as the
 * quoted message is now (edited text, or `gone` once it was recalled or deleted); a live reply
 * carries it as it was when the reply was sent.
 */
export interface QuotedMessage {
  serverId: string;
  from: UserId;
  type: QuotedBodyType;
  /** The quoted text (text messages, cut to {@link FEATURE_LIMITS.quoteChars}); '' for other bodies. */
  text: string;
  /** The quoted message was recalled or deleted for everyone: nothing of it is shown. */
  gone?: true;
}

/** Who a message mentions: listed users, and/or everyone in the group (`all`, group chats only). */
export interface MessageMentions {
  users?: UserId[];
  all?: true;
}

/** A thread root's summary: how many replies, and the newest one's time and sender. */
export interface ThreadSummary {
  count: number;
  lastTs: number;
  lastFrom: UserId;
}

/** The last edit of a message: server time and the client's id for it (a retried edit is applied once). */
export interface EditMark {
  at: number;
  id: string;
}

/** Where a forwarded message came from. */
export interface ForwardMark {
  /** Sender of the message that was forwarded. */
  from: UserId;
}

/** A pinned message of a conversation. */
export interface PinnedMessage {
  serverId: string;
  by: UserId;
  at: number;
}

/** Bounds the server enforces on the features (answers 511 past them, 4002 for a malformed value). */
export const FEATURE_LIMITS = {
  /** Characters (UTF-16 units) of one reaction key. */
  maxEmojiLength: 64,
  /** Distinct reaction emoji on one message. */
  maxReactionKinds: 50,
  /** Pinned messages per conversation. */
  maxPins: 20,
  /** Characters of quoted text kept in a reply. */
  quoteChars: 200,
  /** Users one message may mention. */
  maxMentions: 100,
} as const;
