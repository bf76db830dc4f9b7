// Owns the wire shape of typing indicators: an ephemeral signal a member sends
// while composing, relayed to the conversation's other members' connected
// devices. Never stored: no seq, no event position, nothing in history.
import type { ConversationId } from './ids';
import type { UserId } from './message';

/** `start` while composing (refresh it before the indicator expires); `stop` once the input is cleared or sent. */
export type TypingState = 'start' | 'stop';

export interface TypingOps {
  /**
   * Tells the other members of a conversation (members only: 602 otherwise) that this user is or
   * stopped typing. Reaches only their connected devices, never this user's own other devices.
   */
  typing: { p: { conversation: ConversationId; state: TypingState }; r: Record<string, never> };
}

/** `by` started or stopped typing in `conversation` (named from the receiver's side). Ephemeral: no `pos`. */
export type TypingEvent = { type: 'typing'; conversation: ConversationId; by: UserId; state: TypingState };
