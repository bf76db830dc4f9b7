// Crash tests with a real `natter serve` child process on SQLite: kill -9 right
// after an acknowledged send, restart on the same files, and check that nothing
// acknowledged was lost, nothing is delivered twice, invitations whose deadline
// passed while the server was down time out, and a resent localId gets the
// original answer.
import { afterEach, describe, expect, it } from 'vitest';
import { createToken } from '../../src/node/token';
import type { HistoryPage } from '../../src/protocol/frames';
import type { Invitation } from '../../src/protocol/invitation';
import type { Message } from '../../src/protocol/message';
import { RawClient } from './support/raw-client';
import { SECRET, spawnServer, tempDir, type ChildServer } from './support/servers';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function boot(dir: string): Promise<ChildServer> {
  const s = await spawnServer(dir);
  cleanups.push(() => (s.child.exitCode === null && s.child.signalCode === null ? s.kill9() : undefined));
  return s;
}
async function connect(server: ChildServer, user: string, resume?: number): Promise<RawClient> {
  const c = await RawClient.connect(server.url, {
    token: createToken(user, { secret: SECRET }),
    device: `${user}-phone`,
    ...(resume !== undefined ? { resume } : {}),
  });
  cleanups.push(() => c.close());
  return c;
}
const text = (localId: string, to: string, msg: string) => ({
  localId,
  to,
  chatType: 'single',
  body: { type: 'txt', msg },
});

describe('natter serve after kill -9', () => {
  it('keeps an acknowledged message: in history, and delivered once to an offline recipient on resume', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    let server = await boot(tmp.dir);
    // Bob has been online once: he knows his position, then goes away.
    const bob0 = await connect(server, 'bob');
    const bobPos = bob0.welcome!.pos;
    await bob0.close();
    const alice = await connect(server, 'alice');
    const { message } = await alice.call<{ message: Message }>('send', text('crash-1', 'bob', 'survives kill -9'));
    await server.kill9();

    server = await boot(tmp.dir);
    const bob = await connect(server, 'bob', bobPos);
    expect(bob.welcome).toMatchObject({ resumed: true, reset: false });
    await bob.until(() => bob.eventsOf('message').length >= 1);
    const delivered = bob.eventsOf('message').filter((e) => e.message.serverId === message.serverId);
    expect(delivered).toHaveLength(1);
    const page = await bob.call<HistoryPage>('history', { conversation: 'single:alice' });
    expect(page.messages.map((m) => [m.serverId, m.body])).toEqual([
      [message.serverId, { type: 'txt', msg: 'survives kill -9' }],
    ]);
    expect(
      (await bob.call<{ conversations: { id: string; unread: number }[] }>('conversations', {})).conversations,
    ).toMatchObject([{ id: 'single:alice', unread: 1 }]);

    // Resuming from where he got to replays nothing again.
    const lastPos = Math.max(...bob.events.map((e) => e.pos ?? 0));
    await bob.close();
    const bobAgain = await connect(server, 'bob', lastPos);
    expect(bobAgain.welcome).toMatchObject({ resumed: true, pos: lastPos });
    await bobAgain.call('conversations', {});
    expect(bobAgain.eventsOf('message')).toHaveLength(0);
  });

  it('answers a resent localId after the restart with the original message, never a second copy', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    let server = await boot(tmp.dir);
    const alice = await connect(server, 'alice');
    const first = await alice.call<{ message: Message }>('send', text('same-local-id', 'bob', 'once'));
    await server.kill9();

    server = await boot(tmp.dir);
    const again = await connect(server, 'alice');
    const second = await again.call<{ message: Message }>('send', text('same-local-id', 'bob', 'once'));
    expect(second.message).toEqual(first.message);
    const page = await again.call<HistoryPage>('history', { conversation: 'single:bob' });
    expect(page.messages).toHaveLength(1);
  });

  it('times out, for both sides, an invitation whose deadline passed while the server was down', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    let server = await boot(tmp.dir);
    const bob0 = await connect(server, 'bob');
    const bobPos = bob0.welcome!.pos;
    await bob0.close();
    const alice = await connect(server, 'alice');
    const { invitation } = await alice.call<{ invitation: Invitation }>('sig.invite', {
      invitees: ['bob'],
      data: '{"call":"video"}',
      timeout: 1,
    });
    const alicePos = Math.max(alice.welcome!.pos, ...alice.events.map((e) => e.pos ?? 0));
    await server.kill9();
    // Let the one-second deadline pass while nothing is running (bounded real wait).
    await new Promise((r) => setTimeout(r, 1500));

    server = await boot(tmp.dir);
    const [aliceBack, bob] = [await connect(server, 'alice', alicePos), await connect(server, 'bob', bobPos)];
    for (const c of [aliceBack, bob]) {
      await c.until(() => c.eventsOf('invitation').some((e) => e.action === 'timeout'));
      const timeouts = c
        .eventsOf('invitation')
        .filter((e) => e.action === 'timeout' && e.invitation.inviteId === invitation.inviteId);
      expect(timeouts).toHaveLength(1);
      expect(timeouts[0]!.invitation.states).toEqual({ bob: 'timeout' });
    }
    expect(bob.eventsOf('invitation').map((e) => e.action)).toEqual(['invite', 'timeout']);
    const { invitation: after } = await bob.call<{ invitation: Invitation }>('sig.get', {
      inviteId: invitation.inviteId,
    });
    expect(after.states).toEqual({ bob: 'timeout' });
    expect((await bob.request('sig.accept', { inviteId: invitation.inviteId })).code).toBe(8010);
  });
});
