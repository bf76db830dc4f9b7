// Owns the viewer-independent conversation key used by storage, and the
// mapping between it and each user's view (`single:<peer>` etc.).
import type { ConversationId } from '../protocol/ids';
import { conversationId, parseConversationId } from '../protocol/ids';
import type { ChatType, UserId } from '../protocol/message';
import type { ConversationKey } from './storage';

/** `single:<a>|<b>` with the two users sorted, `group:<id>`, `room:<id>`. */
export function conversationKey(chatType: ChatType, from: UserId, to: string): ConversationKey {
  if (chatType !== 'single') return `${chatType}:${to}`;
  return from < to ? `single:${from}|${to}` : `single:${to}|${from}`;
}

/**
 * The other user of `user`'s single chat `key` (`single:<a>|<b>`: ids never hold `|`, ID_PATTERN), or
 * undefined when `key` is not a single chat of `user`.
 */
export function singlePeerOf(key: ConversationKey, user: UserId): UserId | undefined {
  if (!key.startsWith('single:')) return undefined;
  const [a, b, more] = key.slice('single:'.length).split('|');
  if (more !== undefined || a === undefined || b === undefined) return undefined;
  return a === user ? b : b === user ? a : undefined;
}

/**
 * How `user` names the conversation `key` (`single:<peer>`, `group:<id>`, `room:<id>`), or undefined
 * when `key` is malformed or a single chat of two others.
 */
export function viewOfKey(
  key: ConversationKey,
  user: UserId,
): { type: ChatType; target: string; id: ConversationId } | undefined {
  const peer = singlePeerOf(key, user);
  if (peer !== undefined) return { type: 'single', target: peer, id: conversationId('single', peer) };
  const parsed = parseConversationId(key);
  if (!parsed || parsed.type === 'single') return undefined;
  return { type: parsed.type, target: parsed.target, id: conversationId(parsed.type, parsed.target) };
}

/** The key of a conversation named from `viewer`'s side, or null when the id is malformed. */
export function keyOfConversationId(
  viewer: UserId,
  id: string,
): { key: ConversationKey; type: ChatType; target: string } | null {
  const parsed = parseConversationId(id);
  if (!parsed) return null;
  return { key: conversationKey(parsed.type, viewer, parsed.target), type: parsed.type, target: parsed.target };
}

/** How `viewer` names the conversation of a message from `from` to `to`. */
export function viewerConversationId(chatType: ChatType, from: UserId, to: string, viewer: UserId): ConversationId {
  if (chatType !== 'single') return conversationId(chatType, to);
  return conversationId('single', from === viewer ? to : from);
}
