// The Storage contract of src/server/storage.ts as executable expectations, run
// against every implementation (MemoryStorage and the Node host's SqliteStorage).
import { describe, expect, it } from 'vitest';
import type { Storage, MessageRecord } from '../../src/server/storage';
import type { Message } from '../../src/protocol/message';
import type { Invitation } from '../../src/protocol/invitation';
import type { GroupInfo, RoomInfo } from '../../src/protocol/entities';

export function message(seq: number, over: Partial<Message> = {}): Message {
  return {
    serverId: `s${seq}-${over.from ?? 'alice'}-${over.to ?? 'bob'}`,
    localId: `l${seq}-${over.to ?? 'bob'}`,
    from: 'alice',
    to: 'bob',
    chatType: 'single',
    seq,
    ts: 1000 + seq,
    body: { type: 'txt', msg: `hello ${seq}` },
    ...over,
  };
}

export const KEY = 'single:alice|bob';
export const rec = (m: Message, key = KEY): MessageRecord => ({ key, message: m });

export function group(id: string, members: string[], createdAt = 1): GroupInfo {
  return { groupId: id, name: id, desc: '', owner: members[0] ?? 'alice', admins: [], members, public: false, approval: false, allowInvites: true, whitelistOnly: false, whitelist: [], muted: {}, createdAt };
}

export function invitation(id: string, over: Partial<Invitation> = {}): Invitation {
  return { inviteId: id, inviter: 'alice', invitees: ['bob'], data: '', timeout: 30, onlineUserOnly: false, createdAt: 10, deadline: 30_010, states: { bob: 'pending' }, ...over };
}

export function describeStorageContract(name: string, make: () => Storage): void {
  describe(`Storage contract: ${name}`, () => {
    it('stores messages, finds them by serverId and by (from, localId), and refuses duplicates of either', () => {
      const s = make();
      s.insertMessage(rec(message(1)));
      expect(s.getMessage('s1-alice-bob')?.message.seq).toBe(1);
      expect(s.getMessageByLocalId('alice', 'l1-bob')?.key).toBe(KEY);
      expect(s.getMessageByLocalId('bob', 'l1-bob')).toBeNull();
      expect(() => s.insertMessage(rec(message(1)))).toThrow();
      expect(() => s.insertMessage(rec({ ...message(2), localId: 'l1-bob' }))).toThrow();
      expect(() => s.insertMessage(rec({ ...message(3), serverId: 's1-alice-bob' }))).toThrow();
    });

    it('hands out copies: mutating what was read does not change the store', () => {
      const s = make();
      s.insertMessage(rec(message(1)));
      const got = s.getMessage('s1-alice-bob')!;
      (got.message.body as { msg: string }).msg = 'mutated';
      expect(s.getMessage('s1-alice-bob')?.message.body).toEqual({ type: 'txt', msg: 'hello 1' });
    });

    it('pages messages newest first with before/after/limit and counts unread', () => {
      const s = make();
      for (let i = 1; i <= 6; i++) s.insertMessage(rec(message(i, i % 2 === 0 ? { from: 'bob', to: 'alice', localId: `b${i}` } : {})));
      s.insertMessage(rec(message(7, { excluded: true, from: 'bob', to: 'alice', localId: 'b7' })));
      expect(s.listMessages(KEY, { limit: 3 }).map((m) => m.seq)).toEqual([7, 6, 5]);
      expect(s.listMessages(KEY, { before: 5, limit: 10 }).map((m) => m.seq)).toEqual([4, 3, 2, 1]);
      expect(s.listMessages(KEY, { after: 4, limit: 10 }).map((m) => m.seq)).toEqual([7, 6, 5]);
      expect(s.listMessages('single:x|y', { limit: 10 })).toEqual([]);
      // bob's messages are 2, 4, 6 (and the excluded 7): unread for alice after seq 2 → 4, 6.
      expect(s.countUnread(KEY, { afterSeq: 2, notFrom: 'alice' })).toBe(2);
      expect(s.countUnread(KEY, { afterSeq: 0, notFrom: 'bob' })).toBe(3);
    });

    it('replaces a message on update (recall tombstone) keeping key, seq and ids', () => {
      const s = make();
      s.insertMessage(rec(message(1)));
      s.updateMessage({ ...message(1), body: { type: 'recalled', recalledAt: 5, by: 'alice' } });
      const got = s.getMessage('s1-alice-bob')!;
      expect(got.key).toBe(KEY);
      expect(got.message.body.type).toBe('recalled');
      expect(s.getMessageByLocalId('alice', 'l1-bob')?.message.body.type).toBe('recalled');
    });

    it('hands out per-conversation sequence numbers from 1', () => {
      const s = make();
      expect(s.lastSeq(KEY)).toBe(0);
      expect([s.nextSeq(KEY), s.nextSeq(KEY), s.nextSeq('group:g')]).toEqual([1, 2, 1]);
      expect(s.lastSeq(KEY)).toBe(2);
    });

    it('keeps per-user conversation states, most recently updated first', () => {
      const s = make();
      const base = { user: 'alice', type: 'single' as const, readSeq: 0, unread: 0, clearedSeq: 0, hidden: false, lastServerId: null };
      s.putConversationState({ ...base, key: KEY, id: 'single:bob', target: 'bob', updatedAt: 5 });
      s.putConversationState({ ...base, key: 'group:g', id: 'group:g', type: 'group', target: 'g', updatedAt: 9 });
      s.putConversationState({ ...base, key: KEY, id: 'single:bob', target: 'bob', updatedAt: 10, unread: 3 });
      expect(s.listConversationStates('alice').map((c) => [c.key, c.unread])).toEqual([[KEY, 3], ['group:g', 0]]);
      expect(s.getConversationState('alice', KEY)?.updatedAt).toBe(10);
      expect(s.getConversationState('bob', KEY)).toBeNull();
    });

    it('records each receipt once, in the order given', () => {
      const s = make();
      expect(s.addReceipt('m1', 'carol', 'read', 1)).toBe(true);
      expect(s.addReceipt('m1', 'bob', 'read', 2)).toBe(true);
      expect(s.addReceipt('m1', 'carol', 'read', 3)).toBe(false);
      expect(s.addReceipt('m1', 'carol', 'delivered', 3)).toBe(true);
      expect(s.listReceipts('m1', 'read')).toEqual(['carol', 'bob']);
      expect(s.listReceipts('m1', 'delivered')).toEqual(['carol']);
      expect(s.listReceipts('m2', 'read')).toEqual([]);
    });

    it('keeps groups and lists the groups of a member', () => {
      const s = make();
      s.putGroup(group('g2', ['alice', 'bob'], 2));
      s.putGroup(group('g1', ['alice'], 2));
      s.putGroup(group('g0', ['bob'], 1));
      expect(s.listGroupsOf('alice').map((g) => g.groupId)).toEqual(['g1', 'g2']);
      s.putGroup(group('g2', ['alice'], 2));
      expect(s.listGroupsOf('bob').map((g) => g.groupId)).toEqual(['g0']);
      s.deleteGroup('g1');
      expect(s.getGroup('g1')).toBeNull();
      expect(s.listGroupsOf('alice').map((g) => g.groupId)).toEqual(['g2']);
    });

    it('keeps rooms and blocklists', () => {
      const s = make();
      const room = (id: string, createdAt: number): RoomInfo => ({ roomId: id, name: id, owner: 'alice', members: ['alice'], keepHistory: true, createdAt });
      s.putRoom(room('r2', 1));
      s.putRoom(room('r1', 1));
      s.putRoom(room('r0', 2));
      expect(s.listRooms().map((r) => r.roomId)).toEqual(['r1', 'r2', 'r0']);
      s.deleteRoom('r1');
      expect(s.getRoom('r1')).toBeNull();
      expect(s.getBlocklist('alice')).toEqual([]);
      s.setBlocklist('alice', ['zed', 'bob']);
      expect(s.getBlocklist('alice')).toEqual(['zed', 'bob']);
    });

    it('finds due and open invitations and the next deadline', () => {
      const s = make();
      s.putInvitation(invitation('i1', { deadline: 500, createdAt: 2 }));
      s.putInvitation(invitation('i2', { deadline: 300, createdAt: 1, invitees: ['carol'], states: { carol: 'pending' } }));
      s.putInvitation(invitation('i3', { deadline: null, timeout: 0, createdAt: 3 }));
      s.putInvitation(invitation('i4', { deadline: 100, createdAt: 4, states: { bob: 'accepted' } }));
      expect(s.nextInvitationDeadline()).toBe(300);
      expect(s.listDueInvitations(500, 10).map((i) => i.inviteId)).toEqual(['i2', 'i1']);
      expect(s.listDueInvitations(500, 1).map((i) => i.inviteId)).toEqual(['i2']);
      expect(s.listOpenInvitations('alice').map((i) => i.inviteId)).toEqual(['i2', 'i1', 'i3']);
      expect(s.listOpenInvitations('bob').map((i) => i.inviteId)).toEqual(['i1', 'i3']);
      s.putInvitation(invitation('i2', { deadline: 300, createdAt: 1, invitees: ['carol'], states: { carol: 'timeout' } }));
      expect(s.nextInvitationDeadline()).toBe(500);
      expect(s.listOpenInvitations('carol')).toEqual([]);
      expect(s.getInvitation('i2')?.states).toEqual({ carol: 'timeout' });
    });

    it('appends to per-user event logs with positions that survive pruning', () => {
      const s = make();
      const evt = (n: number) => ({ type: 'blocklist' as const, blocked: [`u${n}`] });
      expect(s.lastEventPosition('alice')).toBe(0);
      expect(s.firstEventPosition('alice')).toBe(1);
      expect([s.appendEvent('alice', evt(1), 10), s.appendEvent('alice', evt(2), 20), s.appendEvent('bob', evt(3), 30), s.appendEvent('alice', evt(4), 40)]).toEqual([1, 2, 1, 3]);
      expect(s.readEvents('alice', 1, 10).map((e) => [e.pos, e.at, e.event])).toEqual([[2, 20, evt(2)], [3, 40, evt(4)]]);
      expect(s.readEvents('alice', 0, 1).map((e) => e.pos)).toEqual([1]);
      s.pruneEvents('alice', 2);
      expect(s.firstEventPosition('alice')).toBe(3);
      s.pruneEventsBefore(35);
      expect(s.firstEventPosition('bob')).toBe(2);
      expect(s.lastEventPosition('bob')).toBe(1);
      expect(s.appendEvent('bob', evt(5), 50)).toBe(2);
    });

    it('stores the pre-serialized JSON the core passes with an event', () => {
      const s = make();
      const event = { type: 'blocklist' as const, blocked: ['x'] };
      const pos = s.appendEvent('alice', event, 5, JSON.stringify(event));
      expect(s.readEvents('alice', 0, 10)).toEqual([{ pos, at: 5, event }]);
    });

    it('keeps each conversation’s pins, newest first, and forgets an emptied list', () => {
      const s = make();
      expect(s.getPins(KEY)).toEqual([]);
      const pins = [{ serverId: 's2', by: 'bob', at: 20 }, { serverId: 's1', by: 'alice', at: 10 }];
      s.setPins(KEY, pins);
      s.setPins('group:g1', [{ serverId: 's9', by: 'carol', at: 5 }]);
      const read = s.getPins(KEY);
      expect(read).toEqual(pins);
      read.pop();
      expect(s.getPins(KEY)).toHaveLength(2);
      s.setPins(KEY, []);
      expect(s.getPins(KEY)).toEqual([]);
      expect(s.getPins('group:g1')).toHaveLength(1);
    });

    it('keeps file metadata', () => {
      const s = make();
      s.putFile({ fileId: 'f1', owner: 'alice', createdAt: 1, file: { fileId: 'f1', url: '/files/f1', name: 'a.png', size: 3, mime: 'image/png', width: 1, height: 1 } });
      expect(s.getFile('f1')?.file.name).toBe('a.png');
      s.deleteFile('f1');
      expect(s.getFile('f1')).toBeNull();
    });

    it('rolls back every write of a transaction that throws, and nested calls join the outer one', () => {
      const s = make();
      s.insertMessage(rec(message(1)));
      expect(() =>
        s.transaction(() => {
          s.nextSeq(KEY);
          s.insertMessage(rec(message(2)));
          s.appendEvent('alice', { type: 'blocklist', blocked: [] }, 1);
          s.transaction(() => s.setBlocklist('alice', ['x']));
          throw new Error('boom');
        }),
      ).toThrow('boom');
      expect(s.getMessage('s2-alice-bob')).toBeNull();
      expect(s.lastSeq(KEY)).toBe(0);
      expect(s.lastEventPosition('alice')).toBe(0);
      expect(s.getBlocklist('alice')).toEqual([]);
      expect(s.transaction(() => s.transaction(() => s.nextSeq(KEY)))).toBe(1);
      expect(s.lastSeq(KEY)).toBe(1);
    });
  });
}
