// Owns chat rooms: create, join, leave, list. Only members send and read;
// membership events go to the room's members (durably when the room keeps
// history, else only to those connected).
import type { RoomInfo } from '../protocol/entities';
import { ErrorCode } from '../protocol/errors';
import type { Ops } from '../protocol/frames';
import type { UserId } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { fail } from './context';
import { requireRoom, requireRoomMember } from './membership';
import type { OpHandlers } from './op-handler';

function commit(ctx: CoreContext, room: RoomInfo, action: 'joined' | 'left', users: UserId[], audience: UserId[]): RoomInfo {
  ctx.events.tx(() => {
    ctx.storage.putRoom(room);
    const event = { type: 'room' as const, action, room, users };
    if (room.keepHistory) ctx.events.durable(audience, event);
    else ctx.events.ephemeral(audience, event);
  });
  return room;
}

function create(ctx: CoreContext, caller: Caller, p: Ops['room.create']['p']): { room: RoomInfo } {
  const roomId = p.roomId ?? ctx.ids.serverId();
  if (ctx.storage.getRoom(roomId)) fail(ErrorCode.ALREADY_EXISTS, 'chat room already exists');
  const room: RoomInfo = { roomId, name: p.name, owner: caller.user, members: [caller.user], keepHistory: p.keepHistory ?? true, createdAt: ctx.clock.now() };
  return { room: commit(ctx, room, 'joined', [caller.user], room.members) };
}

function join(ctx: CoreContext, caller: Caller, p: { roomId: string }): { room: RoomInfo } {
  const room = requireRoom(ctx.storage, p.roomId);
  if (room.members.includes(caller.user)) return { room };
  room.members = [...room.members, caller.user];
  return { room: commit(ctx, room, 'joined', [caller.user], room.members) };
}

function leave(ctx: CoreContext, caller: Caller, p: { roomId: string }): Record<string, never> {
  const room = requireRoomMember(ctx.storage, p.roomId, caller.user);
  const audience = room.members;
  room.members = room.members.filter((u) => u !== caller.user);
  commit(ctx, room, 'left', [caller.user], audience);
  return {};
}

function list(ctx: CoreContext): { rooms: RoomInfo[] } {
  return { rooms: ctx.storage.listRooms() };
}

export const roomOps: OpHandlers<'room.create' | 'room.join' | 'room.leave' | 'room.list'> = {
  'room.create': create,
  'room.join': join,
  'room.leave': leave,
  'room.list': list,
};
