// Owns reading and putting several members' conversation states through a
// storage that may offer to do it in one call (a database server's round trip,
// storage.ts) and one by one through one that does not: what CachedStorage
// asks of the storage behind it for a fan-out and for a transaction's writes.
import type { UserId } from '../protocol/message';
import type { ConversationStateCache } from './conversation-state-cache';
import type { ConversationKey, ConversationStateRecord, Storage } from './storage';

/**
 * The states of `users` that `cache` lacks, read in one call when the storage offers it and there
 * are several; null otherwise (the caller reads them one by one).
 */
export async function readMissingStates(
  storage: Storage,
  cache: ConversationStateCache | undefined,
  users: readonly UserId[],
  key: ConversationKey,
): Promise<Map<UserId, ConversationStateRecord | null> | null> {
  if (!storage.getConversationStates) return null;
  const missing = users.filter((user) => cache?.get(user, key) === undefined);
  if (missing.length < 2) return null;
  const read = await storage.getConversationStates(missing, key);
  return new Map(missing.map((user, i) => [user, read[i] ?? null]));
}

/** Puts `states` in one call when the storage offers it and there are several, else one by one. */
export async function putStates(storage: Storage, states: readonly ConversationStateRecord[]): Promise<void> {
  if (states.length > 1 && storage.putConversationStates) await storage.putConversationStates(states);
  else for (const state of states) await storage.putConversationState(state);
}
