import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_RECEIPTS } from '../../src/store/chat-state';
import { storedStatus } from '../../src/store/message-view';
import { createHarness, until, type Harness } from './chat-harness';

let h: Harness;
afterEach(() => h?.close());

describe('receipts in the store', () => {
  it('moves an own single-chat message from sent to delivered to read', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    const bob = await h.session('bob', { delivery: true });
    const status = () => {
      const s = alice.store.getState();
      const m = s.conversationMessages.get('single:bob')?.items[0];
      return m ? storedStatus(m, 'alice', s.receipts['single:bob'] ?? EMPTY_RECEIPTS) : 'none';
    };
    const sent = await alice.client.sendText('single:bob', 'did you get this?');
    await until(() => status() === 'delivered', 'delivered');
    expect(alice.store.getState().receipts['single:bob']?.delivered[sent.serverId]).toEqual(['bob']);
    await bob.client.markRead('single:alice');
    await until(() => status() === 'read', 'read by channel ack');
    expect(alice.store.getState().receipts['single:bob']?.ackedUpTo.bob).toBe(sent.seq);
  });

  it('counts group readers of a message sent with allowGroupAck', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    const bob = await h.session('bob');
    const carol = await h.session('carol');
    await alice.client.createGroup({ groupId: 'g', name: 'G', members: ['bob', 'carol'] });
    const sent = await alice.client.sendText('group:g', 'read me', { config: { allowGroupAck: true } });
    await until(() => bob.store.getState().conversationMessages.get('group:g')?.items.length === 1, 'bob has it');
    await bob.client.sendReadReceipt(sent.serverId);
    await until(() => alice.store.getState().receipts['group:g']?.groupReadCount[sent.serverId] === 1, 'one reader');
    await carol.client.sendReadReceipt(sent.serverId);
    await until(() => alice.store.getState().receipts['group:g']?.groupReadCount[sent.serverId] === 2, 'two readers');
    expect([...(alice.store.getState().receipts['group:g']?.read[sent.serverId] ?? [])].sort()).toEqual([
      'bob',
      'carol',
    ]);
    expect((await alice.client.groupReaders(sent.serverId)).sort()).toEqual(['bob', 'carol']);
  });
});
