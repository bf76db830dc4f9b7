// Owns identifier formats: which strings are valid user, group and room ids,
// and how a conversation is named from one user's point of view.
import type { ChatType } from './primitives';

/** User, group and room ids: 1–64 chars of letters, digits and `_ . @ -`. */
export const ID_PATTERN = /^[A-Za-z0-9_.@-]{1,64}$/;

export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && ID_PATTERN.test(id);
}

/**
 * A conversation as one user sees it: `single:<peer>`, `group:<groupId>` or `room:<roomId>`.
 * Single-chat conversations are named after the other party, so Alice's chat with Bob is
 * `single:bob` for Alice and `single:alice` for Bob.
 */
export type ConversationId = `${ChatType}:${string}`;

export function conversationId(type: ChatType, target: string): ConversationId {
  return `${type}:${target}`;
}

export function parseConversationId(id: string): { type: ChatType; target: string } | null {
  const i = id.indexOf(':');
  if (i < 0) return null;
  const type = id.slice(0, i);
  const target = id.slice(i + 1);
  if ((type !== 'single' && type !== 'group' && type !== 'room') || !isValidId(target)) return null;
  return { type, target };
}

/** The conversation a message belongs to, as seen by `viewer`. */
export function conversationOf(
  message: { chatType: ChatType; from: string; to: string },
  viewer: string,
): ConversationId {
  if (message.chatType === 'single')
    return conversationId('single', message.from === viewer ? message.to : message.from);
  return conversationId(message.chatType, message.to);
}
