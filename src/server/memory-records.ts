// Owns MemoryStorage's records kept by id, each a plain Map written through
// the storage's undo log: groups, rooms, blocklists, pins, invitations (with
// the queries for due and open ones) and file metadata.
import type { GroupInfo, RoomInfo } from '../protocol/entities';
import type { PinnedMessage } from '../protocol/features';
import type { Invitation } from '../protocol/invitation';
import { isInvitationOpen } from '../protocol/invitation';
import type { UserId } from '../protocol/message';
import type { MemoryTransactions } from './memory-transactions';
import type { ConversationKey, FileRecord, StorageOps } from './storage';

// Records are JSON-able by contract; a JSON round trip is much cheaper than structuredClone in Node.
export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The operations MemoryStorage takes from its records. */
export const RECORD_OPS = [
  'getGroup',
  'putGroup',
  'deleteGroup',
  'listGroupsOf',
  'getRoom',
  'putRoom',
  'deleteRoom',
  'listRooms',
  'getBlocklist',
  'setBlocklist',
  'getPins',
  'setPins',
  'getInvitation',
  'putInvitation',
  'replaceInvitation',
  'claimDueInvitations',
  'listDueInvitations',
  'listOpenInvitations',
  'nextInvitationDeadline',
  'putFile',
  'getFile',
  'deleteFile',
] as const;
export type RecordOps = Pick<StorageOps, (typeof RECORD_OPS)[number]>;

export class MemoryRecords implements RecordOps {
  private readonly groups = new Map<string, GroupInfo>();
  private readonly rooms = new Map<string, RoomInfo>();
  private readonly blocklists = new Map<UserId, UserId[]>();
  private readonly pins = new Map<ConversationKey, PinnedMessage[]>();
  private readonly invitations = new Map<string, Invitation>();
  private readonly files = new Map<string, FileRecord>();

  constructor(private readonly log: MemoryTransactions) {}

  // ---- groups and rooms ------------------------------------------------------

  getGroup(groupId: string): GroupInfo | null {
    const g = this.groups.get(groupId);
    return g ? clone(g) : null;
  }

  putGroup(group: GroupInfo): void {
    this.log.setIn(this.groups, group.groupId, group);
  }

  deleteGroup(groupId: string): void {
    this.log.setIn(this.groups, groupId, undefined);
  }

  listGroupsOf(user: UserId): GroupInfo[] {
    return [...this.groups.values()]
      .filter((g) => g.members.includes(user))
      .sort((a, b) => a.createdAt - b.createdAt || a.groupId.localeCompare(b.groupId))
      .map(clone);
  }

  getRoom(roomId: string): RoomInfo | null {
    const r = this.rooms.get(roomId);
    return r ? clone(r) : null;
  }

  putRoom(room: RoomInfo): void {
    this.log.setIn(this.rooms, room.roomId, room);
  }

  deleteRoom(roomId: string): void {
    this.log.setIn(this.rooms, roomId, undefined);
  }

  listRooms(): RoomInfo[] {
    return [...this.rooms.values()]
      .sort((a, b) => a.createdAt - b.createdAt || a.roomId.localeCompare(b.roomId))
      .map(clone);
  }

  // ---- blocklists ------------------------------------------------------------

  getBlocklist(user: UserId): UserId[] {
    return [...(this.blocklists.get(user) ?? [])];
  }

  setBlocklist(user: UserId, blocked: UserId[]): void {
    this.log.setIn(this.blocklists, user, [...blocked]);
  }

  getPins(key: ConversationKey): PinnedMessage[] {
    return clone(this.pins.get(key) ?? []);
  }

  setPins(key: ConversationKey, pins: PinnedMessage[]): void {
    this.log.setIn(this.pins, key, pins.length > 0 ? pins : undefined);
  }

  // ---- invitations -----------------------------------------------------------

  getInvitation(inviteId: string): Invitation | null {
    const inv = this.invitations.get(inviteId);
    return inv ? clone(inv) : null;
  }

  putInvitation(invitation: Invitation): void {
    this.log.setIn(this.invitations, invitation.inviteId, invitation);
  }

  replaceInvitation(next: Invitation, expected: Invitation): boolean {
    const stored = this.invitations.get(next.inviteId);
    if (!stored || JSON.stringify(stored) !== JSON.stringify(expected)) return false;
    this.putInvitation(next);
    return true;
  }

  /** One process: nobody else works on invitations, so a claim is the list of due ones. */
  claimDueInvitations(time: number, limit: number): Invitation[] {
    return this.listDueInvitations(time, limit);
  }

  listDueInvitations(time: number, limit: number): Invitation[] {
    return [...this.invitations.values()]
      .filter((i) => i.deadline !== null && i.deadline <= time && isInvitationOpen(i))
      .sort((a, b) => (a.deadline ?? 0) - (b.deadline ?? 0))
      .slice(0, limit)
      .map(clone);
  }

  listOpenInvitations(user: UserId): Invitation[] {
    return [...this.invitations.values()]
      .filter((i) => isInvitationOpen(i) && (i.inviter === user || i.invitees.includes(user)))
      .sort((a, b) => a.createdAt - b.createdAt)
      .map(clone);
  }

  nextInvitationDeadline(): number | null {
    let next: number | null = null;
    for (const i of this.invitations.values()) {
      if (i.deadline !== null && isInvitationOpen(i) && (next === null || i.deadline < next)) next = i.deadline;
    }
    return next;
  }

  // ---- files -----------------------------------------------------------------

  putFile(record: FileRecord): void {
    this.log.setIn(this.files, record.fileId, record);
  }

  getFile(fileId: string): FileRecord | null {
    const f = this.files.get(fileId);
    return f ? clone(f) : null;
  }

  deleteFile(fileId: string): void {
    this.log.setIn(this.files, fileId, undefined);
  }
}
