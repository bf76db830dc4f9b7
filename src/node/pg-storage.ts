// Owns the Storage of natter nodes that share one PostgreSQL database (`pg`,
// the long-standing pure-JS client with a pool; no native build). `shared`:
// every invariant lives in the database, so any number of nodes may write
// at once (storage.ts): seq counters and per-user event positions are
// counter rows updated under their row lock until commit (one user's
// positions become visible in order), (from_user, local_id) is unique,
// rows read inside a transaction are read FOR UPDATE, and a transaction
// that loses a race (deadlock, serialization failure, unique violation) is
// rolled back and run again (pg-database.ts). When the database cannot be
// reached the operation fails with 5031 (retry), which clients' outboxes retry.
// The queries of each part live in their own pg-*.ts module; the operations a
// part answers as they are are forwarded to it, this class keeps what needs a
// transaction around a part's statements and the small tables with no module.
import type { ChatEvent } from '../protocol/frames';
import type { GroupInfo } from '../protocol/entities';
import type { Invitation } from '../protocol/invitation';
import type { Message, UserId } from '../protocol/message';
import type {
  ConversationKey,
  ConversationPageQuery,
  ConversationStateRecord,
  EventAppend,
  EventRecord,
  MessageRecord,
  Storage,
} from '../server/storage';
import type { PinnedMessage } from '../protocol/features';
import type {
  MessageSearchQuery,
  MessageSearchResult,
  ProfileRecord,
  ProfileSearchQuery,
} from '../server/people-storage';
import { openPgDatabase, type PgDatabase, type PgStorageOptions } from './pg-database';
import {
  pgConversationPage,
  pgGetProfiles,
  pgPutProfile,
  pgSearchProfiles,
  pgUnreadTotal,
  type PgRows,
} from './pg-people-storage';
import { pgSearchMessages } from './pg-search';
import {
  pgDeletePushEndpoint,
  pgDeletePushSubscription,
  pgListPushSubscriptions,
  pgPutPushSubscription,
} from './pg-push-storage';
import type { PushSubscriptionRecord } from '../server/push-storage';
import { pgGetThreadRead, pgListThreadReads, pgRaiseThreadRead } from './pg-thread-reads';
import type { ThreadReadRecord } from '../server/thread-read-storage';
import { pgFirstEventPosition, pgInsertEvents, pgLastEventPosition, pgReadEvents } from './pg-event-log';
import {
  pgClaimDueInvitations,
  pgGetInvitation,
  pgListDueInvitations,
  pgListOpenInvitations,
  pgNextInvitationDeadline,
  pgPutInvitation,
  pgReplaceInvitation,
} from './pg-invitations';
import { forwardToFunctions } from '../server/forward-to-part';
import * as messages from './pg-messages';
import { insertMessage, lastSeq as pgLastSeq, nextSeq as pgNextSeq, updateMessage } from './pg-messages';
import { PgSearchWords } from './pg-search-words';
import { PgSeqCounters } from './pg-seq-counters';
import * as directory from './pg-directory';
import { deleteGroup as pgDeleteGroup, putGroup as pgPutGroup } from './pg-directory';
import * as states from './pg-conversation-states';
import * as files from './pg-files';
import { firstJson } from './pg-json-rows';

export type { PgStorageOptions } from './pg-database';

/** Opens the pool and migrates (safe when several nodes start at once). */
export async function openPgStorage(options: PgStorageOptions): Promise<PgStorage> {
  return new PgStorage(await openPgDatabase(options));
}

/** What PgStorage forwards to the functions of its parts as they are (forward-to-part.ts), by part. */
const MESSAGE_OPS = [
  'getMessage',
  'getMessages',
  'getMessageByLocalId',
  'listMessages',
  'countUnread',
  'addReceipt',
  'listReceipts',
] as const;
const STATE_OPS = [
  'getConversationState',
  'getConversationStates',
  'putConversationState',
  'putConversationStates',
  'listConversationStates',
  'listConversationKeys',
  'listClearedHistories',
] as const;
const DIRECTORY_OPS = [
  'getGroup',
  'listGroupsOf',
  'getRoom',
  'putRoom',
  'deleteRoom',
  'listRooms',
  'getBlocklist',
  'setBlocklist',
] as const;
const FILE_OPS = ['putFile', 'getFile', 'deleteFile'] as const;
type ForwardedOps =
  | (typeof MESSAGE_OPS)[number]
  | (typeof STATE_OPS)[number]
  | (typeof DIRECTORY_OPS)[number]
  | (typeof FILE_OPS)[number];

/** The operations PgStorage forwards to its parts (see the class). */
// Merged on purpose: forwardToFunctions defines these on the prototype, from the same lists.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface PgStorage extends Required<Pick<Storage, ForwardedOps>> {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the interface above
export class PgStorage implements Storage {
  readonly shared = true;
  private readonly rows: PgRows;
  /** Inside a transaction: the seq counters it holds (pg-seq-counters.ts). */
  private readonly seqs: PgSeqCounters | null;
  /** Inside a transaction: the words its messages add to the list of indexed words (pg-search-words.ts). */
  private readonly words: PgSearchWords | null;

  static {
    forwardToFunctions(PgStorage, (s: PgStorage) => s.db, messages, MESSAGE_OPS);
    forwardToFunctions(PgStorage, (s: PgStorage) => s.db, states, STATE_OPS);
    forwardToFunctions(PgStorage, (s: PgStorage) => s.db, directory, DIRECTORY_OPS);
    forwardToFunctions(PgStorage, (s: PgStorage) => s.db, files, FILE_OPS);
  }

  constructor(private readonly db: PgDatabase) {
    this.rows = db.rows;
    this.seqs = db.inTx ? new PgSeqCounters(db) : null;
    this.words = db.inTx ? new PgSearchWords(db) : null;
  }

  transaction<T>(fn: (tx: Storage) => Promise<T>): Promise<T> {
    if (this.db.inTx) return fn(this);
    return this.db.transaction(async (tx) => {
      const storage = new PgStorage(tx);
      const result = await fn(storage);
      await storage.seqs!.write();
      // Last: its row locks come after every other lock this transaction takes (pg-search-words.ts).
      await storage.words!.write();
      return result;
    });
  }

  /** Runs a multi-statement write atomically (joins the open transaction). */
  private atomic(fn: (tx: PgDatabase) => Promise<void>): Promise<void> {
    return this.db.transaction(fn);
  }

  ping(): Promise<void> {
    return this.db.ping();
  }
  /** The database server's time, ms since epoch (the cluster clock, pg-clock.ts). */
  databaseTime(): Promise<number> {
    return this.db.databaseTime();
  }
  close(): Promise<void> {
    return this.db.close();
  }

  // ---- messages: inside a transaction, their new search words wait for its end ----
  insertMessage(record: MessageRecord, json?: string): Promise<void> {
    return insertMessage(this.db, record, json, this.words);
  }
  updateMessage(message: Message): Promise<void> {
    return updateMessage(this.db, message, this.words);
  }

  // ---- seq counters: inside a transaction, the ones it holds (pg-seq-counters.ts) ----
  nextSeq(key: ConversationKey): Promise<number> {
    return this.seqs ? this.seqs.next(key) : pgNextSeq(this.db, key);
  }
  lastSeq(key: ConversationKey): Promise<number> {
    return this.seqs ? this.seqs.last(key) : pgLastSeq(this.db, key);
  }

  // ---- conversation list page and unread total (pg-people-storage.ts) ----------

  listConversationPage(user: UserId, query: ConversationPageQuery): Promise<ConversationStateRecord[]> {
    return pgConversationPage(this.rows, user, query);
  }
  unreadTotal(user: UserId): Promise<number> {
    return pgUnreadTotal(this.rows, user);
  }

  // ---- pins, people (pg-people-storage.ts), search (pg-search.ts), thread reads (pg-thread-reads.ts)
  async getPins(key: ConversationKey): Promise<PinnedMessage[]> {
    // A conversation's first pin has no row to lock yet: a transaction-scoped advisory lock on the
    // key serializes pin changes whether or not the row exists.
    if (this.db.inTx) await this.rows("SELECT pg_advisory_xact_lock(hashtextextended('pins:' || $1, 0))", [key]);
    return (
      firstJson<PinnedMessage[]>(await this.rows(`SELECT json FROM pins WHERE key = $1${this.db.lock}`, [key])) ?? []
    );
  }
  async setPins(key: ConversationKey, pins: PinnedMessage[]): Promise<void> {
    await this.rows(
      'INSERT INTO pins (key, json) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET json = excluded.json',
      [key, JSON.stringify(pins)],
    );
  }
  getProfiles(users: UserId[]): Promise<ProfileRecord[]> {
    return pgGetProfiles(this.rows, users);
  }
  putProfile(record: ProfileRecord): Promise<void> {
    return this.atomic((tx) => pgPutProfile(tx.rows, record));
  }
  searchProfiles(query: ProfileSearchQuery): Promise<ProfileRecord[]> {
    return pgSearchProfiles(this.rows, query);
  }
  searchMessages(query: MessageSearchQuery): Promise<MessageSearchResult> {
    return pgSearchMessages(this.rows, query);
  }
  getThreadRead(user: UserId, root: string): Promise<number | null> {
    return pgGetThreadRead(this.rows, user, root);
  }
  raiseThreadRead(user: UserId, root: string, readSeq: number): Promise<void> {
    return pgRaiseThreadRead(this.rows, user, root, readSeq);
  }
  listThreadReads(root: string): Promise<ThreadReadRecord[]> {
    return pgListThreadReads(this.rows, root);
  }

  // ---- Web Push subscriptions (pg-push-storage.ts) ---------------------------
  putPushSubscription(record: PushSubscriptionRecord): Promise<void> {
    return this.atomic((tx) => pgPutPushSubscription(tx.rows, record));
  }
  listPushSubscriptions(user: UserId): Promise<PushSubscriptionRecord[]> {
    return pgListPushSubscriptions(this.rows, user);
  }
  deletePushSubscription(user: UserId, device: string): Promise<void> {
    return pgDeletePushSubscription(this.rows, user, device);
  }
  deletePushEndpoint(endpoint: string): Promise<void> {
    return pgDeletePushEndpoint(this.rows, endpoint);
  }

  // ---- group writes, several statements each (pg-directory.ts) ----------------
  putGroup(group: GroupInfo): Promise<void> {
    return this.atomic((tx) => pgPutGroup(tx, group));
  }
  deleteGroup(groupId: string): Promise<void> {
    return this.atomic((tx) => pgDeleteGroup(tx, groupId));
  }

  // ---- invitations (pg-invitations.ts) ------------------------------------------
  getInvitation(inviteId: string): Promise<Invitation | null> {
    return pgGetInvitation(this.db, inviteId);
  }
  putInvitation(inv: Invitation): Promise<void> {
    return this.atomic((tx) => pgPutInvitation(tx, inv));
  }
  replaceInvitation(next: Invitation, expected: Invitation): Promise<boolean> {
    return pgReplaceInvitation(this.rows, next, expected);
  }
  claimDueInvitations(time: number, limit: number, owner: string, leaseUntil: number): Promise<Invitation[]> {
    return pgClaimDueInvitations(this.rows, time, limit, owner, leaseUntil);
  }
  listDueInvitations(time: number, limit: number): Promise<Invitation[]> {
    return pgListDueInvitations(this.rows, time, limit);
  }
  listOpenInvitations(user: UserId): Promise<Invitation[]> {
    return pgListOpenInvitations(this.rows, user);
  }
  nextInvitationDeadline(): Promise<number | null> {
    return pgNextInvitationDeadline(this.rows);
  }

  // ---- per-user event log: positions from a counter row per user ----------------
  async appendEvent(user: UserId, event: ChatEvent, at: number, json?: string): Promise<number> {
    const entry: EventAppend = json === undefined ? { user, event } : { user, event, json };
    return (await this.appendEvents([entry], at))[0]!;
  }
  async appendEvents(entries: readonly EventAppend[], at: number): Promise<number[]> {
    return entries.length === 0 ? [] : pgInsertEvents(this.db.prepared, entries, at);
  }
  readEvents(user: UserId, after: number, limit: number): Promise<EventRecord[]> {
    return pgReadEvents(this.db.prepared, user, after, limit);
  }
  lastEventPosition(user: UserId): Promise<number> {
    return pgLastEventPosition(this.db.prepared, user);
  }
  firstEventPosition(user: UserId): Promise<number> {
    return pgFirstEventPosition(this.db.prepared, user);
  }
  async pruneEvents(user: UserId, upTo: number): Promise<void> {
    await this.rows('DELETE FROM events WHERE user_id = $1 AND pos <= $2', [user, upTo]);
  }
  /** Every user at once: the statement runs in PostgreSQL, not on the event loop. */
  async pruneEventsBefore(time: number): Promise<UserId | null> {
    await this.rows('DELETE FROM events WHERE at < $1', [time]);
    return null;
  }
}
