// Owns the wire shape of per-conversation mute: a user mutes a conversation
// until a time or for good, on all their devices. A muted conversation raises
// no push (Web Push or the host's push hook); it still counts unread. The
// conversation list and an event tell every device of the user.
import type { ConversationId } from './ids';

/** A conversation's mute as its user set it: `until` is server time (ms); absent means until unmuted. */
export interface ConversationMute {
  until?: number;
}

export interface MuteOps {
  /** Mutes a conversation for this user (all devices): until `until` (server ms, in the future), or for good. */
  mute: { p: { conversation: ConversationId; until?: number }; r: { mute: ConversationMute } };
  /** Ends a conversation's mute for this user. */
  unmute: { p: { conversation: ConversationId }; r: Record<string, never> };
}

/** This user's mute of a conversation changed (on any device): `mute` is null once unmuted. */
export type MuteEvent = { type: 'conversationMute'; conversation: ConversationId; mute: ConversationMute | null };
