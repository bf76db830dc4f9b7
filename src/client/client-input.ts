// Owns the input stream's shape: what a client learns, as one ordered stream
// of typed inputs (every server event, the answers to its own requests that
// change what a user sees, its outbox and its connection). A store fed by this
// stream alone (`bindClient`) needs no other writer: hooks call client methods,
// and the answers arrive here. A new feature adds one member to the union (and
// a case to the store's reducer); the client emits it where it learns the fact.
import type { ConversationId } from '../protocol/ids';
import type { ChatEvent, HistoryPage } from '../protocol/frames';
import type { Invitation } from '../protocol/invitation';
import type { Message } from '../protocol/message';
import type { Presence, Profile } from '../protocol/people';
import type { ConnectionState } from './connection-state';
import type { ErrorInfo } from './error-info';
import type { PendingChange } from './pending-change';
import type { PendingMessage } from './pending-message';

export type { ErrorInfo } from './error-info';

export type ClientInput =
  /** A server event, in the order the server sent it (replays included, duplicates dropped); `pos`: its event position (durable events). */
  | { kind: 'event'; event: ChatEvent; pos?: number }
  /** An outbox entry became pending, changed (upload progress) or failed. */
  | { kind: 'outbox'; pending: PendingMessage }
  /**
   * The server stored a send before this client saw the stored copy in a `message` event (which
   * normally comes first): the stored copy replaces the pending entry. Emitted at most once per send,
   * and only then, so the sender's message enters the stream once in the usual order.
   */
  | { kind: 'sent'; conversation: ConversationId; message: Message }
  /**
   * An edit, reaction, delete, pin or forward of this user's waits to be sent (made now, restored
   * from the offline cache after a reload, or made in another tab of this user): shown as pending
   * until a `changeSettled` with its id.
   */
  | { kind: 'change'; change: PendingChange }
  /**
   * A waiting change was answered: `message` is the server's copy when applied (null for answers
   * without one). With `error` the server refused it: it is undone and shown refused, with the
   * reason, until a `changeDismissed`.
   */
  | { kind: 'changeSettled'; id: string; message: Message | null; error?: ErrorInfo }
  /** This user put away a refused change's notice (`dismissChange`). */
  | { kind: 'changeDismissed'; id: string }
  /** A pending or failed send was given up (`discard`). */
  | { kind: 'discarded'; conversation: ConversationId; localId: string }
  | { kind: 'connection'; state: ConnectionState; error?: ErrorInfo }
  /** Welcomed; `reset`: the session could not resume, so state must be fetched again. */
  | { kind: 'ready'; user: string; resumed: boolean; reset: boolean }
  /** A page of history this client asked for (`history`). */
  | { kind: 'history'; conversation: ConversationId; page: HistoryPage }
  /** This client's recall was accepted: `message` is the tombstone. */
  | { kind: 'recalled'; conversation: ConversationId; message: Message }
  /** This client moved the read marker (`markRead`): the server's marker and unread count. */
  | { kind: 'readMarker'; conversation: ConversationId; readSeq: number; unread: number }
  /**
   * Unread replies of followed threads, by root serverId, from an answer (one holding messages —
   * thread page, jump window, pins, lookup, search — or this client's `markThreadRead`); history
   * pages carry theirs in `page.threadUnread`.
   */
  | { kind: 'threadUnread'; unread: Readonly<Record<string, number>> }
  /** An invitation record from an answer to this client's request (invite, answer, cancel, modify, get). */
  | { kind: 'invitation'; invitation: Invitation }
  /** Profiles from an answer (profile.get, users.search, profile.set); pushed changes come as `profile` events. */
  | { kind: 'profiles'; profiles: Profile[] }
  /** Presence from an answer (presence.get); pushed changes come as `presence` events. */
  | { kind: 'presence'; presence: Presence[] };

export type ClientInputKind = ClientInput['kind'];
