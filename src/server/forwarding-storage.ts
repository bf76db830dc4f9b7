// Owns the operations a storage wrapper passes through unchanged: messages and
// seq, receipts, listings, pins, invitations, the event log, files, people and
// search. CachedStorage extends it and overrides only what it caches, so a new
// Storage operation is forwarded in one place.
import type { ChatEvent } from '../protocol/frames';
import type { GroupInfo, RoomInfo } from '../protocol/entities';
import type { PinnedMessage } from '../protocol/features';
import type { Invitation } from '../protocol/invitation';
import type { Message, UserId } from '../protocol/message';
import type {
  ConversationKey,
  EventAppend,
  EventRecord,
  FileRecord,
  MessageQuery,
  MessageRecord,
  ReceiptKind,
  Storage,
  UnreadQuery,
} from './storage';
import type { MessageSearchQuery, MessageSearchResult, ProfileRecord, ProfileSearchQuery } from './people-storage';
import type { PushSubscriptionRecord } from './push-storage';
import type { ThreadReadRecord } from './thread-read-storage';

export abstract class ForwardingStorage {
  constructor(readonly inner: Storage) {}

  ping(): Promise<void> {
    return this.inner.ping();
  }
  close(): Promise<void> {
    return this.inner.close();
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
  getMessages(serverIds: readonly string[]): Promise<Array<MessageRecord | null>> {
    return this.inner.getMessages(serverIds);
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

  // ---- receipts ----------------------------------------------------------------
  addReceipt(serverId: string, user: UserId, kind: ReceiptKind, at: number): Promise<boolean> {
    return this.inner.addReceipt(serverId, user, kind, at);
  }
  listReceipts(serverId: string, kind: ReceiptKind): Promise<UserId[]> {
    return this.inner.listReceipts(serverId, kind);
  }

  listGroupsOf(user: UserId): Promise<GroupInfo[]> {
    return this.inner.listGroupsOf(user);
  }
  listRooms(): Promise<RoomInfo[]> {
    return this.inner.listRooms();
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
  pruneEventsBefore(time: number, after?: UserId | null, users?: number): Promise<UserId | null> {
    return this.inner.pruneEventsBefore(time, after, users);
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
  // Push subscriptions are read only when a push is due: not cached.
  putPushSubscription(record: PushSubscriptionRecord): Promise<void> {
    return this.inner.putPushSubscription(record);
  }
  listPushSubscriptions(user: UserId): Promise<PushSubscriptionRecord[]> {
    return this.inner.listPushSubscriptions(user);
  }
  deletePushSubscription(user: UserId, device: string): Promise<void> {
    return this.inner.deletePushSubscription(user, device);
  }
  deletePushEndpoint(endpoint: string): Promise<void> {
    return this.inner.deletePushEndpoint(endpoint);
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
