// Owns the core's read cache in front of any Storage: groups, rooms,
// blocklists and per-user conversation states are read on every send (and
// once per recipient for states), so the core keeps them in memory,
// write-through. The core is the only writer of its storage (one core per
// database), so the cache stays exact; a transaction that throws may have
// written records that are rolled back underneath, so the whole cache is
// dropped then. Conversation states are bounded (conversation-state-cache.ts)
// and written once per transaction, at its end (write-behind).
// Handed-out records are copies (storage.ts rules); `peek*` hand out the
// cached record itself, for read-only hot paths.
import type { ChatEvent } from '../protocol/frames';
import type { GroupInfo, RoomInfo } from '../protocol/entities';
import type { Invitation } from '../protocol/invitation';
import type { Message, UserId } from '../protocol/message';
import type {
  ConversationKey,
  ConversationStateRecord,
  EventRecord,
  FileRecord,
  MessageQuery,
  MessageRecord,
  ReceiptKind,
  Storage,
  UnreadQuery,
} from './storage';
import { ConversationStateCache } from './conversation-state-cache';
import type { Awaitable, MessageSearchQuery, MessageSearchResult, ProfileRecord, ProfileSearchQuery } from './people-storage';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A cached group with its members as a Set, for O(1) membership checks. */
export interface GroupView {
  readonly group: Readonly<GroupInfo>;
  readonly members: ReadonlySet<UserId>;
}

export class CachedStorage implements Storage {
  private depth = 0;
  private readonly groups = new Map<string, GroupView | null>();
  private readonly rooms = new Map<string, RoomInfo | null>();
  private readonly blocklists = new Map<UserId, readonly UserId[]>();
  /** States read or put, and those put inside the current transaction (written just before it commits). */
  private readonly states: ConversationStateCache;

  constructor(
    readonly inner: Storage,
    maxStates = 100_000,
  ) {
    this.states = new ConversationStateCache(maxStates);
  }

  transaction<T>(fn: () => T): T {
    if (this.depth > 0) return fn();
    this.depth++;
    try {
      return this.inner.transaction(() => {
        const result = fn();
        this.writeDirty();
        return result;
      });
    } catch (e) {
      // Whatever was written inside is rolled back underneath: forget it all (failures are rare).
      this.clear();
      throw e;
    } finally {
      this.depth--;
    }
  }

  /** Drops every cached record (and states not yet written). */
  clear(): void {
    this.groups.clear();
    this.rooms.clear();
    this.blocklists.clear();
    this.states.clear();
  }

  // ---- read-only views (hot paths; never mutate what they return) -----------
  peekGroup(groupId: string): GroupView | null {
    let view = this.groups.get(groupId);
    if (view === undefined) {
      const group = this.inner.getGroup(groupId);
      view = group ? { group, members: new Set(group.members) } : null;
      this.groups.set(groupId, view);
    }
    return view;
  }
  peekRoom(roomId: string): Readonly<RoomInfo> | null {
    let room = this.rooms.get(roomId);
    if (room === undefined) {
      room = this.inner.getRoom(roomId);
      this.rooms.set(roomId, room);
    }
    return room;
  }
  peekBlocklist(user: UserId): readonly UserId[] {
    let list = this.blocklists.get(user);
    if (list === undefined) {
      list = this.inner.getBlocklist(user);
      this.blocklists.set(user, list);
    }
    return list;
  }

  // ---- messages (not cached) ---------------------------------------------------
  insertMessage(record: MessageRecord, json?: string): void {
    this.inner.insertMessage(record, json);
  }
  updateMessage(message: Message): void {
    this.inner.updateMessage(message);
  }
  getMessage(serverId: string): MessageRecord | null {
    return this.inner.getMessage(serverId);
  }
  getMessageByLocalId(from: UserId, localId: string): MessageRecord | null {
    return this.inner.getMessageByLocalId(from, localId);
  }
  listMessages(key: ConversationKey, query: MessageQuery): Message[] {
    return this.inner.listMessages(key, query);
  }
  countUnread(key: ConversationKey, query: UnreadQuery): number {
    return this.inner.countUnread(key, query);
  }
  nextSeq(key: ConversationKey): number {
    return this.inner.nextSeq(key);
  }
  lastSeq(key: ConversationKey): number {
    return this.inner.lastSeq(key);
  }

  // ---- conversation states (cached, bounded) -----------------------------------
  getConversationState(user: UserId, key: ConversationKey): ConversationStateRecord | null {
    let state = this.states.get(user, key);
    if (state === undefined) {
      state = this.inner.getConversationState(user, key);
      this.states.set(user, key, state);
    }
    return state ? { ...state } : null;
  }
  putConversationState(state: ConversationStateRecord): void {
    const copy = { ...state };
    this.states.set(copy.user, copy.key, copy);
    // Inside a transaction the write waits for its end: a group commit of several messages to the
    // same members writes each member's state once.
    if (this.depth > 0) this.states.markDirty(copy);
    else this.inner.putConversationState(copy);
  }
  listConversationStates(user: UserId): ConversationStateRecord[] {
    this.writeDirty();
    return this.inner.listConversationStates(user);
  }
  private writeDirty(): void {
    if (!this.states.hasDirty()) return;
    for (const state of this.states.takeDirty()) this.inner.putConversationState({ ...state });
  }

  // ---- receipts ----------------------------------------------------------------
  addReceipt(serverId: string, user: UserId, kind: ReceiptKind, at: number): boolean {
    return this.inner.addReceipt(serverId, user, kind, at);
  }
  listReceipts(serverId: string, kind: ReceiptKind): UserId[] {
    return this.inner.listReceipts(serverId, kind);
  }

  // ---- groups, rooms, blocklists (cached) --------------------------------------
  getGroup(groupId: string): GroupInfo | null {
    const view = this.peekGroup(groupId);
    return view ? clone(view.group) : null;
  }
  putGroup(group: GroupInfo): void {
    this.groups.delete(group.groupId);
    this.inner.putGroup(group);
  }
  deleteGroup(groupId: string): void {
    this.groups.delete(groupId);
    this.inner.deleteGroup(groupId);
  }
  listGroupsOf(user: UserId): GroupInfo[] {
    return this.inner.listGroupsOf(user);
  }
  getRoom(roomId: string): RoomInfo | null {
    const room = this.peekRoom(roomId);
    return room ? clone(room) : null;
  }
  putRoom(room: RoomInfo): void {
    this.rooms.delete(room.roomId);
    this.inner.putRoom(room);
  }
  deleteRoom(roomId: string): void {
    this.rooms.delete(roomId);
    this.inner.deleteRoom(roomId);
  }
  listRooms(): RoomInfo[] {
    return this.inner.listRooms();
  }
  getBlocklist(user: UserId): UserId[] {
    return [...this.peekBlocklist(user)];
  }
  setBlocklist(user: UserId, blocked: UserId[]): void {
    this.blocklists.delete(user);
    this.inner.setBlocklist(user, blocked);
  }

  // ---- invitations, event log, files (not cached) ------------------------------
  getInvitation(inviteId: string): Invitation | null {
    return this.inner.getInvitation(inviteId);
  }
  putInvitation(invitation: Invitation): void {
    this.inner.putInvitation(invitation);
  }
  listDueInvitations(time: number, limit: number): Invitation[] {
    return this.inner.listDueInvitations(time, limit);
  }
  listOpenInvitations(user: UserId): Invitation[] {
    return this.inner.listOpenInvitations(user);
  }
  nextInvitationDeadline(): number | null {
    return this.inner.nextInvitationDeadline();
  }
  appendEvent(user: UserId, event: ChatEvent, at: number, json?: string): number {
    return this.inner.appendEvent(user, event, at, json);
  }
  readEvents(user: UserId, after: number, limit: number): EventRecord[] {
    return this.inner.readEvents(user, after, limit);
  }
  lastEventPosition(user: UserId): number {
    return this.inner.lastEventPosition(user);
  }
  firstEventPosition(user: UserId): number {
    return this.inner.firstEventPosition(user);
  }
  pruneEvents(user: UserId, upTo: number): void {
    this.inner.pruneEvents(user, upTo);
  }
  pruneEventsBefore(time: number): void {
    this.inner.pruneEventsBefore(time);
  }
  putFile(record: FileRecord): void {
    this.inner.putFile(record);
  }
  getFile(fileId: string): FileRecord | null {
    return this.inner.getFile(fileId);
  }
  deleteFile(fileId: string): void {
    this.inner.deleteFile(fileId);
  }
  // People and search are not cached: they are read on demand, not on every send.
  getProfiles(users: UserId[]): Awaitable<ProfileRecord[]> {
    return this.inner.getProfiles(users);
  }
  putProfile(record: ProfileRecord): Awaitable<void> {
    return this.inner.putProfile(record);
  }
  searchProfiles(query: ProfileSearchQuery): Awaitable<ProfileRecord[]> {
    return this.inner.searchProfiles(query);
  }
  searchMessages(query: MessageSearchQuery): Awaitable<MessageSearchResult> {
    return this.inner.searchMessages(query);
  }
}
