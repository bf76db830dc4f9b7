// A muted conversation raises no push: with the host's push hook, an offline
// user who muted a single chat until a time and a group for good gets no
// notice for either (another offline member of the group does), and gets them
// again once the mute's end time has passed (server clock) or after unmute.
import { describe, expect, it } from 'vitest';
import type { PushNotice } from '../../src/server/server-options';
import { createManualClock } from '../../src/server/clock';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import { localId, login } from './raw-client';

const text = (msg: string) => ({ type: 'txt' as const, msg });

describe('conversation mute and push', () => {
  it('no notice for a muted conversation until its mute ends or is lifted', async () => {
    const clock = createManualClock();
    const pushed: [string, PushNotice][] = [];
    const server = createEmbeddedServer({ clock, push: (user, notice) => pushed.push([user, notice]) });
    const alice = await login(server.connect(), 'alice');
    await alice.ok('group.create', { groupId: 'g1', name: 'G', members: ['bob', 'carol'] });
    const bob = await login(server.connect(), 'bob');
    await bob.ok('mute', { conversation: 'single:alice', until: clock.now() + 60_000 });
    await bob.ok('mute', { conversation: 'group:g1' });
    bob.close();
    const noticesOf = (user: string) =>
      pushed.filter(([u]) => u === user).map(([, n]) => (n.kind === 'message' ? n.conversation : n.kind));

    await alice.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text('muted single') });
    await alice.ok('send', { localId: localId(), to: 'g1', chatType: 'group', body: text('muted group') });
    await expect.poll(() => noticesOf('carol')).toEqual(['group:g1']);
    expect(noticesOf('bob')).toEqual([]);

    clock.advance(60_001);
    await alice.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text('mute over') });
    await alice.ok('send', { localId: localId(), to: 'g1', chatType: 'group', body: text('still muted') });
    await expect.poll(() => noticesOf('carol')).toEqual(['group:g1', 'group:g1']);
    await expect.poll(() => noticesOf('bob')).toEqual(['single:alice']);

    const back = await login(server.connect(), 'bob');
    await back.ok('unmute', { conversation: 'group:g1' });
    back.close();
    await alice.ok('send', { localId: localId(), to: 'g1', chatType: 'group', body: text('unmuted') });
    await expect.poll(() => noticesOf('bob')).toEqual(['single:alice', 'group:g1']);
    await server.core.close();
  });
});
