// Conformance: groups (members, owner, mute, whitelist), chat rooms,
// blocklist and moderation, with the Easemob error codes each refusal
// carries: 602 not a member, 603 blocked, 605 no such group, 506 not on the
// whitelist, 507 muted, 501 sensitive words, 502 intercepted.
import { describe, expect, it } from 'vitest';
import { conversationId } from '../../src/protocol/ids';
import type { HarnessFactory } from './harness';
import { INTERCEPT_WORD, SENSITIVE_WORD } from './harness';
import { codeOf, settle, useSession } from './support';

export function groupsSuite(factory: HarnessFactory): void {
  describe('groups, rooms, blocklist and moderation', () => {
    const s = useSession(factory);

    it('a group has its creator as owner; members are told of changes; removed or departed members get 602', async () => {
      const [a, b, c] = s.users('alice', 'bob', 'carol');
      const { c: alice } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const { c: carol, rec: carolRec } = await s.client(c);
      const group = await alice.createGroup({ name: 'team', desc: 'the team', members: [b] });
      expect(group).toMatchObject({ name: 'team', owner: a });
      expect([...group.members].sort()).toEqual([a, b].sort());
      const gid = group.groupId;
      const id = conversationId('group', gid);
      expect((await bob.groups()).map((g) => g.groupId)).toContain(gid);
      expect(await codeOf(carol.sendText(id, 'let me in'))).toBe(602);

      const grown = await alice.addGroupMembers(gid, [c]);
      expect(grown.members).toContain(c);
      await carolRec.waitFor('group', (e) => e.group.groupId === gid);
      await bobRec.waitFor(
        'group',
        (e) => e.group.groupId === gid && e.action === 'memberAdded' && e.users.includes(c),
      );
      const m = await carol.sendText(id, 'hello team');
      expect(m.chatType).toBe('group');
      expect((await alice.group(gid)).members).toContain(c);

      await alice.removeGroupMembers(gid, [c]);
      expect(await codeOf(carol.sendText(id, 'still here?'))).toBe(602);
      await bob.leaveGroup(gid);
      expect(await codeOf(bob.sendText(id, 'gone'))).toBe(602);
      expect((await bob.groups()).map((g) => g.groupId)).not.toContain(gid);
    });

    it('sending to a group that does not exist, or was destroyed, fails with 605', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { rec: bobRec } = await s.client(b);
      expect(await codeOf(alice.sendText(conversationId('group', 'nosuchgroup'), 'anyone?'))).toBe(605);
      const group = await alice.createGroup({ name: 'short-lived', members: [b] });
      await alice.destroyGroup(group.groupId);
      await bobRec.waitFor('group', (e) => e.group.groupId === group.groupId && e.action === 'destroyed');
      expect(await codeOf(alice.sendText(conversationId('group', group.groupId), 'hello?'))).toBe(605);
    });

    it('a muted member gets 507 until unmuted; only owner or admins may mute (510)', async () => {
      const [a, b, c] = s.users('alice', 'bob', 'carol');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const { c: carol } = await s.client(c);
      const group = await alice.createGroup({ name: 'quiet', members: [b, c] });
      const id = conversationId('group', group.groupId);
      const muted = await alice.muteGroupMember(group.groupId, b, true);
      expect(Object.keys(muted.muted)).toContain(b);
      expect(await codeOf(bob.sendText(id, 'can I speak'))).toBe(507);
      expect(await codeOf(carol.muteGroupMember(group.groupId, b, true))).toBe(510);
      await alice.muteGroupMember(group.groupId, b, false);
      await bob.sendText(id, 'thanks');
    });

    it('a timed mute ends by the server clock', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const group = await alice.createGroup({ name: 'timed', members: [b] });
      const id = conversationId('group', group.groupId);
      // A minute's margin: on the real-clock harnesses, time passes between the mute and the send.
      await alice.muteGroupMember(group.groupId, b, true, 60_000);
      expect(await codeOf(bob.sendText(id, 'now?'))).toBe(507);
      await s.h.advance(61_000);
      await bob.sendText(id, 'now.');
    });

    it('with the whitelist on, members not on it get 506; the owner and whitelisted members may send', async () => {
      const [a, b, c] = s.users('alice', 'bob', 'carol');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const { c: carol } = await s.client(c);
      const group = await alice.createGroup({ name: 'stage', members: [b, c] });
      const id = conversationId('group', group.groupId);
      const g = await alice.setGroupWhitelist(group.groupId, { enabled: true, add: [b] });
      expect(g).toMatchObject({ whitelistOnly: true });
      expect(g.whitelist).toContain(b);
      await bob.sendText(id, 'on the list');
      await alice.sendText(id, 'owner');
      expect(await codeOf(carol.sendText(id, 'not on the list'))).toBe(506);
      await alice.setGroupWhitelist(group.groupId, { enabled: false });
      await carol.sendText(id, 'open again');
    });

    it('chat rooms: joined users send and receive; others get 602; leaving stops delivery', async () => {
      const [a, b, c] = s.users('alice', 'bob', 'carol');
      const { c: alice } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const { c: carol, rec: carolRec } = await s.client(c);
      const room = await alice.createRoom({ name: 'lobby' });
      const id = conversationId('room', room.roomId);
      const joined = await bob.joinRoom(room.roomId);
      expect(joined.members).toContain(b);
      expect((await bob.rooms()).map((r) => r.roomId)).toContain(room.roomId);
      expect(await codeOf(carol.sendText(id, 'outside'))).toBe(602);
      const m = await alice.sendText(id, 'welcome');
      await bobRec.waitFor('message', (e) => e.message.serverId === m.serverId && e.conversation === id);
      await bob.leaveRoom(room.roomId);
      const after = await alice.sendText(id, 'anyone left?');
      await settle(bob, carol);
      expect(bobRec.all('message', (e) => e.message.serverId === after.serverId)).toEqual([]);
      expect(carolRec.all('message')).toEqual([]);
      expect(await codeOf(bob.sendText(id, 'back?'))).toBe(602);
    });

    it('a chat room without history delivers to members present and keeps nothing', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const room = await alice.createRoom({ name: 'ephemeral', keepHistory: false });
      expect(room.keepHistory).toBe(false);
      await bob.joinRoom(room.roomId);
      const id = conversationId('room', room.roomId);
      const m = await alice.sendText(id, 'now or never');
      await bobRec.waitFor('message', (e) => e.message.serverId === m.serverId);
      expect((await bob.history(id)).messages).toEqual([]);
    });

    it("a blocked sender gets 603; the blocklist is listed and pushed to the user's devices; unblock restores delivery", async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const { rec: bobOther } = await s.client(b);
      expect(await bob.block(a)).toEqual([a]);
      expect(await bob.blocklist()).toEqual([a]);
      await bobOther.waitFor('blocklist', (e) => e.blocked.includes(a));
      expect(await codeOf(alice.sendText(conversationId('single', b), 'hi?'))).toBe(603);
      await settle(bob);
      expect(bobRec.all('message')).toEqual([]);
      expect(await bob.unblock(a)).toEqual([]);
      const m = await alice.sendText(conversationId('single', b), 'hi!');
      await bobRec.waitFor('message', (e) => e.message.serverId === m.serverId);
    });

    it('moderation: sensitive words are refused with 501, a custom rule intercepts with 502; neither is delivered', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const conv = conversationId('single', b);
      expect(await codeOf(alice.sendText(conv, `this has ${SENSITIVE_WORD} in it`))).toBe(501);
      expect(await codeOf(alice.sendText(conv, `please ${INTERCEPT_WORD}`))).toBe(502);
      const group = await alice.createGroup({ name: 'modded', members: [b] });
      expect(await codeOf(alice.sendText(conversationId('group', group.groupId), SENSITIVE_WORD))).toBe(501);
      await settle(bob);
      expect(bobRec.all('message')).toEqual([]);
      expect((await bob.history(conversationId('single', a))).messages).toEqual([]);
    });
  });
}
