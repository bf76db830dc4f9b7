// Owns the vocabulary of store updates: everything that can change the chat
// store is one of these inputs, applied in batches by the reducer. Most are
// the client's own input stream (`ClientInput`: events, answers, outbox,
// connection); the rest are what `bindClient` adds around it (the bootstrap
// it fetches, the sync flag, typing expiry, the CallClient's snapshots).
import type { CallDevices, CallError, CallState } from '../client/call/call-types';
import type { ClientInput } from '../client/chat-client-types';
import type { ConversationSummary } from '../protocol/entities';
import type { Invitation } from '../protocol/invitation';

/** Inputs `bindClient` makes itself: the bootstrap it requests, and what time alone changes. */
export type BindingInput =
  | { kind: 'syncing'; syncing: boolean }
  /**
   * Conversation list bootstrap. `startedAt` is the first batch applied after the request was
   * made: local entries absent from the list but touched from then on are kept (they are newer).
   * A first page leaves `cursor` for the next one and carries the server's `unreadTotal` over
   * every page, so the total stays exact before the rest is loaded.
   */
  | {
      kind: 'conversations';
      conversations: readonly ConversationSummary[];
      startedAt: number;
      cursor?: string | null;
      unreadTotal?: number;
    }
  /**
   * A later page of the conversation list, asked with the slice's cursor `after`: added, not
   * replacing; ignored when the list's cursor is no longer `after` (a sync started it over).
   */
  | { kind: 'conversationPage'; conversations: readonly ConversationSummary[]; after: string; cursor: string | null }
  /** The server's unread total over every page, asked again when a change outside the loaded pages left it unknown. */
  | { kind: 'unreadTotal'; unreadTotal: number }
  /** Bootstrap of open invitations (replaces the open lists); `startedAt` as for conversations. */
  | { kind: 'invitations'; invitations: readonly Invitation[]; startedAt: number }
  /** The overlay of waiting edits and reactions has loaded: the views of their messages are drawn again with them. */
  | { kind: 'changesShown' }
  /** Drop typing indicators that expired before `now` (local ms). */
  | { kind: 'typingExpired'; now: number }
  /** The client's CallClient changed its call (a full snapshot; see call-slice.ts). */
  | { kind: 'call'; call: CallState | null; mediaError: CallError | null; devices: CallDevices };

/**
 * Everything the store's reducer applies. A feature adds its input to `ClientInput` (what the
 * client learns) and a case to the reducer's switch (`apply-inputs.ts`); tsc then checks the switch
 * is exhaustive.
 */
export type StoreInput = ClientInput | BindingInput;

export type StoreInputKind = StoreInput['kind'];
