import { describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../src/protocol/frames';
import type { Transport } from '../../src/protocol/link';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import { stampedMessage, type MessageDraft } from '../../src/server/message-store';
import { localId, login } from './raw-client';

const text = (msg: string) => ({ type: 'txt' as const, msg });

/** `transport`, with each message event or answer it brings written to `log` as `who:kind`, in arrival order. */
function logged(transport: Transport, who: string, log: string[]): Transport {
  return {
    connect: (handlers) =>
      transport.connect({
        ...handlers,
        frame: (data) => {
          const f = JSON.parse(data) as ServerFrame;
          if (f.t === 'evt' && f.e.type === 'message') log.push(`${who}:event`);
          if (f.t === 'ok' && f.id.startsWith('r')) log.push(`${who}:ok`);
          handlers.frame(data);
        },
      }),
  };
}

describe('storing a message', () => {
  it('hands the other member their copy before the sender’s devices get theirs', async () => {
    const server = createEmbeddedServer({});
    const log: string[] = [];
    const alice = await login(logged(server.connect(), 'alice', log), 'alice', { device: 'phone' });
    await login(logged(server.connect(), 'alice-laptop', log), 'alice', { device: 'laptop' });
    const bob = await login(logged(server.connect(), 'bob', log), 'bob');
    log.length = 0;
    await alice.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text('hi') });
    await bob.sync();
    expect(log.indexOf('bob:event')).toBe(0);
    expect(log.slice(1).sort()).toEqual(['alice-laptop:event', 'alice:event', 'alice:ok']);
  });

  it('in a group, every other member’s copy goes out before the sender’s, whatever the member order', async () => {
    const server = createEmbeddedServer({});
    const log: string[] = [];
    const owner = await login(logged(server.connect(), 'owner', log), 'owner');
    const bob = await login(logged(server.connect(), 'bob', log), 'bob');
    await login(logged(server.connect(), 'carol', log), 'carol');
    await owner.ok('group.create', { groupId: 'g', name: 'Group', members: ['bob', 'carol'] });
    await bob.sync();
    log.length = 0;
    // The owner is the group's first member: their own copy would otherwise lead.
    await owner.ok('send', { localId: localId(), to: 'g', chatType: 'group', body: text('hi all') });
    await bob.sync();
    expect(log.slice(0, 2).sort()).toEqual(['bob:event', 'carol:event']);
    expect(log.slice(2)).toEqual(['owner:event', 'owner:ok']);
  });
});

describe('stampedMessage', () => {
  const draft = (): MessageDraft => ({ localId: 'l1', from: 'alice', to: 'bob', chatType: 'single', body: text('hi') });

  it('keeps the draft’s fields first, then the server id, seq and time, and leaves the draft as it was', () => {
    const d = draft();
    const m = stampedMessage(d, 's1', 7, 1000);
    expect(Object.keys(m)).toEqual(['localId', 'from', 'to', 'chatType', 'body', 'serverId', 'seq', 'ts']);
    expect(m).toEqual({ ...draft(), serverId: 's1', seq: 7, ts: 1000 });
    expect(d).toEqual(draft());
  });

  it('keeps excluded only when it is true', () => {
    expect(stampedMessage({ ...draft(), excluded: true }, 's1', 1, 1).excluded).toBe(true);
    expect('excluded' in stampedMessage({ ...draft(), excluded: false } as MessageDraft, 's2', 2, 2)).toBe(false);
    expect('excluded' in stampedMessage(draft(), 's3', 3, 3)).toBe(false);
  });
});
