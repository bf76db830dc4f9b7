// The server's people options: a ProfileSource filling profiles from the
// app's user database (and its directory search), a public directory, presence
// turned off, and the fan-out of a presence change to many contacts served a
// batch per turn of the event loop, coalesced per recipient.
import { describe, expect, it } from 'vitest';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import type { ProfileSource } from '../../src/server/people-options';
import { login } from './raw-client';

describe('profiles from the app', () => {
  const source: ProfileSource = {
    get: (users) =>
      users
        .filter((u) => u.startsWith('emp'))
        .map((u) => ({ user: u, name: `Employee ${u.slice(3)}`, fields: { dept: 'R&D' } })),
    search: (query) =>
      /^employee/i.test(query) ? ['emp1', 'emp7'].map((u) => ({ user: u, name: `Employee ${u.slice(3)}` })) : [],
  };

  it('a ProfileSource names users; what it sets wins over what they set', async () => {
    const server = createEmbeddedServer({ people: { profiles: source, publicDirectory: true } });
    const emp = await login(server.connect(), 'emp1');
    const other = await login(server.connect(), 'other');
    const set = await emp.ok('profile.set', { name: 'Nickname', fields: { hobby: 'chess' } });
    expect(set.profile).toMatchObject({ user: 'emp1', name: 'Employee 1', fields: { hobby: 'chess', dept: 'R&D' } });
    const got = await other.ok('profile.get', { users: ['emp1', 'emp2', 'ghost'] });
    // emp2 never connected but the app knows them; ghost is unknown to everyone.
    expect(got.profiles.map((p) => p.name)).toEqual(['Employee 1', 'Employee 2']);
    const found = await other.ok('users.search', { query: 'employee' });
    expect(found.profiles.map((p) => p.user)).toEqual(['emp1', 'emp7']);
  });

  it('with a public directory anyone who ever connected is found; without one only contacts are', async () => {
    const open = createEmbeddedServer({ people: { publicDirectory: true } });
    (await login(open.connect(), 'zhangsan')).close();
    const seeker = await login(open.connect(), 'seeker');
    expect((await seeker.ok('users.search', { query: 'ZHANG' })).profiles.map((p) => p.user)).toEqual(['zhangsan']);
    expect((await seeker.ok('profile.get', { users: ['zhangsan'] })).profiles).toHaveLength(1);

    const closed = createEmbeddedServer({});
    (await login(closed.connect(), 'zhangsan')).close();
    const seeker2 = await login(closed.connect(), 'seeker');
    expect((await seeker2.ok('users.search', { query: 'zhang' })).profiles).toEqual([]);
    expect((await seeker2.ok('profile.get', { users: ['zhangsan'] })).profiles).toEqual([]);
  });

  it('presence off: everyone is reported offline and nothing is pushed', async () => {
    const server = createEmbeddedServer({ people: { presence: false } });
    const a = await login(server.connect(), 'a');
    const b = await login(server.connect(), 'b');
    await a.ok('send', { localId: 'x', to: 'b', chatType: 'single', body: { type: 'txt', msg: 'hi' } });
    (await login(server.connect(), 'a')).close();
    await b.sync();
    expect((await b.ok('presence.get', { users: ['a'] })).presence).toEqual([
      { user: 'a', status: 'offline', lastSeen: null },
    ]);
    expect(b.eventsOf('presence')).toEqual([]);
  });
});

describe('presence fan-out to many contacts', () => {
  it('serves at most one batch of recipients per turn, one coalesced frame each', async () => {
    const turns: Array<() => void> = [];
    const server = createEmbeddedServer({ people: { fanoutBatch: 50, yieldTurn: (next) => turns.push(next) } });
    const n = 180;
    const contacts = await Promise.all(Array.from({ length: n }, (_, i) => login(server.connect(), `c${i}`)));
    const star = await login(server.connect(), 'star');
    await star.ok('group.create', { name: 'fans', members: contacts.map((_, i) => `c${i}`) });
    star.close();
    // Coming back online and going away at once: each contact gets one frame with the latest state.
    const again = await login(server.connect(), 'star');
    await again.ok('presence.set', { status: 'away' });
    await Promise.all(contacts.map((c) => c.sync()));
    const frames = () => contacts.reduce((sum, c) => sum + c.eventsOf('presence').length, 0);
    const before = frames();
    const served: number[] = [];
    for (let guard = 0; turns.length > 0 && guard < 100; guard++) {
      turns.shift()!();
      // The loopback hands frames over asynchronously.
      await new Promise((r) => setTimeout(r, 0));
      served.push(frames() - before - served.reduce((a, b) => a + b, 0));
    }
    expect(Math.max(...served)).toBeLessThanOrEqual(50);
    expect(served.reduce((a, b) => a + b, 0)).toBe(n);
    for (const c of contacts) {
      const last = c.eventsOf('presence').at(-1)!;
      expect(last.presence).toEqual([{ user: 'star', status: 'away', lastSeen: null }]);
    }
  });
});
