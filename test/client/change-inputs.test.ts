// The change queue's edits and reactions on the client's input stream: each
// is a `change` input as soon as it waits (made now, or restored from the
// offline cache's saved changes, before anything is sent), then one
// `changeSettled` with the server's copy when applied, or without one when
// refused; a saved change of another kind or a bad shape is not shown.
import { afterEach, describe, expect, it } from 'vitest';
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient, ClientInput } from '../../src/client/chat-client-types';
import { restoreChange, type SavedChange } from '../../src/client/change-persistence';
import { ChangeQueue } from '../../src/client/change-queue';
import { changeInputs } from '../../src/client/change-inputs';
import { pendingChangeOf } from '../../src/client/pending-change';
import { createEmbeddedServer, type EmbeddedServer } from '../../src/server/embedded-server';

const servers: EmbeddedServer[] = [];
const clients: ChatClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) s.close();
});

function client(srv: EmbeddedServer, user: string): ChatClient {
  const c = createChatClient({ transport: srv.connect(), user, reconnect: { initialDelayMs: 5, maxDelayMs: 20 } });
  clients.push(c);
  return c;
}

const changeKinds = (inputs: readonly ClientInput[]) =>
  inputs.filter((i) => i.kind === 'change' || i.kind === 'changeSettled');

describe('queued edits and reactions on the input stream', () => {
  it('a change made offline is an input at once, and settles once with the server’s copy', async () => {
    const srv = createEmbeddedServer();
    servers.push(srv);
    const bob = client(srv, 'bob');
    await bob.connect();
    const m = await bob.sendText('single:ann', 'hi ann');
    const ann = client(srv, 'ann');
    const inputs: ClientInput[] = [];
    ann.on('input', (i) => inputs.push(i));
    const reacted = ann.react(m.serverId, '👍');
    expect(changeKinds(inputs)).toEqual([
      {
        kind: 'change',
        change: {
          id: expect.any(String),
          serverId: m.serverId,
          at: expect.any(Number),
          change: { type: 'react', emoji: '👍', remove: false },
        },
      },
    ]);
    await ann.connect();
    const applied = await reacted;
    const [queued, settled, ...rest] = changeKinds(inputs);
    expect(rest).toEqual([]);
    expect(settled).toEqual({
      kind: 'changeSettled',
      id: (queued as Extract<ClientInput, { kind: 'change' }>).change.id,
      message: applied,
    });
    expect(ann.pendingChanges()).toEqual([]);
  });

  it('a refused change settles without a copy, with the server’s reason', async () => {
    const srv = createEmbeddedServer();
    servers.push(srv);
    const bob = client(srv, 'bob');
    await bob.connect();
    const m = await bob.sendText('single:ann', 'bob wrote this');
    const ann = client(srv, 'ann');
    const inputs: ClientInput[] = [];
    ann.on('input', (i) => inputs.push(i));
    const edit = ann.editText(m.serverId, 'ann may not edit it');
    await ann.connect();
    await expect(edit).rejects.toMatchObject({ code: expect.any(Number) });
    expect(changeKinds(inputs).map((i) => (i.kind === 'changeSettled' ? [i.message, i.error?.code] : i.kind))).toEqual([
      'change',
      [null, 510],
    ]);
  });

  it('changes restored from the last session are inputs before any is sent, in the order made', async () => {
    const saved: SavedChange[] = [
      { id: 'c2', order: 2, op: 'react', params: { serverId: 's1', emoji: '🙏' } },
      { id: 'c1', order: 1, op: 'edit', params: { serverId: 's1', body: { type: 'txt', msg: 'new' }, editId: 'e' } },
      { id: 'c3', order: 3, op: 'pin', params: { serverId: 's1' } },
      { id: 'c4', order: 4, op: 'edit', params: { serverId: 's1', body: { type: 'img' } } },
    ];
    const inputs: ClientInput[] = [];
    const sent: string[] = [];
    const queue = new ChangeQueue({
      dispatch: (op) => {
        sent.push(op);
        return true;
      },
      isOpen: () => true,
      newId: () => 'new',
      now: () => 10,
      // As the offline cache reads them: each through restoreChange (c4's image edit is refused there).
      persistence: {
        load: () => Promise.resolve(saved.flatMap((c) => restoreChange(c) ?? [])),
        put: () => undefined,
        delete: () => undefined,
      },
      observer: changeInputs((i) => {
        inputs.push(i);
        // Shown before the first of them is sent.
        expect(sent).toEqual([]);
      }),
    });
    await queue.restored;
    expect(sent).toEqual(['edit']);
    expect(inputs.map((i) => (i.kind === 'change' ? [i.change.id, i.change.change.type] : i.kind))).toEqual([
      ['c1', 'edit'],
      ['c2', 'react'],
      ['c3', 'pin'],
    ]);
  });

  it('a change adopted from a tab that closed is an input and is sent once, however often it is adopted', async () => {
    const inputs: ClientInput[] = [];
    const sent: string[] = [];
    const queue = new ChangeQueue({
      dispatch: (_op, params) => {
        sent.push((params as { serverId: string }).serverId);
        return true;
      },
      isOpen: () => true,
      newId: () => 'new',
      now: () => 10,
      observer: changeInputs((i) => inputs.push(i)),
    });
    await queue.restored;
    const left: SavedChange = { id: 'c9', order: 5, op: 'pin', params: { serverId: 's9' } };
    queue.adopt(left);
    queue.adopt(left);
    expect(sent).toEqual(['s9']);
    expect(queue.waiting()).toEqual([left]);
    expect(inputs.map((i) => (i.kind === 'change' ? i.change.id : i.kind))).toEqual(['c9']);
  });

  it('a change restored from IndexedDB or heard from another tab is read only in a shape a view can show', () => {
    // restoreChange is the door of every change from outside this page; pendingChangeOf trusts what it lets in.
    const of = (op: SavedChange['op'], params: Record<string, unknown>, shown?: unknown) => {
      const saved = restoreChange({ id: 'x', order: 1, op, params, ...(shown ? { shown } : {}) });
      return saved && pendingChangeOf(saved);
    };
    expect(of('react', { serverId: 's', emoji: '👍', remove: true })?.change).toEqual({
      type: 'react',
      emoji: '👍',
      remove: true,
    });
    expect(of('react', { serverId: 's' })).toBeNull();
    expect(of('react', { emoji: '👍' })).toBeNull();
    expect(of('edit', { serverId: 's', body: 'text' })).toBeNull();
    expect(of('edit', { serverId: 's', body: { type: 'txt', msg: 'a' }, mentions: { users: [1] } })).toBeNull();
    expect(of('edit', { serverId: 's', body: { type: 'txt', msg: 'a' }, mentions: { users: ['u'] } })?.change).toEqual({
      type: 'edit',
      body: { type: 'txt', msg: 'a' },
      mentions: { users: ['u'] },
    });
    expect(of('pin', { unpin: true })).toBeNull();
    expect(of('delete', { serverId: 's', scope: 'me' })?.change).toEqual({ type: 'delete', scope: 'me' });
    expect(of('delete', { serverId: 's', scope: 'all' })).toBeNull();
    expect(of('pin', { serverId: 's', unpin: true })?.change).toEqual({ type: 'pin', unpin: true });
    const forward = { serverId: 's', localId: 'L', to: 'bob', chatType: 'single' };
    expect(of('forward', forward, { body: { type: 'txt', msg: 'hi' } })?.change).toEqual({
      type: 'forward',
      localId: 'L',
      to: 'single:bob',
      body: { type: 'txt', msg: 'hi' },
    });
    // The shown body is display only: a bad one shows as not known, the forward still shows.
    expect(of('forward', forward, { body: 'hi' })?.change).toMatchObject({ type: 'forward', body: null });
    expect(of('forward', { serverId: 's', to: 'bob', chatType: 'single' })).toBeNull();
    expect(of('threadAck', { serverId: 's' })).toBeNull();
    expect(restoreChange({ id: 'x', order: 1, op: 'threadAck', params: { serverId: 's' } })).not.toBeNull();
  });
});
