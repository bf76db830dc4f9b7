import { describe, expect, it } from 'vitest';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import { localId, login } from './raw-client';

const text = (msg: string) => ({ type: 'txt' as const, msg });

async function pair() {
  const server = createEmbeddedServer({});
  const alice = await login(server.connect(), 'alice');
  const bob = await login(server.connect(), 'bob', { device: 'b1' });
  const bob2 = await login(server.connect(), 'bob', { device: 'b2' });
  const say = (msg: string) => alice.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text(msg) });
  return { server, alice, bob, bob2, say };
}

describe('conversation list and server-side unread', () => {
  it('counts messages from others; commands and own messages do not count', async () => {
    const { alice, bob, say } = await pair();
    await say('1');
    await say('2');
    await alice.ok('send', {
      localId: localId(),
      to: 'bob',
      chatType: 'single',
      body: { type: 'cmd', action: 'typing' },
    });
    await bob.ok('send', { localId: localId(), to: 'alice', chatType: 'single', body: text('mine') });
    const { conversations } = await bob.ok('conversations', {});
    expect(conversations).toHaveLength(1);
    expect(conversations[0]).toMatchObject({
      id: 'single:alice',
      type: 'single',
      target: 'alice',
      unread: 2,
      readSeq: 0,
      lastSeq: 4,
    });
    expect(conversations[0]?.lastMessage?.body).toEqual(text('mine'));
    const cmd = (await bob.ok('history', { conversation: 'single:alice' })).messages.find((m) => m.body.type === 'cmd');
    expect(cmd?.excluded).toBe(true);
  });

  it('ack clears unread on every device of the reader and tells the peer', async () => {
    const { alice, bob, bob2, say } = await pair();
    await say('1');
    await say('2');
    await say('3');
    expect(await bob.ok('ack', { conversation: 'single:alice', upToSeq: 2 })).toEqual({ readSeq: 2, unread: 1 });
    expect((await bob.ok('conversations', {})).conversations[0]?.unread).toBe(1);
    expect(await bob.ok('ack', { conversation: 'single:alice' })).toEqual({ readSeq: 3, unread: 0 });
    await bob2.sync();
    expect(bob2.eventsOf('readState')).toEqual([
      { type: 'readState', conversation: 'single:alice', readSeq: 2, unread: 1 },
      { type: 'readState', conversation: 'single:alice', readSeq: 3, unread: 0 },
    ]);
    await alice.sync();
    expect(alice.eventsOf('channelAck').at(-1)).toEqual({
      type: 'channelAck',
      conversation: 'single:bob',
      by: 'bob',
      upToSeq: 3,
    });
    expect((await bob2.ok('conversations', {})).conversations[0]?.unread).toBe(0);
    // Acking backwards changes nothing.
    expect(await bob.ok('ack', { conversation: 'single:alice', upToSeq: 1 })).toEqual({ readSeq: 3, unread: 0 });
  });

  it('message events carry the receiver’s new unread count', async () => {
    const { bob, say } = await pair();
    await say('1');
    await say('2');
    await bob.sync();
    expect(bob.eventsOf('message').map((e) => e.unread)).toEqual([1, 2]);
  });

  it('deleting a conversation hides it until the next message; with history it clears roaming for that user only', async () => {
    const { alice, bob, bob2, say } = await pair();
    await say('old');
    await bob.ok('deleteConversation', { conversation: 'single:alice', deleteHistory: true });
    await bob2.sync();
    expect(bob2.eventsOf('conversationDeleted')).toEqual([
      { type: 'conversationDeleted', conversation: 'single:alice', deleteHistory: true },
    ]);
    expect((await bob.ok('conversations', {})).conversations).toEqual([]);
    expect((await bob.ok('history', { conversation: 'single:alice' })).messages).toEqual([]);
    expect((await alice.ok('history', { conversation: 'single:bob' })).messages).toHaveLength(1);
    await say('new');
    const list = (await bob.ok('conversations', {})).conversations;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ unread: 1, lastMessage: { body: text('new') } });
    expect((await bob.ok('history', { conversation: 'single:alice' })).messages.map((m) => m.body)).toEqual([
      text('new'),
    ]);
  });

  it('deleting without history keeps roaming messages', async () => {
    const { bob, say } = await pair();
    await say('kept');
    await bob.ok('deleteConversation', { conversation: 'single:alice' });
    expect((await bob.ok('conversations', {})).conversations).toEqual([]);
    expect((await bob.ok('history', { conversation: 'single:alice' })).messages).toHaveLength(1);
  });

  it('group messages raise every other member’s unread; members who join later start at zero', async () => {
    const server = createEmbeddedServer({});
    const owner = await login(server.connect(), 'owner');
    const bob = await login(server.connect(), 'bob');
    const late = await login(server.connect(), 'late');
    await owner.ok('group.create', { groupId: 'g', name: 'g', members: ['bob'] });
    for (const msg of ['1', '2'])
      await owner.ok('send', { localId: localId(), to: 'g', chatType: 'group', body: text(msg) });
    await owner.ok('group.addMembers', { groupId: 'g', users: ['late'] });
    await bob.ok('send', { localId: localId(), to: 'g', chatType: 'group', body: text('3') });
    const unreadOf = async (c: typeof owner) =>
      (await c.ok('conversations', {})).conversations.find((x) => x.id === 'group:g')?.unread;
    expect(await unreadOf(owner)).toBe(1);
    expect(await unreadOf(bob)).toBe(2);
    expect(await unreadOf(late)).toBe(1);
    // A signaling step in the group is a message every member sees, invited or not.
    await owner.ok('sig.invite', { groupId: 'g', invitees: ['bob'] });
    await late.sync();
    expect(late.eventsOf('message').at(-1)?.message.body.type).toBe('signal');
    expect(late.eventsOf('invitation')).toEqual([]);
    expect(await unreadOf(late)).toBe(2);
  });
});
