// The default request limits of `natter serve` (the core's) against legitimate bursts: 500 sends
// arriving back to back (an outbox flushed after a reconnect) are all taken,
// none refused with 509 (a refused send is retried later, out of order), and
// stored in the order they came; a flood far beyond that is still refused.
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/protocol/errors';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import { DEFAULT_RATE_LIMIT } from '../../src/server/rate-limiter';
import { localId, login } from './raw-client';

const sendTo = (to: string, msg: string) => ({
  localId: localId(),
  to,
  chatType: 'single' as const,
  body: { type: 'txt' as const, msg },
});

describe('default rate limits', () => {
  it('take an outbox of 500 sends at once, in order, none refused', async () => {
    const server = createEmbeddedServer({ rateLimit: DEFAULT_RATE_LIMIT });
    const alice = await login(server.connect(), 'alice');
    const answers = await Promise.all(
      Array.from({ length: 500 }, (_, i) => alice.call('send', sendTo('bob', `m${i}`))),
    );
    expect(answers.filter((a) => a.t === 'err')).toEqual([]);
    const seqs = answers.map((a) => (a.t === 'ok' ? (a.r as { message: { seq: number } }).message.seq : -1));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    server.close();
  });

  it('still refuse a flood with 509 and a retry-after', async () => {
    const server = createEmbeddedServer({ rateLimit: DEFAULT_RATE_LIMIT });
    const alice = await login(server.connect(), 'alice');
    const answers = await Promise.all(Array.from({ length: 1500 }, () => alice.call('conversations', {})));
    const refused = answers.filter((a) => a.t === 'err');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toMatchObject({ code: ErrorCode.RATE_LIMITED });
    server.close();
  });
});
