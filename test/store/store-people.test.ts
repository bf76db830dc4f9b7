// The store follows profiles and presence through its one writer: answers to
// profile and presence requests (whoever made them) and the changes the
// server pushes; an older profile answer never replaces a newer pushed one.
import { afterEach, describe, expect, it } from 'vitest';
import { getPresence, getProfiles, setProfile } from '../../src/client/people';
import { createHarness, until, type Harness } from './chat-harness';

let h: Harness;
afterEach(() => h?.close());

describe('people in the store', () => {
  it('keeps profiles from answers and pushed changes, and presence as it changes', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    const bob = await h.session('bob');
    await alice.client.sendText('single:bob', 'hi');
    await setProfile(bob.client, { name: 'Bob Builder' });
    // Bob's own answer is in his store when the call resolves.
    expect(bob.store.getState().people.profiles.get('bob')?.name).toBe('Bob Builder');

    const [profile] = await getProfiles(alice.client, ['bob']);
    expect(profile?.name).toBe('Bob Builder');
    expect(alice.store.getState().people.profiles.get('bob')).toEqual(profile);
    await getPresence(alice.client, ['bob']);
    expect(alice.store.getState().people.presence.get('bob')?.status).toBe('online');

    // Pushed: a rename, and bob going offline.
    await setProfile(bob.client, { name: 'Robert' });
    await until(() => alice.store.getState().people.profiles.get('bob')?.name === 'Robert', 'pushed profile');
    bob.client.close();
    await until(() => alice.store.getState().people.presence.get('bob')?.status === 'offline', 'pushed presence');
    expect(alice.store.getState().people.presence.get('bob')?.lastSeen).toEqual(expect.any(Number));
  });

  it('an answer older than the profile it has does not replace it; batches without people keep the slice', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    const store = alice.store;
    store.apply([{ kind: 'event', event: { type: 'profile', profile: { user: 'bob', name: 'New', updatedAt: 200 } } }]);
    store.apply([{ kind: 'profiles', profiles: [{ user: 'bob', name: 'Old', updatedAt: 100 }] }]);
    expect(store.getState().people.profiles.get('bob')?.name).toBe('New');
    const people = store.getState().people;
    store.apply([{ kind: 'syncing', syncing: true }]);
    expect(store.getState().people).toBe(people);
    store.apply([{ kind: 'presence', presence: [{ user: 'bob', status: 'away', lastSeen: null }] }]);
    expect(store.getState().people.presence.get('bob')?.status).toBe('away');
    expect(store.getState().people.profiles).toBe(people.profiles);
  });
});
