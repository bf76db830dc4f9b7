// Owns chat rooms: create, join, leave, list. Only members send and read;
// membership events go to the room's members (durably when the room keeps
// history, else only to those connected).
import type { RoomInfo } from '../protocol/entities';
import { ErrorCode } from '../protocol/errors';
import type { Ops } from '../protocol/frames';
import type { UserId } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { fail, inTx } from './context';
import { requireRoom, requireRoomMember } from './membership';
import type { OpHandlers } from './op-handler';

/** Stores the room and tells `audience` (inside the transaction that read it). */
async function commit(
  ctx: CoreContext,
  room: RoomInfo,
  action: 'joined' | 'left',
  users: UserId[],
  audience: UserId[],
): Promise<RoomInfo> {
  await inTx(ctx, async ({ storage }) => {
    await storage.putRoom(room);
    const event = { type: 'room' as const, action, room, users };
    if (room.keepHistory) ctx.events.durable(audience, event);
    else ctx.events.ephemeral(audience, event);
  });
  return room;
}

// Each change reads the room inside the transaction that writes it (no lost update between nodes).
function create(ctx: CoreContext, caller: Caller, p: Ops['room.create']['p']): Promise<{ room: RoomInfo }> {
  return inTx(ctx, async (t) => {
    const roomId = p.roomId ?? ctx.ids.serverId();
    if (await t.storage.getRoom(roomId)) fail(ErrorCode.ALREADY_EXISTS, 'chat room already exists');
    const room: RoomInfo = {
      roomId,
      name: p.name,
      owner: caller.user,
      members: [caller.user],
      keepHistory: p.keepHistory ?? true,
      createdAt: ctx.clock.now(),
    };
    return { room: await commit(t, room, 'joined', [caller.user], room.members) };
  });
}

function join(ctx: CoreContext, caller: Caller, p: { roomId: string }): Promise<{ room: RoomInfo }> {
  return inTx(ctx, async (t) => {
    const room = await requireRoom(t.storage, p.roomId);
    if (room.members.includes(caller.user)) return { room };
    room.members = [...room.members, caller.user];
    return { room: await commit(t, room, 'joined', [caller.user], room.members) };
  });
}

function leave(ctx: CoreContext, caller: Caller, p: { roomId: string }): Promise<Record<string, never>> {
  return inTx(ctx, async (t) => {
    const room = await requireRoomMember(t.storage, p.roomId, caller.user);
    const audience = room.members;
    room.members = room.members.filter((u) => u !== caller.user);
    await commit(t, room, 'left', [caller.user], audience);
    return {};
  });
}

async function list(ctx: CoreContext): Promise<{ rooms: RoomInfo[] }> {
  return { rooms: await ctx.storage.listRooms() };
}

export const roomOps: OpHandlers<'room.create' | 'room.join' | 'room.leave' | 'room.list'> = {
  'room.create': create,
  'room.join': join,
  'room.leave': leave,
  'room.list': list,
};
