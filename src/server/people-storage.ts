// Owns the storage contract of people and finding things: profile records
// (with the server-owned last-seen time and presence privacy), the directory
// prefix search and message full-text search. `Storage` extends it, so every
// implementation (memory, SQLite, PostgreSQL) keeps these too. Written in the
// synchronous form of StorageOps; `Storage` offers each as a Promise.
import type { Profile } from '../protocol/people';
import type { Message, UserId } from '../protocol/message';

/** storage.ts's ConversationKey (`single:<a>|<b>`, `group:<id>`, `room:<id>`), named here without importing it back. */
type ConversationKey = string;

/** A value now or later (the app's ProfileSource may answer either way). */
export type Awaitable<T> = T | Promise<T>;

/** What is stored per user: the profile as shown, and what only the server writes. */
export interface ProfileRecord {
  profile: Profile;
  /** fileId of an uploaded avatar (so a removed file can be told apart from a URL the app set). */
  avatarFileId?: string;
  /** Others see this user as offline with no last-seen time. */
  hidePresence: boolean;
  /** Server time the last session of this user closed; null while never seen. */
  lastSeen: number | null;
}

/** Directory query: profiles whose name, a word of the name, or the user id starts with `prefix`. */
export interface ProfileSearchQuery {
  /** Already folded with `foldForSearch` (search-text.ts). */
  prefix: string;
  limit: number;
}

/** One conversation a message search may look in, and the history cleared for this user. */
export interface SearchScope {
  key: ConversationKey;
  /** Only messages with seq > afterSeq (delete-with-history clears up to it). */
  afterSeq: number;
}

export interface MessageSearchQuery {
  /** Every term must occur in the text (case-insensitive substring); already folded. */
  terms: string[];
  scopes: SearchScope[];
  /** A cursor this storage handed out (`MessageSearchRow.cursor` or `resumeAt`): only older hits. */
  before?: string;
  limit: number;
}

export interface MessageSearchRow {
  key: ConversationKey;
  message: Message;
  /** Where the next page starts (opaque to the core). */
  cursor: string;
}

export interface MessageSearchResult {
  /** Newest first: the order messages were stored in. */
  rows: MessageSearchRow[];
  /**
   * Set when the storage stopped before `limit` hits to bound the work of one request (e.g. a
   * query too short for the index, answered by a scan): more may follow from this cursor.
   */
  resumeAt?: string;
}

export interface PeopleStorage {
  /** Records of the users that have one, in any order. */
  getProfiles(users: UserId[]): ProfileRecord[];
  /** Insert or replace by `profile.user`. */
  putProfile(record: ProfileRecord): void;
  /** Matching records ordered by folded name then user id, at most `limit`. */
  searchProfiles(query: ProfileSearchQuery): ProfileRecord[];
  /**
   * Text messages (never recalled or otherwise replaced by a non-text body) in the scopes that
   * contain every term, newest first, at most `limit`.
   */
  searchMessages(query: MessageSearchQuery): MessageSearchResult;
}
