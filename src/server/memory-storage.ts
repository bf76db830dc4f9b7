// Owns the in-memory implementation of Storage (embedded server, tests).
// Transactions are made atomic with an undo log: every write inside a
// transaction records how to revert itself, and a throw replays the log
// backwards. Records handed in are kept as they are (the storage owns them
// from then on); records handed out are copies (see storage.ts rules).
import type { GroupInfo, RoomInfo } from '../protocol/entities';
import type { Invitation } from '../protocol/invitation';
import { isInvitationOpen } from '../protocol/invitation';
import type { ChatEvent } from '../protocol/frames';
import type { PinnedMessage } from '../protocol/features';
import type { Message, UserId } from '../protocol/message';
import type {
  ConversationKey,
  ConversationPageQuery,
  ConversationStateRecord,
  EventRecord,
  FileRecord,
  MessageQuery,
  EventAppend,
  MessageRecord,
  ReceiptKind,
  SyncStorage,
  UnreadQuery,
} from './storage';
import { MemoryEventLog } from './memory-event-log';
import { MemoryPeopleStorage } from './memory-people-storage';
import { MemoryThreadReads } from './memory-thread-reads';
import type { ThreadReadRecord } from './thread-read-storage';
import type { MessageSearchQuery, MessageSearchResult, ProfileRecord, ProfileSearchQuery } from './people-storage';
import { pageOf } from './conversation-order';

// Records are JSON-able by contract; a JSON round trip is much cheaper than structuredClone in Node.
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Storage in plain Maps; see the module header for how transactions roll back. */
export class MemoryStorage implements SyncStorage {
  private undo: (() => void)[] | null = null;
  private readonly messages = new Map<string, MessageRecord>();
  private readonly byLocalId = new Map<string, string>();
  /** Per conversation: messages ordered by seq ascending. */
  private readonly byConversation = new Map<ConversationKey, Message[]>();
  private readonly seqs = new Map<ConversationKey, number>();
  private readonly states = new Map<UserId, Map<ConversationKey, ConversationStateRecord>>();
  private readonly receipts = new Map<string, UserId[]>();
  private readonly groups = new Map<string, GroupInfo>();
  private readonly rooms = new Map<string, RoomInfo>();
  private readonly blocklists = new Map<UserId, UserId[]>();
  private readonly pins = new Map<ConversationKey, PinnedMessage[]>();
  private readonly invitations = new Map<string, Invitation>();
  private readonly events = new MemoryEventLog((step) => this.record(step));
  private readonly files = new Map<string, FileRecord>();
  private readonly people = new MemoryPeopleStorage(
    (step) => this.record(step),
    (key) => this.byConversation.get(key) ?? [],
  );
  private readonly threadReads = new MemoryThreadReads((step) => this.record(step));

  transaction<T>(fn: () => T): T {
    if (this.undo) return fn();
    const log: (() => void)[] = [];
    this.undo = log;
    try {
      const result = fn();
      this.undo = null;
      return result;
    } catch (e) {
      this.undo = null;
      for (let i = log.length - 1; i >= 0; i--) log[i]!();
      throw e;
    }
  }

  begin(): void {
    if (this.undo) throw new Error('a transaction is already open');
    this.undo = [];
  }

  commit(): void {
    this.undo = null;
  }

  rollback(): void {
    const log = this.undo ?? [];
    this.undo = null;
    for (let i = log.length - 1; i >= 0; i--) log[i]!();
  }

  private record(step: () => void): void {
    this.undo?.push(step);
  }

  /** Sets `map[key] = value`, remembering the previous value for rollback. */
  private setIn<K, V>(map: Map<K, V>, key: K, value: V | undefined): void {
    const had = map.has(key);
    const prev = map.get(key);
    if (value === undefined) map.delete(key);
    else map.set(key, value);
    this.record(() => {
      if (had) map.set(key, prev as V);
      else map.delete(key);
    });
  }

  // ---- messages --------------------------------------------------------------

  insertMessage(record: MessageRecord): void {
    const { message } = record;
    const localKey = `${message.from}\u0000${message.localId}`;
    if (this.messages.has(message.serverId)) throw new Error(`duplicate serverId ${message.serverId}`);
    if (this.byLocalId.has(localKey)) throw new Error(`duplicate localId ${message.localId} from ${message.from}`);
    // Handed-in records are owned by the storage (storage.ts rules): kept without a copy.
    const stored: MessageRecord = { key: record.key, message: record.message };
    this.setIn(this.messages, message.serverId, stored);
    this.setIn(this.byLocalId, localKey, message.serverId);
    let list = this.byConversation.get(record.key);
    if (!list) {
      list = [];
      this.setIn(this.byConversation, record.key, list);
    }
    const list2 = list;
    // Seqs are handed out in order, so this is nearly always an append.
    let i = list2.length;
    while (i > 0 && list2[i - 1]!.seq > message.seq) i--;
    list2.splice(i, 0, stored.message);
    this.record(() => {
      const j = list2.indexOf(stored.message);
      if (j >= 0) list2.splice(j, 1);
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
    this.record(() => this.replaceMessageObject(existing, next, prev));
  }

  private replaceMessageObject(record: MessageRecord, from: Message, to: Message): void {
    record.message = to;
    const list = this.byConversation.get(record.key);
    if (!list) return;
    const i = list.indexOf(from);
    if (i >= 0) list[i] = to;
  }

  getMessage(serverId: string): MessageRecord | null {
    const r = this.messages.get(serverId);
    return r ? clone(r) : null;
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
    this.setIn(this.seqs, key, next);
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
      this.setIn(this.states, state.user, perUser);
    }
    this.setIn(perUser, state.key, { ...state });
  }

  listConversationStates(user: UserId): ConversationStateRecord[] {
    const perUser = this.states.get(user);
    if (!perUser) return [];
    return [...perUser.values()].sort((a, b) => b.updatedAt - a.updatedAt).map((s) => ({ ...s }));
  }

  listConversationPage(user: UserId, query: ConversationPageQuery): ConversationStateRecord[] {
    return pageOf(this.states.get(user)?.values() ?? [], query).map((s) => ({ ...s }));
  }

  unreadTotal(user: UserId): number {
    let total = 0;
    for (const s of this.states.get(user)?.values() ?? []) if (!s.hidden) total += s.unread;
    return total;
  }

  // ---- receipts --------------------------------------------------------------

  addReceipt(serverId: string, user: UserId, kind: ReceiptKind, _at: number): boolean {
    const k = `${kind}\u0000${serverId}`;
    const list = this.receipts.get(k) ?? [];
    if (list.includes(user)) return false;
    this.setIn(this.receipts, k, [...list, user]);
    return true;
  }

  listReceipts(serverId: string, kind: ReceiptKind): UserId[] {
    return [...(this.receipts.get(`${kind}\u0000${serverId}`) ?? [])];
  }

  // ---- groups and rooms ------------------------------------------------------

  getGroup(groupId: string): GroupInfo | null {
    const g = this.groups.get(groupId);
    return g ? clone(g) : null;
  }

  putGroup(group: GroupInfo): void {
    this.setIn(this.groups, group.groupId, group);
  }

  deleteGroup(groupId: string): void {
    this.setIn(this.groups, groupId, undefined);
  }

  listGroupsOf(user: UserId): GroupInfo[] {
    return [...this.groups.values()]
      .filter((g) => g.members.includes(user))
      .sort((a, b) => a.createdAt - b.createdAt || a.groupId.localeCompare(b.groupId))
      .map(clone);
  }

  getRoom(roomId: string): RoomInfo | null {
    const r = this.rooms.get(roomId);
    return r ? clone(r) : null;
  }

  putRoom(room: RoomInfo): void {
    this.setIn(this.rooms, room.roomId, room);
  }

  deleteRoom(roomId: string): void {
    this.setIn(this.rooms, roomId, undefined);
  }

  listRooms(): RoomInfo[] {
    return [...this.rooms.values()]
      .sort((a, b) => a.createdAt - b.createdAt || a.roomId.localeCompare(b.roomId))
      .map(clone);
  }

  // ---- blocklists ------------------------------------------------------------

  getBlocklist(user: UserId): UserId[] {
    return [...(this.blocklists.get(user) ?? [])];
  }

  setBlocklist(user: UserId, blocked: UserId[]): void {
    this.setIn(this.blocklists, user, [...blocked]);
  }

  getPins(key: ConversationKey): PinnedMessage[] {
    return clone(this.pins.get(key) ?? []);
  }

  setPins(key: ConversationKey, pins: PinnedMessage[]): void {
    this.setIn(this.pins, key, pins.length > 0 ? pins : undefined);
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

  // ---- invitations -----------------------------------------------------------

  getInvitation(inviteId: string): Invitation | null {
    const inv = this.invitations.get(inviteId);
    return inv ? clone(inv) : null;
  }

  putInvitation(invitation: Invitation): void {
    this.setIn(this.invitations, invitation.inviteId, invitation);
  }

  replaceInvitation(next: Invitation, expected: Invitation): boolean {
    const stored = this.invitations.get(next.inviteId);
    if (!stored || JSON.stringify(stored) !== JSON.stringify(expected)) return false;
    this.putInvitation(next);
    return true;
  }

  /** One process: nobody else works on invitations, so a claim is the list of due ones. */
  claimDueInvitations(time: number, limit: number): Invitation[] {
    return this.listDueInvitations(time, limit);
  }

  listDueInvitations(time: number, limit: number): Invitation[] {
    return [...this.invitations.values()]
      .filter((i) => i.deadline !== null && i.deadline <= time && isInvitationOpen(i))
      .sort((a, b) => (a.deadline ?? 0) - (b.deadline ?? 0))
      .slice(0, limit)
      .map(clone);
  }

  listOpenInvitations(user: UserId): Invitation[] {
    return [...this.invitations.values()]
      .filter((i) => isInvitationOpen(i) && (i.inviter === user || i.invitees.includes(user)))
      .sort((a, b) => a.createdAt - b.createdAt)
      .map(clone);
  }

  nextInvitationDeadline(): number | null {
    let next: number | null = null;
    for (const i of this.invitations.values()) {
      if (i.deadline !== null && isInvitationOpen(i) && (next === null || i.deadline < next)) next = i.deadline;
    }
    return next;
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

  pruneEventsBefore(time: number): void {
    this.events.pruneBefore(time);
  }

  // ---- files -----------------------------------------------------------------

  putFile(record: FileRecord): void {
    this.setIn(this.files, record.fileId, record);
  }

  getFile(fileId: string): FileRecord | null {
    const f = this.files.get(fileId);
    return f ? clone(f) : null;
  }

  deleteFile(fileId: string): void {
    this.setIn(this.files, fileId, undefined);
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
  searchMessages(query: MessageSearchQuery): MessageSearchResult {
    return this.people.searchMessages(query);
  }
}

export { MemoryFileStore } from './memory-file-store';
