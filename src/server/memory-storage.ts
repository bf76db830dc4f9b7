// Owns the in-memory implementation of Storage (embedded server, tests):
// messages, seq counters, conversation states and receipts here; records
// kept by id (groups, rooms, blocklists, pins, invitations, files) in
// memory-records.ts and the undo log that makes transactions atomic in
// memory-transactions.ts, both parts whose operations the storage forwards
// (forward-to-part.ts); the event log, people and thread read positions
// in their own modules. Records handed in are kept as they are (the storage
// owns them from then on); records handed out are copies (storage.ts rules).
import type { ChatEvent } from '../protocol/frames';
import type { Message, UserId } from '../protocol/message';
import type {
  ClearedHistory,
  ConversationKey,
  ConversationPageQuery,
  ConversationStateRecord,
  EventRecord,
  MessageQuery,
  EventAppend,
  MessageRecord,
  ReceiptKind,
  SyncStorage,
  UnreadQuery,
} from './storage';
import { MemoryEventLog } from './memory-event-log';
import { MemoryPeopleStorage } from './memory-people-storage';
import { MemoryPushStorage } from './memory-push-storage';
import { MemoryThreadReads } from './memory-thread-reads';
import type { PushSubscriptionRecord } from './push-storage';
import type { ThreadReadRecord } from './thread-read-storage';
import type { MessageSearchQuery, MessageSearchResult, ProfileRecord, ProfileSearchQuery } from './people-storage';
import { ConversationListIndex } from './conversation-list-index';
import { clone, MemoryRecords, RECORD_OPS, type RecordOps } from './memory-records';
import { MemoryTransactions, TRANSACTION_OPS, type TransactionOps } from './memory-transactions';
import { forwardToPart } from './forward-to-part';

/** The operations MemoryStorage forwards to its records and its undo log (see the class). */
// Merged on purpose: forwardToPart defines these on the prototype, from the same lists.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface MemoryStorage extends RecordOps, TransactionOps {}

/** Storage in plain Maps; see the module header for how transactions roll back. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the interface above
export class MemoryStorage implements SyncStorage {
  private readonly log = new MemoryTransactions();
  private readonly records = new MemoryRecords(this.log);
  static {
    forwardToPart(MemoryStorage, (s) => s.log, TRANSACTION_OPS);
    forwardToPart(MemoryStorage, (s) => s.records, RECORD_OPS);
  }
  private readonly messages = new Map<string, MessageRecord>();
  private readonly byLocalId = new Map<string, string>();
  /** Per conversation: messages ordered by seq ascending. */
  private readonly byConversation = new Map<ConversationKey, Message[]>();
  private readonly seqs = new Map<ConversationKey, number>();
  private readonly states = new Map<UserId, Map<ConversationKey, ConversationStateRecord>>();
  /** Per user: the list order and unread total of their states (pages and totals without a scan). */
  private readonly lists = new Map<UserId, ConversationListIndex>();
  private readonly receipts = new Map<string, UserId[]>();
  private readonly events = new MemoryEventLog((step) => this.log.record(step));
  private readonly people = new MemoryPeopleStorage(
    (step) => this.log.record(step),
    (key) => this.byConversation.get(key) ?? [],
  );
  private readonly threadReads = new MemoryThreadReads((step) => this.log.record(step));
  private readonly push = new MemoryPushStorage((step) => this.log.record(step));

  // ---- messages --------------------------------------------------------------

  insertMessage(record: MessageRecord): void {
    const { message } = record;
    const localKey = `${message.from}\u0000${message.localId}`;
    if (this.messages.has(message.serverId)) throw new Error(`duplicate serverId ${message.serverId}`);
    if (this.byLocalId.has(localKey)) throw new Error(`duplicate localId ${message.localId} from ${message.from}`);
    // Handed-in records are owned by the storage (storage.ts rules): kept without a copy.
    const stored: MessageRecord = { key: record.key, message: record.message };
    this.log.setIn(this.messages, message.serverId, stored);
    this.log.setIn(this.byLocalId, localKey, message.serverId);
    let list = this.byConversation.get(record.key);
    if (!list) {
      list = [];
      this.log.setIn(this.byConversation, record.key, list);
    }
    const list2 = list;
    // Seqs are handed out in order, so this is nearly always an append.
    let i = list2.length;
    while (i > 0 && list2[i - 1]!.seq > message.seq) i--;
    list2.splice(i, 0, stored.message);
    this.people.index.added(record.key, stored.message);
    this.log.record(() => {
      const j = list2.indexOf(stored.message);
      if (j >= 0) list2.splice(j, 1);
      this.people.index.removed(record.key, stored.message);
    });
  }

  updateMessage(message: Message): void {
    const existing = this.messages.get(message.serverId);
    if (!existing) throw new Error(`unknown message ${message.serverId}`);
    const prev = existing.message;
    const next = { ...message };
    next.seq = prev.seq;
    next.localId = prev.localId;
    next.from = prev.from;
    this.replaceMessageObject(existing, prev, next);
    this.log.record(() => this.replaceMessageObject(existing, next, prev));
  }

  private replaceMessageObject(record: MessageRecord, from: Message, to: Message): void {
    record.message = to;
    const list = this.byConversation.get(record.key);
    if (!list) return;
    const i = list.indexOf(from);
    if (i >= 0) list[i] = to;
    this.people.index.replaced(record.key, from, to);
  }

  getMessage(serverId: string): MessageRecord | null {
    const r = this.messages.get(serverId);
    return r ? clone(r) : null;
  }

  getMessages(serverIds: readonly string[]): Array<MessageRecord | null> {
    return serverIds.map((id) => this.getMessage(id));
  }

  getMessageByLocalId(from: UserId, localId: string): MessageRecord | null {
    const id = this.byLocalId.get(`${from}\u0000${localId}`);
    return id === undefined ? null : this.getMessage(id);
  }

  listMessages(key: ConversationKey, query: MessageQuery): Message[] {
    const list = this.byConversation.get(key) ?? [];
    const out: Message[] = [];
    for (let i = list.length - 1; i >= 0 && out.length < query.limit; i--) {
      const m = list[i]!;
      if (query.before !== undefined && m.seq >= query.before) continue;
      if (query.after !== undefined && m.seq <= query.after) break;
      out.push(clone(m));
    }
    return out;
  }

  countUnread(key: ConversationKey, query: UnreadQuery): number {
    const list = this.byConversation.get(key) ?? [];
    let n = 0;
    for (let i = list.length - 1; i >= 0; i--) {
      const m = list[i]!;
      if (m.seq <= query.afterSeq) break;
      if (m.from !== query.notFrom && !m.excluded) n++;
    }
    return n;
  }

  // ---- seq -------------------------------------------------------------------

  nextSeq(key: ConversationKey): number {
    const next = (this.seqs.get(key) ?? 0) + 1;
    this.log.setIn(this.seqs, key, next);
    return next;
  }

  lastSeq(key: ConversationKey): number {
    return this.seqs.get(key) ?? 0;
  }

  // ---- conversation state ----------------------------------------------------

  getConversationState(user: UserId, key: ConversationKey): ConversationStateRecord | null {
    const s = this.states.get(user)?.get(key);
    // States are flat records: a shallow copy is a full copy.
    return s ? { ...s } : null;
  }

  putConversationState(state: ConversationStateRecord): void {
    let perUser = this.states.get(state.user);
    if (!perUser) {
      perUser = new Map();
      this.log.setIn(this.states, state.user, perUser);
    }
    let list = this.lists.get(state.user);
    if (!list) this.lists.set(state.user, (list = new ConversationListIndex()));
    const stored = { ...state };
    const old = perUser.get(state.key);
    this.log.setIn(perUser, state.key, stored);
    this.log.record(list.replace(old, stored));
  }

  listConversationStates(user: UserId): ConversationStateRecord[] {
    const perUser = this.states.get(user);
    if (!perUser) return [];
    return [...perUser.values()].sort((a, b) => b.updatedAt - a.updatedAt).map((s) => ({ ...s }));
  }

  listConversationKeys(user: UserId): ConversationKey[] {
    return [...(this.states.get(user)?.keys() ?? [])];
  }

  listClearedHistories(user: UserId): ClearedHistory[] {
    const states = [...(this.states.get(user)?.values() ?? [])];
    return states.filter((s) => s.clearedSeq > 0).map(({ key, clearedSeq }) => ({ key, clearedSeq }));
  }

  listConversationPage(user: UserId, query: ConversationPageQuery): ConversationStateRecord[] {
    return (this.lists.get(user)?.page(query) ?? []).map((s) => ({ ...s }));
  }

  unreadTotal(user: UserId): number {
    return this.lists.get(user)?.unreadTotal() ?? 0;
  }

  // ---- receipts --------------------------------------------------------------

  addReceipt(serverId: string, user: UserId, kind: ReceiptKind, _at: number): boolean {
    const k = `${kind}\u0000${serverId}`;
    const list = this.receipts.get(k) ?? [];
    if (list.includes(user)) return false;
    this.log.setIn(this.receipts, k, [...list, user]);
    return true;
  }

  listReceipts(serverId: string, kind: ReceiptKind): UserId[] {
    return [...(this.receipts.get(`${kind}\u0000${serverId}`) ?? [])];
  }

  // ---- thread read positions (memory-thread-reads.ts) --------------------------

  getThreadRead(user: UserId, root: string): number | null {
    return this.threadReads.getThreadRead(user, root);
  }

  raiseThreadRead(user: UserId, root: string, readSeq: number): void {
    this.threadReads.raiseThreadRead(user, root, readSeq);
  }

  listThreadReads(root: string): ThreadReadRecord[] {
    return this.threadReads.listThreadReads(root);
  }

  // ---- event log (memory-event-log.ts) ---------------------------------------

  appendEvent(user: UserId, event: ChatEvent, at: number): number {
    return this.events.append(user, event, at);
  }

  appendEvents(entries: readonly EventAppend[], at: number): number[] {
    return entries.map((e) => this.events.append(e.user, e.event, at));
  }

  readEvents(user: UserId, after: number, limit: number): EventRecord[] {
    return this.events.read(user, after, limit).map(clone);
  }

  lastEventPosition(user: UserId): number {
    return this.events.last(user);
  }

  firstEventPosition(user: UserId): number {
    return this.events.first(user);
  }

  pruneEvents(user: UserId, upTo: number): void {
    this.events.prune(user, upTo);
  }

  /** Every user at once: an in-memory log is a filter per user. */
  pruneEventsBefore(time: number): UserId | null {
    this.events.pruneBefore(time);
    return null;
  }

  // ---- people and search (memory-people-storage.ts) ---------------------------
  getProfiles(users: UserId[]): ProfileRecord[] {
    return this.people.getProfiles(users);
  }
  putProfile(record: ProfileRecord): void {
    this.people.putProfile(record);
  }
  searchProfiles(query: ProfileSearchQuery): ProfileRecord[] {
    return this.people.searchProfiles(query);
  }
  prepareSearch(query: MessageSearchQuery): Promise<void> | undefined {
    return this.people.prepareSearch(query);
  }
  searchMessages(query: MessageSearchQuery): MessageSearchResult {
    return this.people.searchMessages(query);
  }

  // ---- Web Push subscriptions (memory-push-storage.ts) -----------------------
  putPushSubscription(record: PushSubscriptionRecord): void {
    this.push.putPushSubscription(record);
  }
  listPushSubscriptions(user: UserId): PushSubscriptionRecord[] {
    return this.push.listPushSubscriptions(user);
  }
  deletePushSubscription(user: UserId, device: string): void {
    this.push.deletePushSubscription(user, device);
  }
  deletePushEndpoint(endpoint: string): void {
    this.push.deletePushEndpoint(endpoint);
  }
}
