// Owns the core's in-memory copy of per-user conversation states (behind
// CachedStorage): looked up once per recipient of every message, so entries
// are kept per conversation, then per user — the conversation key and the
// member ids are the same string objects for a whole fan-out, so no key is
// built or hashed per recipient. Bounded: past `max` entries the conversation
// used longest ago goes as a whole. States written inside a transaction are
// also kept as dirty until the transaction writes them, and stay readable
// even if evicted meanwhile.
import type { UserId } from '../protocol/message';
import { LruMap } from './lru-map';
import type { ConversationKey, ConversationStateRecord } from './storage';

type ByUser<T> = Map<UserId, T>;

export class ConversationStateCache {
  private readonly byKey = new LruMap<ConversationKey, ByUser<ConversationStateRecord | null>>();
  private readonly dirty = new Map<ConversationKey, ByUser<ConversationStateRecord>>();
  private size = 0;

  constructor(private readonly max: number) {}

  /** The cached state (null: known not to exist), or undefined when not cached. */
  get(user: UserId, key: ConversationKey): ConversationStateRecord | null | undefined {
    const cached = this.byKey.get(key)?.get(user);
    return cached !== undefined ? cached : this.dirty.get(key)?.get(user);
  }

  set(user: UserId, key: ConversationKey, state: ConversationStateRecord | null): void {
    let users = this.byKey.get(key);
    if (!users) this.byKey.set(key, (users = new Map<UserId, ConversationStateRecord | null>()));
    if (!users.has(user)) this.size++;
    users.set(user, state);
    while (this.size > this.max) {
      const oldest = this.byKey.shift();
      if (!oldest) break;
      this.size -= oldest[1].size;
    }
  }

  /** Keeps `state` (already `set`) to be written at the end of the transaction. */
  markDirty(state: ConversationStateRecord): void {
    let users = this.dirty.get(state.key);
    if (!users) this.dirty.set(state.key, (users = new Map<UserId, ConversationStateRecord>()));
    users.set(state.user, state);
  }

  hasDirty(): boolean {
    return this.dirty.size > 0;
  }

  /** Hands out the dirty states (the latest of each) and forgets them. */
  takeDirty(): ConversationStateRecord[] {
    const out: ConversationStateRecord[] = [];
    for (const users of this.dirty.values()) for (const state of users.values()) out.push(state);
    this.dirty.clear();
    return out;
  }

  clear(): void {
    this.byKey.clear();
    this.dirty.clear();
    this.size = 0;
  }
}
