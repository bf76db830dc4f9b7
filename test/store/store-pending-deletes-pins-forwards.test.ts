// This user's deletes, pins and forwards that wait for the server are shown
// at once through the store's one writer, like edits and reactions: a delete
// for everyone as a tombstone and a delete for this user as waiting (the list
// draws its short line), a pin in the conversation's pins, a forward as a
// pending row of the conversation it goes to; each gives way to the server's
// result once it is applied (one row per forward, never two), and a refused
// one is undone and kept with the server's reason.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatClient } from '../../src/client/chat-client-types';
import type { ConversationId } from '../../src/protocol/ids';
import type { HistoryPage } from '../../src/protocol/frames';
import type { Message } from '../../src/protocol/message';
import type { ChatStore } from '../../src/store/create-chat-store';
import type { ChatMessage } from '../../src/store/message-view';
import { selectMessages } from '../../src/store/selectors';
import { pinsWithChanges } from '../../src/store/pending-forward';
import { createHarness, until, type Harness } from './chat-harness';
import { annViews, boundStore, offlineAnn as offlineAnnOf } from './pending-changes-support';

const BOB = 'single:bob' as const;
const CY = 'single:cy' as const;
let h: Harness;
const offs: Array<() => void> = [];
afterEach(() => {
  for (const off of offs.splice(0)) off();
  h?.close();
});

const offlineAnn = (): ChatClient => offlineAnnOf(h, offs);
const bound = (client: ChatClient, pages: Array<[ConversationId, HistoryPage]>): ChatStore =>
  boundStore(client, pages, offs).store;
const views = annViews;

const viewOf = (store: ChatStore, m: Message) => views(store, BOB).find((v) => v.serverId === m.serverId);
const kinds = (v: ChatMessage | undefined) => v?.waiting?.map((c) => [c.change.type, c.error?.code ?? null]);

async function setUp(): Promise<{ mine: Message; theirs: Message; bobPage: HistoryPage; cyPage: HistoryPage }> {
  const bob = await h.client('bob');
  const cy = await h.client('cy');
  const ann = await h.client('ann');
  const mine = await ann.sendText(BOB, 'mine to delete');
  const theirs = await bob.sendText('single:ann', 'pin or forward me');
  await cy.sendText('single:ann', 'hello from cy');
  const bobPage = await ann.history(BOB);
  const cyPage = await ann.history(CY);
  ann.close();
  return { mine, theirs, bobPage, cyPage };
}

describe('pending deletes, pins and forwards in the store', () => {
  it('shows a delete for everyone and one for this user at once, then the server’s result once', async () => {
    h = createHarness();
    const { mine, theirs, bobPage } = await setUp();
    const client = offlineAnn();
    const store = bound(client, [[BOB, bobPage]]);
    const everyone = client.deleteMessage(mine.serverId, 'everyone');
    const me = client.deleteMessage(theirs.serverId, 'me');
    await until(() => viewOf(store, mine)?.changing && viewOf(store, theirs)?.changing, 'both pending');
    expect(viewOf(store, mine)?.body).toMatchObject({ type: 'recalled', by: 'ann', deleted: true });
    expect(kinds(viewOf(store, mine))).toEqual([['delete', null]]);
    expect(kinds(viewOf(store, theirs))).toEqual([['delete', null]]);
    expect(store.getState().features.hidden.has(theirs.serverId)).toBe(false);

    await client.connect();
    await everyone;
    await me;
    await until(() => store.getState().features.changes.size === 0, 'settled');
    expect(viewOf(store, mine)).toMatchObject({ changing: false, body: { type: 'recalled' } });
    expect(viewOf(store, mine)?.waiting).toBeUndefined();
    expect(store.getState().features.hidden.has(theirs.serverId)).toBe(true);
    // One row each: the tombstone replaced the message.
    expect(views(store, BOB).filter((v) => v.serverId === mine.serverId)).toHaveLength(1);
  });

  it('shows a pin in the pins at once, and the server’s list once it is applied', async () => {
    h = createHarness();
    const { theirs, bobPage } = await setUp();
    const client = offlineAnn();
    const store = bound(client, [[BOB, bobPage]]);
    const pinned = client.pin(theirs.serverId);
    await until(() => viewOf(store, theirs)?.changing, 'pending');
    const s = store.getState();
    const shown = pinsWithChanges([], s.features.changes, selectMessages(s, BOB).items, 'ann');
    expect(shown.pins.map((p) => [p.serverId, p.by])).toEqual([[theirs.serverId, 'ann']]);
    expect([...shown.waiting]).toEqual([theirs.serverId]);
    expect(shown.messages.map((m) => m.serverId)).toEqual([theirs.serverId]);
    // Another conversation's pins are left alone.
    expect(pinsWithChanges([], s.features.changes, [], 'ann').pins).toEqual([]);

    await client.connect();
    await pinned;
    await until(() => store.getState().features.changes.size === 0, 'settled');
    const after = store.getState();
    expect(after.features.pins.get(BOB)?.map((p) => p.serverId)).toEqual([theirs.serverId]);
    expect(pinsWithChanges(after.features.pins.get(BOB)!, after.features.changes, [], 'ann').waiting.size).toBe(0);
  });

  it('shows a forward as a pending row of the conversation it goes to, then the stored copy in its place, once', async () => {
    h = createHarness();
    const { theirs, bobPage, cyPage } = await setUp();
    const client = offlineAnn();
    const store = bound(client, [
      [BOB, bobPage],
      [CY, cyPage],
    ]);
    const forwarded = client.forward(theirs.serverId, CY, { message: theirs });
    await until(() => views(store, CY).some((v) => v.changing), 'pending row');
    const row = views(store, CY).at(-1)!;
    expect(row).toMatchObject({
      status: 'pending',
      serverId: null,
      own: true,
      changing: true,
      body: { type: 'txt', msg: 'pin or forward me' },
    });
    // bob's conversation shows no row for it.
    expect(views(store, BOB).some((v) => v.changing)).toBe(false);

    await client.connect();
    const copy = await forwarded;
    await until(() => store.getState().features.changes.size === 0, 'settled');
    const rows = views(store, CY).filter((v) => v.key === row.key);
    expect(rows.map((v) => [v.serverId, v.changing])).toEqual([[copy.serverId, false]]);
  });

  it('a refused pin and forward are undone, each kept with the server’s reason', async () => {
    h = createHarness();
    const { theirs, bobPage } = await setUp();
    const client = offlineAnn();
    const store = bound(client, [[BOB, bobPage]]);
    const pin = client.pin('no-such-message');
    // ann is in no group 'nowhere': the server refuses the forward there.
    const forward = client.forward(theirs.serverId, 'group:nowhere', { message: theirs });
    await client.connect();
    await expect(pin).rejects.toMatchObject({ code: expect.any(Number) });
    await expect(forward).rejects.toMatchObject({ code: expect.any(Number) });
    await until(() => [...store.getState().features.changes.values()].flat().every((c) => c.error), 'refused');
    const refused = views(store, 'group:nowhere').at(-1);
    expect(refused).toMatchObject({ status: 'failed', changing: false, error: { code: expect.any(Number) } });
    const s = store.getState();
    expect(pinsWithChanges([], s.features.changes, [], 'ann').pins).toEqual([]);
    for (const c of [...s.features.changes.values()].flat()) client.dismissChange(c.id);
    await until(() => store.getState().features.changes.size === 0, 'dismissed');
    expect(views(store, 'group:nowhere')).toHaveLength(0);
  });
});
