// Owns what one core keeps in memory in front of its storage (cached-storage.ts
// says when): groups (with their members as a Set), rooms, blocklists, the
// bounded conversation states and messages, and the open transaction whose
// writes they already hold.
import type { GroupInfo, RoomInfo } from '../protocol/entities';
import type { UserId } from '../protocol/message';
import { ConversationStateCache } from './conversation-state-cache';
import { MessageCache } from './message-cache';

/** A group with its members as a Set, for O(1) membership checks. */
export interface GroupView {
  readonly group: Readonly<GroupInfo>;
  readonly members: ReadonlySet<UserId>;
}

/** The caches of one core (absent for a shared storage). */
export class Caches {
  readonly groups = new Map<string, GroupView | null>();
  readonly rooms = new Map<string, RoomInfo | null>();
  readonly blocklists = new Map<UserId, readonly UserId[]>();
  /** States read or put, and those put inside the open transaction (written just before it commits). */
  readonly states: ConversationStateCache;
  /** Messages stored or read lately (none for a shared storage's attempt: another node may change them). */
  readonly messages: MessageCache;
  /** Settles when the open transaction ends. */
  active: Promise<unknown> | null = null;

  constructor(maxStates: number, maxMessages: number) {
    this.states = new ConversationStateCache(maxStates);
    this.messages = new MessageCache(maxMessages);
  }

  clear(): void {
    this.groups.clear();
    this.rooms.clear();
    this.blocklists.clear();
    this.states.clear();
    this.messages.clear();
  }
}
