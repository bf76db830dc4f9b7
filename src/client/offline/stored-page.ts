// Owns the conversion between a cached page as the client holds it and its
// record in the offline database's `pages` store (keyed by conversation).
import type { ConversationId } from '../../protocol/ids';
import type { StoredPage } from './offline-schema';
import type { CachedPage } from './offline-types';

/** The record of a page (copies: a later change to the page does not reach a queued write). */
export function storedPage(p: CachedPage): StoredPage {
  return { messages: [...p.messages], ...(p.threadUnread ? { threadUnread: { ...p.threadUnread } } : {}) };
}

/** The page a record holds, for `conversation`. */
export function cachedPage(conversation: ConversationId, p: StoredPage): CachedPage {
  return { conversation, messages: p.messages, ...(p.threadUnread ? { threadUnread: p.threadUnread } : {}) };
}
