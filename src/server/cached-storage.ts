// Owns the core's read cache in front of any Storage: groups, rooms,
// blocklists and per-user conversation states are read on every send (and
// once per recipient for states), so the core keeps them in memory,
// write-through — but only when the storage has one writer (`shared` false:
// MemoryStorage, SQLite held by one server), which keeps the cache exact.
// A shared storage (PostgreSQL, several nodes) is never cached: every read
// goes to the database, inside the transaction that then writes (read for
// update), because no invalidation message between nodes could arrive
// before another node's commit is read. A transaction that rejects may have
// written records that are rolled back underneath, so the whole cache is
// dropped then. Conversation states are bounded (conversation-state-cache.ts)
// and written once per transaction, at its end (write-behind).
// Outside a transaction, reads wait while one is open (the cache holds its
// writes before they commit). Handed-out records are copies (storage.ts);
// `group`/`room`/`blocklist` views are the cached records themselves, for
// read-only hot paths.
import type { ChatEvent } from '../protocol/frames';
import type { GroupInfo, RoomInfo } from '../protocol/entities';
import type { PinnedMessage } from '../protocol/features';
import type { Invitation } from '../protocol/invitation';
import type { Message, UserId } from '../protocol/message';
import type {
  ConversationKey,
  ConversationPageQuery,
  ConversationStateRecord,
  EventAppend,
  EventRecord,
  FileRecord,
  MessageQuery,
  MessageRecord,
  ReceiptKind,
  Storage,
  UnreadQuery,
} from './storage';
import { ConversationStateCache } from './conversation-state-cache';
import type { MessageSearchQuery, MessageSearchResult, ProfileRecord, ProfileSearchQuery } from './people-storage';
import type { ThreadReadRecord } from './thread-read-storage';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A group with its members as a Set, for O(1) membership checks. */
export interface GroupView {
  readonly group: Readonly<GroupInfo>;
  readonly members: ReadonlySet<UserId>;
}

/** The caches of one core (absent for a shared storage). */
class Caches {
  readonly groups = new Map<string, GroupView | null>();
  readonly rooms = new Map<string, RoomInfo | null>();
  readonly blocklists = new Map<UserId, readonly UserId[]>();
  /** States read or put, and those put inside the open transaction (written just before it commits). */
  readonly states: ConversationStateCache;
  /** Settles when the open transaction ends. */
  active: Promise<unknown> | null = null;

  constructor(maxStates: number) {
    this.states = new ConversationStateCache(maxStates);
  }

  clear(): void {
    this.groups.clear();
    this.rooms.clear();
    this.blocklists.clear();
    this.states.clear();
  }
}

export class CachedStorage implements Storage {
  readonly shared: boolean;
  private readonly caches: Caches | null;

  constructor(inner: Storage, maxStates?: number);
  constructor(inner: Storage, maxStates: number, caches: Caches | null, inTx: boolean);
  constructor(
    readonly inner: Storage,
    maxStates = 100_000,
    caches?: Caches | null,
    private readonly inTx = false,
  ) {
    this.shared = inner.shared;
    this.caches = caches !== undefined ? caches : inner.shared ? null : new Caches(maxStates);
  }

  /** Runs `fn` with a view of this cache bound to the transaction (see storage.ts). */
  async transaction<T>(fn: (tx: CachedStorage) => Promise<T>): Promise<T> {
    if (this.inTx) return fn(this);
    const caches = this.caches;
    const run = this.inner.transaction(async (innerTx) => {
      const view = new CachedStorage(innerTx, 0, caches, true);
      const result = await fn(view);
      await view.writeDirty();
      return result;
    });
    if (caches) caches.active = run;
    try {
      return await run;
    } catch (e) {
      // Whatever was written inside is rolled back underneath: forget it all (failures are rare).
      caches?.clear();
      throw e;
    } finally {
      if (caches && caches.active === run) caches.active = null;
    }
  }

  /** Drops every cached record (and states not yet written). */
  clear(): void {
    this.caches?.clear();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }
  close(): Promise<void> {
    return this.inner.close();
  }

  /** Outside a transaction, waits for the open one (its writes are in the cache before they commit). */
  private async settled(): Promise<Caches | null> {
    const caches = this.caches;
    if (!this.inTx) while (caches?.active) await caches.active.catch(() => undefined);
    return caches;
  }

  // ---- read-only views (hot paths; never mutate what they return) -----------
  async group(groupId: string): Promise<GroupView | null> {
    const caches = await this.settled();
    let view = caches?.groups.get(groupId);
    if (view === undefined) {
      const group = await this.inner.getGroup(groupId);
      view = group ? { group, members: new Set(group.members) } : null;
      caches?.groups.set(groupId, view);
    }
    return view;
  }
  async room(roomId: string): Promise<Readonly<RoomInfo> | null> {
    const caches = await this.settled();
    let room = caches?.rooms.get(roomId);
    if (room === undefined) {
      room = await this.inner.getRoom(roomId);
      caches?.rooms.set(roomId, room);
    }
    return room;
  }
  async blocklist(user: UserId): Promise<readonly UserId[]> {
    const caches = await this.settled();
    let list = caches?.blocklists.get(user);
    if (list === undefined) {
      list = await this.inner.getBlocklist(user);
      caches?.blocklists.set(user, list);
    }
    return list;
  }

  // ---- messages, seq (not cached) ----------------------------------------------
  insertMessage(record: MessageRecord, json?: string): Promise<void> {
    return this.inner.insertMessage(record, json);
  }
  updateMessage(message: Message): Promise<void> {
    return this.inner.updateMessage(message);
  }
  getMessage(serverId: string): Promise<MessageRecord | null> {
    return this.inner.getMessage(serverId);
  }
  getMessageByLocalId(from: UserId, localId: string): Promise<MessageRecord | null> {
    return this.inner.getMessageByLocalId(from, localId);
  }
  listMessages(key: ConversationKey, query: MessageQuery): Promise<Message[]> {
    return this.inner.listMessages(key, query);
  }
  countUnread(key: ConversationKey, query: UnreadQuery): Promise<number> {
    return this.inner.countUnread(key, query);
  }
  nextSeq(key: ConversationKey): Promise<number> {
    return this.inner.nextSeq(key);
  }
  lastSeq(key: ConversationKey): Promise<number> {
    return this.inner.lastSeq(key);
  }

  // ---- conversation states (cached, bounded) -----------------------------------
  async getConversationState(user: UserId, key: ConversationKey): Promise<ConversationStateRecord | null> {
    const caches = await this.settled();
    if (!caches) return this.inner.getConversationState(user, key);
    let state = caches.states.get(user, key);
    if (state === undefined) {
      state = await this.inner.getConversationState(user, key);
      caches.states.set(user, key, state);
    }
    return state ? { ...state } : null;
  }
  async putConversationState(state: ConversationStateRecord): Promise<void> {
    const caches = this.caches;
    if (!caches) return this.inner.putConversationState(state);
    const copy = { ...state };
    caches.states.set(copy.user, copy.key, copy);
    // Inside a transaction the write waits for its end: a group commit of several messages to the
    // same members writes each member's state once.
    if (this.inTx) caches.states.markDirty(copy);
    else return this.inner.putConversationState(copy);
  }
  async listConversationStates(user: UserId): Promise<ConversationStateRecord[]> {
    await this.settled();
    await this.writeDirty();
    return this.inner.listConversationStates(user);
  }
  async listConversationPage(user: UserId, query: ConversationPageQuery): Promise<ConversationStateRecord[]> {
    await this.settled();
    await this.writeDirty();
    return this.inner.listConversationPage(user, query);
  }
  async unreadTotal(user: UserId): Promise<number> {
    await this.settled();
    await this.writeDirty();
    return this.inner.unreadTotal(user);
  }
  private async writeDirty(): Promise<void> {
    const states = this.caches?.states;
    if (!this.inTx || !states?.hasDirty()) return;
    for (const state of states.takeDirty()) await this.inner.putConversationState({ ...state });
  }

  // ---- receipts ----------------------------------------------------------------
  addReceipt(serverId: string, user: UserId, kind: ReceiptKind, at: number): Promise<boolean> {
    return this.inner.addReceipt(serverId, user, kind, at);
  }
  listReceipts(serverId: string, kind: ReceiptKind): Promise<UserId[]> {
    return this.inner.listReceipts(serverId, kind);
  }

  // ---- groups, rooms, blocklists (cached) --------------------------------------
  async getGroup(groupId: string): Promise<GroupInfo | null> {
    const view = await this.group(groupId);
    return view ? clone(view.group) : null;
  }
  putGroup(group: GroupInfo): Promise<void> {
    this.caches?.groups.delete(group.groupId);
    return this.inner.putGroup(group);
  }
  deleteGroup(groupId: string): Promise<void> {
    this.caches?.groups.delete(groupId);
    return this.inner.deleteGroup(groupId);
  }
  listGroupsOf(user: UserId): Promise<GroupInfo[]> {
    return this.inner.listGroupsOf(user);
  }
  async getRoom(roomId: string): Promise<RoomInfo | null> {
    const room = await this.room(roomId);
    return room ? clone(room) : null;
  }
  putRoom(room: RoomInfo): Promise<void> {
    this.caches?.rooms.delete(room.roomId);
    return this.inner.putRoom(room);
  }
  deleteRoom(roomId: string): Promise<void> {
    this.caches?.rooms.delete(roomId);
    return this.inner.deleteRoom(roomId);
  }
  listRooms(): Promise<RoomInfo[]> {
    return this.inner.listRooms();
  }
  async getBlocklist(user: UserId): Promise<UserId[]> {
    return [...(await this.blocklist(user))];
  }
  setBlocklist(user: UserId, blocked: UserId[]): Promise<void> {
    this.caches?.blocklists.delete(user);
    return this.inner.setBlocklist(user, blocked);
  }

  // ---- pins, invitations, event log, files (not cached) ------------------------
  getPins(key: ConversationKey): Promise<PinnedMessage[]> {
    return this.inner.getPins(key);
  }
  setPins(key: ConversationKey, pins: PinnedMessage[]): Promise<void> {
    return this.inner.setPins(key, pins);
  }
  getInvitation(inviteId: string): Promise<Invitation | null> {
    return this.inner.getInvitation(inviteId);
  }
  putInvitation(invitation: Invitation): Promise<void> {
    return this.inner.putInvitation(invitation);
  }
  replaceInvitation(next: Invitation, expected: Invitation): Promise<boolean> {
    return this.inner.replaceInvitation(next, expected);
  }
  claimDueInvitations(time: number, limit: number, owner: string, leaseUntil: number): Promise<Invitation[]> {
    return this.inner.claimDueInvitations(time, limit, owner, leaseUntil);
  }
  listDueInvitations(time: number, limit: number): Promise<Invitation[]> {
    return this.inner.listDueInvitations(time, limit);
  }
  listOpenInvitations(user: UserId): Promise<Invitation[]> {
    return this.inner.listOpenInvitations(user);
  }
  nextInvitationDeadline(): Promise<number | null> {
    return this.inner.nextInvitationDeadline();
  }
  appendEvent(user: UserId, event: ChatEvent, at: number, json?: string): Promise<number> {
    return this.inner.appendEvent(user, event, at, json);
  }
  appendEvents(entries: readonly EventAppend[], at: number): Promise<number[]> {
    return this.inner.appendEvents(entries, at);
  }
  readEvents(user: UserId, after: number, limit: number): Promise<EventRecord[]> {
    return this.inner.readEvents(user, after, limit);
  }
  lastEventPosition(user: UserId): Promise<number> {
    return this.inner.lastEventPosition(user);
  }
  firstEventPosition(user: UserId): Promise<number> {
    return this.inner.firstEventPosition(user);
  }
  pruneEvents(user: UserId, upTo: number): Promise<void> {
    return this.inner.pruneEvents(user, upTo);
  }
  pruneEventsBefore(time: number): Promise<void> {
    return this.inner.pruneEventsBefore(time);
  }
  putFile(record: FileRecord): Promise<void> {
    return this.inner.putFile(record);
  }
  getFile(fileId: string): Promise<FileRecord | null> {
    return this.inner.getFile(fileId);
  }
  deleteFile(fileId: string): Promise<void> {
    return this.inner.deleteFile(fileId);
  }
  // People and search are not cached: they are read on demand, not on every send.
  getProfiles(users: UserId[]): Promise<ProfileRecord[]> {
    return this.inner.getProfiles(users);
  }
  putProfile(record: ProfileRecord): Promise<void> {
    return this.inner.putProfile(record);
  }
  searchProfiles(query: ProfileSearchQuery): Promise<ProfileRecord[]> {
    return this.inner.searchProfiles(query);
  }
  searchMessages(query: MessageSearchQuery): Promise<MessageSearchResult> {
    return this.inner.searchMessages(query);
  }
  // Thread read positions are not cached either: read when a thread changes or is read.
  getThreadRead(user: UserId, root: string): Promise<number | null> {
    return this.inner.getThreadRead(user, root);
  }
  raiseThreadRead(user: UserId, root: string, readSeq: number): Promise<void> {
    return this.inner.raiseThreadRead(user, root, readSeq);
  }
  listThreadReads(root: string): Promise<ThreadReadRecord[]> {
    return this.inner.listThreadReads(root);
  }
}
