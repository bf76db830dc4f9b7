import { describe, expect, it, vi } from 'vitest';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import type { Message } from '../../src/protocol/message';
import { createManualClock } from '../../src/server/clock';
import { MemoryStorage } from '../../src/server/memory-storage';
import type { Storage } from '../../src/server/storage';
import { asyncStorage } from '../../src/server/sync-storage-adapter';
import { localId, login } from './raw-client';

const text = (msg: string) => ({ type: 'txt' as const, msg });

describe('send, receive and history over the loopback', () => {
  it('stores a message once, assigns serverId/seq/ts and pushes it to both sides', async () => {
    const clock = createManualClock();
    const server = createEmbeddedServer({ clock });
    const alice = await login(server.connect(), 'alice');
    const bob = await login(server.connect(), 'bob');
    const r = await alice.ok('send', { localId: 'm1', to: 'bob', chatType: 'single', body: text('hi') });
    expect(r.message).toMatchObject({
      from: 'alice',
      to: 'bob',
      seq: 1,
      ts: clock.now(),
      body: { type: 'txt', msg: 'hi' },
    });
    expect(r.message.serverId).toMatch(/^[0-9A-Z]{26}$/);
    await bob.sync();
    expect(bob.eventsOf('message')).toEqual([
      { type: 'message', message: r.message, conversation: 'single:alice', unread: 1 },
    ]);
    expect(alice.eventsOf('message')[0]?.conversation).toBe('single:bob');
    const page = await bob.ok('history', { conversation: 'single:alice' });
    expect(page.messages).toEqual([r.message]);
  });

  it('answers a repeated localId with the same message and stores it once, even after reconnecting', async () => {
    const server = createEmbeddedServer({});
    const alice = await login(server.connect(), 'alice', { device: 'a1' });
    const first = await alice.ok('send', { localId: 'same', to: 'bob', chatType: 'single', body: text('once') });
    alice.close();
    const again = await login(server.connect(), 'alice', { device: 'a1' });
    const second = await again.ok('send', { localId: 'same', to: 'bob', chatType: 'single', body: text('once') });
    expect(second.message).toEqual(first.message);
    const page = await again.ok('history', { conversation: 'single:bob' });
    expect(page.messages).toHaveLength(1);
  });

  it('answers a retry of a stored message with it even when the send would now be refused', async () => {
    const server = createEmbeddedServer({});
    const alice = await login(server.connect(), 'alice');
    const bob = await login(server.connect(), 'bob');
    const first = await alice.ok('send', { localId: 'before-block', to: 'bob', chatType: 'single', body: text('hi') });
    await bob.ok('block', { user: 'alice' });
    const retry = await alice.ok('send', { localId: 'before-block', to: 'bob', chatType: 'single', body: text('hi') });
    expect(retry.message).toEqual(first.message);
    expect(await alice.code('send', { localId: 'after-block', to: 'bob', chatType: 'single', body: text('hi') })).toBe(
      603,
    );

    await bob.ok('group.create', { groupId: 'g', name: 'g', members: ['alice'] });
    const inGroup = await alice.ok('send', { localId: 'in-group', to: 'g', chatType: 'group', body: text('x') });
    await alice.ok('group.leave', { groupId: 'g' });
    const again = await alice.ok('send', { localId: 'in-group', to: 'g', chatType: 'group', body: text('x') });
    expect(again.message).toEqual(inGroup.message);
    expect(await alice.code('send', { localId: 'left', to: 'g', chatType: 'group', body: text('x') })).toBe(602);
  });

  it('routes a plain send once, in its commit, and a send naming a message or a file before the commit as well', async () => {
    // A storage shared with other nodes (as PostgreSQL is): no record is cached outside a commit,
    // so each routing of a send reads the group from it.
    const reads: string[] = [];
    const counting = (s: Storage, where: 'before' | 'commit'): Storage => ({
      ...s,
      shared: true,
      transaction: (fn) => s.transaction((tx) => fn(counting(tx, 'commit'))),
      getGroup: (groupId) => {
        reads.push(where);
        return s.getGroup(groupId);
      },
    });
    const storage = counting(asyncStorage(new MemoryStorage()), 'before');
    const server = createEmbeddedServer({ storage });
    const alice = await login(server.connect(), 'alice');
    const bob = await login(server.connect(), 'bob');
    await bob.ok('group.create', { groupId: 'g', name: 'g', members: ['alice'] });
    reads.length = 0;
    const plain = await alice.ok('send', { localId: 'plain', to: 'g', chatType: 'group', body: text('hi') });
    expect(reads).toEqual(['commit']);
    reads.length = 0;
    await alice.ok('send', {
      localId: 'reply',
      to: 'g',
      chatType: 'group',
      body: text('re'),
      replyTo: plain.message.serverId,
    });
    expect(reads[0]).toBe('before');
    expect(reads).toContain('commit');
    // Refused by the commit's check alone, with the code the check before it gave.
    expect(
      await login(server.connect(), 'eve').then((eve) =>
        eve.code('send', {
          localId: 'outsider',
          to: 'g',
          chatType: 'group',
          body: text('let me in'),
        }),
      ),
    ).toBe(602);
    expect((await bob.ok('history', { conversation: 'group:g' })).messages.map((m) => m.localId)).toEqual([
      'reply',
      'plain',
    ]);
  });

  it('does not ask the moderation hook again about a retry of a stored message', async () => {
    const judged: string[] = [];
    const server = createEmbeddedServer({
      moderate: (m) => {
        judged.push(m.localId);
        return 'allow';
      },
    });
    const alice = await login(server.connect(), 'alice');
    const first = await alice.ok('send', { localId: 'once', to: 'bob', chatType: 'single', body: text('hi') });
    const retry = await alice.ok('send', { localId: 'once', to: 'bob', chatType: 'single', body: text('hi') });
    expect(retry.message).toEqual(first.message);
    expect(judged).toEqual(['once']);
  });

  it('pages history newest first before a cursor', async () => {
    const server = createEmbeddedServer({});
    const a = await login(server.connect(), 'a');
    for (let i = 1; i <= 5; i++)
      await a.ok('send', { localId: localId(), to: 'b', chatType: 'single', body: text(`m${i}`) });
    const p1 = await a.ok('history', { conversation: 'single:b', limit: 2 });
    expect(p1.messages.map((m) => m.seq)).toEqual([5, 4]);
    expect(p1).toMatchObject({ cursor: 4, hasMore: true });
    const p2 = await a.ok('history', { conversation: 'single:b', limit: 2, before: 4 });
    expect(p2.messages.map((m) => m.seq)).toEqual([3, 2]);
    const p3 = await a.ok('history', { conversation: 'single:b', limit: 2, before: 2 });
    expect(p3).toMatchObject({ cursor: null, hasMore: false });
    expect(p3.messages.map((m) => m.seq)).toEqual([1]);
  });

  it('answers each kind of send with the stored message, as the bytes JSON.stringify makes of the answer', async () => {
    const server = createEmbeddedServer({});
    const raw: string[] = [];
    const conn = server
      .connect()
      .connect({ open: () => undefined, frame: (data) => raw.push(data), close: () => undefined });
    const request = async (id: string, op: string, p: unknown) => {
      conn.send(JSON.stringify({ v: 1, t: 'req', id, op, p }));
      await vi.waitFor(() => expect(raw.some((f) => f.includes(`"id":"${id}"`))).toBe(true));
      return raw.find((f) => f.includes(`"id":"${id}"`))!;
    };
    conn.send(JSON.stringify({ v: 1, t: 'hello', user: 'alice', device: 'd' }));
    await vi.waitFor(() => expect(raw.some((f) => f.includes('"t":"welcome"'))).toBe(true));
    const bob = await login(server.connect(), 'bob');
    await bob.ok('group.create', { groupId: 'g', name: 'g', members: ['alice'] });

    const plain = await request('r1', 'send', { localId: 'p', to: 'bob', chatType: 'single', body: text('hi') });
    const mention = await request('r2', 'send', {
      localId: 'm',
      to: 'g',
      chatType: 'group',
      body: text('@bob'),
      mentions: { users: ['bob'] },
    });
    const answered = (frame: string) => {
      const parsed = JSON.parse(frame) as { t: string; r: { message: Message } };
      expect(parsed.t).toBe('ok');
      expect(frame).toBe(JSON.stringify(parsed));
      return parsed.r.message;
    };
    const history = async (conversation: 'single:alice' | 'group:g') =>
      (await bob.ok('history', { conversation })).messages;
    expect(await history('single:alice')).toEqual([answered(plain)]);
    expect(await history('group:g')).toEqual([answered(mention)]);
    expect(answered(mention).mentions).toEqual({ users: ['bob'] });

    const root = answered(plain);
    const reply = answered(
      await request('r3', 'send', {
        localId: 't',
        to: 'bob',
        chatType: 'single',
        body: text('in a thread'),
        threadOf: root.serverId,
      }),
    );
    expect(reply).toMatchObject({ threadOf: root.serverId, body: text('in a thread') });
    // A retry is answered with the message as stored now (its thread summary included).
    const again = answered(
      await request('r4', 'send', { localId: 'p', to: 'bob', chatType: 'single', body: text('hi') }),
    );
    expect(await history('single:alice')).toEqual([again]);
    expect(again).toMatchObject({ ...root, thread: { count: 1 } });
  });
});
