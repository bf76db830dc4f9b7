// Conformance: profiles (set, read by people who share a conversation or a
// group, refused to strangers, avatar only from one's own uploaded image),
// the directory (prefix, case-insensitive, Chinese names, contacts only) and
// presence (online/away/offline across devices, last seen, pushed only to
// contacts, the privacy option, agreeing with onlineUserOnly invitations).
import { describe, expect, it } from 'vitest';
import { getPresence, getProfiles, searchUsers, setPresence, setProfile } from '../../src/client/people';
import { conversationId } from '../../src/protocol/ids';
import type { HarnessFactory } from './harness';
import { codeOf, settle, useSession } from './support';

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 4, 0, 0, 0, 3, 8, 6, 0,
  0, 0, 0, 0, 0, 0,
]);

export function peopleSuite(factory: HarnessFactory): void {
  describe('profiles', () => {
    const s = useSession(factory);

    it('a user sets a name and custom fields; a peer in a single chat reads them, a stranger does not', async () => {
      const [a, b, x] = s.users('alice', 'bob', 'stranger');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const { c: stranger } = await s.client(x);
      const mine = await setProfile(alice, { name: 'Alice Liddell', fields: { title: 'Engineer' } });
      expect(mine).toMatchObject({ user: a, name: 'Alice Liddell', fields: { title: 'Engineer' } });
      await bob.sendText(conversationId('single', a), 'hi');
      expect(await getProfiles(bob, [a])).toMatchObject([
        { user: a, name: 'Alice Liddell', fields: { title: 'Engineer' } },
      ]);
      expect(await getProfiles(stranger, [a])).toEqual([]);
      // Own profile is always readable.
      expect((await getProfiles(alice, [a]))[0]?.name).toBe('Alice Liddell');
    });

    it('a group co-member reads the profile and hears of changes live', async () => {
      const [a, b, c] = s.users('alice', 'bob', 'carol');
      const { c: alice } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      await alice.createGroup({ name: 'g', members: [b, c] });
      await setProfile(alice, { name: '爱丽丝' });
      const e = await bobRec.waitFor('profile', (x) => x.profile.user === a);
      expect(e.profile.name).toBe('爱丽丝');
      expect(await getProfiles(bob, [a, c])).toMatchObject([
        { user: a, name: '爱丽丝' },
        { user: c, name: c },
      ]);
    });

    it('the avatar is an image the user uploaded: others get its URL; a foreign or unknown file is refused', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const file = await alice.upload(new Blob([PNG], { type: 'image/png' }), { name: 'me.png' });
      const profile = await setProfile(alice, { avatarFileId: file.fileId! });
      expect(profile.avatar).toBe(file.url);
      expect(await codeOf(setProfile(bob, { avatarFileId: file.fileId! }))).toBe(510);
      expect(await codeOf(setProfile(bob, { avatarFileId: 'no-such-file' }))).toBe(4040);
      const removed = await setProfile(alice, { avatarFileId: null });
      expect(removed.avatar).toBeUndefined();
    });

    it('bad profile updates are refused with 4002', async () => {
      const [a] = s.users('alice');
      const { c: alice } = await s.client(a);
      expect(await codeOf(setProfile(alice, { name: '   ' }))).toBe(4002);
      expect(await codeOf(setProfile(alice, { name: 'x'.repeat(129) }))).toBe(4002);
      expect(await codeOf(alice.request('profile.get', { users: ['not valid!'] }))).toBe(4002);
    });
  });

  describe('directory', () => {
    const s = useSession(factory);

    it('finds contacts by a case-insensitive prefix of the name, of a word of it, or of the id; Chinese names by any run of them', async () => {
      const [a, b, c, d] = s.users('alice', 'bob', 'carol', 'dave');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const { c: carol } = await s.client(c);
      const { c: dave } = await s.client(d);
      await setProfile(bob, { name: 'Robert Smith' });
      await setProfile(carol, { name: '张三丰' });
      await setProfile(dave, { name: 'Smithers' });
      await alice.createGroup({ name: 'g', members: [b, c] });
      const names = async (q: string) => (await searchUsers(alice, q)).map((p) => p.user);
      expect(await names('rob')).toEqual([b]);
      expect(await names('SMI')).toEqual([b]);
      expect(await names('张')).toEqual([c]);
      expect(await names('张三')).toEqual([c]);
      expect(await names(c.slice(0, 5).toUpperCase())).toContain(c);
      // Dave shares nothing with alice: not found, though his name matches.
      expect(await names('smith')).toEqual([b]);
      // A Chinese name is found by any run of it: the given name 三丰 too.
      expect(await names('三')).toEqual([c]);
      expect(await names('三丰')).toEqual([c]);
      expect(await names('张丰')).toEqual([]);
    });

    it('an empty query is refused with 4002', async () => {
      const [a] = s.users('alice');
      const { c: alice } = await s.client(a);
      expect(await codeOf(searchUsers(alice, '  '))).toBe(4002);
    });
  });

  describe('presence', () => {
    const s = useSession(factory);

    it('online across devices, away when every device is idle, offline with last seen when the last one leaves', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: bob, rec: bobRec } = await s.client(b);
      const { c: phone } = await s.client(a);
      await phone.sendText(conversationId('single', b), 'hi');
      const { c: laptop } = await s.client(a);
      expect(await getPresence(bob, [a])).toEqual([{ user: a, status: 'online', lastSeen: null }]);
      await setPresence(phone, 'away');
      expect((await getPresence(bob, [a]))[0]?.status).toBe('online');
      await setPresence(laptop, 'away');
      await bobRec.waitFor('presence', (e) => e.presence.some((p) => p.user === a && p.status === 'away'));
      phone.close();
      await settle(bob);
      expect((await getPresence(bob, [a]))[0]?.status).toBe('away');
      const before = bob.serverNow();
      laptop.close();
      const off = await bobRec.waitFor('presence', (e) =>
        e.presence.some((p) => p.user === a && p.status === 'offline'),
      );
      const last = off.presence.find((p) => p.user === a)!;
      expect(last.lastSeen).toBeGreaterThanOrEqual(before - 5000);
      await expect
        .poll(async () => (await getPresence(bob, [a]))[0])
        .toEqual({ user: a, status: 'offline', lastSeen: last.lastSeen });
    });

    it('is pushed to contacts only, and a stranger asking is told offline', async () => {
      const [a, b, x] = s.users('alice', 'bob', 'stranger');
      const { c: bob, rec: bobRec } = await s.client(b);
      const { c: stranger, rec: strangerRec } = await s.client(x);
      const first = await s.client(a);
      await first.c.sendText(conversationId('single', b), 'hi');
      first.c.close();
      await bobRec.waitFor('presence', (e) => e.presence.some((p) => p.user === a && p.status === 'offline'));
      await s.client(a);
      await bobRec.waitFor('presence', (e) => e.presence.some((p) => p.user === a && p.status === 'online'));
      await settle(stranger);
      expect(strangerRec.all('presence', (e) => e.presence.some((p) => p.user === a))).toEqual([]);
      expect(await getPresence(stranger, [a])).toEqual([{ user: a, status: 'offline', lastSeen: null }]);
      expect((await getPresence(bob, [a]))[0]?.status).toBe('online');
    });

    it('a user who hides presence looks offline with no last seen; the user still sees themself', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: bob, rec: bobRec } = await s.client(b);
      const { c: alice } = await s.client(a);
      await alice.sendText(conversationId('single', b), 'hi');
      await setProfile(alice, { hidePresence: true });
      await bobRec.waitFor('presence', (e) =>
        e.presence.some((p) => p.user === a && p.status === 'offline' && p.lastSeen === null),
      );
      expect(await getPresence(bob, [a])).toEqual([{ user: a, status: 'offline', lastSeen: null }]);
      expect((await getPresence(alice, [a]))[0]?.status).toBe('online');
      await setProfile(alice, { hidePresence: false });
      await bobRec.waitFor('presence', (e) => e.presence.some((p) => p.user === a && p.status === 'online'));
    });

    it('agrees with onlineUserOnly: shown online, the invitation reaches them; shown offline, it does not', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const bobFirst = await s.client(b);
      await alice.sendText(conversationId('single', b), 'hi');
      expect((await getPresence(alice, [b]))[0]?.status).toBe('online');
      await alice.invite(b, { onlineUserOnly: true, data: 'ring' });
      await bobFirst.rec.waitFor('invitation', (e) => e.action === 'invite');
      bobFirst.c.close();
      await expect.poll(async () => (await getPresence(alice, [b]))[0]?.status).toBe('offline');
      await alice.invite(b, { onlineUserOnly: true, data: 'ring again' });
      const later = await s.client(b);
      await settle(later.c);
      expect(later.rec.all('invitation', (e) => e.invitation.data === 'ring again')).toEqual([]);
    });
  });
}
