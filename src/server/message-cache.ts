// Owns the core's in-memory copy of stored messages (behind CachedStorage):
// a conversation page reads the last message of each of its 50 conversations,
// which in a large database are 50 random reads of the messages table (with
// 1,000,000 messages, more of a page's server time than the list query). The
// messages stored or read lately are kept as their JSON (beside their
// conversation key), so every read hands out a fresh copy. Bounded: past `max`
// entries the one used longest ago goes (max 0 keeps nothing).
// The order of use is a linked list beside the Map, not the Map's own order:
// taking the Map's first key after deleting its oldest ones walks over every
// deleted slot V8 has not reclaimed yet, about 6 µs a stored message once the
// cache is full, where the list takes its head at once.
import type { MessageRecord } from './storage';

interface Entry {
  readonly id: string;
  key: MessageRecord['key'];
  json: string;
  /** The entry used just before this one (null: the oldest). */
  older: Entry | null;
  /** The entry used just after this one (null: the newest). */
  newer: Entry | null;
}

export class MessageCache {
  private readonly entries = new Map<string, Entry>();
  private oldest: Entry | null = null;
  private newest: Entry | null = null;

  constructor(private readonly max: number) {}

  /** A copy of the cached record, or undefined when not cached. */
  get(serverId: string): MessageRecord | undefined {
    const entry = this.entries.get(serverId);
    if (entry === undefined) return undefined;
    this.touch(entry);
    return { key: entry.key, message: JSON.parse(entry.json) as MessageRecord['message'] };
  }

  /** Keeps `record`; `messageJson` is `JSON.stringify(record.message)` when the caller has it already. */
  set(record: MessageRecord, messageJson = JSON.stringify(record.message)): void {
    if (this.max <= 0) return;
    const id = record.message.serverId;
    const entry = this.entries.get(id);
    if (entry) {
      entry.key = record.key;
      entry.json = messageJson;
      this.touch(entry);
      return;
    }
    const added: Entry = { id, key: record.key, json: messageJson, older: this.newest, newer: null };
    this.entries.set(id, added);
    this.append(added);
    if (this.entries.size > this.max && this.oldest) {
      const gone = this.oldest;
      this.unlink(gone);
      this.entries.delete(gone.id);
    }
  }

  /** Replaces the message of a cached record (its key stays); nothing when it is not cached. */
  update(message: MessageRecord['message']): void {
    const entry = this.entries.get(message.serverId);
    if (entry) this.set({ key: entry.key, message });
  }

  clear(): void {
    this.entries.clear();
    this.oldest = this.newest = null;
  }

  /** Used now: last to go. */
  private touch(entry: Entry): void {
    if (entry === this.newest) return;
    this.unlink(entry);
    this.append(entry);
  }

  private append(entry: Entry): void {
    entry.older = this.newest;
    entry.newer = null;
    if (this.newest) this.newest.newer = entry;
    else this.oldest = entry;
    this.newest = entry;
  }

  private unlink(entry: Entry): void {
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
    entry.older = entry.newer = null;
  }
}
