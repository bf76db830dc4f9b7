// Owns the core's in-memory copy of stored messages (behind CachedStorage):
// a conversation page reads the last message of each of its 50 conversations,
// which in a large database are 50 random reads of the messages table (with
// 1,000,000 messages, more of a page's server time than the list query). The
// messages stored or read lately are kept as their JSON (beside their
// conversation key), so every read hands out a fresh copy. Bounded: past `max`
// entries the one used longest ago goes (max 0 keeps nothing).
import { LruMap } from './lru-map';
import type { MessageRecord } from './storage';

export class MessageCache {
  private readonly entries = new LruMap<string, { key: MessageRecord['key']; json: string }>();

  constructor(private readonly max: number) {}

  /** A copy of the cached record, or undefined when not cached. */
  get(serverId: string): MessageRecord | undefined {
    const entry = this.entries.get(serverId);
    if (entry === undefined) return undefined;
    return { key: entry.key, message: JSON.parse(entry.json) as MessageRecord['message'] };
  }

  /** Keeps `record`; `messageJson` is `JSON.stringify(record.message)` when the caller has it already. */
  set(record: MessageRecord, messageJson = JSON.stringify(record.message)): void {
    if (this.max <= 0) return;
    this.entries.set(record.message.serverId, { key: record.key, json: messageJson });
    if (this.entries.size > this.max) this.entries.shift();
  }

  /** Replaces the message of a cached record (its key stays); nothing when it is not cached. */
  update(message: MessageRecord['message']): void {
    const entry = this.entries.get(message.serverId);
    if (entry) entry.json = JSON.stringify(message);
  }

  clear(): void {
    this.entries.clear();
  }
}
