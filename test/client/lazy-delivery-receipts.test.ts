import { describe, expect, it, vi } from 'vitest';
import { lazyDeliveryReceipts } from '../../src/client/lazy-delivery-receipts';

describe('delivery receipts loaded apart', () => {
  it('sends the receipts of messages that arrived before their code, once, when it has loaded', async () => {
    const sent: string[][] = [];
    const receipts = lazyDeliveryReceipts({
      send: (ids) => {
        sent.push(ids);
        return Promise.resolve();
      },
      isOpen: () => true,
      delayMs: 0,
    });
    receipts.add('m1');
    receipts.add('m2');
    receipts.add('m1');
    receipts.flush(); // the welcome may come before the chunk: nothing to send yet, nothing lost
    await vi.waitFor(() => expect(sent).toEqual([['m1', 'm2']]));
    receipts.add('m3');
    receipts.flush();
    expect(sent).toEqual([['m1', 'm2'], ['m3']]);
    receipts.dispose();
  });

  it('sends nothing when the client closed before the code arrived', async () => {
    const send = vi.fn(() => Promise.resolve());
    const receipts = lazyDeliveryReceipts({ send, isOpen: () => true, delayMs: 0 });
    receipts.add('m1');
    receipts.dispose();
    await import('../../src/client/delivery-receipts'); // the chunk the handle waits for has loaded
    receipts.add('m2');
    receipts.flush();
    expect(send).not.toHaveBeenCalled();
  });
});
