// Owns the core's read cache in front of any Storage: groups, rooms,
// blocklists and per-user conversation states are read on every send (and
// once per recipient for states), and a conversation page reads 50 last
// messages, so the core keeps them in memory, write-through — but only when
// the storage has one writer (`shared` false: MemoryStorage, SQLite held by
// one server), which keeps the cache exact. A shared storage (PostgreSQL,
// several nodes) is not cached across transactions: every read goes to the
// database, inside the transaction that then writes (read for update), because
// no invalidation message between nodes could arrive before another node's
// commit is read. Inside one transaction the rows read stay locked, so a cache
// lives for that transaction only (a group commit reads each record once;
// messages, never locked, are not kept). A transaction that rejects may have
// written records that are rolled back underneath, so the whole cache is
// dropped then. States (conversation-state-cache.ts) and messages
// (message-cache.ts) are bounded; states are written once per transaction, at
// its end (write-behind). Outside a transaction, reads wait while one is open
// (the cache holds its writes before they commit). Handed-out records are
// copies (storage.ts); `group`/`room`/`blocklist` views are the cached records
// themselves, for read-only hot paths.
import type { GroupInfo, RoomInfo } from '../protocol/entities';
import type { Message, UserId } from '../protocol/message';
import type {
  ClearedHistory,
  ConversationKey,
  ConversationPageQuery,
  ConversationStateRecord,
  MessageRecord,
  Storage,
} from './storage';
import { Caches, type GroupView } from './core-caches';
import { ForwardingStorage } from './forwarding-storage';
import { putStates, readMissingStates } from './member-states';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const MESSAGES_CACHED = 10_000; // a single writer's cache: about 5 MB of messages

export class CachedStorage extends ForwardingStorage implements Storage {
  readonly shared: boolean;
  /** The storage's snapshot read of a conversation page, when it has one (outside a transaction). */
  readonly readConversationPage?: NonNullable<Storage['readConversationPage']>;
  private readonly caches: Caches | null;

  constructor(inner: Storage, maxStates?: number);
  constructor(inner: Storage, maxStates: number, caches: Caches | null, inTx: boolean);
  constructor(
    inner: Storage,
    maxStates = 100_000,
    caches?: Caches | null,
    private readonly inTx = false,
  ) {
    super(inner);
    this.shared = inner.shared;
    this.caches = caches !== undefined ? caches : inner.shared ? null : new Caches(maxStates, MESSAGES_CACHED);
    // It reads what was committed, past the cache: the storage's read already waits for the open
    // transaction, which holds the cache's (transaction below).
    if (inner.readConversationPage && !inTx) this.readConversationPage = inner.readConversationPage;
  }

  /** Runs `fn` with a view of this cache bound to the transaction (see storage.ts). */
  async transaction<T>(fn: (tx: CachedStorage) => Promise<T>): Promise<T> {
    if (this.inTx) return fn(this);
    const caches = this.caches;
    const run = this.inner.transaction(async (innerTx) => {
      // A shared storage gets a cache of this attempt's own: what it reads stays locked until
      // commit (read for update), so the copy is exact until then, and a group commit reads each
      // record and writes each state once. A retried attempt starts from nothing.
      const view = new CachedStorage(innerTx, 0, caches ?? (this.shared ? new Caches(Infinity, 0) : null), true);
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
  /** Read to check a send or an invitation against (storage.ts: getBlocklist's `check`). */
  async blocklist(user: UserId): Promise<readonly UserId[]> {
    const caches = await this.settled();
    let list = caches?.blocklists.get(user);
    if (list === undefined) {
      list = await this.inner.getBlocklist(user, 'check');
      caches?.blocklists.set(user, list);
    }
    return list;
  }

  // ---- messages (cached, bounded, copies; getMessage, not getMessages, reads for update) ----
  override async insertMessage(record: MessageRecord, json?: string): Promise<void> {
    await this.inner.insertMessage(record, json);
    this.caches?.messages.set(record, json);
  }
  override async updateMessage(message: Message): Promise<void> {
    await this.inner.updateMessage(message);
    this.caches?.messages.update(message);
  }
  override async getMessage(serverId: string): Promise<MessageRecord | null> {
    const caches = await this.settled();
    const cached = caches?.messages.get(serverId);
    if (cached) return cached;
    const record = await this.inner.getMessage(serverId);
    if (record) caches?.messages.set(record);
    return record;
  }
  override async getMessages(serverIds: readonly string[]): Promise<Array<MessageRecord | null>> {
    const caches = await this.settled();
    if (!caches) return this.inner.getMessages(serverIds);
    const out = serverIds.map((id) => caches.messages.get(id) ?? null);
    const missing = serverIds.filter((_, i) => out[i] === null);
    const found = missing.length > 0 ? await this.inner.getMessages(missing) : [];
    let next = 0;
    for (const [i, record] of out.entries()) {
      if (record) continue;
      const read = found[next++] ?? null;
      if (read) caches.messages.set(read);
      out[i] = read;
    }
    return out;
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
  /**
   * The states of several users in one conversation (null where there is none), copies like
   * getConversationState's: a fan-out reads every member's with one await rather than one each.
   */
  async getConversationStates(
    users: readonly UserId[],
    key: ConversationKey,
  ): Promise<Array<ConversationStateRecord | null>> {
    const caches = await this.settled();
    // Guarded here: a storage without batches (SQLite, memory) takes no extra await on the fan-out path.
    const read = this.inner.getConversationStates
      ? await readMissingStates(this.inner, caches?.states, users, key)
      : null;
    const states: Array<ConversationStateRecord | null> = [];
    for (const user of users) {
      let state = caches?.states.get(user, key);
      if (state === undefined) {
        state = read?.has(user) ? (read.get(user) ?? null) : await this.inner.getConversationState(user, key);
        caches?.states.set(user, key, state);
      }
      states.push(state ? { ...state } : null);
    }
    return states;
  }
  /** Puts each state like putConversationState, but keeps the records given (the caller lets go of them). */
  async putConversationStates(states: readonly ConversationStateRecord[]): Promise<void> {
    const caches = this.caches;
    for (const state of states) {
      caches?.states.set(state.user, state.key, state);
      if (caches && this.inTx) caches.states.markDirty(state);
    }
    if (!(caches && this.inTx)) await putStates(this.inner, states);
  }
  async listConversationStates(user: UserId): Promise<ConversationStateRecord[]> {
    await this.settled();
    await this.writeDirty();
    return this.inner.listConversationStates(user);
  }
  async listConversationKeys(user: UserId): Promise<ConversationKey[]> {
    await this.settled();
    await this.writeDirty();
    return this.inner.listConversationKeys(user);
  }
  async listClearedHistories(user: UserId): Promise<ClearedHistory[]> {
    await this.settled();
    await this.writeDirty();
    return this.inner.listClearedHistories(user);
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
    await putStates(
      this.inner,
      states.takeDirty().map((state) => ({ ...state })),
    );
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
  async getBlocklist(user: UserId, purpose?: 'check'): Promise<UserId[]> {
    // Read to be changed in a shared storage's transaction: locked for update, not just for share
    // as a check (blocklist) left it, which two nodes could each hold and then both wait to change.
    if (purpose !== 'check' && this.shared && this.inTx) {
      const list = await this.inner.getBlocklist(user);
      this.caches?.blocklists.set(user, list);
      return [...list];
    }
    return [...(await this.blocklist(user))];
  }
  setBlocklist(user: UserId, blocked: UserId[]): Promise<void> {
    this.caches?.blocklists.delete(user);
    return this.inner.setBlocklist(user, blocked);
  }
}
