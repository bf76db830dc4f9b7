// Owns the ChatClient methods of groups (members, mutes, whitelist, admins),
// chat rooms and the blocklist: plain requests, their results unwrapped.
import type { GroupInfo, RoomInfo } from '../protocol/entities';
import type { Ops } from '../protocol/frames';
import type { UserId } from '../protocol/message';
import type { RequestFn } from './request-fn';
import { definedFields } from '../protocol/defined-fields';

/** The group, chat room and blocklist methods of ChatClient. */
export interface GroupApi {
  createGroup(params: Ops['group.create']['p']): Promise<GroupInfo>;
  group(groupId: string): Promise<GroupInfo>;
  groups(): Promise<GroupInfo[]>;
  addGroupMembers(groupId: string, users: UserId[]): Promise<GroupInfo>;
  removeGroupMembers(groupId: string, users: UserId[]): Promise<GroupInfo>;
  leaveGroup(groupId: string): Promise<void>;
  destroyGroup(groupId: string): Promise<void>;
  muteGroupMember(groupId: string, user: UserId, mute: boolean, durationMs?: number): Promise<GroupInfo>;
  setGroupWhitelist(
    groupId: string,
    change: { enabled?: boolean; add?: UserId[]; remove?: UserId[] },
  ): Promise<GroupInfo>;
  /** Owner only: make a member an admin or take it back (510 not allowed, 602 not a member, 605 no group). */
  setGroupAdmin(groupId: string, user: UserId, admin: boolean): Promise<GroupInfo>;

  createRoom(params: Ops['room.create']['p']): Promise<RoomInfo>;
  joinRoom(roomId: string): Promise<RoomInfo>;
  leaveRoom(roomId: string): Promise<void>;
  rooms(): Promise<RoomInfo[]>;

  block(user: UserId): Promise<UserId[]>;
  unblock(user: UserId): Promise<UserId[]>;
  blocklist(): Promise<UserId[]>;
}

export function createGroupApi(request: RequestFn): GroupApi {
  return {
    async createGroup(params) {
      return (await request('group.create', params)).group;
    },
    async group(groupId) {
      return (await request('group.info', { groupId })).group;
    },
    async groups() {
      return (await request('group.list', {})).groups;
    },
    async addGroupMembers(groupId, users) {
      return (await request('group.addMembers', { groupId, users })).group;
    },
    async removeGroupMembers(groupId, users) {
      return (await request('group.removeMembers', { groupId, users })).group;
    },
    async leaveGroup(groupId) {
      await request('group.leave', { groupId });
    },
    async destroyGroup(groupId) {
      await request('group.destroy', { groupId });
    },
    async muteGroupMember(groupId, user, mute, durationMs) {
      const p = { groupId, user, mute, ...definedFields({ durationMs }) };
      return (await request('group.mute', p)).group;
    },
    async setGroupWhitelist(groupId, change) {
      return (await request('group.whitelist', { groupId, ...change })).group;
    },
    async setGroupAdmin(groupId, user, admin) {
      return (await request('group.setAdmin', { groupId, user, admin })).group;
    },
    async createRoom(params) {
      return (await request('room.create', params)).room;
    },
    async joinRoom(roomId) {
      return (await request('room.join', { roomId })).room;
    },
    async leaveRoom(roomId) {
      await request('room.leave', { roomId });
    },
    async rooms() {
      return (await request('room.list', {})).rooms;
    },
    async block(user) {
      return (await request('block', { user })).blocked;
    },
    async unblock(user) {
      return (await request('unblock', { user })).blocked;
    },
    async blocklist() {
      return (await request('blocklist', {})).blocked;
    },
  };
}
