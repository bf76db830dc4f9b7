// This user's edits and reactions that wait for the server are shown at once,
// through the store's one writer: the message's view carries them as pending
// (`changing`) from the moment they are queued — also for a store bound after
// they were made, as after a reload — then gives way to the server's copy once
// they are applied, once, or drops them when the server refuses one.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatClient } from '../../src/client/chat-client-types';
import type { HistoryPage } from '../../src/protocol/frames';
import type { Message } from '../../src/protocol/message';
import type { ChatBinding } from '../../src/store/bind-client';
import type { ChatStore } from '../../src/store/create-chat-store';
import { createMessageViewBuilder, type ChatMessage } from '../../src/store/message-view';
import { selectMessages } from '../../src/store/selectors';
import { createHarness, until, type Harness } from './chat-harness';
import { annViews, boundStore, offlineAnn as offlineAnnOf } from './pending-changes-support';

const BOB = 'single:bob' as const;
let h: Harness;
const offs: Array<() => void> = [];
afterEach(() => {
  for (const off of offs.splice(0)) off();
  h?.close();
});

const offlineAnn = (): ChatClient => offlineAnnOf(h, offs);
/** A store bound to `client`, drawn with `page` as the offline cache draws its pages. */
const bound = (client: ChatClient, page: HistoryPage): { store: ChatStore; binding: ChatBinding } =>
  boundStore(client, [[BOB, page]], offs);
/** The view of one message as ann's list shows it. */
const viewOf = (store: ChatStore, m: Message): ChatMessage | undefined =>
  annViews(store, BOB).find((v) => v.serverId === m.serverId);

const textOf = (v: ChatMessage | undefined) => (v?.body.type === 'txt' ? v.body.msg : undefined);

/** ann's "first draft" and bob's "react to this", and ann's history page holding both. */
async function conversation(): Promise<{ mine: Message; theirs: Message; page: HistoryPage; bob: ChatClient }> {
  const bob = await h.client('bob');
  const ann = await h.client('ann');
  const mine = await ann.sendText(BOB, 'first draft');
  const theirs = await bob.sendText('single:ann', 'react to this');
  const page = await ann.history(BOB);
  ann.close();
  return { mine, theirs, page, bob };
}

describe('pending edits and reactions in the store', () => {
  it('shows an edit and a reaction made offline at once, then the server’s copy once they are applied', async () => {
    h = createHarness();
    const { mine, theirs, page, bob } = await conversation();
    const client = offlineAnn();
    const { store } = bound(client, page);
    const edited = client.editText(mine.serverId, 'final text');
    const reacted = client.react(theirs.serverId, '🙏');
    await until(() => viewOf(store, theirs)?.changing && viewOf(store, mine)?.changing, 'both pending');
    expect(textOf(viewOf(store, mine))).toBe('final text');
    expect(viewOf(store, mine)?.message?.edited).toBeDefined();
    expect(viewOf(store, theirs)?.message?.reactions).toEqual([{ emoji: '🙏', users: ['ann'] }]);
    // The stored copies are the server's until it applies the changes.
    const stored = selectMessages(store.getState(), BOB).items;
    expect(stored.map((m) => m.reactions ?? [])).toEqual([[], []]);

    await client.connect();
    await Promise.all([edited, reacted]);
    await until(() => store.getState().features.changes.size === 0, 'settled');
    expect(viewOf(store, mine)).toMatchObject({ changing: false, body: { type: 'txt', msg: 'final text' } });
    expect(viewOf(store, theirs)?.changing).toBe(false);
    expect(viewOf(store, theirs)?.message?.reactions).toEqual([{ emoji: '🙏', users: ['ann'] }]);
    // Applied once each on the server.
    const onServer = (await bob.history('single:ann')).messages;
    expect(onServer.find((m) => m.serverId === mine.serverId)).toMatchObject({ rev: 1, body: { msg: 'final text' } });
    expect(onServer.find((m) => m.serverId === theirs.serverId)).toMatchObject({
      rev: 1,
      reactions: [{ emoji: '🙏', users: ['ann'] }],
    });
  });

  it('a store bound after the changes were made (as after a reload) shows them pending too', async () => {
    h = createHarness();
    const { mine, theirs, page } = await conversation();
    const client = offlineAnn();
    void client.react(theirs.serverId, '🙏');
    void client.editText(mine.serverId, 'final text');
    void client.unreact(theirs.serverId, '🙏');
    expect(client.pendingChanges().map((c) => c.change.type)).toEqual(['react', 'edit', 'react']);
    const { store } = bound(client, page);
    await until(() => viewOf(store, mine)?.changing, 'edit pending');
    expect(textOf(viewOf(store, mine))).toBe('final text');
    // Added, then taken back: in the order made.
    expect(viewOf(store, theirs)).toMatchObject({ changing: true });
    expect(viewOf(store, theirs)?.message?.reactions).toBeUndefined();
  });

  it('rolls back a change the server refuses: the message shows as the server has it, with the reason until dismissed', async () => {
    h = createHarness();
    const { theirs, page } = await conversation();
    const client = offlineAnn();
    const { store } = bound(client, page);
    const refused = client.editText(theirs.serverId, 'not mine to edit');
    await until(() => viewOf(store, theirs)?.changing, 'pending');
    expect(textOf(viewOf(store, theirs))).toBe('not mine to edit');
    await client.connect();
    await expect(refused).rejects.toMatchObject({ code: expect.any(Number) });
    await until(() => viewOf(store, theirs)?.changing === false, 'rolled back');
    const view = viewOf(store, theirs);
    expect(view).toMatchObject({ changing: false, body: { type: 'txt', msg: 'react to this' } });
    expect(view?.message?.edited).toBeUndefined();
    expect(view?.waiting?.map((c) => [c.change.type, c.error?.code])).toEqual([['edit', 510]]);
    client.dismissChange(view!.waiting![0]!.id);
    await until(() => store.getState().features.changes.size === 0, 'dismissed');
    expect(viewOf(store, theirs)?.waiting).toBeUndefined();
  });

  it('a change waiting on another conversation’s message leaves this conversation’s views as they are', async () => {
    h = createHarness();
    const { page } = await conversation();
    const other = await h.client('cy');
    const elsewhere = await other.sendText('single:ann', 'in another conversation');
    const client = offlineAnn();
    const { store } = bound(client, page);
    const build = createMessageViewBuilder('ann', BOB);
    const before = build(selectMessages(store.getState(), BOB), undefined, store.getState().features.changes);
    void client.react(elsewhere.serverId, '👍');
    await until(() => store.getState().features.changes.size === 1, 'queued');
    const s = store.getState();
    expect(build(selectMessages(s, BOB), undefined, s.features.changes)).toBe(before);
  });
});
