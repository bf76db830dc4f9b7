import { describe, expect, it } from 'vitest';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import { MemoryStorage } from '../../src/server/memory-storage';
import type { MessageRecord } from '../../src/server/storage';
import { localId, login } from './raw-client';

const text = (msg: string) => ({ type: 'txt' as const, msg });

describe('group commit of sends', () => {
  it('sends pipelined on one connection keep their order in seq, answers and events', async () => {
    const server = createEmbeddedServer({});
    const alice = await login(server.connect(), 'alice');
    const bob = await login(server.connect(), 'bob');
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        alice.call('send', { localId: localId(), to: 'bob', chatType: 'single', body: text(`m${i}`) }),
      ),
    );
    expect(answers.map((a) => (a.t === 'ok' ? (a.r as { message: { seq: number } }).message.seq : a.code))).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(alice.frames.filter((f) => f.t === 'ok').map((f) => (f.t === 'ok' ? f.id : ''))).toEqual(
      answers.map((a) => (a.t === 'ok' ? a.id : '')),
    );
    await bob.sync();
    expect(
      bob.eventsOf('message').map((e) => [e.message.body.type === 'txt' ? e.message.body.msg : '', e.unread]),
    ).toEqual([
      ['m1', 1],
      ['m2', 2],
      ['m3', 3],
      ['m4', 4],
      ['m5', 5],
    ]);
    expect(bob.events.map((e) => e.pos)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a burst of sends larger than one group commit is committed in several, in order, the first answered before the rest are stored', async () => {
    const scheduled: Array<() => void> = [];
    const server = createEmbeddedServer({ scheduleCommit: (commit) => void scheduled.push(commit) });
    const alice = await login(server.connect(), 'alice');
    const bob = await login(server.connect(), 'bob');
    const sends = Array.from({ length: 100 }, (_, i) => ({
      localId: localId(),
      to: 'bob',
      chatType: 'single' as const,
      body: text(`m${i + 1}`),
    }));
    const answers = Promise.all(sends.map((p) => alice.call('send', p)));
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    await settle();
    expect(scheduled).toHaveLength(1);
    scheduled.shift()!();
    await settle();
    const answered = alice.frames.filter((f) => f.t === 'ok').length;
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThan(sends.length);
    expect(bob.eventsOf('message')).toHaveLength(answered);
    while (scheduled.length > 0) {
      scheduled.shift()!();
      await settle();
    }
    const seqs = (await answers).map((a) =>
      a.t === 'ok' ? (a.r as { message: { seq: number } }).message.seq : a.code,
    );
    expect(seqs).toEqual(sends.map((_, i) => i + 1));
    expect(bob.events.map((e) => e.pos)).toEqual(sends.map((_, i) => i + 1));
    expect(bob.eventsOf('message').map((e) => (e.message.body.type === 'txt' ? e.message.body.msg : ''))).toEqual(
      sends.map((p) => p.body.msg),
    );
  });

  it("an asynchronous moderation hook does not reorder one connection's sends", async () => {
    const server = createEmbeddedServer({
      moderate: async (m) => {
        // The first message is checked slowly, the later ones at once.
        if (m.body.type === 'txt' && m.body.msg === 'm1') for (let i = 0; i < 20; i++) await Promise.resolve();
        return 'allow' as const;
      },
    });
    const alice = await login(server.connect(), 'alice');
    const answers = await Promise.all(
      [1, 2, 3].map((i) =>
        alice.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text(`m${i}`) }),
      ),
    );
    expect(answers.map((a) => [a.message.seq, a.message.body.type === 'txt' ? a.message.body.msg : ''])).toEqual([
      [1, 'm1'],
      [2, 'm2'],
      [3, 'm3'],
    ]);
  });

  it('sends from several connections in one turn are stored once each, and the same localId twice only once', async () => {
    const server = createEmbeddedServer({});
    const owner = await login(server.connect(), 'owner');
    const bob = await login(server.connect(), 'bob');
    const carol = await login(server.connect(), 'carol');
    await owner.ok('group.create', { groupId: 'g', name: 'G', members: ['bob', 'carol'] });
    const same = localId();
    const [a, b, c, again] = await Promise.all([
      owner.ok('send', { localId: same, to: 'g', chatType: 'group', body: text('from owner') }),
      bob.ok('send', { localId: localId(), to: 'g', chatType: 'group', body: text('from bob') }),
      carol.ok('send', { localId: localId(), to: 'g', chatType: 'group', body: text('from carol') }),
      owner.ok('send', { localId: same, to: 'g', chatType: 'group', body: text('from owner') }),
    ]);
    expect(again.message).toEqual(a.message);
    expect([a, b, c].map((r) => r.message.seq).sort()).toEqual([1, 2, 3]);
    const history = await carol.ok('history', { conversation: 'group:g' });
    expect(history.messages.map((m) => m.serverId).sort()).toEqual([a, b, c].map((r) => r.message.serverId).sort());
    const conv = (await carol.ok('conversations', {})).conversations.find((x) => x.id === 'group:g');
    expect(conv?.unread).toBe(2);
  });

  it('the same localId from two devices, one held by moderation while the other commits first, is stored once', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const server = createEmbeddedServer({
      moderate: async (m) => {
        if (m.body.type === 'txt' && m.body.msg === 'slow') await held;
        return 'allow' as const;
      },
    });
    const phone = await login(server.connect(), 'alice', { device: 'phone' });
    const laptop = await login(server.connect(), 'alice', { device: 'laptop' });
    const same = localId();
    const slow = phone.call('send', { localId: same, to: 'bob', chatType: 'single', body: text('slow') });
    const fast = await laptop.ok('send', { localId: same, to: 'bob', chatType: 'single', body: text('fast') });
    // The fast one's commit has settled (and its bookkeeping with it) before the slow one goes on.
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    release();
    const answer = await slow;
    expect(answer.t === 'ok' ? (answer.r as { message: unknown }).message : answer).toEqual(fast.message);
    expect((await laptop.ok('history', { conversation: 'single:bob' })).messages.map((m) => m.serverId)).toEqual([
      fast.message.serverId,
    ]);
  });

  it('a request after pipelined sends sees all of them', async () => {
    const server = createEmbeddedServer({});
    const alice = await login(server.connect(), 'alice');
    const sends = [1, 2, 3].map((i) =>
      alice.call('send', { localId: localId(), to: 'bob', chatType: 'single', body: text(`m${i}`) }),
    );
    const history = alice.ok('history', { conversation: 'single:bob' });
    await Promise.all(sends);
    expect((await history).messages.map((m) => (m.body.type === 'txt' ? m.body.msg : ''))).toEqual(['m3', 'm2', 'm1']);
  });

  it('a storage failure rolls back the whole group commit, answers 5000 to each send, and a retry counts unread once', async () => {
    class FlakyStorage extends MemoryStorage {
      failOn = '';
      override insertMessage(record: MessageRecord): void {
        if (record.message.body.type === 'txt' && record.message.body.msg === this.failOn) throw new Error('disk full');
        super.insertMessage(record);
      }
    }
    const storage = new FlakyStorage();
    const errors: unknown[] = [];
    const server = createEmbeddedServer({ storage, onError: (e) => errors.push(e) });
    const alice = await login(server.connect(), 'alice');
    const carol = await login(server.connect(), 'carol');
    const bob = await login(server.connect(), 'bob');
    storage.failOn = 'boom';
    const first = { localId: localId(), to: 'bob', chatType: 'single' as const, body: text('fine') };
    const [a, c] = await Promise.all([
      alice.call('send', first),
      carol.call('send', { localId: localId(), to: 'bob', chatType: 'single', body: text('boom') }),
    ]);
    expect([a.t === 'err' && a.code, c.t === 'err' && c.code]).toEqual([5000, 5000]);
    expect(errors.length).toBeGreaterThan(0);
    expect((await bob.ok('conversations', {})).conversations).toEqual([]);
    storage.failOn = '';
    expect((await alice.ok('send', first)).message.seq).toBe(1);
    const list = (await bob.ok('conversations', {})).conversations;
    expect(list.map((x) => [x.id, x.unread])).toEqual([['single:alice', 1]]);
    await bob.sync();
    expect(bob.eventsOf('message').map((e) => e.unread)).toEqual([1]);
  });
});
