// Group "who read" from a channel ack: marking a group conversation read (what
// the drop-in MessageList does on view) counts as a read receipt for every
// allowGroupAck message in the newly read range, once per member, with the
// count pushed to the sender as for per-message receipts.
import { describe, expect, it } from 'vitest';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import { localId, login } from './raw-client';

const text = (msg: string) => ({ type: 'txt' as const, msg });

describe('group read receipts from a channel ack', () => {
  it('counts each member once for the allowGroupAck messages they acked, and pushes the counts to the sender', async () => {
    const server = createEmbeddedServer();
    const alice = await login(server.connect(), 'alice');
    const bob = await login(server.connect(), 'bob');
    const carol = await login(server.connect(), 'carol');
    await alice.ok('group.create', { groupId: 'team', name: 'Team', members: ['bob', 'carol'] });
    const send = async (msg: string, allowGroupAck: boolean) =>
      (
        await alice.ok('send', {
          localId: localId(),
          to: 'team',
          chatType: 'group',
          body: text(msg),
          ...(allowGroupAck ? { config: { allowGroupAck: true } } : {}),
        })
      ).message;
    const m1 = await send('one', true);
    const plain = await send('plain', false);
    const m2 = await send('two', true);
    const m3 = await send('three', true);
    // Carol's own message in the range is not counted for anyone but its readers.
    await carol.ok('send', { localId: localId(), to: 'team', chatType: 'group', body: text('from carol'), config: {} });

    await bob.ok('ack', { conversation: 'group:team', upToSeq: m2.seq });
    await alice.sync();
    const counts = (): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const e of alice.eventsOf('groupRead')) out[e.serverId] = e.count;
      return out;
    };
    expect(counts()).toEqual({ [m1.serverId]: 1, [m2.serverId]: 1 });
    expect(alice.eventsOf('groupRead').every((e) => e.by === 'bob' && e.conversation === 'group:team')).toBe(true);

    await carol.ok('ack', { conversation: 'group:team' });
    await bob.ok('ack', { conversation: 'group:team' });
    // Acking again, or a per-message receipt after the ack, changes nothing.
    await bob.ok('ack', { conversation: 'group:team' });
    expect((await bob.call('read', { serverId: m1.serverId })).t).toBe('ok');
    await alice.sync();
    expect(counts()).toEqual({ [m1.serverId]: 2, [m2.serverId]: 2, [m3.serverId]: 2 });
    expect(alice.eventsOf('groupRead')).toHaveLength(6);
    expect((await alice.ok('groupReaders', { serverId: m3.serverId })).readers.sort()).toEqual(['bob', 'carol']);
    expect((await alice.ok('groupReaders', { serverId: plain.serverId })).readers).toEqual([]);
    const page = await alice.ok('history', { conversation: 'group:team' });
    expect(page.groupReadCounts).toEqual({ [m1.serverId]: 2, [m2.serverId]: 2, [m3.serverId]: 2 });
    server.close();
  });
});
