// @vitest-environment jsdom
import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useConversation } from '../../src/react/use-conversation';
import { useReadReceipts } from '../../src/react/use-read-receipts';
import { createReactHarness, type ReactHarness } from './react-harness';

let h: ReactHarness;
afterEach(() => h?.close());

describe('useReadReceipts', () => {
  it('reports delivered and read for own single-chat messages', async () => {
    h = createReactHarness();
    const alice = await h.client('alice');
    const bob = await h.client('bob', { delivery: true, connect: true });
    const { result } = h.render(alice, () => ({
      conv: useConversation('single:bob'),
      receipts: useReadReceipts('single:bob'),
    }));
    let serverId = '';
    await act(async () => {
      const r = await result.current.conv.sendText('ping');
      if (r.ok) serverId = r.message.serverId;
    });
    await waitFor(() => expect(result.current.receipts.receiptOf(serverId)?.delivered).toBe(true));
    expect(result.current.receipts.receiptOf(serverId)).toMatchObject({ read: false, deliveredTo: ['bob'] });
    await bob.markRead('single:alice');
    await waitFor(() => expect(result.current.receipts.receiptOf(serverId)?.read).toBe(true));
    expect(result.current.receipts.peerReadUpTo).toBe(1);
    expect(result.current.receipts.receiptOf('not-mine')).toBeUndefined();
  });

  it('counts group readers and lists them with readers()', async () => {
    h = createReactHarness();
    const alice = await h.client('alice', { connect: true });
    await alice.createGroup({ groupId: 'g', name: 'G', members: ['bob', 'carol'] });
    const bob = await h.client('bob');
    const carol = await h.client('carol', { connect: true });
    const a = h.render(alice, () => ({ conv: useConversation('group:g'), receipts: useReadReceipts('group:g') }));
    const b = h.render(bob, () => ({ conv: useConversation('group:g'), receipts: useReadReceipts('group:g') }));
    let serverId = '';
    await act(async () => {
      const r = await a.result.current.conv.sendText('agenda', { config: { allowGroupAck: true } });
      if (r.ok) serverId = r.message.serverId;
    });
    await waitFor(() => expect(b.result.current.conv.messages.length).toBe(1));
    await act(() => b.result.current.receipts.sendReadReceipt(serverId));
    await waitFor(() => expect(a.result.current.receipts.receiptOf(serverId)?.readCount).toBe(1));
    expect(await a.result.current.receipts.readers(serverId)).toEqual(['bob']);
    await carol.sendReadReceipt(serverId);
    await waitFor(() => expect(a.result.current.receipts.receiptOf(serverId)?.readCount).toBe(2));
    expect((await a.result.current.receipts.readers(serverId)).sort()).toEqual(['bob', 'carol']);
    expect(a.result.current.conv.messages[0]).toMatchObject({ status: 'read', readCount: 2 });
    await expect(b.result.current.receipts.readers(serverId)).rejects.toMatchObject({ code: expect.any(Number) });
  });

  it('shows receipts given while the sender was away: read and delivered markers, group read counts', async () => {
    h = createReactHarness();
    const sender = await h.client('alice', { connect: true });
    await sender.createGroup({ groupId: 'g', name: 'G', members: ['bob', 'carol'] });
    const first = await sender.sendText('single:bob', 'one');
    const second = await sender.sendText('single:bob', 'two');
    const grouped = await sender.sendText('group:g', 'agenda', { config: { allowGroupAck: true } });
    sender.close();
    // Bob's client receives both (delivery receipts) and reads up to the second; a third arrives and is only delivered.
    const bob = await h.client('bob', { delivery: true, connect: true });
    await bob.history('single:alice');
    await bob.markRead('single:alice');
    const carol = await h.client('carol', { connect: true });
    await carol.sendReadReceipt(grouped.serverId);
    await bob.sendReadReceipt(grouped.serverId);
    const late = await (await h.client('alice', { connect: true, device: 'other' })).sendText('single:bob', 'three');
    await waitFor(async () =>
      expect((await bob.history('single:alice')).messages.map((m) => m.serverId)).toContain(late.serverId),
    );
    await bob.sendDeliveryReceipt([late.serverId]);

    // Alice opens natter on a new device: nothing of the above reached this client live.
    const alice = await h.client('alice', { device: 'new' });
    const { result } = h.render(alice, () => ({
      single: useReadReceipts('single:bob'),
      conv: useConversation('single:bob'),
      group: useConversation('group:g'),
    }));
    await waitFor(() =>
      expect(result.current.conv.messages.map((m) => m.status)).toEqual(['read', 'read', 'delivered']),
    );
    expect(result.current.single.receiptOf(first.serverId)).toMatchObject({ read: true, delivered: true });
    expect(result.current.single.receiptOf(second.serverId)).toMatchObject({ read: true });
    expect(result.current.single.receiptOf(late.serverId)).toMatchObject({ read: false, delivered: true });
    expect(result.current.single.peerReadUpTo).toBe(2);
    await waitFor(() => expect(result.current.group.messages[0]).toMatchObject({ status: 'read', readCount: 2 }));
  });
});
