// Owns the client's handle on automatic delivery receipts (`delivery: true`):
// their code (delivery-receipts.ts) is a chunk of its own, fetched as such a
// client is created, so an app that does not ask for receipts never loads it.
// Messages that arrive before the chunk are handed to it when it does; a
// chunk that fails to load costs the receipts only (they are best effort).
import type { DeliveryReceipts, DeliveryReceiptsOptions } from './delivery-receipts';

/** What the client calls: DeliveryReceipts' methods, answered once its chunk is there. */
export type ReceiptSender = Pick<DeliveryReceipts, 'add' | 'flush' | 'dispose'>;

export function lazyDeliveryReceipts(options: DeliveryReceiptsOptions): ReceiptSender {
  let receipts: DeliveryReceipts | null = null;
  let stopped = false;
  const early: string[] = [];
  import('./delivery-receipts').then(
    (m) => {
      if (stopped) return;
      receipts = new m.DeliveryReceipts(options);
      for (const id of early) receipts.add(id);
      early.length = 0;
    },
    (e: unknown) => {
      stopped = true;
      early.length = 0;
      console.error('natter: delivery receipts could not be loaded', e);
    },
  );
  return {
    add(serverId) {
      if (receipts) receipts.add(serverId);
      else if (!stopped) early.push(serverId);
    },
    flush: () => receipts?.flush(),
    dispose() {
      stopped = true;
      early.length = 0;
      receipts?.dispose();
    },
  };
}
