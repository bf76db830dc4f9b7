// Owns SqliteStorage's directory of who belongs where: groups (with one row
// per member, so a user's groups come from an index), chat rooms and each
// user's blocklist, each record as JSON.
import type Database from 'better-sqlite3';
import type { GroupInfo, RoomInfo } from '../protocol/entities';
import type { UserId } from '../protocol/message';

type Row = { json: string };
const parse = <T>(row: unknown): T | null => (row ? (JSON.parse((row as Row).json) as T) : null);
const parseAll = <T>(rows: unknown[]): T[] => (rows as Row[]).map((r) => JSON.parse(r.json) as T);

export class SqliteDirectory {
  private readonly s;

  constructor(
    db: Database.Database,
    private readonly transaction: <T>(fn: () => T) => T,
  ) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      getGroup: p('SELECT json FROM groups WHERE group_id = ?'),
      putGroup: p('INSERT OR REPLACE INTO groups (group_id, created_at, json) VALUES (?, ?, ?)'),
      deleteGroup: p('DELETE FROM groups WHERE group_id = ?'),
      deleteGroupMembers: p('DELETE FROM group_members WHERE group_id = ?'),
      insertGroupMember: p('INSERT OR IGNORE INTO group_members (user, group_id) VALUES (?, ?)'),
      listGroupsOf: p(
        'SELECT g.json FROM group_members m JOIN groups g ON g.group_id = m.group_id WHERE m.user = ? ORDER BY g.created_at, g.group_id',
      ),
      getRoom: p('SELECT json FROM rooms WHERE room_id = ?'),
      putRoom: p('INSERT OR REPLACE INTO rooms (room_id, created_at, json) VALUES (?, ?, ?)'),
      deleteRoom: p('DELETE FROM rooms WHERE room_id = ?'),
      listRooms: p('SELECT json FROM rooms ORDER BY created_at, room_id'),
      getBlocklist: p('SELECT json FROM blocklists WHERE user = ?'),
      setBlocklist: p('INSERT OR REPLACE INTO blocklists (user, json) VALUES (?, ?)'),
    };
  }

  getGroup(groupId: string): GroupInfo | null {
    return parse<GroupInfo>(this.s.getGroup.get(groupId));
  }

  putGroup(group: GroupInfo): void {
    this.transaction(() => {
      this.s.putGroup.run(group.groupId, group.createdAt, JSON.stringify(group));
      this.s.deleteGroupMembers.run(group.groupId);
      for (const user of new Set(group.members)) this.s.insertGroupMember.run(user, group.groupId);
    });
  }

  deleteGroup(groupId: string): void {
    this.transaction(() => {
      this.s.deleteGroup.run(groupId);
      this.s.deleteGroupMembers.run(groupId);
    });
  }

  listGroupsOf(user: UserId): GroupInfo[] {
    return parseAll<GroupInfo>(this.s.listGroupsOf.all(user));
  }

  getRoom(roomId: string): RoomInfo | null {
    return parse<RoomInfo>(this.s.getRoom.get(roomId));
  }

  putRoom(room: RoomInfo): void {
    this.s.putRoom.run(room.roomId, room.createdAt, JSON.stringify(room));
  }

  deleteRoom(roomId: string): void {
    this.s.deleteRoom.run(roomId);
  }

  listRooms(): RoomInfo[] {
    return parseAll<RoomInfo>(this.s.listRooms.all());
  }

  getBlocklist(user: UserId): UserId[] {
    return parse<UserId[]>(this.s.getBlocklist.get(user)) ?? [];
  }

  setBlocklist(user: UserId, blocked: UserId[]): void {
    this.s.setBlocklist.run(user, JSON.stringify(blocked));
  }
}
