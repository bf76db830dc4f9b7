// ContactFanout.sent: settles once what was queued before it was handed to
// the delivery (a batch per turn), later queued entries not waited for;
// settles false for what a stop drops.
import { describe, expect, it } from 'vitest';
import { ContactFanout } from '../../src/server/contact-fanout';
import type { Delivery } from '../../src/server/event-publisher';

function recording(): { delivery: Delivery; to: string[] } {
  const to: string[] = [];
  return { delivery: { mayBeOnline: () => true, deliver: (user) => void to.push(user) }, to };
}

describe('ContactFanout.sent', () => {
  it('settles once every recipient queued before it was handed to the delivery', async () => {
    const { delivery, to } = recording();
    // One recipient per turn: the queue takes several turns to drain.
    const fanout = new ContactFanout(delivery, 1);
    fanout.presence(['a', 'b', 'c'], { user: 'x', status: 'online', lastSeen: null });
    const sent = fanout.sent().then((ok) => ({ ok, delivered: [...to] }));
    fanout.presence(['d'], { user: 'y', status: 'online', lastSeen: null });
    expect(await sent).toEqual({ ok: true, delivered: ['a', 'b', 'c'] });
    expect(await fanout.sent()).toBe(true);
    expect(to).toEqual(['a', 'b', 'c', 'd']);
  });

  it('settles at once with nothing queued, and false for what a stop dropped', async () => {
    const { delivery, to } = recording();
    const fanout = new ContactFanout(delivery);
    expect(await fanout.sent()).toBe(true);
    fanout.presence(['a'], { user: 'x', status: 'away', lastSeen: null });
    const sent = fanout.sent();
    fanout.stop();
    expect(await sent).toBe(false);
    expect(to).toEqual([]);
  });
});
