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

  it('takes a single-chat receipt for a later message as covering the earlier ones, as a reload would', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    const bob = await h.session('bob'); // no automatic delivery receipts: bob sends them below
    const sent: Array<{ serverId: string; seq: number }> = [];
    for (const text of ['one', 'two', 'three']) sent.push(await alice.client.sendText('single:bob', text));
    const statuses = () => {
      const s = alice.store.getState();
      const r = s.receipts['single:bob'] ?? EMPTY_RECEIPTS;
      return (s.conversationMessages.get('single:bob')?.items ?? []).map((m) => storedStatus(m, 'alice', r));
    };
    await until(() => statuses().join() === 'sent,sent,sent', 'three sent');
    await bob.client.sendDeliveryReceipt([sent[2]!.serverId]);
    await until(() => statuses().join() === 'delivered,delivered,delivered', 'all three delivered');
    await bob.client.sendReadReceipt(sent[1]!.serverId);
    await until(() => statuses().join() === 'read,read,delivered', 'the first two read');
    // What the server's list says after a reload is the same.
    const page = await alice.client.conversationPage();
    const summary = page.conversations.find((c) => c.id === 'single:bob');
    expect([summary?.peerDeliveredSeq, summary?.peerReadSeq]).toEqual([sent[2]!.seq, sent[1]!.seq]);
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
