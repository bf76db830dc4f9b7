// The Storage contract of src/server/storage.ts as executable expectations, run
// against every implementation (MemoryStorage and the Node host's SqliteStorage).
import { describe, expect, it } from 'vitest';
import type { ConversationStateRecord, Storage, MessageRecord } from '../../src/server/storage';
import type { Message } from '../../src/protocol/message';
import type { Invitation } from '../../src/protocol/invitation';
import type { GroupInfo, RoomInfo } from '../../src/protocol/entities';
import { newConversationState } from '../../src/server/conversation-state';
import { describeThreadReadStorageContract } from './thread-read-storage-contract';

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

/** Alice's state in group `target`: nothing read, unread, cleared or hidden (`over` changes any of it). */
export function groupState(target: string, over: Partial<ConversationStateRecord> = {}): ConversationStateRecord {
  return { ...newConversationState('alice', `group:${target}`, 'group', target, 1), ...over };
}

export function group(id: string, members: string[], createdAt = 1): GroupInfo {
  return {
    groupId: id,
    name: id,
    desc: '',
    owner: members[0] ?? 'alice',
    admins: [],
    members,
    public: false,
    approval: false,
    allowInvites: true,
    whitelistOnly: false,
    whitelist: [],
    muted: {},
    createdAt,
  };
}

export function invitation(id: string, over: Partial<Invitation> = {}): Invitation {
  return {
    inviteId: id,
    inviter: 'alice',
    invitees: ['bob'],
    data: '',
    timeout: 30,
    onlineUserOnly: false,
    createdAt: 10,
    deadline: 30_010,
    states: { bob: 'pending' },
    ...over,
  };
}

export function describeStorageContract(name: string, make: () => Storage | Promise<Storage>): void {
  describeThreadReadStorageContract(name, make);
  describe(`Storage contract: ${name}`, () => {
    it('stores messages, finds them by serverId and by (from, localId), and refuses duplicates of either', async () => {
      const s = await make();
      await s.insertMessage(rec(message(1)));
      expect((await s.getMessage('s1-alice-bob'))?.message.seq).toBe(1);
      expect((await s.getMessageByLocalId('alice', 'l1-bob'))?.key).toBe(KEY);
      expect(await s.getMessageByLocalId('bob', 'l1-bob')).toBeNull();
      await expect(s.insertMessage(rec(message(1)))).rejects.toThrow();
      await expect(s.insertMessage(rec({ ...message(2), localId: 'l1-bob' }))).rejects.toThrow();
      await expect(s.insertMessage(rec({ ...message(3), serverId: 's1-alice-bob' }))).rejects.toThrow();
    });

    it('hands out copies: mutating what was read does not change the store', async () => {
      const s = await make();
      await s.insertMessage(rec(message(1)));
      const got = (await s.getMessage('s1-alice-bob'))!;
      (got.message.body as { msg: string }).msg = 'mutated';
      expect((await s.getMessage('s1-alice-bob'))?.message.body).toEqual({ type: 'txt', msg: 'hello 1' });
    });

    it('reads several messages by serverId in one call, in the order asked, null for unknown ids', async () => {
      const s = await make();
      for (let i = 1; i <= 3; i++) await s.insertMessage(rec(message(i)));
      const got = await s.getMessages(['s3-alice-bob', 'nope', 's1-alice-bob', 's3-alice-bob']);
      expect(got.map((r) => r?.message.seq ?? null)).toEqual([3, null, 1, 3]);
      expect(got[0]?.key).toBe(KEY);
      // Each position is a copy of its own: changing one changes neither the other nor the store.
      (got[0]!.message.body as { msg: string }).msg = 'mutated';
      expect(got[3]?.message.body).toEqual({ type: 'txt', msg: 'hello 3' });
      expect((await s.getMessage('s3-alice-bob'))?.message.body).toEqual({ type: 'txt', msg: 'hello 3' });
      expect(await s.getMessages([])).toEqual([]);
    });

    it('pages messages newest first with before/after/limit and counts unread', async () => {
      const s = await make();
      for (let i = 1; i <= 6; i++)
        await s.insertMessage(rec(message(i, i % 2 === 0 ? { from: 'bob', to: 'alice', localId: `b${i}` } : {})));
      await s.insertMessage(rec(message(7, { excluded: true, from: 'bob', to: 'alice', localId: 'b7' })));
      expect((await s.listMessages(KEY, { limit: 3 })).map((m) => m.seq)).toEqual([7, 6, 5]);
      expect((await s.listMessages(KEY, { before: 5, limit: 10 })).map((m) => m.seq)).toEqual([4, 3, 2, 1]);
      expect((await s.listMessages(KEY, { after: 4, limit: 10 })).map((m) => m.seq)).toEqual([7, 6, 5]);
      expect(await s.listMessages('single:x|y', { limit: 10 })).toEqual([]);
      // bob's messages are 2, 4, 6 (and the excluded 7): unread for alice after seq 2 → 4, 6.
      expect(await s.countUnread(KEY, { afterSeq: 2, notFrom: 'alice' })).toBe(2);
      expect(await s.countUnread(KEY, { afterSeq: 0, notFrom: 'bob' })).toBe(3);
    });

    it('replaces a message on update (recall tombstone) keeping key, seq and ids', async () => {
      const s = await make();
      await s.insertMessage(rec(message(1)));
      await s.updateMessage({ ...message(1), body: { type: 'recalled', recalledAt: 5, by: 'alice' } });
      const got = (await s.getMessage('s1-alice-bob'))!;
      expect(got.key).toBe(KEY);
      expect(got.message.body.type).toBe('recalled');
      expect((await s.getMessageByLocalId('alice', 'l1-bob'))?.message.body.type).toBe('recalled');
    });

    it('hands out per-conversation sequence numbers from 1', async () => {
      const s = await make();
      expect(await s.lastSeq(KEY)).toBe(0);
      expect([await s.nextSeq(KEY), await s.nextSeq(KEY), await s.nextSeq('group:g')]).toEqual([1, 2, 1]);
      expect(await s.lastSeq(KEY)).toBe(2);
    });

    it('keeps per-user conversation states, most recently updated first', async () => {
      const s = await make();
      const base = {
        user: 'alice',
        type: 'single' as const,
        readSeq: 0,
        unread: 0,
        clearedSeq: 0,
        hidden: false,
        lastServerId: null,
      };
      await s.putConversationState({ ...base, key: KEY, id: 'single:bob', target: 'bob', updatedAt: 5 });
      await s.putConversationState({
        ...base,
        key: 'group:g',
        id: 'group:g',
        type: 'group',
        target: 'g',
        updatedAt: 9,
      });
      await s.putConversationState({ ...base, key: KEY, id: 'single:bob', target: 'bob', updatedAt: 10, unread: 3 });
      expect((await s.listConversationStates('alice')).map((c) => [c.key, c.unread])).toEqual([
        [KEY, 3],
        ['group:g', 0],
      ]);
      expect((await s.getConversationState('alice', KEY))?.updatedAt).toBe(10);
      expect(await s.getConversationState('bob', KEY)).toBeNull();
      // The keys alone, hidden ones included, each once: what finding a user's contacts reads.
      await s.putConversationState({
        ...base,
        key: 'group:h',
        id: 'group:h',
        type: 'group',
        target: 'h',
        updatedAt: 11,
        hidden: true,
      });
      expect((await s.listConversationKeys('alice')).sort()).toEqual([KEY, 'group:g', 'group:h'].sort());
      expect(await s.listConversationKeys('bob')).toEqual([]);
    });

    it('lists the conversations whose history a user cleared, with how far, and follows later clears', async () => {
      const s = await make();
      await s.putConversationState(groupState('a'));
      await s.putConversationState(groupState('b', { clearedSeq: 7 }));
      await s.putConversationState(groupState('c', { clearedSeq: 2, hidden: true }));
      await s.putConversationState(groupState('d', { clearedSeq: 4, user: 'bob' }));
      const sorted = async (user: string) =>
        (await s.listClearedHistories(user)).sort((x, y) => x.key.localeCompare(y.key));
      expect(await sorted('alice')).toEqual([
        { key: 'group:b', clearedSeq: 7 },
        { key: 'group:c', clearedSeq: 2 },
      ]);
      // Cleared again further, and a first clear: the list follows the records.
      await s.putConversationState(groupState('b', { clearedSeq: 12 }));
      await s.putConversationState(groupState('a', { clearedSeq: 3 }));
      expect(await sorted('alice')).toEqual([
        { key: 'group:a', clearedSeq: 3 },
        { key: 'group:b', clearedSeq: 12 },
        { key: 'group:c', clearedSeq: 2 },
      ]);
      expect(await sorted('bob')).toEqual([{ key: 'group:d', clearedSeq: 4 }]);
      expect(await s.listClearedHistories('carol')).toEqual([]);
    });

    it('pages the visible conversation list by (updatedAt, key) and sums its unread', async () => {
      const s = await make();
      const base = {
        user: 'alice',
        type: 'group' as const,
        readSeq: 0,
        clearedSeq: 0,
        hidden: false,
        lastServerId: null,
      };
      const put = (g: string, updatedAt: number, unread: number, hidden = false) =>
        s.putConversationState({ ...base, key: `group:${g}`, id: `group:${g}`, target: g, updatedAt, unread, hidden });
      await put('a', 5, 1);
      await put('b', 7, 2);
      await put('c', 7, 4);
      await put('d', 9, 8, true);
      await put('e', 3, 16);
      await s.putConversationState({
        ...base,
        user: 'bob',
        key: 'group:a',
        id: 'group:a',
        target: 'a',
        updatedAt: 8,
        unread: 32,
      });
      const first = await s.listConversationPage('alice', { limit: 2 });
      expect(first.map((c) => c.target)).toEqual(['b', 'c']);
      const last = first[1]!;
      const rest = await s.listConversationPage('alice', {
        after: { updatedAt: last.updatedAt, key: last.key },
        limit: 10,
      });
      expect(rest.map((c) => c.target)).toEqual(['a', 'e']);
      expect(await s.unreadTotal('alice')).toBe(1 + 2 + 4 + 16);
      expect(await s.unreadTotal('nobody')).toBe(0);
      await put('d', 9, 8, false);
      expect((await s.listConversationPage('alice', { limit: 1 })).map((c) => c.target)).toEqual(['d']);
      expect(await s.unreadTotal('alice')).toBe(31);
    });

    it('records each receipt once, in the order given', async () => {
      const s = await make();
      expect(await s.addReceipt('m1', 'carol', 'read', 1)).toBe(true);
      expect(await s.addReceipt('m1', 'bob', 'read', 2)).toBe(true);
      expect(await s.addReceipt('m1', 'carol', 'read', 3)).toBe(false);
      expect(await s.addReceipt('m1', 'carol', 'delivered', 3)).toBe(true);
      expect(await s.listReceipts('m1', 'read')).toEqual(['carol', 'bob']);
      expect(await s.listReceipts('m1', 'delivered')).toEqual(['carol']);
      expect(await s.listReceipts('m2', 'read')).toEqual([]);
    });

    it('keeps groups and lists the groups of a member', async () => {
      const s = await make();
      await s.putGroup(group('g2', ['alice', 'bob'], 2));
      await s.putGroup(group('g1', ['alice'], 2));
      await s.putGroup(group('g0', ['bob'], 1));
      expect((await s.listGroupsOf('alice')).map((g) => g.groupId)).toEqual(['g1', 'g2']);
      await s.putGroup(group('g2', ['alice'], 2));
      expect((await s.listGroupsOf('bob')).map((g) => g.groupId)).toEqual(['g0']);
      await s.deleteGroup('g1');
      expect(await s.getGroup('g1')).toBeNull();
      expect((await s.listGroupsOf('alice')).map((g) => g.groupId)).toEqual(['g2']);
    });

    it('keeps rooms and blocklists', async () => {
      const s = await make();
      const room = (id: string, createdAt: number): RoomInfo => ({
        roomId: id,
        name: id,
        owner: 'alice',
        members: ['alice'],
        keepHistory: true,
        createdAt,
      });
      await s.putRoom(room('r2', 1));
      await s.putRoom(room('r1', 1));
      await s.putRoom(room('r0', 2));
      expect((await s.listRooms()).map((r) => r.roomId)).toEqual(['r1', 'r2', 'r0']);
      await s.deleteRoom('r1');
      expect(await s.getRoom('r1')).toBeNull();
      expect(await s.getBlocklist('alice')).toEqual([]);
      await s.setBlocklist('alice', ['zed', 'bob']);
      expect(await s.getBlocklist('alice')).toEqual(['zed', 'bob']);
      // Read to check, in a transaction too: the same list (a shared storage locks it for share).
      expect(await s.getBlocklist('alice', 'check')).toEqual(['zed', 'bob']);
      expect(await s.transaction((tx) => tx.getBlocklist('alice', 'check'))).toEqual(['zed', 'bob']);
    });

    it('finds due and open invitations and the next deadline', async () => {
      const s = await make();
      await s.putInvitation(invitation('i1', { deadline: 500, createdAt: 2 }));
      await s.putInvitation(
        invitation('i2', { deadline: 300, createdAt: 1, invitees: ['carol'], states: { carol: 'pending' } }),
      );
      await s.putInvitation(invitation('i3', { deadline: null, timeout: 0, createdAt: 3 }));
      await s.putInvitation(invitation('i4', { deadline: 100, createdAt: 4, states: { bob: 'accepted' } }));
      expect(await s.nextInvitationDeadline()).toBe(300);
      expect((await s.listDueInvitations(500, 10)).map((i) => i.inviteId)).toEqual(['i2', 'i1']);
      expect((await s.listDueInvitations(500, 1)).map((i) => i.inviteId)).toEqual(['i2']);
      expect((await s.listOpenInvitations('alice')).map((i) => i.inviteId)).toEqual(['i2', 'i1', 'i3']);
      expect((await s.listOpenInvitations('bob')).map((i) => i.inviteId)).toEqual(['i1', 'i3']);
      await s.putInvitation(
        invitation('i2', { deadline: 300, createdAt: 1, invitees: ['carol'], states: { carol: 'timeout' } }),
      );
      expect(await s.nextInvitationDeadline()).toBe(500);
      expect(await s.listOpenInvitations('carol')).toEqual([]);
      expect((await s.getInvitation('i2'))?.states).toEqual({ carol: 'timeout' });
    });

    it('appends to per-user event logs with positions that survive pruning', async () => {
      const s = await make();
      const evt = (n: number) => ({ type: 'blocklist' as const, blocked: [`u${n}`] });
      expect(await s.lastEventPosition('alice')).toBe(0);
      expect(await s.firstEventPosition('alice')).toBe(1);
      expect([
        await s.appendEvent('alice', evt(1), 10),
        await s.appendEvent('alice', evt(2), 20),
        await s.appendEvent('bob', evt(3), 30),
        await s.appendEvent('alice', evt(4), 40),
      ]).toEqual([1, 2, 1, 3]);
      expect((await s.readEvents('alice', 1, 10)).map((e) => [e.pos, e.at, e.event])).toEqual([
        [2, 20, evt(2)],
        [3, 40, evt(4)],
      ]);
      expect((await s.readEvents('alice', 0, 1)).map((e) => e.pos)).toEqual([1]);
      await s.pruneEvents('alice', 2);
      expect(await s.firstEventPosition('alice')).toBe(3);
      await s.pruneEventsBefore(35);
      expect(await s.firstEventPosition('bob')).toBe(2);
      expect(await s.lastEventPosition('bob')).toBe(1);
      expect(await s.appendEvent('bob', evt(5), 50)).toBe(2);
    });

    it('prunes by age a page of users at a time when asked, until it says none is left', async () => {
      const s = await make();
      const evt = (n: number) => ({ type: 'blocklist' as const, blocked: [`u${n}`] });
      const users = ['u1', 'u2', 'u3', 'u4', 'u5'];
      for (const user of users) {
        await s.appendEvent(user, evt(1), 10);
        await s.appendEvent(user, evt(2), 50);
      }
      let after: string | null = null;
      let pages = 0;
      do {
        after = await s.pruneEventsBefore(30, after, 2);
        pages++;
      } while (after !== null && pages < 10);
      expect(after).toBeNull();
      for (const user of users) expect([user, await s.firstEventPosition(user)]).toEqual([user, 2]);
    });

    it('stores the pre-serialized JSON the core passes with an event', async () => {
      const s = await make();
      const event = { type: 'blocklist' as const, blocked: ['x'] };
      const pos = await s.appendEvent('alice', event, 5, JSON.stringify(event));
      expect(await s.readEvents('alice', 0, 10)).toEqual([{ pos, at: 5, event }]);
    });

    it('keeps each conversation’s pins, newest first, and forgets an emptied list', async () => {
      const s = await make();
      expect(await s.getPins(KEY)).toEqual([]);
      const pins = [
        { serverId: 's2', by: 'bob', at: 20 },
        { serverId: 's1', by: 'alice', at: 10 },
      ];
      await s.setPins(KEY, pins);
      await s.setPins('group:g1', [{ serverId: 's9', by: 'carol', at: 5 }]);
      const read = await s.getPins(KEY);
      expect(read).toEqual(pins);
      read.pop();
      expect(await s.getPins(KEY)).toHaveLength(2);
      await s.setPins(KEY, []);
      expect(await s.getPins(KEY)).toEqual([]);
      expect(await s.getPins('group:g1')).toHaveLength(1);
    });

    it('keeps file metadata', async () => {
      const s = await make();
      await s.putFile({
        fileId: 'f1',
        owner: 'alice',
        createdAt: 1,
        file: { fileId: 'f1', url: '/files/f1', name: 'a.png', size: 3, mime: 'image/png', width: 1, height: 1 },
      });
      expect((await s.getFile('f1'))?.file.name).toBe('a.png');
      await s.deleteFile('f1');
      expect(await s.getFile('f1')).toBeNull();
    });

    it('rolls back every write of a transaction that throws, and nested calls join the outer one', async () => {
      const s = await make();
      await s.insertMessage(rec(message(1)));
      await expect(
        s.transaction(async (tx) => {
          await tx.nextSeq(KEY);
          await tx.insertMessage(rec(message(2)));
          await tx.appendEvents([{ user: 'alice', event: { type: 'blocklist', blocked: [] } }], 1);
          await tx.transaction((inner) => inner.setBlocklist('alice', ['x']));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await s.getMessage('s2-alice-bob')).toBeNull();
      expect(await s.lastSeq(KEY)).toBe(0);
      expect(await s.lastEventPosition('alice')).toBe(0);
      expect(await s.getBlocklist('alice')).toEqual([]);
      expect(await s.transaction((tx) => tx.transaction((inner) => inner.nextSeq(KEY)))).toBe(1);
      expect(await s.lastSeq(KEY)).toBe(1);
    });

    it('appends a batch of events in order, numbering each user on from their last position', async () => {
      const s = await make();
      const evt = (n: number) => ({ type: 'blocklist' as const, blocked: [`u${n}`] });
      await s.appendEvent('bob', evt(0), 1);
      const json = JSON.stringify(evt(2));
      const positions = await s.transaction((tx) =>
        tx.appendEvents(
          [
            { user: 'alice', event: evt(1) },
            { user: 'bob', event: evt(2), json },
            { user: 'alice', event: evt(3) },
          ],
          7,
        ),
      );
      expect(positions).toEqual([1, 2, 2]);
      expect((await s.readEvents('alice', 0, 10)).map((e) => [e.pos, e.at, e.event])).toEqual([
        [1, 7, evt(1)],
        [2, 7, evt(3)],
      ]);
      expect((await s.readEvents('bob', 1, 10)).map((e) => e.event)).toEqual([evt(2)]);
    });

    it('replaces an invitation only while it is still as the caller read it (compare-and-set)', async () => {
      const s = await make();
      const read = invitation('i1');
      await s.putInvitation(read);
      const accepted = invitation('i1', { states: { bob: 'accepted' } });
      const rejected = invitation('i1', { states: { bob: 'rejected' } });
      expect(await s.replaceInvitation(accepted, read)).toBe(true);
      expect(await s.replaceInvitation(rejected, read)).toBe(false);
      expect((await s.getInvitation('i1'))?.states).toEqual({ bob: 'accepted' });
      expect(await s.replaceInvitation(invitation('nope'), invitation('nope'))).toBe(false);
      expect(await s.getInvitation('nope')).toBeNull();
    });

    it('claims due open invitations, earliest deadline first, at most the limit', async () => {
      const s = await make();
      await s.putInvitation(invitation('late', { deadline: 900 }));
      await s.putInvitation(invitation('due2', { deadline: 200 }));
      await s.putInvitation(invitation('due1', { deadline: 100 }));
      await s.putInvitation(invitation('done', { deadline: 50, states: { bob: 'accepted' } }));
      expect((await s.claimDueInvitations(500, 10, 'n1', 5500)).map((i) => i.inviteId)).toEqual(['due1', 'due2']);
      expect((await s.claimDueInvitations(500, 10, 'n1', 5500)).map((i) => i.inviteId)).toEqual(['due1', 'due2']);
    });
  });
}
