// Owns "who is in a conversation": the two users of a single chat, a
// group's members, a room's members, and the checks that refuse outsiders
// (602 not a member, 605 no such group, 4043 no such room).
import type { GroupInfo, RoomInfo } from '../protocol/entities';
import { ErrorCode } from '../protocol/errors';
import type { UserId } from '../protocol/message';
import { fail } from './context';
import type { Storage } from './storage';

export async function requireGroup(storage: Storage, groupId: string): Promise<GroupInfo> {
  return (await storage.getGroup(groupId)) ?? fail(ErrorCode.GROUP_NOT_FOUND);
}

export async function requireRoom(storage: Storage, roomId: string): Promise<RoomInfo> {
  return (await storage.getRoom(roomId)) ?? fail(ErrorCode.ROOM_NOT_FOUND);
}

export async function requireGroupMember(storage: Storage, groupId: string, user: UserId): Promise<GroupInfo> {
  const group = await requireGroup(storage, groupId);
  if (!group.members.includes(user)) fail(ErrorCode.NOT_IN_GROUP);
  return group;
}

export async function requireRoomMember(storage: Storage, roomId: string, user: UserId): Promise<RoomInfo> {
  const room = await requireRoom(storage, roomId);
  if (!room.members.includes(user)) fail(ErrorCode.NOT_IN_GROUP);
  return room;
}

export function isGroupManager(group: GroupInfo, user: UserId): boolean {
  return group.owner === user || group.admins.includes(user);
}
