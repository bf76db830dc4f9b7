import { describe, expect, it } from 'vitest';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import { createManualClock } from '../../src/server/clock';
import { localId, login } from './raw-client';

/** Lets timer work the core started (it runs on promises) finish. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

const text = (msg: string) => ({ type: 'txt' as const, msg });
const MINUTE = 60_000;

describe('event log pruning by age', () => {
  it('drops events older than eventMaxAgeMs on a timer: resuming before them resets, after them resumes', async () => {
    const clock = createManualClock();
    const server = createEmbeddedServer({ clock, eventMaxAgeMs: 10 * MINUTE, eventPruneIntervalMs: MINUTE });
    const alice = await login(server.connect(), 'alice');
    await alice.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text('old 1') });
    await alice.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text('old 2') });
    clock.advance(9 * MINUTE);
    await settle();
    expect(await server.storage.firstEventPosition('bob')).toBe(1);
    await alice.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text('new') });
    clock.advance(2 * MINUTE);
    await settle();
    expect(await server.storage.firstEventPosition('bob')).toBe(3);
    expect(await server.storage.lastEventPosition('bob')).toBe(3);
    const reset = await login(server.connect(), 'bob', { device: 'b1', resume: 0 });
    expect(reset.welcome).toMatchObject({ resumed: false, reset: true, pos: 3 });
    const resumed = await login(server.connect(), 'bob', { device: 'b2', resume: 2 });
    expect(resumed.welcome).toMatchObject({ resumed: true, reset: false });
    await resumed.sync();
    expect(resumed.eventsOf('message').map((e) => (e.message.body.type === 'txt' ? e.message.body.msg : ''))).toEqual([
      'new',
    ]);
    server.close();
  });

  it('keeps events of any age when eventMaxAgeMs is 0 (the count bound still applies)', async () => {
    const clock = createManualClock();
    const server = createEmbeddedServer({ clock, eventMaxAgeMs: 0 });
    const alice = await login(server.connect(), 'alice');
    await alice.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text('kept') });
    clock.advance(365 * 24 * 60 * MINUTE);
    await settle();
    expect(await server.storage.firstEventPosition('bob')).toBe(1);
  });
});
