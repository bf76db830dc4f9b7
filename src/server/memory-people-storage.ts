// Owns the in-memory part of PeopleStorage that MemoryStorage delegates to:
// profile records in a Map (writes recorded for rollback), the directory
// prefix search by scan, and message search through the word index of each
// searched conversation (memory-search-index.ts; hits ordered by serverId,
// which is time-ordered). MemoryStorage tells it of every stored message change.
import type { Message, UserId } from '../protocol/message';
import type {
  MessageSearchQuery,
  MessageSearchResult,
  MessageSearchRow,
  PeopleStorage,
  ProfileRecord,
  ProfileSearchQuery,
} from './people-storage';
import { MemorySearchIndex } from './memory-search-index';
import { profileTerms } from './search-text';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class MemoryPeopleStorage implements PeopleStorage {
  private readonly profiles = new Map<UserId, ProfileRecord>();
  /** Kept up to date by MemoryStorage (messageAdded, messageRemoved, messageReplaced). */
  readonly index: MemorySearchIndex;

  /**
   * @param record remembers how to undo one write (MemoryStorage's transaction log).
   * @param messagesOf a conversation's messages ordered by seq ascending (read only).
   */
  constructor(
    private readonly record: (undo: () => void) => void,
    messagesOf: (key: string) => readonly Message[],
  ) {
    this.index = new MemorySearchIndex(messagesOf);
  }

  getProfiles(users: UserId[]): ProfileRecord[] {
    const out: ProfileRecord[] = [];
    for (const user of new Set(users)) {
      const r = this.profiles.get(user);
      if (r) out.push(clone(r));
    }
    return out;
  }

  putProfile(record: ProfileRecord): void {
    const user = record.profile.user;
    const had = this.profiles.has(user);
    const prev = this.profiles.get(user);
    this.profiles.set(user, record);
    this.record(() => {
      if (had) this.profiles.set(user, prev!);
      else this.profiles.delete(user);
    });
  }

  searchProfiles(query: ProfileSearchQuery): ProfileRecord[] {
    const found: Array<{ name: string; r: ProfileRecord }> = [];
    for (const r of this.profiles.values()) {
      if (profileTerms(r.profile).some((t) => t.startsWith(query.prefix)))
        found.push({ name: r.profile.name.toLowerCase(), r });
    }
    found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.r.profile.user < b.r.profile.user ? -1 : 1));
    return found.slice(0, query.limit).map((f) => clone(f.r));
  }

  /** Indexes the searched conversations not indexed yet without blocking the event loop (memory-search-index.ts). */
  prepareSearch(query: MessageSearchQuery): Promise<void> | undefined {
    return this.index.prepare(query.scopes.map((s) => s.key));
  }

  searchMessages(query: MessageSearchQuery): MessageSearchResult {
    const hits: MessageSearchRow[] = [];
    for (const scope of query.scopes) hits.push(...this.index.search(scope, query.terms, query.before, query.limit));
    hits.sort((a, b) => (a.cursor < b.cursor ? 1 : a.cursor > b.cursor ? -1 : 0));
    return { rows: hits.slice(0, query.limit).map((h) => ({ ...h, message: clone(h.message) })) };
  }
}
