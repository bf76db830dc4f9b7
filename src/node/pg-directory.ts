// Owns PgStorage's directory of who belongs where: groups (with one row per
// member, so a user's groups come from an index), chat rooms and each user's
// blocklist, each record as JSON. Rows read inside a transaction are locked.
// Writes of several statements run in the caller's transaction.
import type { GroupInfo, RoomInfo } from '../protocol/entities';
import type { UserId } from '../protocol/message';
import type { PgDatabase } from './pg-database';
import { allJson, firstJson } from './pg-json-rows';

export async function getGroup(db: PgDatabase, groupId: string): Promise<GroupInfo | null> {
  return firstJson(await db.prepared(`SELECT json FROM groups WHERE group_id = $1${db.lock}`, [groupId]));
}

/** Run inside a transaction: the group and its member rows change together. */
export async function putGroup(tx: PgDatabase, group: GroupInfo): Promise<void> {
  await tx.rows(
    'INSERT INTO groups (group_id, created_at, json) VALUES ($1, $2, $3) ON CONFLICT (group_id) DO UPDATE SET json = excluded.json',
    [group.groupId, group.createdAt, JSON.stringify(group)],
  );
  await tx.rows('DELETE FROM group_members WHERE group_id = $1', [group.groupId]);
  await tx.rows(
    'INSERT INTO group_members (user_id, group_id) SELECT DISTINCT u, $2::text FROM unnest($1::text[]) AS u',
    [group.members, group.groupId],
  );
}

/** Run inside a transaction. */
export async function deleteGroup(tx: PgDatabase, groupId: string): Promise<void> {
  await tx.rows('DELETE FROM groups WHERE group_id = $1', [groupId]);
  await tx.rows('DELETE FROM group_members WHERE group_id = $1', [groupId]);
}

export async function listGroupsOf(db: PgDatabase, user: UserId): Promise<GroupInfo[]> {
  return allJson(
    await db.prepared(
      'SELECT g.json FROM group_members m JOIN groups g ON g.group_id = m.group_id WHERE m.user_id = $1 ORDER BY g.created_at, g.group_id',
      [user],
    ),
  );
}

export async function getRoom(db: PgDatabase, roomId: string): Promise<RoomInfo | null> {
  return firstJson(await db.prepared(`SELECT json FROM rooms WHERE room_id = $1${db.lock}`, [roomId]));
}

export async function putRoom(db: PgDatabase, room: RoomInfo): Promise<void> {
  await db.prepared(
    'INSERT INTO rooms (room_id, created_at, json) VALUES ($1, $2, $3) ON CONFLICT (room_id) DO UPDATE SET json = excluded.json',
    [room.roomId, room.createdAt, JSON.stringify(room)],
  );
}

export async function deleteRoom(db: PgDatabase, roomId: string): Promise<void> {
  await db.prepared('DELETE FROM rooms WHERE room_id = $1', [roomId]);
}

export async function listRooms(db: PgDatabase): Promise<RoomInfo[]> {
  return allJson(await db.prepared('SELECT json FROM rooms ORDER BY created_at, room_id'));
}

/** `check`: locked for share, so two nodes' sends to this user check it at once (storage.ts). */
export async function getBlocklist(db: PgDatabase, user: UserId, purpose?: 'check'): Promise<UserId[]> {
  const lock = purpose === 'check' ? db.shareLock : db.lock;
  return firstJson<UserId[]>(await db.prepared(`SELECT json FROM blocklists WHERE user_id = $1${lock}`, [user])) ?? [];
}

export async function setBlocklist(db: PgDatabase, user: UserId, blocked: UserId[]): Promise<void> {
  await db.prepared(
    'INSERT INTO blocklists (user_id, json) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET json = excluded.json',
    [user, JSON.stringify(blocked)],
  );
}
