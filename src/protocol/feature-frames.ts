// Owns the frames of the conversation features: their request operations
// (reactions, edits, deletes, pins, threads, forwarding, lookups by id) and
// the events they push. Frames.ts adds these to its tables.
import type { ConversationId } from './ids';
import type { PinnedMessage } from './features';
import type { HistoryPage, ThreadUnreadCounts } from './pages';
import type { Message, TextBody } from './message';

/** The conversation-feature operations: parameters `p` and result `r`. */
export interface FeatureOps {
  /** Add (or with `remove`, take back) this user's reaction; members only. Repeating a change changes nothing. */
  react: { p: { serverId: string; emoji: string; remove?: boolean }; r: { message: Message } };
  /** Author only, text messages, within the server's edit window. `editId` makes a retried edit apply once. */
  edit: {
    p: { serverId: string; body: TextBody; editId: string; mentions?: Message['mentions'] };
    r: { message: Message };
  };
  /** `me`: hidden from this user's history on every device. `everyone`: a tombstone (author within the delete window; group owner/admins any time). */
  delete: { p: { serverId: string; scope: 'me' | 'everyone' }; r: { message: Message | null } };
  /** Pin (or with `unpin`, unpin) a message of a conversation: both users of a single chat; group owner/admins. */
  pin: { p: { serverId: string; unpin?: boolean }; r: { pins: PinnedMessage[] } };
  /** A conversation's pins, newest first, with the pinned messages. */
  pins: { p: { conversation: ConversationId }; r: { pins: PinnedMessage[]; messages: Message[] } & ThreadUnreadCounts };
  /** Messages by serverId that this user can see (others are left out), e.g. a quoted message not loaded yet. */
  messages: { p: { serverIds: string[] }; r: { messages: Message[] } & ThreadUnreadCounts };
  /** A thread's replies before `before` (a thread seq), newest first, like `history`. */
  thread: { p: { serverId: string; before?: number; limit?: number }; r: HistoryPage };
  /**
   * Marks a thread read up to `upToSeq` (a thread seq; default: its newest reply) on every device of
   * this user, who follows the thread from then on; the marker never moves back. `unread` is the
   * count of replies by others after the marker.
   */
  threadAck: { p: { serverId: string; upToSeq?: number }; r: { readSeq: number; unread: number } };
  /** Sends a copy of a message this user can see to another conversation (idempotent by `localId` like `send`). */
  forward: {
    p: { serverId: string; localId: string; to: string; chatType: Message['chatType'] };
    r: { message: Message };
  };
}

/** The events of the conversation features. */
export type FeatureEvent =
  /** A stored message changed (edit, reactions, thread summary): `message` is its whole current state. */
  | { type: 'messageUpdate'; message: Message; conversation: ConversationId; reason: 'edit' | 'reaction' | 'thread' }
  /** This user deleted a message for themselves (on any device): it leaves their history. */
  | { type: 'messageHidden'; serverId: string; conversation: ConversationId }
  /** A conversation's pins changed: the whole list, newest first. */
  | { type: 'pins'; conversation: ConversationId; pins: PinnedMessage[] }
  /**
   * A reply in a thread (not part of the conversation's history); its root's summary follows as a
   * messageUpdate. `unread`: for a user who follows the thread (wrote its root, replied, or marked
   * it read), their count of unread replies in it after this one.
   */
  | { type: 'threadReply'; message: Message; conversation: ConversationId; unread?: number }
  /** This user's read marker in the thread of `root` moved, or a reply after it went away: `unread` is the count now. */
  | { type: 'threadReadState'; conversation: ConversationId; root: string; readSeq: number; unread: number }
  /** This user's unread mentions in a conversation changed (mention badge). */
  | { type: 'mentionCount'; conversation: ConversationId; count: number };
