// Owns the wire shapes of people and finding things: profiles, presence,
// the user directory, message search and the page of history around one
// message (jump to a message). Frames.ts adds these operations and events to
// its tables.
import type { ConversationId } from './ids';
import type { Message, UserId } from './message';
import type { ThreadUnreadCounts } from './pages';

/** What a user shows of themselves. Readable by users who share a conversation or a group with them (or all, with a public directory). */
export interface Profile {
  user: UserId;
  /** Display name; the user id when never set. */
  name: string;
  /** URL of the avatar image (an upload of the user's own, or one the app's user database gave). */
  avatar?: string;
  /** App-defined fields (title, department…), string values. */
  fields?: Record<string, string>;
  /** Server time of the last change. */
  updatedAt: number;
}

/** A change of one's own profile; omitted keys stay as they are. */
export interface ProfileUpdate {
  name?: string;
  /** An image this user uploaded (`UploadedFile.fileId`); null removes the avatar. */
  avatarFileId?: string | null;
  /** Replaces all custom fields. */
  fields?: Record<string, string>;
  /** Privacy: others see this user as offline with no last-seen time. */
  hidePresence?: boolean;
}

/** `online`: some device is connected and active; `away`: connected, every device idle; `offline`: no device connected. */
export type PresenceStatus = 'online' | 'away' | 'offline';

export interface Presence {
  user: UserId;
  status: PresenceStatus;
  /** Server time the user was last connected; null while connected, never seen, or hidden. */
  lastSeen: number | null;
}

/** One message a search found, with where the query matched in its text. */
export interface MessageSearchHit {
  message: Message;
  /** The conversation as the searching user names it. */
  conversation: ConversationId;
  /** [start, end) UTF-16 offsets into the message text, ascending, not overlapping. */
  highlights: Array<[number, number]>;
}

export interface MessageSearchPage extends ThreadUnreadCounts {
  /** Newest first. */
  hits: MessageSearchHit[];
  /** Pass as `cursor` for the next (older) page; null when there is none. */
  cursor: string | null;
  hasMore: boolean;
}

/** The history around one message: the target with up to `limit` messages on each side. */
export interface HistoryWindow extends ThreadUnreadCounts {
  /** Newest first, the target included. */
  messages: Message[];
  /** The target message's seq. */
  seq: number;
  /** True when older messages than the oldest here exist (load them with `history` before it). */
  hasOlder: boolean;
  /** True when newer messages than the newest here exist (load them with `historyAfter`). */
  hasNewer: boolean;
}

/** A page of messages newer than a seq, oldest first (for loading downwards after a jump). */
export interface NewerPage extends ThreadUnreadCounts {
  /** Oldest first. */
  messages: Message[];
  hasNewer: boolean;
}

/** The operations of this module, merged into `Ops` in frames.ts. */
export interface PeopleOps {
  'profile.set': { p: ProfileUpdate; r: { profile: Profile } };
  /** Profiles this user may see; users they may not see (or who do not exist) are left out. */
  'profile.get': { p: { users: UserId[] }; r: { profiles: Profile[] } };
  /** Directory: users whose name (or a word of it) or id starts with `query`, case-insensitively. */
  'users.search': { p: { query: string; limit?: number }; r: { profiles: Profile[] } };
  /** Presence of users this user may see (others are reported offline). */
  'presence.get': { p: { users: UserId[] }; r: { presence: Presence[] } };
  /** This device is active (`online`) or idle (`away`). */
  'presence.set': { p: { status: 'online' | 'away' }; r: Record<string, never> };
  /** Full-text search in the conversations this user can read (or in one of them), newest first. */
  search: {
    p: { query: string; conversation?: ConversationId; cursor?: string; limit?: number };
    r: MessageSearchPage;
  };
  /** The page around a message (jump to a message). */
  'history.around': { p: { serverId: string; limit?: number }; r: HistoryWindow };
  /** Messages with seq > `after`, oldest first. */
  'history.after': { p: { conversation: ConversationId; after: number; limit?: number }; r: NewerPage };
}

/** The events of this module, merged into `ChatEvent` in frames.ts. */
export type PeopleEvent =
  /** Presence changes of users this user shares a conversation with, coalesced (one frame for many users). */
  | { type: 'presence'; presence: Presence[] }
  /** A profile this user may see changed. */
  | { type: 'profile'; profile: Profile };
